import { FORMAT_IDS } from "../format";
import type { Report } from "../report/types";
import { checkReport, findDoubts, type Doubt, type Finding } from "../rules";
import { queueMarks, queueMarkState } from "./highlight";
import { finishRead, queueRead, type ReadResult } from "./read";
import type { ExcelRunner } from "./runner";

export interface RecheckResult {
  readonly read: ReadResult;
  readonly findings: readonly Finding[];
  /** Figures to confirm (a bare amount in 元 in a 万元 cell): listed, not marked. */
  readonly doubts: readonly Doubt[];
  readonly marked: number;
}

/**
 * Reads the tables, checks them (against last year's report when given) and replaces the marks, in two
 * syncs: the first loads the cells and the existing marks of both formats together, the second writes.
 * Returns undefined when the workbook holds no built tables.
 */
export async function recheck(run: ExcelRunner, previous?: Report): Promise<RecheckResult | undefined> {
  return run(async (context) => {
    const pending = queueRead(context);
    const marks = Object.fromEntries(FORMAT_IDS.map((format) => [format, queueMarkState(context, format)]));
    await context.sync();
    const read = finishRead(pending);
    if (!read) return undefined;
    const findings = checkReport(read.report, previous);
    const marked = queueMarks(context, read.report.format, marks[read.report.format], findings, read.missingCells);
    await context.sync();
    return { read, findings, doubts: findDoubts(read.report, previous), marked };
  });
}
