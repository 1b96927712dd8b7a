import type { ReportTables } from "../report/types";
import { PLACEHOLDERS } from "./definitions";
import { generatedFunction, generatingCode } from "./generate";

/**
 * Reads a report's cells into flat slots: `values[slot]` and `states[slot]`, and notes on the way the
 * few cells the checker must look at one by one (the rest are plain figures), and whether any text
 * keeps relations from being evaluated.
 *
 * Two implementations give the same result: the generic one looks every cell up by its keys; the
 * generated one (see generate.ts) does the same with literal property names, about ten times faster.
 */

/** How a slot's value enters the relations. */
export const NUMBER = 0;
/** Text that is empty or only spaces. */
export const BLANK = 1;
export const PLACEHOLDER = 2;
/** Text that is not a usable number (or a value of another type): relations involving it are not evaluated. */
export const TEXT = 3;
/** Nothing: null, or no such key. Told apart from BLANK so that the loader need not store the value. */
export const ABSENT = 4;

/** `counts[BLANKS]`, `counts[DOUBTFUL]`: how many slots each list holds; `counts[TEXTS]`: slots of both years that are TEXT. */
export const BLANKS = 0;
export const DOUBTFUL = 1;
export const TEXTS = 2;

export interface Slots {
  readonly values: Float64Array;
  readonly states: Uint8Array;
  /** What a BLANK, PLACEHOLDER or TEXT slot holds, as found; stale for the other slots. */
  readonly others: unknown[];
  /** This year's slots that are ABSENT, BLANK or PLACEHOLDER: B1's cells. Ascending, `counts[BLANKS]` of them. */
  readonly blanks: Int32Array;
  /**
   * This year's other slots that are not a plain figure (a whole number ≥ 0, or an amount ≥ 0, within
   * 2^53): the only cells V1 needs to look at. Ascending, `counts[DOUBTFUL]` of them.
   */
  readonly doubtful: Int32Array;
  readonly counts: Int32Array;
}

export function emptySlots(size: number): Slots {
  return {
    values: new Float64Array(size),
    states: new Uint8Array(size),
    others: new Array<unknown>(size).fill(null),
    blanks: new Int32Array(size),
    doubtful: new Int32Array(size),
    counts: new Int32Array(3),
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
}

/**
 * Fills the slots of its readers from `tables`. This year's loader (`judged`: its cells are judged one
 * by one) makes its lists and counts texts afresh; last year's, whose cells only enter the relations,
 * then adds its texts to `counts[TEXTS]`.
 */
export type Loader = (tables: ReportTables | undefined, slots: Slots) => void;

/** The state of a value that is not a number. */
export function stateOfOther(value: unknown): number {
  if (value == null) return ABSENT;
  if (typeof value !== "string") return TEXT;
  const trimmed = value.trim();
  return trimmed === "" ? BLANK : PLACEHOLDERS.has(trimmed) ? PLACEHOLDER : TEXT;
}

/** A figure no cell judgment would flag; any other number is doubtful. */
export function isPlainFigure(value: number, fractionAllowed: boolean): boolean {
  return value >= 0 && value <= Number.MAX_SAFE_INTEGER && (fractionAllowed || Math.floor(value) === value);
}

export function genericLoader(readers: readonly RowReader[], judged: boolean): Loader {
  return (tables, { values, states, others, blanks, doubtful, counts }) => {
    let blankCount = 0;
    let doubtfulCount = 0;
    let texts = 0;
    for (const reader of readers) {
      const row = tables?.[reader.table as keyof ReportTables]?.[reader.rowKey];
      const { columnKeys, slots, fractions } = reader;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i];
        const value: unknown = row == null ? undefined : row[columnKeys[i]];
        if (typeof value === "number") {
          values[slot] = value;
          states[slot] = NUMBER;
          if (judged && !isPlainFigure(value, fractions[i] === 1)) doubtful[doubtfulCount++] = slot;
        } else {
          const state = stateOfOther(value);
          values[slot] = 0;
          states[slot] = state;
          others[slot] = value;
          if (state === TEXT) texts++;
          if (!judged) continue;
          if (state === TEXT) doubtful[doubtfulCount++] = slot;
          else blanks[blankCount++] = slot;
        }
      }
    }
    if (judged) {
      counts[BLANKS] = blankCount;
      counts[DOUBTFUL] = doubtfulCount;
      counts[TEXTS] = texts;
    } else {
      counts[TEXTS] += texts;
    }
  };
}

/**
 * This year's cell that is neither a figure the generated loader's one test settles nor empty: listed,
 * unless it is a plain figure after all. Out of line, so that the loader's code stays small. Returns
 * the new length of `blanks` (the loader keeps it in a local; the rarer `doubtful` count is in `counts`).
 */
