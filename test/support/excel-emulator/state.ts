import { isErrorValue, type FormulaEngine, type RawContent } from "./engine";

/**
 * The workbook the emulator holds: cell contents live in a formula engine (HyperFormula in tests, the
 * demo's own evaluator on the demo page), everything else (formats, merges, names, conditional formats, validation, protection)
 * in plain maps. Proxies in `proxies.ts` read and write it only when a batch is synced.
 */

export interface Rect {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export interface CellFormat {
  numberFormat?: string;
  fill?: string;
  fontName?: string;
  fontSize?: number;
  fontBold?: boolean;
  fontColor?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  /** Excel's default is locked. */
  locked?: boolean;
  borderTop?: string;
  borderBottom?: string;
  borderLeft?: string;
  borderRight?: string;
}

export interface ConditionalFormatState {
  id: string;
  rect: Rect;
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface ValidationState {
  rect: Rect;
  rule: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
}

export interface SheetState {
  id: number;
  name: string;
  formats: Map<string, CellFormat>;
  merges: Rect[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  protected: boolean;
  conditionalFormats: ConditionalFormatState[];
  validations: ValidationState[];
  pageLayout: Record<string, unknown>;
  freezeRows: number;
}

export interface NameState {
  name: string;
  sheetId: number;
  rect: Rect;
  comment?: string;
}

export type CellScalar = number | string | boolean;

export class EmulatorError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const key = (row: number, col: number) => `${row},${col}`;

export function within(rect: Rect, row: number, col: number): boolean {
  return row >= rect.row && row < rect.row + rect.rowCount && col >= rect.col && col < rect.col + rect.colCount;
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount
  );
}

/** What Excel passes to a worksheet's onChanged handlers (the fields the add-in reads). */
export interface ChangeEvent {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: "RangeEdited";
  source: "Local";
  /** ExcelApi 1.14: the add-in's own writes say so. */
  triggerSource: "ThisLocalAddin" | "Unknown";
}

export class WorkbookState {
  /** onChanged handlers by sheet id. */
  readonly changeHandlers = new Map<number, Set<(event: ChangeEvent) => Promise<unknown>>>();
  /** Events fired and not yet delivered; tests await `settle()`. */
  private deliveries: Promise<unknown>[] = [];

  /** Tells the sheet's handlers, after the current work, as Excel does. */
  notifyChange(sheet: SheetState, address: string, triggerSource: ChangeEvent["triggerSource"]): void {
    const handlers = [...(this.changeHandlers.get(sheet.id) ?? [])];
    if (handlers.length === 0) return;
    const event: ChangeEvent = {
      type: "WorksheetChanged",
      worksheetId: `{sheet-${sheet.id}}`,
      address,
      changeType: "RangeEdited",
      source: "Local",
      triggerSource,
    };
    this.deliveries.push(
      new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
        Promise.all(handlers.map((handler) => handler(event))),
      ),
    );
  }

  /** Waits until every fired event was handled. */
  async settle(): Promise<void> {
    while (this.deliveries.length > 0) {
      const pending = this.deliveries;
      this.deliveries = [];
      await Promise.all(pending);
    }
  }

  constructor(readonly engine: FormulaEngine) {}

  readonly sheets: SheetState[] = [];
  readonly names: NameState[] = [];
  readonly settings = new Map<string, unknown>();
  activeSheetId = -1;
  selection: { sheetId: number; rect: Rect } | undefined;
  private nextConditionalFormat = 1;

