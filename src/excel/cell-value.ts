import type { CellValue } from "../report/types";

/** Excel's values as report values: text stays text, an empty cell is a blank (null). */
export function toCellValue(value: unknown): CellValue {
  if (typeof value === "number") return value;
  if (value === "" || value === null || value === undefined) return null;
  return String(value);
}

/**
 * A report value as Excel should receive it, as staff typed it: a blank is "", and text that Excel would
 * read as a number or a formula keeps a leading apostrophe, so that it stays the text it was found as.
 */
export function entryOf(value: CellValue | undefined): string | number {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return value;
  return /^[\s\d.,+\-=]/.test(value) ? `'${value}` : value;
}
