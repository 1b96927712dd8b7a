/* eslint-disable @typescript-eslint/no-explicit-any -- Office.js types values as any[][]; the emulator mirrors them */
import { rectA1 } from "../../../src/format/a1";
import { isWholeColumns, isWholeRows, parseAddress } from "./address";
import {
  EmulatorError,
  type ChangeEvent,
  intersects,
  type CellFormat,
  type ConditionalFormatState,
  type Rect,
  type SheetState,
  type WorkbookState,
} from "./state";

/**
 * The subset of the Excel JavaScript API that src/excel uses, with Office.js proxy semantics: every write
 * and method call is queued and applied at `context.sync()`; a property can be read only after it was
 * loaded and synced (else PropertyNotLoaded, as Office.js throws); `…OrNullObject` gives null objects.
 * `member-check.ts` proves that every public member exists on the real Excel class of the same name.
 */

type Operation = () => void;

export class EmulatedContext {
  private queue: Operation[] = [];
  readonly workbook: EmulatedWorkbook;
  readonly application: EmulatedApplication;

  constructor(
    private readonly state: WorkbookState,
    private readonly hooks: { beforeSync: () => void; afterSync: () => void; operationDone?: () => void },
  ) {
    this.workbook = new EmulatedWorkbook(this, state);
    this.application = new EmulatedApplication(this);
  }

  /** @internal */
  emuEnqueue(operation: Operation): void {
    this.queue.push(operation);
  }

  /** @internal */
  get emuPending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    this.hooks.beforeSync();
    const batch = this.queue;
    this.queue = [];
    // Office.js sends the batch as one request; Excel applies it in order and stops at the first failure.
    for (const operation of batch) {
      operation();
      this.hooks.operationDone?.();
    }
    this.hooks.afterSync();
  }
}

