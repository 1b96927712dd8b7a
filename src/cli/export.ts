import { reportToDocx } from "../export/docx";
import { exportGate } from "../export/gate";
import { reportToHtmlPage } from "../export/html";
import { reportToSubmission } from "../export/submission";
import { ReportReadError, stringifyReport } from "../report/json";
import type { Report } from "../report/types";
import { checkReport } from "../rules";
import { ADDIN_VERSION } from "../version";
import { readReport } from "./check";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, UsageError, type CliIo } from "./io";

export type ExportTarget = "html" | "docx" | "xlsx" | "json";
const TARGETS: readonly ExportTarget[] = ["html", "docx", "xlsx", "json"];

export interface ExportCommand {
  readonly file?: string;
  readonly to?: string;
  readonly out?: string;
  readonly previous?: string;
  /** Export although the check finds errors (“仍然导出”). */
  readonly force: boolean;
  /** Replace an existing output file. */
  readonly overwrite: boolean;
}

const encoder = new TextEncoder();

async function render(to: ExportTarget, report: Report, previous: Report | undefined): Promise<Uint8Array> {
  switch (to) {
    case "html":
      return encoder.encode(reportToHtmlPage(report));
    case "docx":
      return reportToDocx(report);
    case "xlsx":
      return reportToSubmission(report, { previous, addinVersion: ADDIN_VERSION, checkedAt: new Date() });
    case "json":
      return encoder.encode(stringifyReport(report));
  }
}

/** `export FILE --to html|docx|xlsx|json --out FILE [--previous FILE] [--force] [--overwrite]` */
export async function runExport(command: ExportCommand, io: CliIo): Promise<number> {
  if (!command.file) throw new UsageError("export 需要一个报表文件（.json 或 .xlsx）");
  if (!TARGETS.includes(command.to as ExportTarget)) throw new UsageError("--to 应为 html、docx、xlsx 或 json");
  const to = command.to as ExportTarget;
  if (!command.out) throw new UsageError(`--out 应为要写入的 .${to} 文件`);

  const read = async (file: string): Promise<Report | undefined> => {
    try {
      return (await readReport(io, file)).report;
    } catch (error) {
      if (!(error instanceof ReportReadError)) throw error;
      io.stderr(`无法读取 ${file}：${error.message}\n`);
      return undefined;
    }
  };
  const report = await read(command.file);
  const previous = command.previous ? await read(command.previous) : undefined;
  if (!report || (command.previous && !previous)) return EXIT_UNREADABLE;

  const findings = checkReport(report, previous);
  const gate = exportGate(findings, command.force);
  if (gate.blocked) {
    io.stderr(`检查发现 ${gate.errors.length} 个错误，未导出：\n`);
    for (const error of gate.errors) io.stderr(`  错误 ${error.rule}  ${error.message}\n`);
    io.stderr("请先改正；确认仍要导出，请加 --force。\n");
    return EXIT_FINDINGS;
  }
  if (!command.overwrite && (await io.exists(command.out))) {
    io.stderr(`${command.out} 已存在，未覆盖。要覆盖请加 --overwrite。\n`);
    return EXIT_UNREADABLE;
  }
  await io.writeBytes(command.out, await render(to, report, previous));
  const notes = [
    gate.errors.length > 0 ? `含 ${gate.errors.length} 个错误（已按 --force 导出）` : "",
    gate.warnings > 0 ? `${gate.warnings} 条警告` : "",
  ].filter(Boolean);
  io.stdout(`已导出 ${command.out}${notes.length > 0 ? `（${notes.join("，")}）` : ""}\n`);
  return gate.errors.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