  addSheet(name: string): SheetState {
    if (this.sheetByName(name)) throw new EmulatorError("ItemAlreadyExists", `A sheet named ${name} exists.`);
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name))
      throw new EmulatorError("InvalidArgument", `Bad sheet name ${name}.`);
    this.engine.addSheet(name);
    const sheet: SheetState = {
      id: this.engine.getSheetId(name) as number,
      name,
      formats: new Map(),
      merges: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      protected: false,
      conditionalFormats: [],
      validations: [],
      pageLayout: {},
      freezeRows: 0,
    };
    this.sheets.push(sheet);
    if (this.activeSheetId < 0) this.activeSheetId = sheet.id;
    return sheet;
  }

  /**
   * Worksheet.copy: a new sheet after the original (or after `after`), named as Excel names copies
   * (`表 (2)`), with its contents, formats, merges, protection, conditional formats and validation.
   * Sheet-scoped things only: workbook names stay with the original, as in Excel.
   */
  copySheet(original: SheetState, after?: SheetState): SheetState {
    let n = 2;
    while (this.sheetByName(`${original.name.slice(0, 25)} (${n})`)) n++;
    const copy = this.addSheet(`${original.name.slice(0, 25)} (${n})`);
    this.sheets.splice(this.sheets.indexOf(copy), 1);
    this.sheets.splice(this.sheets.indexOf(after ?? original) + 1, 0, copy);
    this.engine.setSheetContent(copy.id, this.engine.getSheetSerialized(original.id));
    // JSON, not structuredClone: jsdom (the pane's tests) has no structuredClone. Every field is plain data.
    const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
    copy.formats = new Map([...original.formats].map(([k, format]) => [k, { ...format }]));
    copy.merges = clone(original.merges);
    copy.columnWidths = new Map(original.columnWidths);
    copy.rowHeights = new Map(original.rowHeights);
    copy.protected = original.protected;
    copy.conditionalFormats = original.conditionalFormats.map((format) => ({
      ...clone(format),
      id: `{CF-${this.nextConditionalFormat++}}`,
    }));
    copy.validations = clone(original.validations);
    copy.pageLayout = clone(original.pageLayout);
    copy.freezeRows = original.freezeRows;
    return copy;
  }

  sheetByName(name: string): SheetState | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  sheetById(id: number): SheetState | undefined {
    return this.sheets.find((sheet) => sheet.id === id);
  }

  renameSheet(sheet: SheetState, name: string): void {
    const other = this.sheetByName(name);
    if (other && other !== sheet) throw new EmulatorError("ItemAlreadyExists", `A sheet named ${name} exists.`);
    this.engine.renameSheet(sheet.id, name);
    sheet.name = name;
  }

  deleteSheet(sheet: SheetState): void {
    this.engine.removeSheet(sheet.id);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.names.length - 1; i >= 0; i--) if (this.names[i].sheetId === sheet.id) this.names.splice(i, 1);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id ?? -1;
  }

  /** What `range.values` shows: numbers, strings, booleans, "" for a blank, "#DIV/0!" for errors. */
  value(sheet: SheetState, row: number, col: number): CellScalar {
    const value = this.engine.getCellValue({ sheet: sheet.id, row, col });
    if (isErrorValue(value)) return value.error;
    if (value === null || value === undefined) return "";
    return value as CellScalar;
  }

  /** What `range.formulas` shows: the formula, or the value as entered. */
  formula(sheet: SheetState, row: number, col: number): CellScalar {
    const address = { sheet: sheet.id, row, col };
    if (this.engine.doesCellHaveFormula(address)) return this.engine.getCellFormula(address) as string;
    const raw = this.engine.getCellSerialized(address);
    if (raw === null || raw === undefined) return "";
    if (typeof raw === "string" && raw.startsWith("'")) return raw.slice(1);
    return raw as CellScalar;
  }

  /** The block from the first to the last cell that holds something, or undefined for an empty sheet. */
  usedRect(sheet: SheetState): Rect | undefined {
    const dimensions = this.engine.getSheetDimensions(sheet.id);
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (let row = 0; row < dimensions.height; row++) {
      for (let col = 0; col < dimensions.width; col++) {
        if (this.formula(sheet, row, col) === "") continue;
        top = Math.min(top, row);
        left = Math.min(left, col);
        bottom = Math.max(bottom, row);
        right = Math.max(right, col);
      }
    }
    return bottom < 0 ? undefined : { row: top, col: left, rowCount: bottom - top + 1, colCount: right - left + 1 };
  }

  isFormula(sheet: SheetState, row: number, col: number): boolean {
    return this.engine.doesCellHaveFormula({ sheet: sheet.id, row, col });
  }

  format(sheet: SheetState, row: number, col: number): CellFormat {
    return sheet.formats.get(key(row, col)) ?? {};
  }

  isLocked(sheet: SheetState, row: number, col: number): boolean {
    return this.format(sheet, row, col).locked !== false;
  }

  /** Writes that Excel refuses on a protected sheet's locked cells. */
  assertWritable(sheet: SheetState, rect: Rect, what: string): void {
    if (!sheet.protected) return;
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.col; c < rect.col + rect.colCount; c++) {
        if (this.isLocked(sheet, r, c)) {
          throw new EmulatorError(
            "AccessDenied",
            `The cell you're trying to change (${what}) is on a protected sheet.`,
          );
        }
      }
    }
  }

  /** Excel reads a typed string as a number where it is one, as a formula where it starts with "=". */
  setEntry(sheet: SheetState, row: number, col: number, entry: unknown): void {
    let content: RawContent;
    if (entry === null || entry === undefined || entry === "") content = null;
    else if (
      typeof entry === "string" &&
      !entry.startsWith("=") &&
      !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(entry.trim())
    ) {
      // Keep text as text: HyperFormula would read some strings (dates, percentages) as numbers.
      content = entry.startsWith("'") ? entry : `'${entry}`;
    } else content = entry as RawContent;
    this.engine.setCellContents({ sheet: sheet.id, row, col }, [[content]]);
  }

  setFormat(sheet: SheetState, row: number, col: number, change: Partial<CellFormat>): void {
    sheet.formats.set(key(row, col), { ...this.format(sheet, row, col), ...change });
  }

  addConditionalFormat(sheet: SheetState, rect: Rect): ConditionalFormatState {
    const format: ConditionalFormatState = { id: `{CF-${this.nextConditionalFormat++}}`, rect, formula: "" };
    sheet.conditionalFormats.push(format);
    return format;
  }

  /** Shifts everything the emulator keeps beside HyperFormula when rows or columns are inserted or deleted. */
  shift(sheet: SheetState, axis: "row" | "col", at: number, count: number): void {
    const moveRect = (rect: Rect): Rect | undefined => {
      const start = axis === "row" ? rect.row : rect.col;
      const size = axis === "row" ? rect.rowCount : rect.colCount;
      let newStart = start;
      let newSize = size;
      if (count > 0) {
        if (at <= start) newStart += count;
        else if (at < start + size) newSize += count;
      } else {
        const removed = -count;
        const overlap = Math.max(0, Math.min(start + size, at + removed) - Math.max(start, at));
        newSize -= overlap;
        if (at < start) newStart -= Math.min(removed, start - at);
        if (newSize <= 0) return undefined;
      }
      return axis === "row"
        ? { ...rect, row: newStart, rowCount: newSize }
        : { ...rect, col: newStart, colCount: newSize };
    };
    const moveKeyed = <T>(map: Map<string, T>) => {
      const entries = [...map.entries()];
      map.clear();
      for (const [k, value] of entries) {
        const [row, col] = k.split(",").map(Number);
        const moved = moveRect({ row, col, rowCount: 1, colCount: 1 });
        if (moved) map.set(key(moved.row, moved.col), value);
      }
    };
    const moveLine = (map: Map<number, number>, ownAxis: "row" | "col") => {
      if (ownAxis !== axis) return;
      const entries = [...map.entries()];
      map.clear();
      for (const [index, size] of entries) {
        if (count > 0) map.set(index >= at ? index + count : index, size);
        else if (index < at || index >= at - count) map.set(index >= at ? index + count : index, size);
      }
    };
    moveKeyed(sheet.formats);
    moveLine(sheet.rowHeights, "row");
    moveLine(sheet.columnWidths, "col");
    sheet.merges = sheet.merges.map(moveRect).filter((rect): rect is Rect => Boolean(rect));
    sheet.conditionalFormats = sheet.conditionalFormats.flatMap((format) => {
      const rect = moveRect(format.rect);
      return rect ? [{ ...format, rect }] : [];
    });
    sheet.validations = sheet.validations.flatMap((validation) => {
      const rect = moveRect(validation.rect);
      return rect ? [{ ...validation, rect }] : [];
    });
    for (let i = this.names.length - 1; i >= 0; i--) {
      const name = this.names[i];
      if (name.sheetId !== sheet.id) continue;
      const rect = moveRect(name.rect);
      if (rect) name.rect = rect;
      else this.names.splice(i, 1);
    }
  }

  insert(sheet: SheetState, axis: "row" | "col", at: number, count: number): void {
    if (axis === "row") this.engine.addRows(sheet.id, [at, count]);
    else this.engine.addColumns(sheet.id, [at, count]);
    this.shift(sheet, axis, at, count);
  }

  remove(sheet: SheetState, axis: "row" | "col", at: number, count: number): void {
    if (axis === "row") this.engine.removeRows(sheet.id, [at, count]);
    else this.engine.removeColumns(sheet.id, [at, count]);
    this.shift(sheet, axis, at, -count);
  }

  /** A user's cut and paste of a block: contents, formats, merges, names and conditional formats follow it. */
  moveBlock(sheet: SheetState, from: Rect, to: { row: number; col: number }): void {
    this.engine.moveCells(
      {
        start: { sheet: sheet.id, row: from.row, col: from.col },
        end: { sheet: sheet.id, row: from.row + from.rowCount - 1, col: from.col + from.colCount - 1 },
      },
      { sheet: sheet.id, row: to.row, col: to.col },
    );
    const dRow = to.row - from.row;
    const dCol = to.col - from.col;
    const inside = (rect: Rect) =>
      within(from, rect.row, rect.col) && within(from, rect.row + rect.rowCount - 1, rect.col + rect.colCount - 1);
    const moved = new Map<string, CellFormat>();
    for (const [k, format] of [...sheet.formats.entries()]) {
      const [row, col] = k.split(",").map(Number);
      if (within(from, row, col)) {
        sheet.formats.delete(k);
        moved.set(key(row + dRow, col + dCol), format);
      }
    }
    for (const [k, format] of moved) sheet.formats.set(k, format);
    const shiftRect = (rect: Rect) => (inside(rect) ? { ...rect, row: rect.row + dRow, col: rect.col + dCol } : rect);
    sheet.merges = sheet.merges.map(shiftRect);
    sheet.conditionalFormats.forEach((format) => (format.rect = shiftRect(format.rect)));
    sheet.validations.forEach((validation) => (validation.rect = shiftRect(validation.rect)));
    this.names.filter((name) => name.sheetId === sheet.id).forEach((name) => (name.rect = shiftRect(name.rect)));
  }
}
