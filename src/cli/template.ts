import { formatForYear, isFormatId, type FormatId } from "../format";
import { writeTemplate } from "../xlsx/template";
import { EXIT_OK, EXIT_UNREADABLE, UsageError, type CliIo } from "./io";

export interface TemplateCommand {
  readonly format?: string;
  readonly agency?: string;
  readonly year?: string;
  readonly out?: string;
  readonly force: boolean;
  readonly exists: (path: string) => Promise<boolean>;
}

/** `template --format 2021 --agency NAME --year 2024 --out FILE.xlsx` */
export async function runTemplate(command: TemplateCommand, io: CliIo): Promise<number> {
  const year = Number(command.year);
  if (!command.year || !Number.isInteger(year) || year < 2019)
    throw new UsageError("--year 应为 2019 年以后的年度，如 --year 2024");
  if (!command.agency?.trim()) throw new UsageError("--agency 应为机关名称，如 --agency 某某区人民政府办公室");
  if (!command.out || !/\.xlsx$/i.test(command.out))
    throw new UsageError("--out 应为要写入的 .xlsx 文件，如 --out 年报表格.xlsx");
  if (command.format !== undefined && !isFormatId(command.format)) {
    throw new UsageError(`--format 应为 2021 或 2019，而不是“${command.format}”`);
  }
  const format: FormatId = (command.format as FormatId | undefined) ?? formatForYear(year);
  if (!command.force && (await command.exists(command.out))) {
    io.stderr(`${command.out} 已存在，未覆盖。要覆盖请加 --force。\n`);
    return EXIT_UNREADABLE;
  }
  await io.writeBytes(command.out, await writeTemplate({ format, agency: command.agency.trim(), year }));
  io.stdout(
    `已写入 ${command.out}：${year} 年度表二、表三、表四（${format === "2021" ? "2021 年版格式" : "2019 年试行格式"}），请在白色单元格中填写数字。\n`,
  );
  return EXIT_OK;
}
