import { FORMATS, perTable, TABLE_IDS, type FormatId, type TableId, type TableModel } from "../format";
import type { Origin } from "../rules";

/**
 * Where the add-in puts each table and what it names, decided without touching the workbook.
 * Named ranges, not addresses, find the tables again: a table name over the grid, and one name per row
 * and per column that holds figures, so a cell is the intersection of its row's and its column's names
 * wherever staff insert rows or columns, move the block or rename the sheet.
 */

export const SETTINGS_KEY = "disclosureReport";

export const SHEET_NAMES: Readonly<Record<TableId, string>> = {
  二: "二 主动公开",
  三: "三 依申请公开",
  四: "四 复议诉讼",
};

/** The table starts on the third row: a title row and the section heading stand above it. */
export const TABLE_ORIGIN: Origin = { row: 2, col: 0 };

const TABLE_NUMBER: Readonly<Record<TableId, number>> = { 二: 2, 三: 3, 四: 4 };

export interface TableNames {
  readonly table: string;
  /** Grid row (of the model) → name of the row range. */
  readonly rows: ReadonlyMap<number, string>;
  /** Grid column (of the model) → name of the column range. */
  readonly columns: ReadonlyMap<number, string>;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function tableNames(format: FormatId, table: TableId): TableNames {
  const model = FORMATS[format].tables[table];
  const base = `DR${format}_T${TABLE_NUMBER[table]}`;
  return {
    table: base,
    rows: new Map([...new Set(model.cells.map((cell) => cell.row))].map((row) => [row, `${base}_R${pad(row)}`])),
    columns: new Map([...new Set(model.cells.map((cell) => cell.col))].map((col) => [col, `${base}_C${pad(col)}`])),
  };
}

export const NAMES: Readonly<Record<FormatId, Readonly<Record<TableId, TableNames>>>> = {
  "2021": perTable((table) => tableNames("2021", table)),
  "2019": perTable((table) => tableNames("2019", table)),
};

/** What the add-in records in the workbook's settings about what it built. */
export interface BuildRecord {
  readonly format: FormatId;
  readonly agency: string;
  readonly year: number;
  readonly addinVersion: string;
}

export function reportTitle(agency: string, year: number): string {
  return `${agency} ${year}年政府信息公开工作年度报告`;
}

/** Column widths in points that show every label: long row labels wrap at a cap. */
export function columnWidths(model: TableModel): number[] {
  const widths = Array.from({ length: model.colCount }, () => 56);
  for (const label of model.labels) {
    if (label.colSpan !== 1 || label.role === "blockTitle") continue;
    const characters = label.rowSpan > 1 ? Math.min(label.text.length, 4) : label.text.length;
    widths[label.col] = Math.max(widths[label.col], Math.min(characters * 11 + 12, 280));
  }
  return widths;
}

export { TABLE_IDS };
