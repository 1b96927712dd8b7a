import type { Workbook, Worksheet } from "exceljs";
import { parseA1 } from "../format";
import type { Area, SheetGrid } from "../recognise/grid";
import type { CellValue } from "../report/types";
import { reportValueOf } from "./cell-value";

/** The tables stand near the top-left: a sheet is read this far, so a huge unrelated sheet costs little. */
export const READ_LIMIT = { rows: 400, columns: 60 };

function mergesOf(sheet: Worksheet): Area[] {
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  return merges.map((range) => {
    const [from, to = from] = range.split(":");
    const a = parseA1(from);
    const b = parseA1(to);
    return { row: a.row, col: a.col, rowCount: b.row - a.row + 1, colCount: b.col - a.col + 1 };
  });
}

/** One worksheet as the recogniser sees it. Cells inside a merged area other than its top-left are empty. */
export function sheetGrid(sheet: Worksheet): SheetGrid {
  const rows = Math.min(sheet.actualRowCount === 0 ? 0 : sheet.rowCount, READ_LIMIT.rows);
  const columns = Math.min(sheet.columnCount, READ_LIMIT.columns);
  const cells: CellValue[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = sheet.getCell(r, c);
      row.push(cell.isMerged && cell.master !== cell ? null : reportValueOf(cell.value));
    }
    cells.push(row);
  }
  return { name: sheet.name, cells, merges: mergesOf(sheet) };
}

export function workbookGrids(workbook: Workbook): SheetGrid[] {
  return workbook.worksheets.map(sheetGrid);
}
