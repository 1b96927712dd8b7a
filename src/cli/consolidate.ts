import { consolidate, majorityFormat, type DepartmentInput, type DepartmentState } from "../consolidate/consolidate";
import { FORMATS, formatForYear, isFormatId, type FormatId } from "../format";
import { ReportReadError, stringifyReport } from "../report/json";
import { summarize } from "../rules";
import { writeTemplate } from "../xlsx/template";
import { readReport } from "./check";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, UsageError, type CliIo } from "./io";
import { renderAnswer } from "./render";

export interface ConsolidateCommand {
  readonly files: readonly string[];
  readonly out?: string;
  readonly format?: string;
  readonly agency?: string;
  readonly year?: string;
  readonly includeErrors: boolean;
  readonly json: boolean;
  readonly overwrite: boolean;
  /** Draw a progress bar (a person at a terminal). */
  readonly progress: boolean;
}

const MARK: Record<DepartmentState, string> = { 通过: "✓", 有警告: "!", 有错误: "✗", 格式不符: "⊘", 无法识别: "?" };

/** `consolidate FILES… --out 汇总.xlsx|汇总.json [--json] [--include-errors] [--format] [--agency] [--year]` */
export async function runConsolidate(command: ConsolidateCommand, io: CliIo): Promise<number> {
  if (command.files.length === 0) throw new UsageError("consolidate 需要各部门的报表文件（.xlsx 或 .json）");
  if (command.out && !/\.(xlsx|json)$/i.test(command.out)) throw new UsageError("--out 应为 .xlsx 或 .json 文件");
  if (command.format !== undefined && !isFormatId(command.format)) throw new UsageError("--format 应为 2021 或 2019");
  const year = command.year === undefined ? undefined : Number(command.year);
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError("--year 应为年度，如 2024");
  if (command.out && !command.overwrite && (await io.exists(command.out))) {
    io.stderr(`${command.out} 已存在，未覆盖。要覆盖请加 --overwrite。\n`);
    return EXIT_UNREADABLE;
  }

  const departments: DepartmentInput[] = [];
  for (const [i, file] of command.files.entries()) {
    try {
      const { report, deviations } = await readReport(io, file);
      departments.push({ name: file, report, deviations });
    } catch (error) {
      if (!(error instanceof ReportReadError)) throw error;
      departments.push({ name: file, unreadable: error.message });
    }
    if (command.progress) {
      const width = 30;
      const done = Math.round(((i + 1) / command.files.length) * width);
      io.stderr(`\r汇总 [${"█".repeat(done)}${" ".repeat(width - done)}] ${i + 1}/${command.files.length}`);
    }
  }
  if (command.progress) io.stderr("\n");

  // The format: as asked, else the year's, else the one most departments used.
  const format: FormatId =
    (command.format as FormatId | undefined) ??
    (year !== undefined ? formatForYear(year) : majorityFormat(departments));
  const result = consolidate(departments, {
    format,
    agency: command.agency,
    year,
    includeErrors: command.includeErrors,
  });
  const included = result.departments.filter((d) => d.included).length;
  const summary = summarize(result.findings);

  if (command.json) {
    io.stdout(
      `${JSON.stringify(
        {
          format,
          departments: result.departments.map((d) => ({
            file: d.name,
            state: d.state,
            included: d.included,
            ...(d.reason ? { reason: d.reason } : {}),
            summary: summarize(d.findings),
          })),
          included,
          report: result.report,
          findings: result.findings,
          summary,
          ...(command.out ? { out: command.out } : {}),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    for (const d of result.departments) {
      const counts = summarize(d.findings);
      const detail = d.reason ?? (counts.warnings > 0 ? `${counts.warnings} 条警告` : "");
      io.stdout(`${MARK[d.state]} ${d.state.padEnd(4, "　")} ${d.name}${detail ? `  ${detail}` : ""}\n`);
    }
    io.stdout(`\n汇总：计入 ${included} 个部门（共 ${result.departments.length} 个），${FORMATS[format].title}\n\n`);
    io.stdout(
      renderAnswer(
        { file: "汇总", format, findings: result.findings, summary },
        { agency: command.agency, year },
        io.color,
      ),
    );
  }
  if (included === 0) {
    io.stderr("没有可以计入汇总的部门。\n");
    return EXIT_UNREADABLE;
  }
  if (command.out) {
    const bytes = /\.json$/i.test(command.out)
      ? new TextEncoder().encode(stringifyReport(result.report))
      : await writeTemplate({
          format,
          agency: command.agency ?? "汇总",
          year: year ?? new Date().getFullYear() - 1,
          report: result.report,
        });
    await io.writeBytes(command.out, bytes);
    if (!command.json) io.stdout(`已写入 ${command.out}\n`);
  }
  return summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
