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

/** Queues the loads of one sheet's block from A1 to the end of what it uses, within the limit. */
function queueSheet(sheet: Excel.Worksheet) {
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  return { sheet, used };
}

/** After the first sync: the block's values and merged areas (ExcelApi 1.13), for the second. */
function queueBlock({ sheet, used }: ReturnType<typeof queueSheet>, mergesSupported: boolean) {
  if (used.isNullObject) return { name: sheet.name };
  const rows = Math.min(used.rowIndex + used.rowCount, ACTIVE_SHEET_LIMIT.rows);
  const columns = Math.min(used.columnIndex + used.columnCount, ACTIVE_SHEET_LIMIT.columns);
  const block = sheet.getRangeByIndexes(0, 0, rows, columns);
  block.load("values");
  const merged = mergesSupported ? block.getMergedAreasOrNullObject() : undefined;
  merged?.load("address");
  return { name: sheet.name, block, merged };
}

function gridOf({ name, block, merged }: ReturnType<typeof queueBlock>): SheetGrid {
  if (!block) return { name, cells: [], merges: [] };
  return {
    name,
    cells: block.values.map((row) => row.map((value) => toCellValue(value))),
    merges: merged && !merged.isNullObject ? parseAreas(merged.address) : [],
  };
}

/**
 * Sheets as the recogniser sees them, in two syncs however many: their values from A1 to the end of
 * what they use (within the limit), and their merged areas where the host can tell them (ExcelApi 1.13).
 */
async function readGrids(
  run: ExcelRunner,
  pick: (worksheets: Excel.WorksheetCollection) => Excel.Worksheet[],
  mergesSupported: boolean,
): Promise<SheetGrid[]> {
  return run(async (context) => {
    const probes = pick(context.workbook.worksheets).map(queueSheet);
    await context.sync();
    const blocks = probes.map((probe) => queueBlock(probe, mergesSupported));
    await context.sync();
    return blocks.map(gridOf);
  });
}

/** The active sheet as the recogniser sees it. */
export async function readActiveSheet(run: ExcelRunner, mergesSupported: boolean): Promise<SheetGrid> {
  const [grid] = await readGrids(run, (worksheets) => [worksheets.getActiveWorksheet()], mergesSupported);
  return grid;
}

/** Sheets of the open workbook by name (departments' tables pasted into it, for the 汇总). */
export async function readSheets(
  run: ExcelRunner,
  names: readonly string[],
  mergesSupported: boolean,
): Promise<SheetGrid[]> {
  return readGrids(run, (worksheets) => names.map((name) => worksheets.getItem(name)), mergesSupported);
}