/** The error Office.js throws for a property read before it was loaded and synced. */
function notLoaded(property: string): EmulatorError {
  return new EmulatorError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

abstract class ClientObject {
  private readonly loadedValues = new Map<string, unknown>();

  constructor(protected readonly context: EmulatedContext) {}

  /** Reads the live value of a property, at sync time. */
  protected abstract snapshot(property: string): unknown;

  protected get loadable(): readonly string[] {
    return [];
  }

  load(properties?: string | string[] | { select?: string }): this {
    const names =
      properties === undefined
        ? [...this.loadable]
        : typeof properties === "string"
          ? properties.split(",")
          : Array.isArray(properties)
            ? properties
            : (properties.select ?? "").split(",");
    this.context.emuEnqueue(() => {
      const isNull = this.snapshot("isNullObject") === true;
      this.loadedValues.set("isNullObject", isNull);
      for (const raw of names) {
        const name = raw.trim();
        // A null object's properties load as null; only isNullObject tells anything.
        if (name) this.loadedValues.set(name, isNull ? null : this.snapshot(name));
      }
    });
    return this;
  }

  protected loaded<T>(property: string): T {
    if (!this.loadedValues.has(property)) throw notLoaded(property);
    return this.loadedValues.get(property) as T;
  }

  /** @internal */
  emuPreload(property: string): void {
    this.loadedValues.set(property, this.snapshot(property));
  }

  get isNullObject(): boolean {
    return this.loaded<boolean>("isNullObject");
  }
}

class ClientResult<T> {
  private settled = false;
  private result: T | undefined;

  /** @internal */
  settle(value: T): void {
    this.result = value;
    this.settled = true;
  }

  get value(): T {
    if (!this.settled) {
      throw new EmulatorError(
        "ValueNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this.result as T;
  }
}

export class EmulatedApplication {
  constructor(private readonly context: EmulatedContext) {}

  suspendApiCalculationUntilNextSync(): void {
    this.context.emuEnqueue(() => undefined);
  }
}

export class EmulatedWorkbook {
  readonly worksheets: EmulatedWorksheetCollection;
  readonly names: EmulatedNamedItemCollection;
  readonly settings: EmulatedSettingCollection;

  constructor(
    private readonly context: EmulatedContext,
    private readonly state: WorkbookState,
  ) {
    this.worksheets = new EmulatedWorksheetCollection(context, state);
    this.names = new EmulatedNamedItemCollection(context, state);
    this.settings = new EmulatedSettingCollection(context, state);
  }

  getSelectedRange(): EmulatedRange {
    return new EmulatedRange(this.context, this.state, () => {
      const selection = this.state.selection;
      const sheet = selection && this.state.sheetById(selection.sheetId);
      if (!selection || !sheet) throw new EmulatorError("ItemNotFound", "Nothing is selected.");
      return { sheet, rect: selection.rect };
    });
  }
}

type SheetResolver = () => SheetState | undefined;

export class EmulatedWorksheetCollection extends ClientObject {
  private itemList: EmulatedWorksheet[] | undefined;

  constructor(
    context: EmulatedContext,
    private readonly state: WorkbookState,
  ) {
    super(context);
  }

  protected snapshot(property: string): unknown {
    if (property === "isNullObject") return false;
    if (property.startsWith("items")) {
      const sub = property.split("/")[1];
      this.itemList = this.state.sheets.map((sheet) => {
        const proxy = new EmulatedWorksheet(this.context, this.state, () => this.state.sheetById(sheet.id), false);
        for (const name of (sub ?? "name,position").split(",")) proxy.emuPreload(name);
        return proxy;
      });
      return this.itemList;
    }
    throw new Error(`emulator: WorksheetCollection.${property} is not emulated`);
  }

  get items(): EmulatedWorksheet[] {
    return this.loaded<EmulatedWorksheet[]>(this.itemsKey());
  }

  private itemsKey(): string {
    for (const key of ["items", "items/name", "items/name,position"]) {
      try {
        this.loaded(key);
        return key;
      } catch {
        // try the next form
      }
    }
    return "items";
  }

  getItem(name: string): EmulatedWorksheet {
    return new EmulatedWorksheet(this.context, this.state, () => this.state.sheetByName(name), false, name);
  }

  getItemOrNullObject(name: string): EmulatedWorksheet {
    return new EmulatedWorksheet(this.context, this.state, () => this.state.sheetByName(name), true, name);
  }

  getActiveWorksheet(): EmulatedWorksheet {
    return new EmulatedWorksheet(this.context, this.state, () => this.state.sheetById(this.state.activeSheetId), false);
  }

  add(name: string): EmulatedWorksheet {
    let created: SheetState | undefined;
    this.context.emuEnqueue(() => {
      created = this.state.addSheet(name);
    });
    return new EmulatedWorksheet(
      this.context,
      this.state,
      () => created && this.state.sheetById(created.id),
      false,
      name,
    );
  }
}

export class EmulatedWorksheet extends ClientObject {
  readonly protection: EmulatedWorksheetProtection;
  readonly pageLayout: EmulatedPageLayout;
  readonly onChanged: EmulatedEventHandlers;

  constructor(
    context: EmulatedContext,
    private readonly state: WorkbookState,
    private readonly resolver: SheetResolver,
    private readonly nullable: boolean,
    private readonly label = "",
  ) {
    super(context);
    this.protection = new EmulatedWorksheetProtection(
      context,
      () => this.emuSheet(),
      () => nullable && !resolver(),
    );
    this.pageLayout = new EmulatedPageLayout(context, () => this.emuSheet());
    this.onChanged = new EmulatedEventHandlers(context, state, () => this.emuSheet());
  }

  /** @internal The sheet, or an error for a missing one (a null object has no sheet to act on). */
  emuSheet(): SheetState {
    const sheet = this.resolver();
    if (!sheet) throw new EmulatorError("ItemNotFound", `The worksheet ${this.label} does not exist.`);
    return sheet;
  }

  protected snapshot(property: string): unknown {
    const sheet = this.resolver();
    if (property === "isNullObject") {
      if (!sheet && !this.nullable)
        throw new EmulatorError("ItemNotFound", `The worksheet ${this.label} does not exist.`);
      return !sheet;
    }
    if (!sheet) {
      if (this.nullable) return undefined;
      throw new EmulatorError("ItemNotFound", `The worksheet ${this.label} does not exist.`);
    }
    switch (property) {
      case "name":
        return sheet.name;
      case "id":
        return `{sheet-${sheet.id}}`;
      case "position":
        return this.state.sheets.indexOf(sheet);
      default:
        throw new Error(`emulator: Worksheet.${property} is not emulated`);
    }
  }

  get name(): string {
    return this.loaded("name");
  }

  set name(name: string) {
    this.context.emuEnqueue(() => this.state.renameSheet(this.emuSheet(), name));
  }

  get id(): string {
    return this.loaded("id");
  }

  get position(): number {
    return this.loaded("position");
  }

  getRange(address?: string): EmulatedRange {
    return new EmulatedRange(this.context, this.state, () => ({
      sheet: this.emuSheet(),
      rect: address ? parseAddress(address) : { row: 0, col: 0, rowCount: 1048576, colCount: 16384 },
    }));
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): EmulatedRange {
    return new EmulatedRange(this.context, this.state, () => ({
      sheet: this.emuSheet(),
      rect: { row, col, rowCount, colCount },
    }));
  }

  /** The smallest block holding every value (valuesOnly: formats do not count). */
  getUsedRangeOrNullObject(): EmulatedRange {
    return new EmulatedRange(
      this.context,
      this.state,
      () => {
        const sheet = this.emuSheet();
        const used = this.state.usedRect(sheet);
        if (!used) throw new EmulatorError("ItemNotFound", "The sheet is empty.");
        return { sheet, rect: used };
      },
      true,
    );
  }

  activate(): void {
    this.context.emuEnqueue(() => {
      this.state.activeSheetId = this.emuSheet().id;
    });
  }

  delete(): void {
    this.context.emuEnqueue(() => this.state.deleteSheet(this.emuSheet()));
  }

  copy(
    positionType?: "None" | "Before" | "After" | "Beginning" | "End",
    relativeTo?: EmulatedWorksheet,
  ): EmulatedWorksheet {
    let created: SheetState | undefined;
    this.context.emuEnqueue(() => {
      const original = this.emuSheet();
      const after =
        positionType === "After" && relativeTo
          ? relativeTo.emuSheet()
          : positionType === "End"
            ? this.state.sheets[this.state.sheets.length - 1]
            : undefined;
      if (positionType !== undefined && positionType !== "None" && positionType !== "After" && positionType !== "End")
        throw new Error(`emulator: Worksheet.copy(${positionType}) is not emulated`);
      created = this.state.copySheet(original, after);
    });
    return new EmulatedWorksheet(this.context, this.state, () => created && this.state.sheetById(created.id), false);
  }
}

export class EmulatedWorksheetProtection extends ClientObject {
  constructor(
    context: EmulatedContext,
    private readonly sheet: () => SheetState,
    private readonly isNull: () => boolean,
  ) {
    super(context);
  }

  protected snapshot(property: string): unknown {
    if (property === "isNullObject" || this.isNull())
      return this.isNull() ? (property === "isNullObject" ? true : undefined) : false;
    if (property === "protected") return this.sheet().protected;
    throw new Error(`emulator: WorksheetProtection.${property} is not emulated`);
  }

  get protected(): boolean {
    return this.loaded("protected");
  }

  protect(_options?: unknown, password?: string): void {
    this.context.emuEnqueue(() => {
      const sheet = this.sheet();
      if (sheet.protected) throw new EmulatorError("InvalidOperation", "The worksheet is already protected.");
      if (password) throw new Error("emulator: passwords are not emulated; the add-in protects without one");
      sheet.protected = true;
    });
  }

  unprotect(): void {
    this.context.emuEnqueue(() => {
      this.sheet().protected = false;
    });
  }
}

type ChangeHandler = (event: ChangeEvent) => Promise<unknown>;

/** A worksheet's onChanged: handlers registered at sync, removed through their result. */
export class EmulatedEventHandlers {
  constructor(
    private readonly context: EmulatedContext,
    private readonly state: WorkbookState,
    private readonly sheet: () => SheetState,
  ) {}

  add(handler: ChangeHandler): EmulatedEventHandlerResult {
    let sheetId: number | undefined;
    this.context.emuEnqueue(() => {
      sheetId = this.sheet().id;
      const handlers = this.state.changeHandlers.get(sheetId) ?? new Set();
      handlers.add(handler);
      this.state.changeHandlers.set(sheetId, handlers);
    });
    return new EmulatedEventHandlerResult(this.context, () => {
      if (sheetId !== undefined) this.state.changeHandlers.get(sheetId)?.delete(handler);
    });
  }
}

export class EmulatedEventHandlerResult {
  constructor(
    readonly context: EmulatedContext,
    private readonly unregister: () => void,
  ) {}

  remove(): void {
    this.context.emuEnqueue(this.unregister);
  }
}

/** Print settings (ExcelApi 1.9), recorded as set. */
export class EmulatedPageLayout {
  constructor(
    private readonly context: EmulatedContext,
    private readonly sheet: () => SheetState,
  ) {}

  private record(key: string, value: unknown): void {
    this.context.emuEnqueue(() => {
      this.sheet().pageLayout[key] = value;
    });
  }

  set orientation(value: string) {
    this.record("orientation", value);
  }

  set paperSize(value: string) {
    this.record("paperSize", value);
  }

  set centerHorizontally(value: boolean) {
    this.record("centerHorizontally", value);
  }

  set zoom(value: unknown) {
    this.record("zoom", value);
  }

  setPrintArea(area: string): void {
    this.record("printArea", area);
  }

  setPrintTitleRows(rows: string): void {
    this.record("printTitleRows", rows);
  }
}

type RangeResolver = () => { sheet: SheetState; rect: Rect };

export class EmulatedRange extends ClientObject {
  readonly format: EmulatedRangeFormat;
  readonly conditionalFormats: EmulatedConditionalFormatCollection;
  readonly dataValidation: EmulatedDataValidation;

  constructor(
    context: EmulatedContext,
    private readonly state: WorkbookState,
    /** @internal */ readonly emuResolve: RangeResolver,
    private readonly nullable = false,
  ) {
    super(context);
    this.format = new EmulatedRangeFormat(context, state, emuResolve);
    this.conditionalFormats = new EmulatedConditionalFormatCollection(context, state, emuResolve);
    this.dataValidation = new EmulatedDataValidation(context, state, emuResolve);
  }

  protected snapshot(property: string): unknown {
    if (property === "isNullObject") {
      if (!this.nullable) return false;
      try {
        this.emuResolve();
        return false;
      } catch {
        return true;
      }
    }
    const { sheet, rect } = this.emuResolve();
    const grid = (read: (row: number, col: number) => unknown) =>
      Array.from({ length: rect.rowCount }, (_, r) =>
        Array.from({ length: rect.colCount }, (_, c) => read(rect.row + r, rect.col + c)),
      );
    switch (property) {
      case "values":
        return grid((row, col) => this.state.value(sheet, row, col));
      case "formulas":
        return grid((row, col) => this.state.formula(sheet, row, col));
      case "numberFormat":
        return grid((row, col) => this.state.format(sheet, row, col).numberFormat ?? "General");
      case "text":
        return grid((row, col) => String(this.state.value(sheet, row, col)));
      case "address":
        return `${quoteSheet(sheet.name)}!${rectA1(rect.rowCount === 1 && rect.colCount === 1 ? { ...rect, rowSpan: 1, colSpan: 1 } : { row: rect.row, col: rect.col, rowSpan: rect.rowCount, colSpan: rect.colCount })}`;
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.col;
      case "rowCount":
        return rect.rowCount;
      case "columnCount":
        return rect.colCount;
      default:
        throw new Error(`emulator: Range.${property} is not emulated`);
    }
  }

  get values(): any[][] {
    return this.loaded("values");
  }

  set values(values: any[][]) {
    this.context.emuEnqueue(() => this.write(values, "values"));
  }

  get formulas(): any[][] {
    return this.loaded("formulas");
  }

  set formulas(formulas: any[][]) {
    this.context.emuEnqueue(() => this.write(formulas, "formulas"));
  }

  get numberFormat(): any[][] {
    return this.loaded("numberFormat");
  }

  set numberFormat(formats: any[][]) {
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.emuResolve();
      this.state.assertWritable(sheet, rect, "numberFormat");
      eachCell(rect, formats, (row, col, value) =>
        this.state.setFormat(sheet, row, col, { numberFormat: String(value) }),
      );
    });
  }

  get text(): string[][] {
    return this.loaded("text");
  }

  get address(): string {
    return this.loaded("address");
  }

  get rowIndex(): number {
    return this.loaded("rowIndex");
  }

  get columnIndex(): number {
    return this.loaded("columnIndex");
  }

  get rowCount(): number {
    return this.loaded("rowCount");
  }

  get columnCount(): number {
    return this.loaded("columnCount");
  }

  private write(grid: unknown[][], what: string): void {
    const { sheet, rect } = this.emuResolve();
    this.state.assertWritable(sheet, rect, what);
    eachCell(rect, grid, (row, col, value) => this.state.setEntry(sheet, row, col, value));
    this.state.notifyChange(
      sheet,
      rectA1({ row: rect.row, col: rect.col, rowSpan: rect.rowCount, colSpan: rect.colCount }),
      "ThisLocalAddin",
    );
  }

  /** The worksheet the range is on. */
  get worksheet(): EmulatedWorksheet {
    // Navigating from a null object gives a null object, as Office.js does.
    const sheet = () => {
      try {
        return this.emuResolve().sheet;
      } catch (error) {
        if (this.nullable) return undefined;
        throw error;
      }
    };
    return new EmulatedWorksheet(this.context, this.state, sheet, this.nullable);
  }

  getIntersection(other: EmulatedRange): EmulatedRange {
    return new EmulatedRange(this.context, this.state, () => {
      const a = this.emuResolve();
      const b = other.emuResolve();
      const row = Math.max(a.rect.row, b.rect.row);
      const col = Math.max(a.rect.col, b.rect.col);
      const rowEnd = Math.min(a.rect.row + a.rect.rowCount, b.rect.row + b.rect.rowCount);
      const colEnd = Math.min(a.rect.col + a.rect.colCount, b.rect.col + b.rect.colCount);
      if (a.sheet !== b.sheet || rowEnd <= row || colEnd <= col) {
        throw new EmulatorError("InvalidArgument", "The ranges do not intersect.");
      }
      return { sheet: a.sheet, rect: { row, col, rowCount: rowEnd - row, colCount: colEnd - col } };
    });
  }

  getCell(row: number, col: number): EmulatedRange {
    return new EmulatedRange(this.context, this.state, () => {
      const { sheet, rect } = this.emuResolve();
      return { sheet, rect: { row: rect.row + row, col: rect.col + col, rowCount: 1, colCount: 1 } };
    });
  }

  merge(across = false): void {
    this.context.emuEnqueue(() => {
      if (across) throw new Error("emulator: merge(across) is not emulated");
      const { sheet, rect } = this.emuResolve();
      this.state.assertWritable(sheet, rect, "merge");
      const inside = (merge: Rect) =>
        merge.row >= rect.row &&
        merge.col >= rect.col &&
        merge.row + merge.rowCount <= rect.row + rect.rowCount &&
        merge.col + merge.colCount <= rect.col + rect.colCount;
      if (sheet.merges.some((merge) => intersects(merge, rect) && !inside(merge))) {
        throw new EmulatorError("InvalidOperation", "Cannot merge cells that overlap a merged area.");
      }
      sheet.merges = sheet.merges.filter((merge) => !intersects(merge, rect));
      sheet.merges.push({ ...rect });
      // Excel keeps the top-left value of a merged area and clears the others.
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        for (let c = rect.col; c < rect.col + rect.colCount; c++) {
          if (r !== rect.row || c !== rect.col) this.state.setEntry(sheet, r, c, null);
        }
      }
    });
  }

  unmerge(): void {
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.emuResolve();
      sheet.merges = sheet.merges.filter((merge) => !intersects(merge, rect));
    });
  }

  getMergedAreasOrNullObject(): EmulatedRangeAreas {
    return new EmulatedRangeAreas(this.context, () => {
      const { sheet, rect } = this.emuResolve();
      return sheet.merges.filter((merge) => intersects(merge, rect)).map((merge) => ({ sheet, rect: merge }));
    });
  }

  select(): void {
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.emuResolve();
      this.state.activeSheetId = sheet.id;
      this.state.selection = { sheetId: sheet.id, rect: { ...rect } };
    });
  }

  insert(shift: string): EmulatedRange {
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.emuResolve();
      if (isWholeRows(rect) || shift === "Down") this.state.insert(sheet, "row", rect.row, rect.rowCount);
      else if (isWholeColumns(rect) || shift === "Right") this.state.insert(sheet, "col", rect.col, rect.colCount);
    });
    return this;
  }

  delete(shift: string): void {
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.emuResolve();
      if (isWholeRows(rect) || shift === "Up") this.state.remove(sheet, "row", rect.row, rect.rowCount);
      else this.state.remove(sheet, "col", rect.col, rect.colCount);
    });
  }

  clear(): void {
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.emuResolve();
      this.state.assertWritable(sheet, rect, "clear");
      eachCell(rect, undefined, (row, col) => {
        this.state.setEntry(sheet, row, col, null);
        sheet.formats.delete(`${row},${col}`);
      });
    });
  }
}

