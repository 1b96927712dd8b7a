import { parseA1 } from "../format";
import type { Area, SheetGrid } from "../recognise/grid";
import { toCellValue } from "./cell-value";
import type { ExcelRunner } from "./runner";

/** Tables stand near the top-left of a sheet: reading stops here, so a huge sheet costs one bounded read. */
export const ACTIVE_SHEET_LIMIT = { rows: 400, columns: 60 };

/** `'Sheet 1'!A1:D1,'Sheet 1'!B6:D6` → areas (0-based). */
function parseAreas(addresses: string): Area[] {
  return addresses
    .split(",")
    .filter(Boolean)
    .map((address) => {
      const local = address.slice(address.lastIndexOf("!") + 1);
      const [from, to = from] = local.split(":");
      const a = parseA1(from);
      const b = parseA1(to);
      return { row: a.row, col: a.col, rowCount: b.row - a.row + 1, colCount: b.col - a.col + 1 };
    });
}

/**
 * The active sheet as the recogniser sees it, in one sync: its values from A1 to the end of what it
 * uses (within the limit), and its merged areas where the host can tell them (ExcelApi 1.13).
 */
export async function readActiveSheet(run: ExcelRunner, mergesSupported: boolean): Promise<SheetGrid> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    await context.sync();
    if (used.isNullObject) return { name: sheet.name, cells: [], merges: [] };
    const rows = Math.min(used.rowIndex + used.rowCount, ACTIVE_SHEET_LIMIT.rows);
    const columns = Math.min(used.columnIndex + used.columnCount, ACTIVE_SHEET_LIMIT.columns);
    const block = sheet.getRangeByIndexes(0, 0, rows, columns);
    block.load("values");
    const merged = mergesSupported ? block.getMergedAreasOrNullObject() : undefined;
    merged?.load("address");
    await context.sync();
    return {
      name: sheet.name,
      cells: block.values.map((row) => row.map(toCellValue)),
      merges: merged && !merged.isNullObject ? parseAreas(merged.address) : [],
    };
  });
}
