import { FORMAT_IDS } from "../../src/format";
import { programFor } from "../../src/rules/compile";
import {
  dropTextFailures,
  generatedEvaluator,
  genericEvaluator,
  type Failures,
  type RelationArrays,
} from "../../src/rules/evaluate";
import {
  ABSENT,
  BLANK,
  BLANKS,
  DOUBTFUL,
  emptySlots,
  generatedLoader,
  genericLoader,
  PLACEHOLDER,
  TEXT,
  TEXTS,
  type Slots,
} from "../../src/rules/loader";
import type { CellValue, Report } from "../../src/report/types";
import { FIXTURE_NAMES, loadFixture } from "../support/fixtures";
import { zeroReport } from "../support/reports";

function failuresFor(size: number): Failures {
  return { relations: new Int32Array(size), expected: new Float64Array(size) };
}

/**
 * report-json.md's rule, written out plainly: a relation that involves a cell with unusable text is not
 * evaluated; every other one fails when its target differs from Σ sign × operand (summed left to right).
 */
function referenceFailures(block: RelationArrays, { values, states }: Slots): { relation: number; expected: number }[] {
  const failed: { relation: number; expected: number }[] = [];
  for (let r = 0; r < block.targets.length; r++) {
    const slots = [block.targets[r], ...block.operandSlots.subarray(block.starts[r], block.starts[r + 1])];
    if (slots.some((slot) => states[slot] === TEXT)) continue;
    let expected = 0;
    for (let i = block.starts[r]; i < block.starts[r + 1]; i++)
      expected += block.signs[i] * values[block.operandSlots[i]];
    if (!(Math.abs(values[block.targets[r]] - expected) <= block.tolerances[r])) failed.push({ relation: r, expected });
  }
  return failed;
}

/** The slots' two lists, as plain arrays. */
function lists({ blanks, doubtful, counts }: Slots): { blanks: number[]; doubtful: number[] } {
  return {
    blanks: Array.from(blanks.subarray(0, counts[BLANKS])),
    doubtful: Array.from(doubtful.subarray(0, counts[DOUBTFUL])),
  };
}

function listed(failures: Failures, count: number): { relation: number; expected: number }[] {
  return Array.from(failures.relations.subarray(0, count), (relation, k) => ({
    relation,
    expected: failures.expected[k],
  }));
}

/** A deterministic pseudo-random report that mixes every kind of value, with keys in shuffled order. */
function randomReport(format: (typeof FORMAT_IDS)[number], seed: number): Report {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pool: (CellValue | undefined)[] = [
    0,
    1,
    7,
    2.5,
    -3,
    0.1,
    1e300,
    2 ** 53 + 2,
    -0,
    null,
    undefined,
    "",
    " ",
    "/",
    "—",
    "无",
    "２５",
    "25件",
    "x",
  ];
  const base = zeroReport(format);
  const tables: Record<string, Record<string, Record<string, CellValue>>> = {};
  for (const [tableId, table] of Object.entries(base.tables)) {
    const rows = Object.entries(table ?? {}).sort(() => next() - 0.5);
    tables[tableId] = {};
    for (const [rowKey, row] of rows) {
      if (next() < 0.05) continue;
      const out: Record<string, CellValue> = {};
      for (const columnKey of Object.keys(row).sort(() => next() - 0.5)) {
        const value = pool[Math.floor(next() * pool.length)];
        if (value !== undefined) out[columnKey] = value;
      }
      tables[tableId][rowKey] = out;
    }
  }
  return { ...base, tables };
}

