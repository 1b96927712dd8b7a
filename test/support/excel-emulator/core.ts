import { rectA1 } from "../../../src/format/a1";
import { parseAddress } from "./address";
import type { FormulaEngine } from "./engine";
import { EmulatedContext } from "./proxies";
import { EmulatorError, WorkbookState, type CellFormat, type SheetState } from "./state";

export { EmulatorError, WorkbookState };

/**
 * An Excel workbook for tests: `run` stands in for `Excel.run`, and counts every `context.sync()`.
 * The helpers below act as a person at the keyboard would (typing, inserting rows), not through the API.
 */
export class ExcelEmulator {
  readonly state: WorkbookState;
  /** Every sync of every batch, including the final one Excel.run makes for queued work. */
  syncs = 0;
  /** Set to N to make the N-th sync from now reject, as a lost connection would. */
  failSyncAt: number | undefined;
  /** Set to N to make a sync reject after N more operations were applied: a batch that fails half-way. */
  failAfterOperations: number | undefined;

  /** Called after every sync and every edit by a helper below: the demo page redraws its grid. */
  readonly listeners = new Set<() => void>();

  constructor(engine: FormulaEngine) {
    this.state = new WorkbookState(engine);
    this.state.addSheet("Sheet1");
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new EmulatedContext(this.state, {
      beforeSync: () => {
        this.syncs++;
        if (this.failSyncAt !== undefined && --this.failSyncAt <= 0) {
          this.failSyncAt = undefined;
          throw new EmulatorError("GeneralException", "The request failed (injected by the test).");
        }
      },
      afterSync: () => this.changed(),
      operationDone: () => {
        if (this.failAfterOperations !== undefined && --this.failAfterOperations <= 0) {
          this.failAfterOperations = undefined;
          throw new EmulatorError("GeneralException", "The request failed half-way (injected by the test).");
        }
      },
    });
    // The emulator offers a checked subset of the API (member-check.ts); src/excel sees it as Excel's.
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.emuPending > 0) await context.sync();
    return result;
  };

  /** Counts the syncs of one action. */
  async countSyncs<T>(action: () => Promise<T>): Promise<{ result: T; syncs: number }> {
    const before = this.syncs;
    const result = await action();
    return { result, syncs: this.syncs - before };
  }

  sheet(name: string): SheetState {
    const sheet = this.state.sheetByName(name);
    if (!sheet) throw new Error(`no sheet ${name}; sheets: ${this.state.sheets.map((s) => s.name).join(", ")}`);
    return sheet;
  }

  /** A person typing into a cell: refused on a locked cell of a protected sheet, as Excel refuses it. */
  type(sheetName: string, address: string, entry: unknown): void {
    const sheet = this.sheet(sheetName);
    const { row, col } = parseAddress(address);
    this.state.assertWritable(sheet, { row, col, rowCount: 1, colCount: 1 }, "typing");
    this.state.setEntry(sheet, row, col, entry);
    this.state.notifyChange(sheet, address, "Unknown");
    this.changed();
  }

  value(sheetName: string, address: string): unknown {
    const { row, col } = parseAddress(address);
    return this.state.value(this.sheet(sheetName), row, col);
  }

  formula(sheetName: string, address: string): unknown {
    const { row, col } = parseAddress(address);
    return this.state.formula(this.sheet(sheetName), row, col);
  }

  format(sheetName: string, address: string): CellFormat {
    const { row, col } = parseAddress(address);
    return this.state.format(this.sheet(sheetName), row, col);
  }

  merges(sheetName: string): string[] {
    return this.sheet(sheetName).merges.map((m) =>
      rectA1({ row: m.row, col: m.col, rowSpan: m.rowCount, colSpan: m.colCount }),
    );
  }

  /** Everything a person could see of the workbook, for before/after comparisons. */
  snapshot(): unknown {
    return this.state.sheets.map((sheet) => ({
      name: sheet.name,
      protected: sheet.protected,
      cells: this.state.engine.getSheetSerialized(sheet.id),
      formats: [...sheet.formats.entries()].sort(),
      merges: [...sheet.merges],
      conditionalFormats: sheet.conditionalFormats.map((f) => ({ ...f })),
      validations: sheet.validations.map((v) => ({ ...v })),
      columnWidths: [...sheet.columnWidths.entries()].sort(),
    }));
  }

  insertRows(sheetName: string, beforeRow1Based: number, count = 1): void {
    this.state.insert(this.sheet(sheetName), "row", beforeRow1Based - 1, count);
  }

  insertColumns(sheetName: string, beforeColumn: string, count = 1): void {
    this.state.insert(this.sheet(sheetName), "col", parseAddress(`${beforeColumn}1`).col, count);
  }

  renameSheet(from: string, to: string): void {
    this.state.renameSheet(this.sheet(from), to);
  }

  moveBlock(sheetName: string, from: string, to: string): void {
    this.state.moveBlock(this.sheet(sheetName), parseAddress(from), parseAddress(to));
  }
}
