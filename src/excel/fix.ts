import { FORMATS, type CellId, type FormatId, type TableId } from "../format";
import { totalFormula, type Fix } from "../rules";
import { cellRange } from "./locate";
import { NAMES } from "./plan";
import { queueLiftedRecord, withProtectionLifted } from "./protection";
import { finishRead, queueRead } from "./read";
import type { ExcelRunner } from "./runner";

export interface FixOutcome {
  readonly applied: readonly CellId[];
  /** Cells that changed since the fix was proposed: left as they are. */
  readonly skipped: readonly CellId[];
}

/**
 * Applies fixes in two syncs: the first reads the cells again, the second writes only those that still
 * hold what the fix was proposed for. Totals get their formula back with their terms where they stand now.
 */
export async function applyFixes(run: ExcelRunner, format: FormatId, fixes: readonly Fix[]): Promise<FixOutcome> {
  return run(async (context) => {
    const pending = queueRead(context);
    const tables = [...new Set(fixes.map((fix) => FORMATS[format].cellById.get(fix.cell)?.table as TableId))];
    const protections = new Map(
      tables.map((table) => {
        const protection = context.workbook.names.getItem(NAMES[format][table].table).getRange().worksheet.protection;
        protection.load("protected");
        return [table, protection] as const;
      }),
    );
    const liftedRecord = queueLiftedRecord(context);
    await context.sync();
    const read = finishRead(pending);
    if (!read || read.report.format !== format) return { applied: [], skipped: fixes.map((fix) => fix.cell) };

    const current = (id: CellId) => {
      const cell = FORMATS[format].cellById.get(id);
      return cell ? (read.report.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey] ?? null) : undefined;
    };
    const applied: CellId[] = [];
    const skipped: CellId[] = [];
    const formulaFixes: Fix[] = [];
    for (const fix of fixes) {
      const stillThere =
        fix.kind === "formula" ? read.overriddenTotals.includes(fix.cell) : current(fix.cell) === fix.from;
      if (!stillThere || !read.positions.has(fix.cell)) {
        skipped.push(fix.cell);
      } else if (fix.kind === "formula") {
        formulaFixes.push(fix);
      } else {
        cellRange(context, format, fix.cell).values = [[fix.to]];
        applied.push(fix.cell);
      }
    }
    // Totals are locked: lift the protection of their sheets around the write, then restore it.
    const sheets = [...protections]
      .filter(([table]) => formulaFixes.some((fix) => FORMATS[format].cellById.get(fix.cell)?.table === table))
      .map(([table, protection]) => ({ table, protection }));
    withProtectionLifted(context, liftedRecord, sheets, () => {
      for (const fix of formulaFixes) {
        const formula = totalFormula(FORMATS[format], fix.cell, (cell) => read.positions.get(cell.id) ?? cell);
        cellRange(context, format, fix.cell).formulas = [[formula]];
        applied.push(fix.cell);
      }
    });
    await context.sync();
    return { applied, skipped };
  });
}