export class EmulatedRangeAreas extends ClientObject {
  constructor(
    context: EmulatedContext,
    private readonly areas: () => { sheet: SheetState; rect: Rect }[],
  ) {
    super(context);
  }

  protected snapshot(property: string): unknown {
    if (property === "isNullObject") return this.areas().length === 0;
    if (property === "areas" || property === "areas/items")
      return this.areas().map(
        (area) =>
          quoteSheet(area.sheet.name) +
          "!" +
          rectA1({ row: area.rect.row, col: area.rect.col, rowSpan: area.rect.rowCount, colSpan: area.rect.colCount }),
      );
    if (property === "address") {
      const areas = this.areas();
      return areas
        .map(
          (area) =>
            `${quoteSheet(area.sheet.name)}!${rectA1({ row: area.rect.row, col: area.rect.col, rowSpan: area.rect.rowCount, colSpan: area.rect.colCount })}`,
        )
        .join(",");
    }
    throw new Error(`emulator: RangeAreas.${property} is not emulated`);
  }

  get address(): string {
    return this.loaded("address");
  }
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function eachCell(
  rect: Rect,
  grid: unknown[][] | undefined,
  apply: (row: number, col: number, value: unknown) => void,
): void {
  if (grid && (grid.length !== rect.rowCount || grid.some((row) => row.length !== rect.colCount))) {
    // A single value applies to every cell, as Office.js allows for formats.
    if (!(grid.length === 1 && grid[0].length === 1)) {
      throw new EmulatorError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
    }
  }
  for (let r = 0; r < rect.rowCount; r++) {
    for (let c = 0; c < rect.colCount; c++) {
      const value = grid ? (grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid[r][c]) : undefined;
      apply(rect.row + r, rect.col + c, value);
    }
  }
}

/** A write-only format facet: each property set applies a CellFormat change to every cell of the range. */
abstract class FormatFacet {
  constructor(
    protected readonly context: EmulatedContext,
    protected readonly state: WorkbookState,
    protected readonly resolve: RangeResolver,
  ) {}

