import { FORMATS } from "../../src/format";
import { clearHighlights, highlightFindings, readTables, selectCell } from "../../src/excel";
import { SHEET_NAMES, TABLE_ORIGIN } from "../../src/excel/plan";
import { checkReport, type Finding } from "../../src/rules";
import { expectedFindings, FIXTURE_NAMES, loadFixture, PREVIOUS_YEAR } from "../support/fixtures";
import { addressOf, builtWorkbook, typeReport, withComputedTotals } from "../support/workbook";

const brief = (findings: readonly Finding[]) => findings.map((f) => `${f.rule} ${f.target} ${f.severity}`).sort();

/** The add-in's marks on the sheets: cell address → mark formula. */
function marks(excel: Awaited<ReturnType<typeof builtWorkbook>>) {
  const found = new Map<string, string>();
  for (const sheet of excel.state.sheets) {
    for (const format of sheet.conditionalFormats) {
      if (format.formula.includes("DR-HL"))
        found.set(`${sheet.name}!${format.rect.row},${format.rect.col}`, format.formula);
    }
  }
  return found;
}

describe.each(FIXTURE_NAMES)("%s typed into a built workbook", (name) => {
  const report = loadFixture(name);
  const previousName = PREVIOUS_YEAR[name];
  const previous = previousName ? loadFixture(previousName) : undefined;

  it("reads back as typed, with every total computed by the workbook's formulas, in one sync", async () => {
    const excel = await builtWorkbook(report.format);
    typeReport(excel, report);
    const { result, syncs } = await excel.countSyncs(() => readTables(excel.run));
    expect(syncs).toBe(1);
    const expected = withComputedTotals(report);
    for (const cell of FORMATS[report.format].cells) {
      const want = expected.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey] ?? null;
      expect([cell.id, result?.report.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey]]).toEqual([cell.id, want]);
    }
    expect(result?.overriddenTotals).toEqual([]);
    expect(brief(checkReport(result!.report, previous))).toEqual(brief(checkReport(expected, previous)));
  });

  it("with its printed totals typed over the formulas gives the expected findings, each highlighted on its cell", async () => {
    const excel = await builtWorkbook(report.format);
    typeReport(excel, report, { totals: true });
    const read = await readTables(excel.run);
    const findings = checkReport(read!.report, previous);
    expect(brief(findings)).toEqual(expectedFindings(name));
    expect(read!.overriddenTotals).toHaveLength(
      FORMATS[report.format].cells.filter((c) => c.role === "derived").length,
    );

    const { result: count, syncs } = await excel.countSyncs(() =>
      highlightFindings(excel.run, report.format, findings),
    );
    expect(syncs).toBe(2);
    const marked = marks(excel);
    expect(marked.size).toBe(count);
    for (const finding of findings) {
      const cell = FORMATS[report.format].cellById.get(finding.target)!;
      const where = `${SHEET_NAMES[cell.table]}!${TABLE_ORIGIN.row + cell.row},${TABLE_ORIGIN.col + cell.col}`;
      expect([finding.target, marked.get(where)]).toEqual([
        finding.target,
        finding.severity === "error" ? '=N("DR-HL-E")=0' : expect.stringMatching(/DR-HL-[EW]/),
      ]);
    }
  });
});

describe("highlighting", () => {
  it("never changes the user's own formats, and clearing leaves the workbook exactly as before", async () => {
    const report = loadFixture("huaian-hongze-district-2023");
    const excel = await builtWorkbook("2021");
    typeReport(excel, report, { totals: true });
    // The user's own formatting on cells that will be marked.
    excel.state.setFormat(excel.sheet(SHEET_NAMES["四"]), 5, 4, { fill: "#00FF00", fontBold: false });
    excel.state.setFormat(excel.sheet(SHEET_NAMES["三"]), 27, 3, { fontColor: "#123456" });
    excel.sheet(SHEET_NAMES["三"]).protected = true;
    const before = JSON.stringify(excel.snapshot());

    const findings = checkReport((await readTables(excel.run))!.report);
    await highlightFindings(excel.run, "2021", findings);
    expect(marks(excel).size).toBeGreaterThan(20);
    expect(excel.format(SHEET_NAMES["四"], "E6")).toMatchObject({ fill: "#00FF00", fontBold: false });
    expect(excel.sheet(SHEET_NAMES["三"]).protected).toBe(true);

    await highlightFindings(excel.run, "2021", findings); // again: replaces, never piles up
    const { syncs } = await excel.countSyncs(() => clearHighlights(excel.run, "2021"));
    expect(syncs).toBe(2);
    expect(JSON.stringify(excel.snapshot())).toBe(before);
  });

  it("distinguishes errors, warnings and the cells an error involves", async () => {
    const excel = await builtWorkbook("2021");
    const report = loadFixture("huaian-hongze-district-2023");
    typeReport(excel, report, { totals: true });
    await highlightFindings(excel.run, "2021", checkReport((await readTables(excel.run))!.report));
    const marked = marks(excel);
    expect(marked.get(`${SHEET_NAMES["四"]}!5,4`)).toBe('=N("DR-HL-E")=0'); // 行政复议 总计
    expect(marked.get(`${SHEET_NAMES["四"]}!5,0`)).toBe('=N("DR-HL-O")=0'); // 结果维持, its operand
    expect(
      marked.get(`${SHEET_NAMES["三"]}!${TABLE_ORIGIN.row + FORMATS["2021"].cellById.get("三:三.六.1:自然人")!.row},3`),
    ).toBe('=N("DR-HL-W")=0'); // a blank （六）1
  });
});

