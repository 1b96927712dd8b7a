import type { GridRect } from "./types";

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A 0-based cell as an A1 address, shifted by an origin. */
export function a1(row: number, col: number, origin: { row: number; col: number } = { row: 0, col: 0 }): string {
  return `${columnLetters(origin.col + col)}${origin.row + row + 1}`;
}

/** A rectangle as `A1` or `A1:C3`. */
export function rectA1(rect: GridRect, origin?: { row: number; col: number }): string {
  const first = a1(rect.row, rect.col, origin);
  if (rect.rowSpan === 1 && rect.colSpan === 1) return first;
  return `${first}:${a1(rect.row + rect.rowSpan - 1, rect.col + rect.colSpan - 1, origin)}`;
}

/** Parses `B12` into a 0-based row and column. */
export function parseA1(address: string): { row: number; col: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  if (!match) throw new Error(`not an A1 address: ${address}`);
  const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, col };
}
