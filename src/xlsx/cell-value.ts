import type { CellValue } from "../report/types";

/** An ExcelJS cell value as a report value: formulas give their cached result, rich text its text. */
export function reportValueOf(value: unknown): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return value;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const object = value as {
      result?: unknown;
      formula?: string;
      sharedFormula?: string;
      richText?: { text: string }[];
      text?: string;
      error?: string;
    };
    if ("result" in object) return reportValueOf(object.result);
    // A formula never calculated (a file written by a program, not saved by Excel) holds no value yet.
    if (object.formula !== undefined || object.sharedFormula !== undefined) return null;
    if (object.richText) return object.richText.map((run) => run.text).join("");
    if (typeof object.text === "string") return object.text;
    if (typeof object.error === "string") return object.error;
  }
  return String(value);
}