  protected apply(change: Partial<CellFormat>, what: string): void {
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.resolve();
      this.state.assertWritable(sheet, rect, what);
      eachCell(rect, undefined, (row, col) => this.state.setFormat(sheet, row, col, change));
    });
  }
}

export class EmulatedRangeFormat extends FormatFacet {
  readonly font: EmulatedRangeFont;
  readonly fill: EmulatedRangeFill;
  readonly borders: EmulatedRangeBorderCollection;
  readonly protection: EmulatedFormatProtection;

  constructor(context: EmulatedContext, state: WorkbookState, resolve: RangeResolver) {
    super(context, state, resolve);
    this.font = new EmulatedRangeFont(context, state, resolve);
    this.fill = new EmulatedRangeFill(context, state, resolve);
    this.borders = new EmulatedRangeBorderCollection(context, state, resolve);
    this.protection = new EmulatedFormatProtection(context, state, resolve);
  }

  set horizontalAlignment(value: string) {
    this.apply({ horizontalAlignment: value }, "horizontalAlignment");
  }

  set verticalAlignment(value: string) {
    this.apply({ verticalAlignment: value }, "verticalAlignment");
  }

  set wrapText(value: boolean) {
    this.apply({ wrapText: value }, "wrapText");
  }

  set columnWidth(value: number) {
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.resolve();
      for (let c = rect.col; c < rect.col + rect.colCount; c++) sheet.columnWidths.set(c, value);
    });
  }

  set rowHeight(value: number) {
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.resolve();
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) sheet.rowHeights.set(r, value);
    });
  }
}