describe("finding the tables after staff change the workbook", () => {
  const report = loadFixture("jinhu-county-2023");

  async function prepared() {
    const excel = await builtWorkbook("2021");
    typeReport(excel, report, { totals: true });
    const original = (await readTables(excel.run))!.report;
    return { excel, original };
  }

  it("survives a row inserted inside table 三 and a column inserted beside it", async () => {
    const { excel, original } = await prepared();
    excel.insertRows(SHEET_NAMES["三"], 12); // inside （三）不予公开
    excel.insertColumns(SHEET_NAMES["三"], "F"); // between 商业企业 and 科研机构
    excel.insertColumns(SHEET_NAMES["三"], "A"); // before the table
    const read = (await readTables(excel.run))!;
    expect(read.report.tables).toEqual(original.tables);
    expect(brief(checkReport(read.report))).toEqual(expectedFindings("jinhu-county-2023"));
  });

  it("survives a renamed sheet and a moved table", async () => {
    const { excel, original } = await prepared();
    excel.renameSheet(SHEET_NAMES["四"], "复议诉讼情况");
    excel.moveBlock("复议诉讼情况", "A3:O6", "C20");
    const read = (await readTables(excel.run))!;
    expect(read.sheets["四"]).toBe("复议诉讼情况");
    expect(read.report.tables).toEqual(original.tables);
  });

  it("says which table is gone when its sheet is deleted", async () => {
    const { excel } = await prepared();
    excel.state.deleteSheet(excel.sheet(SHEET_NAMES["二"]));
    const read = (await readTables(excel.run))!;
    expect(read.missingTables).toEqual(["二"]);
    expect(read.report.tables["三"]).toBeDefined();
  });

  it("reads nothing from a workbook without tables", async () => {
    const { ExcelEmulator } = await import("../support/excel-emulator");
    expect(await readTables(new ExcelEmulator().run)).toBeUndefined();
  });
});

describe("going to a finding's cell", () => {
  it("activates the sheet and selects the cell in one sync, even after rows were inserted", async () => {
    const excel = await builtWorkbook("2021");
    excel.insertRows(SHEET_NAMES["四"], 1, 2);
    const { syncs } = await excel.countSyncs(() => selectCell(excel.run, "2021", "四:复议后起诉:总计"));
    expect(syncs).toBe(1);
    expect(excel.state.activeSheetId).toBe(excel.sheet(SHEET_NAMES["四"]).id);
    expect(excel.state.selection?.rect).toEqual({ row: 7, col: 14, rowCount: 1, colCount: 1 });
    await selectCell(excel.run, "2021", "二:行政许可:本年处理决定数量");
    const cell = FORMATS["2021"].cellById.get("二:行政许可:本年处理决定数量")!;
    expect(addressOf(cell)).toBe("B9");
    expect(excel.state.selection?.rect).toEqual({ row: 8, col: 1, rowCount: 1, colCount: 1 });
  });
});

describe("re-checking", () => {
  it("reads, checks and replaces the marks in two syncs, with last year's report", async () => {
    const { recheck } = await import("../../src/excel");
    const report = loadFixture("suqian-city-2024");
    const previous = loadFixture("suqian-city-2023");
    const excel = await builtWorkbook("2021");
    typeReport(excel, report, { totals: true });
    excel.type(SHEET_NAMES["三"], addressOf(FORMATS["2021"].cellById.get("三:二:自然人")!), 0);
    const { result, syncs } = await excel.countSyncs(() => recheck(excel.run, previous));
    expect(syncs).toBe(2);
    expect(result?.findings.map((f) => `${f.rule} ${f.target}`)).toContain("Y1 三:二:自然人");
    expect(result?.marked).toBeGreaterThan(0);
  });
});
