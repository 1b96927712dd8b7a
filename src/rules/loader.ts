import type { ReportTables } from "../report/types";
import { PLACEHOLDERS } from "./definitions";
import { generatedFunction, generatingCode } from "./generate";

/**
 * Reads a report's cells into flat slots: `values[slot]` and `states[slot]`, and notes on the way the
 * few cells the checker must look at one by one (the rest are plain figures), and whether any text
 * keeps relations from being evaluated.
 *
 * Two implementations give the same result: the generic one looks every cell up by its keys; the
 * generated one (see generate.ts) does the same with literal property names, about five times faster.
 */

/** How a slot's value enters the relations. */
export const NUMBER = 0;
export const BLANK = 1;
export const PLACEHOLDER = 2;
/** Text that is not a usable number (or a value of another type): relations involving it are not evaluated. */
export const TEXT = 3;

/** `counts[UNUSUAL]`: how many slots `unusual` lists; `counts[TEXTS]`: how many slots of both years are TEXT. */
export const UNUSUAL = 0;
export const TEXTS = 1;

export interface Slots {
  readonly values: Float64Array;
  readonly states: Uint8Array;
  /** What a slot that is not a number holds, as found (null for a missing key); stale for number slots. */
  readonly others: unknown[];
  /**
   * This year's slots that are not a plain figure (a whole number ≥ 0, or an amount ≥ 0, within 2^53):
   * the only cells the V1 and B1 judgments need to look at. Ascending, `counts[UNUSUAL]` of them.
   */
  readonly unusual: Int32Array;
  readonly counts: Int32Array;
}

export function emptySlots(size: number): Slots {
  return {
    values: new Float64Array(size),
    states: new Uint8Array(size),
    others: new Array<unknown>(size).fill(null),
    unusual: new Int32Array(size),
    counts: new Int32Array(2),
  };
}

/** Where one row's values are in the report JSON, and which slots they fill. */
export interface RowReader {
  readonly table: string;
  readonly rowKey: string;
  readonly columnKeys: readonly string[];
  readonly slots: Int32Array;
  /** Per column: 1 where the cell may hold fractions (an amount). */
  readonly fractions: Uint8Array;
  /** This year's cells, which are judged one by one; last year's only enter the relations. */
  readonly judged: boolean;
}

/** Fills the slots of `readers` from `tables` and adds to `counts`; the caller zeroes `counts` first. */
export type Loader = (tables: ReportTables | undefined, slots: Slots) => void;

/** The state of a value that is not a number. */
export function stateOfOther(value: unknown): number {
  if (value == null) return BLANK;
  if (typeof value !== "string") return TEXT;
  const trimmed = value.trim();
  return trimmed === "" ? BLANK : PLACEHOLDERS.has(trimmed) ? PLACEHOLDER : TEXT;
}

/** A figure no cell judgment would flag; anything else is noted as unusual. */
export function isPlainFigure(value: number, fractionAllowed: boolean): boolean {
  return value >= 0 && value <= Number.MAX_SAFE_INTEGER && (fractionAllowed || Math.floor(value) === value);
}

export function genericLoader(readers: readonly RowReader[]): Loader {
  return (tables, { values, states, others, unusual, counts }) => {
    let unusualCount = counts[UNUSUAL];
    let texts = 0;
    for (const reader of readers) {
      const row = tables?.[reader.table as keyof ReportTables]?.[reader.rowKey];
      const { columnKeys, slots, fractions, judged } = reader;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i];
        const value: unknown = row == null ? undefined : row[columnKeys[i]];
        if (typeof value === "number") {
          values[slot] = value;
          states[slot] = NUMBER;
          if (judged && !isPlainFigure(value, fractions[i] === 1)) unusual[unusualCount++] = slot;
        } else {
          const state = stateOfOther(value);
          values[slot] = 0;
          states[slot] = state;
          others[slot] = value ?? null;
          if (state === TEXT) texts++;
          if (judged) unusual[unusualCount++] = slot;
        }
      }
    }
    counts[UNUSUAL] = unusualCount;
    counts[TEXTS] += texts;
  };
}

function generatedSource(readers: readonly RowReader[]): string {
  const lines = ["let table, row, value, state, u = counts[0], t = 0;"];
  let table: string | undefined;
  for (const reader of readers) {
    if (reader.table !== table) {
      table = reader.table;
      lines.push(`table = tables == null ? undefined : tables[${JSON.stringify(table)}];`);
    }
    lines.push(`row = table == null ? undefined : table[${JSON.stringify(reader.rowKey)}];`);
    reader.columnKeys.forEach((key, i) => {
      const slot = reader.slots[i];
      // `(value >>> 0) === value` holds exactly for whole numbers 0 … 2^32 − 1: one test settles nearly every count.
      const plain =
        reader.fractions[i] === 1
          ? `value >= 0 && value <= ${Number.MAX_SAFE_INTEGER}`
          : `(value >>> 0) === value || (value >= 0 && value <= ${Number.MAX_SAFE_INTEGER} && Math.floor(value) === value)`;
      const noteNumber = reader.judged ? ` if (!(${plain})) unusual[u++] = ${slot};` : "";
      const noteOther = reader.judged ? ` unusual[u++] = ${slot};` : "";
      lines.push(
        `value = row == null ? undefined : row[${JSON.stringify(key)}];`,
        `if (typeof value === "number") { values[${slot}] = value; states[${slot}] = ${NUMBER};${noteNumber} }`,
        // Blank cells are common (a whole table left empty): they skip the call, which a function this
        // long does not get inlined.
        `else if (value == null) { values[${slot}] = 0; states[${slot}] = ${BLANK}; others[${slot}] = null;${noteOther} }`,
        `else { state = stateOfOther(value); values[${slot}] = 0; states[${slot}] = state; others[${slot}] = value; if (state === ${TEXT}) t++;${noteOther} }`,
      );
    });
  }
  lines.push(`counts[${UNUSUAL}] = u;`, `counts[${TEXTS}] += t;`);
  return lines.join("\n");
}

type GeneratedLoader = (
  tables: ReportTables | undefined,
  values: Float64Array,
  states: Uint8Array,
  others: unknown[],
  unusual: Int32Array,
  counts: Int32Array,
  stateOf: typeof stateOfOther,
) => void;

/** The generated loader, or undefined where the runtime forbids generating code. */
export function generatedLoader(readers: readonly RowReader[]): Loader | undefined {
  const compiled = generatedFunction<GeneratedLoader>(
    ["tables", "values", "states", "others", "unusual", "counts", "stateOfOther"],
    generatedSource(readers),
  );
  if (!compiled) return undefined;
  return (tables, { values, states, others, unusual, counts }) =>
    compiled(tables, values, states, others, unusual, counts, stateOfOther);
}

export function compileLoader(readers: readonly RowReader[]): Loader {
  return (generatingCode() ? generatedLoader(readers) : undefined) ?? genericLoader(readers);
}