export class EmulatedRangeFont extends FormatFacet {
  set name(value: string) {
    this.apply({ fontName: value }, "font.name");
  }

  set size(value: number) {
    this.apply({ fontSize: value }, "font.size");
  }

  set bold(value: boolean) {
    this.apply({ fontBold: value }, "font.bold");
  }

  set color(value: string) {
    this.apply({ fontColor: value }, "font.color");
  }
}

export class EmulatedRangeFill extends FormatFacet {
  set color(value: string) {
    this.apply({ fill: value }, "fill.color");
  }

  clear(): void {
    this.apply({ fill: undefined }, "fill.clear");
  }
}

export class EmulatedFormatProtection extends FormatFacet {
  set locked(value: boolean) {
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.resolve();
      if (sheet.protected) throw new EmulatorError("AccessDenied", "Cannot change locking on a protected sheet.");
      eachCell(rect, undefined, (row, col) => this.state.setFormat(sheet, row, col, { locked: value }));
    });
  }
}

export class EmulatedRangeBorderCollection extends FormatFacet {
  getItem(index: string): EmulatedRangeBorder {
    return new EmulatedRangeBorder(this.context, this.state, this.resolve, index);
  }
}

export class EmulatedRangeBorder extends FormatFacet {
  constructor(
    context: EmulatedContext,
    state: WorkbookState,
    resolve: RangeResolver,
    private readonly edge: string,
  ) {
    super(context, state, resolve);
  }

