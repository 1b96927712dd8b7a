import { a1, FORMATS, perTable, type FormatId, type TableId, type TableModel, type ValueCell } from "../format";
import { relationExpressions, type Origin } from "../rules";

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
  /**
   * The sheets that hold (or, while a build runs, will hold) each table. Written first in a build, so
   * that a build that failed half-way leaves sheets the next build knows as its own and repairs.
   */
  readonly sheets?: Partial<Record<TableId, string>>;
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

export const FONT = "宋体";
export const TITLE_FONT = "黑体";
export const HEADER_FILL = "#F2F2F2";
export const TOTAL_FILL = "#EDF3E6";
export const BALANCE_FILL = "#FFC7CE";

/** Marks the add-in's own conditional formats (the live S1 balance), so that a rebuild replaces them. */
export const BALANCE_MARK = 'N("DR-S1")';

/** Data validation of an input cell, in the words staff use; the rule follows the cell's kind. */
export interface InputValidation {
  readonly type: "wholeNumber" | "decimal";
  readonly operator: "GreaterThanOrEqualTo" | "Between";
  readonly formula1: number;
  readonly formula2?: number;
  readonly promptTitle: string;
  readonly prompt: string;
  readonly errorTitle: string;
  readonly error: string;
}

export function validationFor(cell: ValueCell): InputValidation {
  switch (cell.kind) {
    case "amount":
      return {
        type: "decimal",
        operator: "GreaterThanOrEqualTo",
        formula1: 0,
        promptTitle: "填写金额",
        prompt: "请填写大于或等于 0 的数字（可以有小数）；没有的填 0。",
        errorTitle: "不是有效的金额",
        error: "金额应为大于或等于 0 的数字，不要带单位。",
      };
    case "change":
      return {
        type: "wholeNumber",
        operator: "Between",
        formula1: -1e9,
        formula2: 1e9,
        promptTitle: "填写增减数",
        prompt: "请填写整数，减少的填负数（如 -8）；没有变化的填 0。",
        errorTitle: "不是有效的增减数",
        error: "增减数应为整数，不要带单位。",
      };
    default:
      return {
        type: "wholeNumber",
        operator: "GreaterThanOrEqualTo",
        formula1: 0,
        promptTitle: "填写件数",
        prompt: "请填写大于或等于 0 的整数；没有的填 0。",
        errorTitle: "不是有效的件数",
        error: "件数应为大于或等于 0 的整数，不要带单位或文字。",
      };
  }
}

/** One line of the S1 block beside table 三: a column's balance and its ✓ / ✗. */
export interface BalanceLine {
  readonly row: number;
  readonly label: string;
  readonly difference: string;
  readonly verdict: string;
  /** The 四 cell of that column, and the conditional format that turns it red when the column is off. */
  readonly target: { readonly row: number; readonly col: number };
  readonly highlight: string;
}

export interface BalanceBlock {
  readonly row: number;
  readonly col: number;
  readonly header: readonly string[];
  readonly lines: readonly BalanceLine[];
}

/**
 * S1 relates inputs and cannot be a formula of the table: it stands beside table 三, outside the print
 * area (一 + 二 − （七） − 四 per column, ✓ / ✗).
 */
export function balanceBlock(format: FormatId, origin: Origin): BalanceBlock {
  const model = FORMATS[format].tables["三"];
  const col = origin.col + model.colCount + 1;
  const lines = relationExpressions(FORMATS[format], "三", "S1", origin).map(({ target, expression }, i) => {
    const row = origin.row + 1 + i;
    return {
      row,
      label: target.columnName,
      difference: `=${expression}`,
      verdict: `=IF(${a1(row, col + 1)}=0,"✓","✗")`,
      target: { row: origin.row + target.row, col: origin.col + target.col },
      highlight: `=AND(${expression}<>0,${BALANCE_MARK}=0)`,
    };
  });
  return { row: origin.row, col, header: ["勾稽检查", "一+二−（七）−四", "结果"], lines };
}

/** A sheet name not yet taken (compared as Excel compares them, ignoring case): `名称（2）` and on. */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = `（${n}）`;
    const candidate = `${wanted.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** What Excel allows as a sheet name: 31 characters at most, none of `: \\ / ? * [ ]`, no apostrophe at either end. */
export function sheetNameFrom(text: string): string {
  const cleaned = text
    .replace(/[:\\/?*[\]]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned || "部门";
}

/** `'Sheet 1'` for formulas: every sheet name quoted, apostrophes doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Tables 二, 三 and 四 one under another on one sheet, as the 汇总 and its department copies hold them:
 * a title row, then each table under its heading, a blank row between. Every such sheet shares this
 * layout, so a cell of the 汇总 adds the same address of every department's sheet.
 */
export function stackedOrigins(format: FormatId): Record<TableId, Origin> {
  const model = FORMATS[format];
  const origin二 = { row: 2, col: 0 };
  const origin三 = { row: origin二.row + model.tables["二"].rowCount + 2, col: 0 };
  const origin四 = { row: origin三.row + model.tables["三"].rowCount + 2, col: 0 };
  return { 二: origin二, 三: origin三, 四: origin四 };
}

/** Column widths that suit every table stacked on one sheet: the widest each column needs. */
export function stackedColumnWidths(format: FormatId): number[] {
  const widths: number[] = [];
  for (const table of Object.values(FORMATS[format].tables)) {
    columnWidths(table).forEach((width, col) => (widths[col] = Math.max(widths[col] ?? 0, width)));
  }
  return widths;
}
