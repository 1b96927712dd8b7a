import { applyFixes, buildTables, highlightFindings, readTables } from "../../src/excel";
import { FORMATS } from "../../src/format";
import { checkReport, proposeFixes } from "../../src/rules";
import { loadFixture } from "../support/fixtures";
import { withCells } from "../support/reports";
import { typeReport } from "../support/workbook";
import { ExcelEmulator } from "../support/excel-emulator";

const OPTIONS = { format: "2021" as const, agency: "某局", year: 2023 };

/** What a person could see, with the order of names and conditional formats (and their ids) not counting. */
function normalised(excel: ExcelEmulator): unknown {
  const sheets = (excel.snapshot() as { conditionalFormats: { id: string }[] }[]).map((sheet) => ({
    ...sheet,
    conditionalFormats: sheet.conditionalFormats.map((format) => JSON.stringify({ ...format, id: "" })).sort(),
  }));
  const names = excel.state.names.map((name) => JSON.stringify(name)).sort();
  return { sheets, names, settings: [...excel.state.settings.entries()] };
}

describe("a build whose write fails half-way", () => {
  let clean: unknown;
  let operations = 0;

  beforeAll(async () => {
    const excel = new ExcelEmulator();
    await buildTables(excel.run, OPTIONS);
    clean = normalised(excel);
    // Count the operations of the write batch, to fail at points spread over it.
    const counter = new ExcelEmulator();
    counter.failAfterOperations = 1e9;
    await buildTables(counter.run, OPTIONS);
    operations = 1e9 - (counter.failAfterOperations ?? 0);
  });

  it("has a write batch worth testing", () => {
    expect(operations).toBeGreaterThan(1000);
  });

  it.each([1, 2, 3, 5, 8, 20, 60, 150, 400, 900, 0.5, 0.75, 0.9, 0.99, -3, -1])(
    "is repaired by the next build to exactly what an uninterrupted build makes (failing after %p operations)",
    async (point) => {
      const at = point < 0 ? operations + point : point < 1 ? Math.floor(operations * point) : point;
      const excel = new ExcelEmulator();
      excel.failAfterOperations = at;
      await expect(buildTables(excel.run, OPTIONS)).rejects.toMatchObject({ code: "GeneralException" });
      await buildTables(excel.run, OPTIONS);
      expect(normalised(excel)).toEqual(clean);
      expect((await readTables(excel.run))?.missingTables).toEqual([]);
    },
  );
});

describe("a highlight or a fix whose write fails half-way", () => {
  /**
   * A real report as printed (shanghai 2019: 148 findings) with, on top, what fixes exist for: figures
   * typed as text and totals typed over their formulas; its totals typed over as printed.
   */
  const printed = loadFixture("shanghai-municipal-government-office-2019");
  const report = withCells(printed, {
    "三:一:自然人": "２５",
    "三:二:商业企业": "3件",
    "三:三.一:科研机构": "/",
    "四:行政复议:结果维持": "1,2",
    "二:规章:本年制发件数": "—",
  });

  async function typedIn() {
    const excel = new ExcelEmulator();
    await buildTables(excel.run, { format: report.format, agency: "某局", year: 2019 });
    typeReport(excel, report, { totals: true });
    const read = (await readTables(excel.run))!;
    const findings = checkReport(read.report);
    return { excel, read, findings };
  }

  /** How many operations an action's batches apply, to fail at points spread over them. */
  async function operationsOf(action: (excel: ExcelEmulator) => Promise<unknown>) {
    const { excel } = await typedIn();
    excel.failAfterOperations = 1e9;
    await action(excel);
    return 1e9 - (excel.failAfterOperations ?? 0);
  }

  const highlight = async (excel: ExcelEmulator) => {
    const findings = checkReport((await readTables(excel.run))!.report);
    await highlightFindings(excel.run, report.format, findings);
  };
  const kindsProposed: Set<string>[] = [];
  const fix = async (excel: ExcelEmulator) => {
    const read = (await readTables(excel.run))!;
    const fixes = proposeFixes(FORMATS[report.format], checkReport(read.report), read.overriddenTotals, (id) => {
      const cell = FORMATS[report.format].cellById.get(id)!;
      return read.report.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey] ?? null;
    });
    kindsProposed.push(new Set(fixes.map((f) => f.kind)));
    return applyFixes(excel.run, report.format, fixes);
  };

  it.each([
    ["highlight", highlight],
    ["fix", fix],
  ] as const)(
    "%s: repaired by running it again, to what an uninterrupted run makes",
    async (_name, action) => {
      const uninterrupted = await typedIn();
      await action(uninterrupted.excel);
      const clean = normalised(uninterrupted.excel);
      // The uninterrupted fix writes numbers, zeros and formulas (the sheet's protection lifted for those).
      if (action === fix) expect([...kindsProposed[0]].sort()).toEqual(["formula", "number", "zero"]);
      const operations = await operationsOf(action);
      expect(operations).toBeGreaterThan(20);
      for (const point of [1, 3, 0.25, 0.5, 0.9, -1]) {
        const at = point < 0 ? operations + point : point < 1 ? Math.floor(operations * point) : point;
        const { excel } = await typedIn();
        excel.failAfterOperations = at;
        await expect(action(excel)).rejects.toMatchObject({ code: "GeneralException" });
        await action(excel);
        expect([at, normalised(excel)]).toEqual([at, clean]);
      }
    },
    120000,
  );
});