  set style(value: string) {
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.resolve();
      this.state.assertWritable(sheet, rect, "borders");
      eachCell(rect, undefined, (row, col) => {
        const top = row === rect.row;
        const bottom = row === rect.row + rect.rowCount - 1;
        const left = col === rect.col;
        const right = col === rect.col + rect.colCount - 1;
        const change: Partial<CellFormat> = {};
        if (this.edge === "EdgeTop" && top) change.borderTop = value;
        if (this.edge === "EdgeBottom" && bottom) change.borderBottom = value;
        if (this.edge === "EdgeLeft" && left) change.borderLeft = value;
        if (this.edge === "EdgeRight" && right) change.borderRight = value;
        if (this.edge === "InsideHorizontal") {
          if (!top) change.borderTop = value;
          if (!bottom) change.borderBottom = value;
        }
        if (this.edge === "InsideVertical") {
          if (!left) change.borderLeft = value;
          if (!right) change.borderRight = value;
        }
        this.state.setFormat(sheet, row, col, change);
      });
    });
  }

  set color(_value: string) {
    // Border colour is kept by Excel; the emulator records only styles.
  }
}

export class EmulatedConditionalFormatCollection extends ClientObject {
  constructor(
    context: EmulatedContext,
    private readonly state: WorkbookState,
    private readonly resolve: RangeResolver,
  ) {
    super(context);
  }

  protected snapshot(property: string): unknown {
    if (property === "isNullObject") return false;
    if (property.startsWith("items")) {
      let target: { sheet: SheetState; rect: Rect };
      try {
        target = this.resolve();
      } catch {
        return []; // the collection of a null range is empty
      }
      const { sheet, rect } = target;
      return sheet.conditionalFormats
        .filter((format) => intersects(format.rect, rect))
        .map((format) => {
          const proxy = new EmulatedConditionalFormat(this.context, this.state, sheet, format);
          proxy.emuPreload("id");
          proxy.emuPreload("type");
          proxy.custom.rule.emuPreload("formula");
          return proxy;
        });
    }
    throw new Error(`emulator: ConditionalFormatCollection.${property} is not emulated`);
  }

  get items(): EmulatedConditionalFormat[] {
    for (const key of ["items", "items/id", "items/type", "items/id,type"]) {
      try {
        return this.loaded<EmulatedConditionalFormat[]>(key);
      } catch {
        // try the next form
      }
    }
    return this.loaded<EmulatedConditionalFormat[]>("items");
  }

  add(type: string): EmulatedConditionalFormat {
    if (type !== "Custom") throw new Error(`emulator: conditional format ${type} is not emulated`);
    let created: ConditionalFormatState | undefined;
    let owner: SheetState | undefined;
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.resolve();
      this.state.assertWritable(sheet, rect, "conditionalFormats.add");
      owner = sheet;
      created = this.state.addConditionalFormat(sheet, { ...rect });
    });
    return new EmulatedConditionalFormat(
      this.context,
      this.state,
      () => owner,
      () => created,
    );
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.resolve();
      result.settle(sheet.conditionalFormats.filter((format) => intersects(format.rect, rect)).length);
    });
    return result;
  }

  clearAll(): void {
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.resolve();
      this.state.assertWritable(sheet, rect, "conditionalFormats.clearAll");
      sheet.conditionalFormats = sheet.conditionalFormats.filter((format) => !intersects(format.rect, rect));
    });
  }
}

