import { FORMAT_IDS } from "../../src/format";
import { programFor } from "../../src/rules/compile";
import { generatedLoader, genericLoader, type Slots } from "../../src/rules/loader";
import type { CellValue, Report } from "../../src/report/types";
import { FIXTURE_NAMES, loadFixture } from "../support/fixtures";
import { zeroReport } from "../support/reports";

function slotsFor(size: number): Slots {
  return { values: new Float64Array(size), states: new Uint8Array(size), others: new Array(size).fill(null) };
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
    const program = programFor(report.format);
    const generated = generatedLoader(program.currentRows);
    const generic = genericLoader(program.currentRows);
    const a = slotsFor(program.slotCount);
    const b = slotsFor(program.slotCount);
    generated?.(report.tables, a);
    generic(report.tables, b);
    expect(Array.from(a.states)).toEqual(Array.from(b.states));
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    a.states.forEach((state, slot) => {
      if (state !== 0) expect(a.others[slot]).toEqual(b.others[slot]);
    });
  });
});
