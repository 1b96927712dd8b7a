import type { ReportTables } from "../report/types";
import { PLACEHOLDERS } from "./definitions";

/**
 * Reads a report's cells into flat slots: `values[slot]` and `states[slot]`.
 *
 * Two implementations give the same result. The generic one looks every cell up by its keys; every such
 * lookup is megamorphic (~20 ns a cell). Where the runtime allows it (Node; not a page whose
 * Content-Security-Policy forbids eval), a loader generated once per format from the model's own keys
 * does the same with literal property names, about five times faster. The generated source contains only
 * keys and slot numbers of the format model, never report data. Tests prove both agree.
 */

/** How a slot's value enters the relations. */
export const NUMBER = 0;
export const BLANK = 1;
export const PLACEHOLDER = 2;
/** Text that is not a usable number (or a value of another type): relations involving it are not evaluated. */
export const TEXT = 3;

export interface Slots {
  readonly values: Float64Array;
  readonly states: Uint8Array;
  /** What a slot that is not a number holds, as found (null for a missing key); stale for number slots. */
  readonly others: unknown[];
}

/** Where one row's values are in the report JSON, and which slots they fill. */
export interface RowReader {
  readonly table: string;
  readonly rowKey: string;
  readonly columnKeys: readonly string[];
  readonly slots: Int32Array;
}

export type Loader = (tables: ReportTables | undefined, slots: Slots) => void;

/** The state of a value that is not a number. */
export function stateOfOther(value: unknown): number {
  if (value == null) return BLANK;
  if (typeof value !== "string") return TEXT;
  const trimmed = value.trim();
  return trimmed === "" ? BLANK : PLACEHOLDERS.has(trimmed) ? PLACEHOLDER : TEXT;
}

export function genericLoader(readers: readonly RowReader[]): Loader {
  return (tables, { values, states, others }) => {
    for (const reader of readers) {
      const row = tables?.[reader.table as keyof ReportTables]?.[reader.rowKey];
      const { columnKeys, slots } = reader;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i];
        const value: unknown = row == null ? undefined : row[columnKeys[i]];
        if (typeof value === "number") {
          values[slot] = value;
          states[slot] = NUMBER;
        } else {
          values[slot] = 0;
          states[slot] = stateOfOther(value);
          others[slot] = value ?? null;
        }
      }
    }
  };
}

function generatedSource(readers: readonly RowReader[]): string {
  const lines = ["let table, row, value;"];
  let table: string | undefined;
  for (const reader of readers) {
    if (reader.table !== table) {
      table = reader.table;
      lines.push(`table = tables == null ? undefined : tables[${JSON.stringify(table)}];`);
    }
    lines.push(`row = table == null ? undefined : table[${JSON.stringify(reader.rowKey)}];`);
    reader.columnKeys.forEach((key, i) => {
      const slot = reader.slots[i];
      lines.push(
        `value = row == null ? undefined : row[${JSON.stringify(key)}];`,
        `if (typeof value === "number") { values[${slot}] = value; states[${slot}] = ${NUMBER}; }`,
        `else { values[${slot}] = 0; states[${slot}] = stateOfOther(value); others[${slot}] = value ?? null; }`,
      );
    });
  }
  return lines.join("\n");
}

type GeneratedLoader = (
  tables: ReportTables | undefined,
  values: Float64Array,
  states: Uint8Array,
  others: unknown[],
  stateOf: typeof stateOfOther,
) => void;

/** The generated loader, or undefined where the runtime forbids generating code. */
export function generatedLoader(readers: readonly RowReader[]): Loader | undefined {
  let compiled: GeneratedLoader;
  try {
    compiled = new Function(
      "tables",
      "values",
      "states",
      "others",
      "stateOfOther",
      generatedSource(readers),
    ) as GeneratedLoader;
  } catch {
    return undefined;
  }
  return (tables, { values, states, others }) => compiled(tables, values, states, others, stateOfOther);
}

/**
 * Generated code where it pays (the command line and the bench check thousands of reports); in a page
 * the pane checks one report at a time, and its Content-Security-Policy forbids `new Function` (each
 * attempt would be reported as a violation), so pages use the generic loader.
 */
export function compileLoader(readers: readonly RowReader[]): Loader {
  // No DOM types here (the rules also build for Node): a page is where a global `document` exists.
  const inPage = "document" in globalThis;
  return (inPage ? undefined : generatedLoader(readers)) ?? genericLoader(readers);
}
