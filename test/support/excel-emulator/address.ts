import { parseA1 } from "../../../src/format/a1";
import type { Rect } from "./state";

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/** `A1`, `A1:C3`, `5:7` (whole rows), `C:E` (whole columns); a sheet prefix is ignored. */
export function parseAddress(address: string): Rect {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from, to = from] = local.replace(/\$/g, "").split(":");
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    return { row: Number(from) - 1, col: 0, rowCount: Number(to) - Number(from) + 1, colCount: MAX_COLS };
  }
  if (/^[A-Z]+$/i.test(from) && /^[A-Z]+$/i.test(to)) {
    const a = parseA1(`${from}1`).col;
    const b = parseA1(`${to}1`).col;
    return { row: 0, col: a, rowCount: MAX_ROWS, colCount: b - a + 1 };
  }
  const a = parseA1(from);
  const b = parseA1(to);
  return { row: a.row, col: a.col, rowCount: b.row - a.row + 1, colCount: b.col - a.col + 1 };
}

export function isWholeRows(rect: Rect): boolean {
  return rect.col === 0 && rect.colCount === MAX_COLS;
}

export function isWholeColumns(rect: Rect): boolean {
  return rect.row === 0 && rect.rowCount === MAX_ROWS;
}
