import { FORMATS, type FormatId } from "../../src/format";
import { SHEET_NAMES } from "../../src/excel/plan";
import { recogniseSheets } from "../../src/recognise/recognise";
import { checkReport } from "../../src/rules";
import { readBuiltWorkbook } from "../../src/xlsx/read-built";
import { workbookGrids } from "../../src/xlsx/sheets";
import { writeTemplate } from "../../src/xlsx/template";
import { FIXTURE_NAMES, loadFixture } from "../support/fixtures";
import { openInEngine } from "../support/xlsx-files";
import { addressOf, withComputedTotals } from "../support/workbook";

describe.each(["2021", "2019"] as const)("the %s template file", (format: FormatId) => {
  it("holds the same grid, names, protection and print settings as the add-in builds", async () => {
    const { workbook } = await openInEngine(
      await writeTemplate({ format, agency: "某某局", year: format === "2021" ? 2024 : 2020 }),
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["二 主动公开", "三 依申请公开", "四 复议诉讼"]);
    const sheet3 = workbook.getWorksheet(SHEET_NAMES["三"])!;
    expect(sheet3.getCell("A1").value).toBe(`某某局 ${format === "2021" ? 2024 : 2020}年政府信息公开工作年度报告`);
    expect(sheet3.getCell("A3").value).toBe("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    expect((sheet3.model as { merges: string[] }).merges).toContain("A3:C5");
    expect(sheet3.pageSetup.printTitlesRow).toBe("3:5");
    expect(sheet3.getCell("D6").protection?.locked).toBe(false);
    expect(sheet3.getCell("J6").value).toEqual({ formula: "SUM(D6:I6)" });
    // A template read back by names is a blank report of the format: nothing typed, and the totals (formulas
    // no spreadsheet has calculated yet) read as what they compute, 0.
    const blank = readBuiltWorkbook(workbook)!;
    expect(blank.format).toBe(format);
    for (const cell of FORMATS[format].cells) {
      const expected = cell.role === "derived" ? 0 : null;
      expect([cell.id, blank.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey]]).toEqual([cell.id, expected]);
    }
    // And the recogniser finds the same tables by their labels alone.
    expect(recogniseSheets(workbookGrids(workbook))?.tablesFound).toEqual(["二", "三", "四"]);
  });

  const fixtures = FIXTURE_NAMES.filter((name) => loadFixture(name).format === format);
  it.each(fixtures)("recalculates %s typed in, to the totals the checker expects", async (name) => {
    const report = loadFixture(name);
    const file = await openInEngine(await writeTemplate({ format, agency: "甲", year: 2024 }));
    for (const cell of FORMATS[format].cells) {
      const value = report.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey];
      if (cell.role === "input" && value !== undefined && value !== null)
        file.set(SHEET_NAMES[cell.table], addressOf(cell), value);
    }
    const expected = withComputedTotals(report);
    for (const cell of FORMATS[format].cells.filter((c) => c.role === "derived")) {
      expect([cell.id, file.value(SHEET_NAMES[cell.table], addressOf(cell))]).toEqual([
        cell.id,
        expected.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey],
      ]);
    }
    // The S1 block beside table 三 says ✗ exactly for the columns the checker finds unbalanced.
    const unbalanced = new Set(
      checkReport(expected)
        .filter((f) => f.rule === "S1")
        .map((f) => f.target.split(":")[2]),
    );
    FORMATS[format].tables["三"].columnKeys.forEach((column, i) => {
      expect([column, file.value(SHEET_NAMES["三"], `N${4 + i}`)]).toEqual([
        column,
        unbalanced.has(column) ? "✗" : "✓",
      ]);
    });
  });
});