function noteUncommon(
  slots: Slots,
  value: unknown,
  slot: number,
  blankCount: number,
  fractionAllowed: boolean,
): number {
  const { states, counts } = slots;
  if (typeof value === "number") {
    slots.values[slot] = value;
    if (!isPlainFigure(value, fractionAllowed)) slots.doubtful[counts[DOUBTFUL]++] = slot;
    return blankCount;
  }
  const state = stateOfOther(value);
  slots.values[slot] = 0;
  states[slot] = state;
  slots.others[slot] = value;
  if (state !== TEXT) {
    slots.blanks[blankCount] = slot;
    return blankCount + 1;
  }
  counts[TEXTS]++;
  slots.doubtful[counts[DOUBTFUL]++] = slot;
  return blankCount;
}

/** This year's cells: a plain figure costs one test and one store. */
function judgedCellSource(slot: number, key: string, fractionAllowed: boolean): string {
  // `(value >>> 0) === value` holds exactly for whole numbers 0 … 2^32 − 1, nearly every count.
  const settled = fractionAllowed ? `value >= 0 && value <= ${Number.MAX_SAFE_INTEGER}` : "(value >>> 0) === value";
  return [
    `value = row[${JSON.stringify(key)}];`,
    `if (typeof value === "number" && (${settled})) values[${slot}] = value;`,
    // Empty cells are common (a whole table left empty): they are handled here, not in a call.
    `else if (value == null) { values[${slot}] = 0; states[${slot}] = ${ABSENT}; blanks[b++] = ${slot}; }`,
    `else b = noteUncommon(slots, value, ${slot}, b, ${fractionAllowed});`,
  ].join("\n");
}

/** Last year's cells (the few the cross-year rules read): every state written, nothing listed. */
function previousCellSource(slot: number, key: string): string {
  return [
    `value = row[${JSON.stringify(key)}];`,
    `if (typeof value === "number") { values[${slot}] = value; states[${slot}] = ${NUMBER}; }`,
    `else { state = stateOfOther(value); values[${slot}] = 0; states[${slot}] = state; others[${slot}] = value; if (state === ${TEXT}) counts[${TEXTS}]++; }`,
  ].join("\n");
}

function generatedSource(readers: readonly RowReader[], judged: boolean): string {
  const lines = ["let table, row, value, state, b = 0;"];
  if (judged) {
    // A plain figure's state is not written, so every state starts as NUMBER. One fill costs less than
    // returning the slots the last call listed (a report with 135 blanks loads 40% faster).
    const slots = readers.flatMap((reader) => Array.from(reader.slots));
    lines.push(
      `states.fill(${NUMBER}, ${Math.min(...slots)}, ${Math.max(...slots) + 1});`,
      `counts[${DOUBTFUL}] = 0;`,
      `counts[${TEXTS}] = 0;`,
    );
  }
  // A missing table or row reads as an empty one: testing `row == null` at every cell instead makes
  // each cell's value one of two kinds and the whole pass a third slower.
  lines.push("tables = tables ?? NO_ROW;");
  let table: string | undefined;
  for (const reader of readers) {
    if (reader.table !== table) {
      table = reader.table;
      lines.push(`table = tables[${JSON.stringify(table)}] ?? NO_ROW;`);
    }
    lines.push(`row = table[${JSON.stringify(reader.rowKey)}] ?? NO_ROW;`);
    reader.columnKeys.forEach((key, i) => {
      const slot = reader.slots[i];
      lines.push(judged ? judgedCellSource(slot, key, reader.fractions[i] === 1) : previousCellSource(slot, key));
    });
  }
  if (judged) lines.push(`counts[${BLANKS}] = b;`);
  return lines.join("\n");
}

type GeneratedLoader = (
  tables: ReportTables | undefined,
  slots: Slots,
  values: Float64Array,
  states: Uint8Array,
  others: unknown[],
  blanks: Int32Array,
  doubtful: Int32Array,
  counts: Int32Array,
  helpers: { stateOfOther: typeof stateOfOther; noteUncommon: typeof noteUncommon; NO_ROW: object },
) => void;

/** What the generated loader reads in place of a missing table or row. */
const NO_ROW = Object.freeze({});

/** The generated loader, or undefined where the runtime forbids generating code. */
export function generatedLoader(readers: readonly RowReader[], judged: boolean): Loader | undefined {
  const compiled = generatedFunction<GeneratedLoader>(
    ["tables", "slots", "values", "states", "others", "blanks", "doubtful", "counts", "helpers"],
    "const { stateOfOther, noteUncommon, NO_ROW } = helpers;\n" + generatedSource(readers, judged),
  );
  if (!compiled) return undefined;
  const helpers = { stateOfOther, noteUncommon, NO_ROW };
  return (tables, slots) => {
    const { values, states, others, blanks, doubtful, counts } = slots;
    compiled(tables, slots, values, states, others, blanks, doubtful, counts, helpers);
  };
}

export function compileLoader(readers: readonly RowReader[], judged: boolean): Loader {
  return (generatingCode() ? generatedLoader(readers, judged) : undefined) ?? genericLoader(readers, judged);
}