describe("the generated loader", () => {
  it("is available under Node", () => {
    expect(generatedLoader(programFor("2021").currentRows, true)).toBeDefined();
  });

  const reports: [string, Report][] = [
    ...FIXTURE_NAMES.map((name): [string, Report] => [name, loadFixture(name)]),
    ...FORMAT_IDS.flatMap((format) =>
      Array.from({ length: 25 }, (_, i): [string, Report] => [`random ${format} #${i}`, randomReport(format, i + 1)]),
    ),
  ];

  it.each(reports)("fills exactly the slots the generic loader fills: %s", (_name, report) => {
    const program = programFor(report.format, report.format);
    const [a, b] = [emptySlots(program.slotCount), emptySlots(program.slotCount)];
    for (const [rows, judged] of [
      [program.currentRows, true],
      [program.previousRows, false],
    ] as const) {
      generatedLoader(rows, judged)?.(report.tables, a);
      genericLoader(rows, judged)(report.tables, b);
    }
    expect(Array.from(a.states)).toEqual(Array.from(b.states));
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    a.states.forEach((state, slot) => {
      if (state === BLANK || state === PLACEHOLDER || state === TEXT) expect(a.others[slot]).toEqual(b.others[slot]);
    });
    expect(Array.from(a.counts)).toEqual(Array.from(b.counts));
    expect(lists(a)).toEqual(lists(b));
  });

  it("gives, on slots a previous report left behind, what it gives on fresh slots", () => {
    // This year's generated loader writes no state for a plain figure: nothing of the last report may
    // survive into the next. Each report is loaded after every other one, both orders.
    const sequence = reports.filter(([, report]) => report.format === "2021").map(([, report]) => report);
    const program = programFor("2021", "2021");
    const reused = emptySlots(program.slotCount);
    const load = generatedLoader(program.currentRows, true);
    const loadPrevious = generatedLoader(program.previousRows, false);
    if (!load || !loadPrevious) throw new Error("no generated loader under Node");
    let compared = 0;
    for (const before of sequence) {
      for (const report of sequence) {
        load(before.tables, reused);
        loadPrevious(before.tables, reused);
        load(report.tables, reused);
        loadPrevious(report.tables, reused);
        const fresh = emptySlots(program.slotCount);
        genericLoader(program.currentRows, true)(report.tables, fresh);
        genericLoader(program.previousRows, false)(report.tables, fresh);
        expect(Array.from(reused.states)).toEqual(Array.from(fresh.states));
        expect(Array.from(reused.values)).toEqual(Array.from(fresh.values));
        expect(Array.from(reused.counts)).toEqual(Array.from(fresh.counts));
        expect(lists(reused)).toEqual(lists(fresh));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(600);
  });

  it("leaves slots it could not fill so that the next report loads as on fresh slots", () => {
    const program = programFor("2021");
    const load = generatedLoader(program.currentRows, true);
    if (!load) throw new Error("no generated loader under Node");
    const slots = emptySlots(program.slotCount);
    const blanks = loadFixture("shuyang-county-development-reform-bureau-2023");
    const clean = loadFixture("suqian-city-2024");
    load(clean.tables, slots);
    // Tables 二 and 三, with blanks, are read before table 四 throws.
    const throwing = {
      ...blanks.tables,
      四: new Proxy(
        {},
        {
          get: () => {
            throw new Error("a getter");
          },
        },
      ),
    };
    expect(() => load(throwing as Report["tables"], slots)).toThrow("a getter");
    load(clean.tables, slots);
    const fresh = emptySlots(program.slotCount);
    genericLoader(program.currentRows, true)(clean.tables, fresh);
    expect(Array.from(slots.states)).toEqual(Array.from(fresh.states));
    expect(Array.from(slots.counts)).toEqual(Array.from(fresh.counts));
  });

  it("lists exactly this year's blank cells, and its other cells that are not plain figures, in order", () => {
    const report = randomReport("2021", 7);
    const program = programFor("2021", "2021");
    const slots = emptySlots(program.slotCount);
    program.loadCurrent(report.tables, slots);
    program.loadPrevious(report.tables, slots);
    const plain = (slot: number) => {
      const value = slots.values[slot];
      const amount = program.format.cells[slot].kind === "amount";
      return slots.states[slot] === 0 && value >= 0 && value <= 2 ** 53 - 1 && (amount || Number.isInteger(value));
    };
    const thisYear = program.format.cells.map((cell) => cell.index);
    const blank = (slot: number) => [ABSENT, BLANK, PLACEHOLDER].includes(slots.states[slot]);
    const expected = {
      blanks: thisYear.filter(blank),
      doubtful: thisYear.filter((slot) => !plain(slot) && !blank(slot)),
    };
    expect(expected.blanks.length).toBeGreaterThan(20);
    expect(expected.doubtful.length).toBeGreaterThan(20);
    expect(lists(slots)).toEqual(expected);
    const texts = Array.from(slots.states).filter((state) => state === 3).length;
    expect(texts).toBeGreaterThan(0);
    expect(slots.counts[TEXTS]).toBe(texts);
  });
});

describe("the generated relation evaluator", () => {
  it("is available under Node", () => {
    expect(generatedEvaluator(programFor("2021").relations["三"])).toBeDefined();
  });

  /** Reports without text, where the evaluators without a text check are used. */
  const numeric: [string, Report][] = FORMAT_IDS.flatMap((format) =>
    Array.from({ length: 25 }, (_, i): [string, Report] => {
      const report = randomReport(format, 100 + i);
      for (const table of Object.values(report.tables))
        for (const row of Object.values(table ?? {}))
          for (const key of Object.keys(row)) if (typeof row[key] !== "number") row[key] = (i * 7 + key.length) % 5;
      return [`numeric ${format} #${i}`, report];
    }),
  );

  const mixed = FORMAT_IDS.flatMap((format) =>
    Array.from({ length: 25 }, (_, i): [string, Report] => [`mixed ${format} #${i}`, randomReport(format, 300 + i)]),
  );

  it.each([...FIXTURE_NAMES.map((name): [string, Report] => [name, loadFixture(name)]), ...numeric, ...mixed])(
    "finds the failures of the plain rule, to the bit, generated or generic: %s",
    (_name, report) => {
      const program = programFor(report.format, report.format);
      const slots = emptySlots(program.slotCount);
      program.loadCurrent(report.tables, slots);
      program.loadPrevious(report.tables, slots);
      for (const block of Object.values(program.relations)) {
        const size = block.targets.length;
        const [a, b] = [failuresFor(size), failuresFor(size)];
        const generated = dropTextFailures(block, slots.states, a, generatedEvaluator(block)?.(slots.values, a) ?? -1);
        const generic = dropTextFailures(block, slots.states, b, genericEvaluator(block)(slots.values, b));
        const reference = referenceFailures(block, slots);
        expect(listed(a, generated)).toEqual(reference);
        expect(listed(b, generic)).toEqual(reference);
      }
    },
  );

  it("leaves out, in the random reports, relations that involve text", () => {
    let dropped = 0;
    for (const [, report] of mixed) {
      const program = programFor(report.format);
      const slots = emptySlots(program.slotCount);
      program.loadCurrent(report.tables, slots);
      for (const block of Object.values(program.relations)) {
        const failures = failuresFor(block.targets.length);
        const failed = block.evaluate(slots.values, failures);
        dropped += failed - dropTextFailures(block, slots.states, failures, failed);
      }
    }
    expect(dropped).toBeGreaterThan(10);
  });
});
