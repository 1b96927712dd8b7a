import type { Deviation } from "../recognise/deviations";
import { parseReportJson, ReportReadError, type ParsedReport } from "../report/json";
import { readWorkbookReport } from "../xlsx/read-report";
import { checkReport, findDoubts, summarize } from "../rules";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, UsageError, type CliIo } from "./io";
import { renderAnswer, renderSummaryLine, type CheckAnswer } from "./render";

export interface CheckOptions {
  readonly files: readonly string[];
  readonly previous?: string;
  readonly json: boolean;
}

/** A report read from a file, with what the file's layout departs from the format (for .xlsx). */
interface ReadInput extends ParsedReport {
  readonly deviations: readonly Deviation[];
}

function unreadable(error: unknown): ReportReadError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === "ENOENT" ? "文件不存在" : code === "EISDIR" ? "这是一个文件夹" : (error as Error).message;
  return new ReportReadError(why);
}

/** Report JSON, or an .xlsx workbook (built by the add-in, or any layout the recogniser knows). */
export async function readReport(io: CliIo, file: string): Promise<ReadInput> {
  if (/\.xlsx$/i.test(file)) {
    const bytes = await io.readBytes(file).catch((error: unknown) => {
      throw unreadable(error);
    });
    const { report, deviations } = await readWorkbookReport(bytes);
    return { report, unknownKeys: [], deviations };
  }
  const text = await io.readFile(file).catch((error: unknown) => {
    throw unreadable(error);
  });
  return { ...parseReportJson(text), deviations: [] };
}

/** `check FILE… [--previous FILE] [--json]` */
export async function runCheck(options: CheckOptions, io: CliIo): Promise<number> {
  if (options.files.length === 0) throw new UsageError("check 需要至少一个报表文件");
  if (options.previous && options.files.length > 1) throw new UsageError("--previous 只能与一个报表文件一起使用");

  let previous: ReadInput | undefined;
  if (options.previous) {
    try {
      previous = await readReport(io, options.previous);
    } catch (error) {
      if (!(error instanceof ReportReadError)) throw error;
      io.stderr(`无法读取上年年报 ${options.previous}：${error.message}\n`);
      return EXIT_UNREADABLE;
    }
  }

  const answers: CheckAnswer[] = [];
  let unreadable = false;
  for (const file of options.files) {
    let parsed: ReadInput;
    try {
      parsed = await readReport(io, file);
    } catch (error) {
      if (!(error instanceof ReportReadError)) throw error;
      io.stderr(`无法读取 ${file}：${error.message}\n`);
      unreadable = true;
      continue;
    }
    const findings = checkReport(parsed.report, previous?.report);
    const doubts = findDoubts(parsed.report, previous?.report);
    const answer: CheckAnswer = {
      file,
      format: parsed.report.format,
      findings,
      summary: summarize(findings),
      ...(parsed.unknownKeys.length > 0 ? { notices: parsed.unknownKeys } : {}),
      ...(parsed.deviations.length > 0 ? { deviations: parsed.deviations } : {}),
      ...(doubts.length > 0 ? { doubts } : {}),
    };
    answers.push(answer);
    if (!options.json) {
      const single = options.files.length === 1;
      io.stdout(
        single
          ? renderAnswer(answer, { ...parsed.report, previousFile: options.previous }, io.color)
          : renderSummaryLine(answer, io.color),
      );
    }
  }

  if (options.json && answers.length > 0) {
    io.stdout(`${JSON.stringify(options.files.length === 1 ? answers[0] : answers, null, 2)}\n`);
  }
  if (unreadable) return EXIT_UNREADABLE;
  return answers.some((answer) => answer.summary.errors > 0) ? EXIT_FINDINGS : EXIT_OK;
}
