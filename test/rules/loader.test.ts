import { FORMAT_IDS } from "../../src/format";
import { programFor } from "../../src/rules/compile";
import { evaluateWithText, generatedEvaluator, genericEvaluator, type Failures } from "../../src/rules/evaluate";
import { emptySlots, generatedLoader, genericLoader, TEXTS, UNUSUAL } from "../../src/rules/loader";
import type { CellValue, Report } from "../../src/report/types";
import { FIXTURE_NAMES, loadFixture } from "../support/fixtures";
import { zeroReport } from "../support/reports";

function failuresFor(size: number): Failures {
  return { relations: new Int32Array(size), expected: new Float64Array(size) };
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
    expect(generatedLoader(programFor("2021").currentRows)).toBeDefined();
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
    for (const rows of [program.currentRows, program.previousRows]) {
      generatedLoader(rows)?.(report.tables, a);
      genericLoader(rows)(report.tables, b);
    }
    expect(Array.from(a.states)).toEqual(Array.from(b.states));
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    a.states.forEach((state, slot) => {
      if (state !== 0) expect(a.others[slot]).toEqual(b.others[slot]);
    });
    expect(Array.from(a.counts)).toEqual(Array.from(b.counts));
    expect(Array.from(a.unusual.subarray(0, a.counts[UNUSUAL]))).toEqual(
      Array.from(b.unusual.subarray(0, b.counts[UNUSUAL])),
    );
  });

  it("lists as unusual exactly this year's cells that are not plain figures, in order", () => {
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
    const expected = program.format.cells.map((cell) => cell.index).filter((slot) => !plain(slot));
    expect(expected.length).toBeGreaterThan(20);
    expect(Array.from(slots.unusual.subarray(0, slots.counts[UNUSUAL]))).toEqual(expected);
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

  it.each([...FIXTURE_NAMES.map((name): [string, Report] => [name, loadFixture(name)]), ...numeric])(
    "finds the same failures, to the bit, as the generic evaluators: %s",
    (_name, report) => {
      const program = programFor(report.format, report.format);
      const slots = emptySlots(program.slotCount);
      program.loadCurrent(report.tables, slots);
      program.loadPrevious(report.tables, slots);
      for (const block of Object.values(program.relations)) {
        const size = block.targets.length;
        const [a, b, c] = [failuresFor(size), failuresFor(size), failuresFor(size)];
        const generated = generatedEvaluator(block)?.(slots.values, a);
        const generic = genericEvaluator(block)(slots.values, b);
        const textAware = evaluateWithText(block, slots, c);
        expect(generated).toBe(generic);
        expect(Array.from(a.relations.subarray(0, generic))).toEqual(Array.from(b.relations.subarray(0, generic)));
        expect(Array.from(a.expected.subarray(0, generic))).toEqual(Array.from(b.expected.subarray(0, generic)));
        if (slots.counts[TEXTS] === 0) {
          expect(textAware).toBe(generic);
          expect(Array.from(c.expected.subarray(0, generic))).toEqual(Array.from(b.expected.subarray(0, generic)));
        }
      }
    },
  );
});
