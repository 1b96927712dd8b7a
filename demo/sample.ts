import { FORMATS, type CellId } from "../src/format";
import { NAMES } from "../src/excel/plan";
import type { Report } from "../src/report/types";
import type { ExcelEmulator } from "../test/support/excel-emulator/core";
import huaian from "../test/fixtures/real-reports/huaian-hongze-district-2023.json";
import { parseReportJson } from "../src/report/json";
import { a1 } from "../src/format/a1";

/** A real published report (淮安市洪泽区 2023, as printed: two I3 errors and 21 blanks). */
export const SAMPLE: Report = parseReportJson(JSON.stringify(huaian)).report;

/** Where a cell of the built tables stands now: its row name ∩ its column name, as the add-in finds it. */
export function cellAddress(
  excel: ExcelEmulator,
  report: Report,
  id: CellId,
): { sheet: string; address: string } | undefined {
  const cell = FORMATS[report.format].cellById.get(id);
  if (!cell) return undefined;
  const names = NAMES[report.format][cell.table];
  const row = excel.state.names.find((n) => n.name === names.rows.get(cell.row));
  const col = excel.state.names.find((n) => n.name === names.columns.get(cell.col));
  const sheet = row && excel.state.sheetById(row.sheetId);
  if (!row || !col || !sheet) return undefined;
  return { sheet: sheet.name, address: a1(row.rect.row, col.rect.col) };
}

/**
 * Types a report's figures into the built tables as a person would, cell by cell (each edit is seen by
 * the pane's live re-check). Returns how many cells were typed, or 0 where the tables are not built.
 */
export function typeReport(excel: ExcelEmulator, report: Report): number {
  let typed = 0;
  for (const cell of FORMATS[report.format].cells) {
    if (cell.role !== "input") continue;
    const value = report.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey];
    const where = cellAddress(excel, report, cell.id);
    if (!where) return 0;
    if (value === undefined || value === null) continue;
    excel.type(where.sheet, where.address, value);
    typed++;
  }
  return typed;
}
