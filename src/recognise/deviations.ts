import type { TableId } from "../format";

export type DeviationKind = "label" | "missing" | "extra" | "format" | "unit" | "duplicate";

/** Something about the printed tables that differs from the format: tolerated, and said. */
export interface Deviation {
  readonly table: TableId;
  readonly kind: DeviationKind;
  readonly message: string;
  /** Where on which sheet, e.g. `Sheet1!C12`. */
  readonly where?: string;
}
