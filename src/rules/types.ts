import type { CellId } from "../format";
import type { CellValue } from "../report/types";

export type RuleId = "S1" | "I1" | "I2" | "I3" | "Y1" | "Y2" | "V1" | "B1";

export type Severity = "error" | "warning";

/** One inconsistency, on one target cell (report-json.md, “The command line's answer”). */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** The cell the rule computes or that is wrong. */
  readonly target: CellId;
  /** Every cell of this year's report that the finding involves, the target included. */
  readonly cells: readonly CellId[];
  /** What the target should hold, where that is known. */
  readonly expected: number | null;
  /** What the target holds. */
  readonly actual: CellValue;
  /** Plain Chinese, naming the row and column, what it should be and what the table holds. */
  readonly message: string;
}
