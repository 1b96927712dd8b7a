import type { TableId } from "../format";
import type { RuleId, Severity } from "./types";

/**
 * The reconciliation rules (勾稽关系) as data. The checker compiles them once per format against the
 * format model; the workbook's formulas come from the same sums.
 */

/** A cell named relative to the row or column the rule runs over: a missing `row`/`column` is that key. */
export interface RelativeCell {
  readonly row?: string;
  readonly column?: string;
}

export interface RelationTerm extends RelativeCell {
  readonly sign?: 1 | -1;
  /** Taken from last year's report. */
  readonly previous?: boolean;
}

/** `target = Σ sign × term`, instantiated for every row or column of the table where all its cells exist. */
export interface LinearRule {
  readonly kind: "linear";
  readonly id: RuleId;
  readonly severity: Severity;
  readonly table: TableId;
  readonly over: "columns" | "rows";
  readonly target: RelativeCell;
  readonly terms: readonly RelationTerm[];
  /** Words before the sentence, given the key the instance runs over. */
  readonly intro?: (key: string) => string;
}

/** Every total of the format model (its `total` leaves) in this table and direction. */
export interface SumRule {
  readonly kind: "sum";
  readonly id: RuleId;
  readonly severity: Severity;
  readonly table: TableId;
  /** `row`: the terms stand in the target's row (a 总计 column); `column`: in its column (a 总计 row). */
  readonly along: "row" | "column";
}

/** A judgment of each cell on its own. */
export interface CellRule {
  readonly kind: "cell";
  readonly id: RuleId;
  readonly severity: Severity;
  readonly judges: "unusable" | "blank";
}

export type RuleSpec = LinearRule | SumRule | CellRule;

export const RULES: readonly RuleSpec[] = [
  {
    kind: "linear",
    id: "S1",
    severity: "error",
    table: "三",
    over: "columns",
    target: { row: "四" },
    terms: [{ row: "一" }, { row: "二" }, { row: "三.七", sign: -1 }],
    intro: (column) => `表三“${column}”列不平衡（本年新收 + 上年结转 应等于 （七）总计 + 结转下年度）：`,
  },
  { kind: "sum", id: "I1", severity: "error", table: "三", along: "row" },
  { kind: "sum", id: "I2", severity: "error", table: "三", along: "column" },
  { kind: "sum", id: "I3", severity: "error", table: "四", along: "row" },
  {
    kind: "linear",
    id: "Y1",
    severity: "error",
    table: "三",
    over: "columns",
    target: { row: "二" },
    terms: [{ row: "四", previous: true }],
    intro: () => "与上年年报不衔接：",
  },
  {
    kind: "linear",
    id: "Y2",
    severity: "warning",
    table: "二",
    over: "rows",
    target: { column: "现行有效件数" },
    terms: [
      { column: "现行有效件数", previous: true },
      { column: "本年制发件数" },
      { column: "本年废止件数", sign: -1 },
    ],
    intro: () => "与上年年报的现行有效件数不衔接：",
  },
  { kind: "cell", id: "V1", severity: "error", judges: "unusable" },
  { kind: "cell", id: "B1", severity: "warning", judges: "blank" },
];

/** Cells that mean “none” but are not 0 (B1). */
export const PLACEHOLDERS: ReadonlySet<string> = new Set(["/", "／", "-", "－", "—", "——", "–", "无"]);

/** Amounts compare to the cent of 万元; counts exactly. */
export const AMOUNT_TOLERANCE = 0.000001;
