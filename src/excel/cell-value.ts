import type { CellValue } from "../report/types";

/**
 * Whether a number format shows a date or a time: Excel stores a typed date (`2023/5/1`) as a serial
 * number with such a format, and the number is then a date, not a figure. Quoted text, escaped
 * characters and bracketed parts (`[Red]`, `[$-804]`) are left out before looking for date codes.
 */
export function isDateFormat(numberFormat: unknown): boolean {
  if (typeof numberFormat !== "string" || numberFormat === "General") return false;
  const codes = numberFormat.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(codes);
}

/** A date serial (days since 1899-12-30, as Excel counts from March 1900 on) as `YYYY-MM-DD`. */
function serialToDate(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

/**
 * Excel's values as report values: text stays text, an empty cell is a blank (null), a number shown as
 * a date is that date as text (`2023-05-01`, as the command line reads it from a file), so V1 names it.
 */
export function toCellValue(value: unknown, numberFormat?: unknown): CellValue {
  if (typeof value === "number") return isDateFormat(numberFormat) ? serialToDate(value) : value;
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
