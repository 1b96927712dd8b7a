import type { TableId, ValueKind } from "./types";

/**
 * The declarative description of a table, as the official format lays it out.
 * `layout.ts` turns it into the grid (labels, merges, value cells); nothing else knows coordinates.
 */
export type TableSpec = BlockTableSpec | CrossTableSpec;

/** A column of a table-二 block. */
export interface BlockColumnSpec {
  /** Key in the report JSON. */
  readonly key: string;
  /** Header text when it differs from the key, e.g. `本年收费金额（单位：万元）`. */
  readonly label?: string;
  readonly kind?: ValueKind;
}

/** One `第二十条第（X）项` block of table 二: a title row, a header row, data rows. */
export interface BlockSpec {
  readonly title: string;
  readonly columns: readonly BlockColumnSpec[];
  /** Row labels, which are also the report keys. */
  readonly rows: readonly string[];
}

/** Table 二: stacked blocks whose value columns share one physical grid. */
export interface BlockTableSpec {
  readonly shape: "blocks";
  readonly id: TableId;
  readonly heading: string;
  /** The header of the label column in every block. */
  readonly rowHeader: string;
  /** Physical value columns of the grid. */
  readonly valueWidth: number;
  /** How n value columns of a block are spread over the physical grid: n → the span of each. */
  readonly spans: Readonly<Record<number, readonly number[]>>;
  readonly blocks: readonly BlockSpec[];
}

/** A node of a row or column header tree. */
export interface HeaderNode {
  /** Report key of a leaf (or, with `namesRow`, of a group). Defaults to the label. */
  readonly key?: string;
  readonly label: string;
  /** How a row is named in a sentence when the label alone is unclear. */
  readonly name?: string;
  /** How a row is named inside a sum. */
  readonly short?: string;
  readonly children?: readonly HeaderNode[];
  /** A leaf that is the sum of the other leaves under its parent (总计). */
  readonly total?: boolean;
  /** Column groups whose leaves belong to the report row `key` (table 四's three groups). */
  readonly namesRow?: boolean;
}

/** Tables 三 and 四: a row tree crossed with a column tree. */
export interface CrossTableSpec {
  readonly shape: "cross";
  readonly id: TableId;
  readonly heading: string;
  /** Text of the top-left cell over the row labels. */
  readonly corner?: string;
  readonly columns: readonly HeaderNode[];
  /** Absent: one data row without a label, whose cells take their row key from a `namesRow` column group. */
  readonly rows?: readonly HeaderNode[];
}

export interface FormatSpec {
  readonly id: "2021" | "2019";
  readonly document: string;
  readonly title: string;
  readonly tables: readonly [BlockTableSpec, CrossTableSpec, CrossTableSpec];
}