type Lazy<T> = T | (() => T | undefined);
const force = <T>(value: Lazy<T>): T => {
  const resolved = typeof value === "function" ? (value as () => T | undefined)() : value;
  if (resolved === undefined) throw new EmulatorError("ItemNotFound", "The conditional format does not exist.");
  return resolved;
};

export class EmulatedConditionalFormat extends ClientObject {
  readonly custom: EmulatedCustomConditionalFormat;

  constructor(
    context: EmulatedContext,
    private readonly state: WorkbookState,
    private readonly owner: Lazy<SheetState | undefined>,
    private readonly format: Lazy<ConditionalFormatState | undefined>,
  ) {
    super(context);
    this.custom = new EmulatedCustomConditionalFormat(context, () => force(this.format) as ConditionalFormatState);
  }

  protected snapshot(property: string): unknown {
    if (property === "isNullObject") return false;
    const format = force(this.format) as ConditionalFormatState;
    if (property === "id") return format.id;
    if (property === "type") return "Custom";
    throw new Error(`emulator: ConditionalFormat.${property} is not emulated`);
  }

  get id(): string {
    return this.loaded("id");
  }

  get type(): string {
    return this.loaded("type");
  }

  getRange(): EmulatedRange {
    return new EmulatedRange(this.context, this.state, () => ({
      sheet: force(this.owner) as SheetState,
      rect: (force(this.format) as ConditionalFormatState).rect,
    }));
  }

  delete(): void {
    this.context.emuEnqueue(() => {
      const sheet = force(this.owner) as SheetState;
      const format = force(this.format) as ConditionalFormatState;
      this.state.assertWritable(sheet, format.rect, "conditionalFormat.delete");
      sheet.conditionalFormats = sheet.conditionalFormats.filter((item) => item.id !== format.id);
    });
  }
}

export class EmulatedCustomConditionalFormat {
  readonly rule: EmulatedConditionalFormatRule;
  readonly format: { fill: { color: string }; font: { color: string } };

  constructor(context: EmulatedContext, format: () => ConditionalFormatState) {
    this.rule = new EmulatedConditionalFormatRule(context, format);
    const setter = (apply: (state: ConditionalFormatState, value: string) => void) => ({
      set color(value: string) {
        context.emuEnqueue(() => apply(format(), value));
      },
      get color(): string {
        throw new Error("emulator: reading conditional format colours is not emulated");
      },
    });
    this.format = {
      fill: setter((state, value) => (state.fill = value)),
      font: setter((state, value) => (state.fontColor = value)),
    };
  }
}

export class EmulatedConditionalFormatRule extends ClientObject {
  constructor(
    context: EmulatedContext,
    private readonly format: () => ConditionalFormatState,
  ) {
    super(context);
  }

  protected snapshot(property: string): unknown {
    if (property === "isNullObject") return false;
    if (property === "formula") return this.format().formula;
    throw new Error(`emulator: ConditionalFormatRule.${property} is not emulated`);
  }

  get formula(): string {
    return this.loaded("formula");
  }

  set formula(value: string) {
    this.context.emuEnqueue(() => {
      this.format().formula = value;
    });
  }
}

export class EmulatedDataValidation {
  constructor(
    private readonly context: EmulatedContext,
    private readonly state: WorkbookState,
    private readonly resolve: RangeResolver,
  ) {}

  private upsert(change: { rule?: unknown; prompt?: unknown; errorAlert?: unknown }): void {
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.resolve();
      this.state.assertWritable(sheet, rect, "dataValidation");
      let entry = sheet.validations.find((validation) => rectsEqual(validation.rect, rect));
      if (!entry) {
        entry = { rect: { ...rect }, rule: undefined };
        sheet.validations.push(entry);
      }
      Object.assign(entry, change);
    });
  }

  set rule(rule: unknown) {
    this.upsert({ rule });
  }

  set prompt(prompt: unknown) {
    this.upsert({ prompt });
  }

  set errorAlert(errorAlert: unknown) {
    this.upsert({ errorAlert });
  }

  clear(): void {
    this.context.emuEnqueue(() => {
      const { sheet, rect } = this.resolve();
      this.state.assertWritable(sheet, rect, "dataValidation.clear");
      sheet.validations = sheet.validations.filter((validation) => !intersects(validation.rect, rect));
    });
  }
}

function rectsEqual(a: Rect, b: Rect): boolean {
  return a.row === b.row && a.col === b.col && a.rowCount === b.rowCount && a.colCount === b.colCount;
}

export class EmulatedNamedItemCollection extends ClientObject {
  constructor(
    context: EmulatedContext,
    private readonly state: WorkbookState,
  ) {
    super(context);
  }

