/**
 * What the emulator needs of a formula engine. Tests plug in HyperFormula (GPL-3, never shipped); the
 * demo page plugs in the small evaluator of demo/formula, which is checked against HyperFormula.
 * The shape follows HyperFormula's own API, so that its adapter is thin.
 */

export interface CellAddress {
  sheet: number;
  row: number;
  col: number;
}

/** A cell as entered: a number, text ("'" keeps text as text), a formula ("=…"), a boolean, or empty. */
export type RawContent = number | string | boolean | null;

/** A formula's error value, e.g. `#DIV/0!`, `#REF!`. */
export interface ErrorValue {
  readonly error: string;
}

export type ComputedValue = number | string | boolean | null | ErrorValue;

export function isErrorValue(value: unknown): value is ErrorValue {
  return typeof value === "object" && value !== null && "error" in value;
}

export interface FormulaEngine {
  addSheet(name: string): void;
  getSheetId(name: string): number | undefined;
  renameSheet(sheet: number, name: string): void;
  removeSheet(sheet: number): void;
  getCellValue(address: CellAddress): ComputedValue;
  doesCellHaveFormula(address: CellAddress): boolean;
  getCellFormula(address: CellAddress): string | undefined;
  getCellSerialized(address: CellAddress): RawContent;
  getSheetDimensions(sheet: number): { width: number; height: number };
  setCellContents(address: CellAddress, contents: RawContent[][]): void;
  getSheetSerialized(sheet: number): RawContent[][];
  setSheetContent(sheet: number, contents: RawContent[][]): void;
  /** A formula's value as if entered on the sheet's A1 (for conditional formats' rules). */
  calculateFormula(formula: string, sheet: number): ComputedValue;
  addRows(sheet: number, at: [number, number]): void;
  addColumns(sheet: number, at: [number, number]): void;
  removeRows(sheet: number, at: [number, number]): void;
  removeColumns(sheet: number, at: [number, number]): void;
  moveCells(source: { start: CellAddress; end: CellAddress }, destination: CellAddress): void;
}
