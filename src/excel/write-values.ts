import { FORMATS } from "../format";
import type { Report } from "../report/types";
import { entryOf } from "./cell-value";
import { cellRange } from "./locate";
import type { ExcelRunner } from "./runner";

/**
 * Writes a report's figures into the input cells of the built tables, in one sync: totals stay
 * formulas, and each value is written as it was (text stays text, for the check to point at).
 */
export async function writeReportValues(run: ExcelRunner, report: Report): Promise<number> {
  return run(async (context) => {
    let written = 0;
    for (const cell of FORMATS[report.format].cells) {
      if (cell.role !== "input") continue;
      const value = report.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey];
      if (value === undefined || value === null) continue;
      cellRange(context, report.format, cell.id).values = [[entryOf(value)]];
      written++;
    }
    await context.sync();
    return written;
  });
}
