import type { CellAddress, ComputedValue, FormulaEngine, RawContent } from "../test/support/excel-emulator/engine";
import { evaluate, isError, parseFormula, renameInFormula, type Value } from "./formula";

interface Sheet {
  name: string;
  cells: Map<string, RawContent>;
}

const key = (row: number, col: number) => `${row},${col}`;

/**
 * The demo page's formula engine: cells as entered, every formula evaluated on demand by demo/formula.ts
 * and remembered until the next change. Inserting or moving cells is not offered on the demo page.
 */
export function demoEngine(): FormulaEngine {
  const sheets = new Map<number, Sheet>();
  let nextId = 0;
  let cache = new Map<string, Value>();
  const parsed = new Map<string, ReturnType<typeof parseFormula> | SyntaxError>();
  const changed = () => (cache = new Map());

  const sheetByName = (name: string) => [...sheets].find(([, s]) => s.name.toLowerCase() === name.toLowerCase());
  const sheetOf = (id: number) => {
    const sheet = sheets.get(id);
    if (!sheet) throw new Error(`no sheet ${id}`);
    return sheet;
  };

  const valueAt = (sheetId: number, row: number, col: number, visiting: Set<string>): Value => {
    const id = `${sheetId}!${key(row, col)}`;
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    const raw = sheets.get(sheetId)?.cells.get(key(row, col));
    let value: Value;
    if (typeof raw === "string" && raw.startsWith("=")) {
      if (visiting.has(id)) return { error: "#CYCLE!" };
      visiting.add(id);
      value = compute(raw, sheetId, visiting);
      visiting.delete(id);
    } else if (typeof raw === "string" && raw.startsWith("'")) value = raw.slice(1);
    else value = raw ?? null;
    cache.set(id, value);
    return value;
  };

  const compute = (formula: string, sheetId: number, visiting: Set<string>): Value => {
    let tree = parsed.get(formula);
    if (!tree) {
      try {
        tree = parseFormula(formula);
      } catch (error) {
        tree = error as SyntaxError;
      }
      parsed.set(formula, tree);
    }
    if (tree instanceof SyntaxError) return { error: "#ERROR!" };
    const result = evaluate(tree, {
      value: (name, row, col) => {
        const target = name === undefined ? sheetId : sheetByName(name)?.[0];
        return target === undefined ? { error: "#REF!" } : valueAt(target, row, col, visiting);
      },
    });
    // A formula that points at an empty cell shows 0, as in Excel; sums of decimals show 15 digits, as in Excel.
    if (result === null) return 0;
    return typeof result === "number" && Number.isFinite(result) ? Number(result.toPrecision(15)) : result;
  };

  const toComputed = (value: Value): ComputedValue => (isError(value) ? { error: value.error } : value);
  const unsupported = (what: string) => () => {
    throw new Error(`${what} is not offered on the demo page`);
  };

  return {
    addSheet(name) {
      sheets.set(nextId++, { name, cells: new Map() });
      changed();
    },
    getSheetId: (name) => sheetByName(name)?.[0],
    renameSheet(id, name) {
      const from = sheetOf(id).name;
      sheetOf(id).name = name;
      for (const sheet of sheets.values()) {
        for (const [k, raw] of sheet.cells) {
          if (typeof raw === "string" && raw.startsWith("=")) sheet.cells.set(k, renameInFormula(raw, from, name));
        }
      }
      changed();
    },
    removeSheet(id) {
      sheets.delete(id);
      changed();
    },
    getCellValue: ({ sheet, row, col }: CellAddress) => {
      const raw = sheets.get(sheet)?.cells.get(key(row, col));
      if (raw === undefined || raw === null) return null;
      return toComputed(valueAt(sheet, row, col, new Set()));
    },
    doesCellHaveFormula: ({ sheet, row, col }) => {
      const raw = sheets.get(sheet)?.cells.get(key(row, col));
      return typeof raw === "string" && raw.startsWith("=");
    },
    getCellFormula: ({ sheet, row, col }) => {
      const raw = sheets.get(sheet)?.cells.get(key(row, col));
      return typeof raw === "string" && raw.startsWith("=") ? raw : undefined;
    },
    getCellSerialized: ({ sheet, row, col }) => sheets.get(sheet)?.cells.get(key(row, col)) ?? null,
    getSheetDimensions(id) {
      let width = 0;
      let height = 0;
      for (const k of sheetOf(id).cells.keys()) {
        const [row, col] = k.split(",").map(Number);
        height = Math.max(height, row + 1);
        width = Math.max(width, col + 1);
      }
      return { width, height };
    },
    setCellContents({ sheet, row, col }, contents) {
      const cells = sheetOf(sheet).cells;
      contents.forEach((line, r) =>
        line.forEach((content, c) => {
          if (content === null || content === "") cells.delete(key(row + r, col + c));
          // Text that is a number is entered as the number, as Excel (and HyperFormula) read it.
          else if (typeof content === "string" && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(content))
            cells.set(key(row + r, col + c), Number(content));
          else cells.set(key(row + r, col + c), content);
        }),
      );
      changed();
    },
    getSheetSerialized(id) {
      const { width, height } = this.getSheetDimensions(id);
      return Array.from({ length: height }, (_, row) =>
        Array.from({ length: width }, (_, col) => this.getCellSerialized({ sheet: id, row, col })),
      );
    },
    setSheetContent(id, contents) {
      sheetOf(id).cells.clear();
      this.setCellContents({ sheet: id, row: 0, col: 0 }, contents);
    },
    calculateFormula: (formula, sheet) => toComputed(compute(formula, sheet, new Set())),
    addRows: unsupported("Inserting rows"),
    addColumns: unsupported("Inserting columns"),
    removeRows: unsupported("Deleting rows"),
    removeColumns: unsupported("Deleting columns"),
    moveCells: unsupported("Moving cells"),
  };
}
