/** The two official formats of the annual report's tables. */
export type FormatId = "2021" | "2019";

export type TableId = "二" | "三" | "四";

export const TABLE_IDS: readonly TableId[] = ["二", "三", "四"];

/**
 * What a value cell may hold, which decides how V1 judges it.
 * - count: 件数, a whole number ≥ 0
 * - amount: 金额, a number ≥ 0 that may have fractions (本年收费金额 in 万元, 采购总金额)
 * - change: 本年增/减, a whole number that may be negative
 */
export type ValueKind = "count" | "amount" | "change";

/** Input cells are typed by staff; derived cells are totals that the workbook computes. */
export type CellRole = "input" | "derived";

/** A rectangle of a table's own grid, 0-based, relative to the table's top-left cell. */
export interface GridRect {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

export type LabelRole = "corner" | "columnHeader" | "rowHeader" | "blockTitle";

/** A cell of the grid that holds fixed text of the format. */
export interface LabelCell extends GridRect {
  readonly text: string;
  readonly role: LabelRole;
}

/** `TABLE:ROW:COLUMN`, e.g. `三:三.七:总计` (report-json.md, “Cell ids”). */
export type CellId = string;

/** A cell of the grid that holds a figure. */
export interface ValueCell extends GridRect {
  readonly id: CellId;
  readonly table: TableId;
  /** Row key of the report JSON (`规章`, `三.三.1`, `行政复议`). */
  readonly rowKey: string;
  /** Column key of the report JSON (`本年制发件数`, `自然人`, `总计`). */
  readonly columnKey: string;
  /** How the row is named in a sentence, e.g. `（三）不予公开 1.属于国家秘密`. */
  readonly rowName: string;
  /** How the row is named inside a sum, e.g. `（三）1`. */
  readonly rowShort: string;
  /** How the column is named in a sentence, e.g. `本年收费金额（单位：万元）` or `自然人`. */
  readonly columnName: string;
  readonly kind: ValueKind;
  readonly role: CellRole;
  /** Position in the format's flat list of value cells, for array-backed processing. */
  readonly index: number;
}

export interface TableModel {
  readonly id: TableId;
  /** The section heading that stands above the table, e.g. `二、主动公开政府信息情况`. */
  readonly heading: string;
  readonly rowCount: number;
  readonly colCount: number;
  readonly labels: readonly LabelCell[];
  readonly cells: readonly ValueCell[];
  /** Row keys in the order of the grid. */
  readonly rowKeys: readonly string[];
  /** Column keys in the order of the grid (for table 二 the union over its blocks). */
  readonly columnKeys: readonly string[];
  /** Number of header rows above the first data row (table 三: 3), for repeating them in print. */
  readonly headerRows: number;
}

/** A total that is the sum of other cells of its table: the derived cells and the I1/I2/I3 rules come from these. */
export interface SumRelation {
  readonly target: CellId;
  readonly terms: readonly CellId[];
  /** Which dimension the terms run along: the same row (a column total) or the same column (a row total). */
  readonly along: "row" | "column";
}

export interface FormatModel {
  readonly id: FormatId;
  /** 国办公开办函〔2021〕30号 */
  readonly document: string;
  /** A short name staff recognise, e.g. `2021 年版格式`. */
  readonly title: string;
  readonly tables: Readonly<Record<TableId, TableModel>>;
  /** Every value cell, table by table in grid order; `cells[i].index === i`. */
  readonly cells: readonly ValueCell[];
  readonly cellById: ReadonlyMap<CellId, ValueCell>;
  /** Every total of the format, table by table. */
  readonly sums: readonly SumRelation[];
}

export function cellId(table: TableId, rowKey: string, columnKey: string): CellId {
  return `${table}:${rowKey}:${columnKey}`;
}