  protected snapshot(property: string): unknown {
    if (property === "isNullObject") return false;
    if (property.startsWith("items")) {
      return this.state.names.map((name) => {
        const proxy = new EmulatedNamedItem(this.context, this.state, name.name, false);
        proxy.emuPreload("name");
        proxy.emuPreload("value");
        return proxy;
      });
    }
    throw new Error(`emulator: NamedItemCollection.${property} is not emulated`);
  }

  get items(): EmulatedNamedItem[] {
    for (const key of ["items", "items/name", "items/name,value"]) {
      try {
        return this.loaded<EmulatedNamedItem[]>(key);
      } catch {
        // try the next form
      }
    }
    return this.loaded<EmulatedNamedItem[]>("items");
  }

  add(name: string, reference: EmulatedRange | string, comment?: string): EmulatedNamedItem {
    this.context.emuEnqueue(() => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new EmulatorError("InvalidArgument", `Bad name ${name}.`);
      if (this.state.names.some((item) => item.name.toLowerCase() === name.toLowerCase())) {
        throw new EmulatorError("ItemAlreadyExists", `The name ${name} exists.`);
      }
      if (typeof reference === "string") throw new Error("emulator: names by formula text are not emulated");
      const { sheet, rect } = reference.emuResolve();
      this.state.names.push({ name, sheetId: sheet.id, rect: { ...rect }, comment });
    });
    return new EmulatedNamedItem(this.context, this.state, name, false);
  }

  getItem(name: string): EmulatedNamedItem {
    return new EmulatedNamedItem(this.context, this.state, name, false);
  }

  getItemOrNullObject(name: string): EmulatedNamedItem {
    return new EmulatedNamedItem(this.context, this.state, name, true);
  }
}

export class EmulatedNamedItem extends ClientObject {
  constructor(
    context: EmulatedContext,
    private readonly state: WorkbookState,
    private readonly itemName: string,
    private readonly nullable: boolean,
  ) {
    super(context);
  }

  private find() {
    const item = this.state.names.find((name) => name.name.toLowerCase() === this.itemName.toLowerCase());
    if (!item && !this.nullable) throw new EmulatorError("ItemNotFound", `The name ${this.itemName} does not exist.`);
    return item;
  }

  protected snapshot(property: string): unknown {
    const item = this.find();
    if (property === "isNullObject") return !item;
    if (!item) return undefined;
    const sheet = this.state.sheetById(item.sheetId);
    switch (property) {
      case "name":
        return item.name;
      case "type":
        return sheet ? "Range" : "Error";
      case "value":
        return sheet
          ? `=${quoteSheet(sheet.name)}!${rectA1({ row: item.rect.row, col: item.rect.col, rowSpan: item.rect.rowCount, colSpan: item.rect.colCount }).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`
          : "=#REF!";
      default:
        throw new Error(`emulator: NamedItem.${property} is not emulated`);
    }
  }

  get name(): string {
    return this.loaded("name");
  }

  get type(): string {
    return this.loaded("type");
  }

  get value(): string {
    return this.loaded("value");
  }

  getRange(): EmulatedRange {
    return new EmulatedRange(this.context, this.state, () => this.target());
  }

  getRangeOrNullObject(): EmulatedRange {
    return new EmulatedRange(this.context, this.state, () => this.target(), true);
  }

  private target(): { sheet: SheetState; rect: Rect } {
    const item = this.find();
    const sheet = item && this.state.sheetById(item.sheetId);
    if (!item || !sheet) throw new EmulatorError("ItemNotFound", `The name ${this.itemName} refers to no range.`);
    return { sheet, rect: item.rect };
  }

  delete(): void {
    this.context.emuEnqueue(() => {
      const item = this.find();
      if (item) this.state.names.splice(this.state.names.indexOf(item), 1);
    });
  }
}

export class EmulatedSettingCollection {
  constructor(
    private readonly context: EmulatedContext,
    private readonly state: WorkbookState,
  ) {}

  add(key: string, value: unknown): EmulatedSetting {
    this.context.emuEnqueue(() => this.state.settings.set(key, JSON.parse(JSON.stringify(value))));
    return new EmulatedSetting(this.context, this.state, key);
  }

  getItemOrNullObject(key: string): EmulatedSetting {
    return new EmulatedSetting(this.context, this.state, key);
  }
}

export class EmulatedSetting extends ClientObject {
  constructor(
    context: EmulatedContext,
    private readonly state: WorkbookState,
    private readonly settingKey: string,
  ) {
    super(context);
  }

  protected snapshot(property: string): unknown {
    const present = this.state.settings.has(this.settingKey);
    if (property === "isNullObject") return !present;
    if (property === "key") return this.settingKey;
    if (property === "value") return present ? this.state.settings.get(this.settingKey) : undefined;
    throw new Error(`emulator: Setting.${property} is not emulated`);
  }

  get key(): string {
    return this.loaded("key");
  }

  get value(): any {
    return this.loaded("value");
  }

  delete(): void {
    this.context.emuEnqueue(() => this.state.settings.delete(this.settingKey));
  }
}
