import type { CellValue } from "../report/types";

/** Excel's values as report values: text stays text, an empty cell is a blank (null). */
export function toCellValue(value: unknown): CellValue {
  if (typeof value === "number") return value;
  if (value === "" || value === null || value === undefined) return null;
  return String(value);
}
