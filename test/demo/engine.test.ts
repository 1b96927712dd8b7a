import { demoEngine } from "../../demo/engine";
import { buildTables, readTables, writeReportValues } from "../../src/excel";
import { writeConsolidation } from "../../src/excel/consolidation";
import type { FormulaEngine } from "../support/excel-emulator/engine";
import { ExcelEmulator as EmulatorWithEngine } from "../support/excel-emulator/core";
import { hyperFormulaEngine } from "../support/excel-emulator/hyperformula-engine";
import { splitIntoDepartments } from "../support/departments";
import { FIXTURE_NAMES, loadFixture } from "../support/fixtures";

/** Every value of every sheet, as `range.values` shows it. */
function values(excel: EmulatorWithEngine) {
  return excel.state.sheets.map((sheet) => {
    const { width, height } = excel.state.engine.getSheetDimensions(sheet.id);
    return {
      name: sheet.name,
      values: Array.from({ length: height }, (_, row) =>
        Array.from({ length: width }, (_, col) => excel.state.value(sheet, row, col)),
      ),
    };
  });
}

const both = (): [EmulatorWithEngine, EmulatorWithEngine] => [
  new EmulatorWithEngine(hyperFormulaEngine()),
  new EmulatorWithEngine(demoEngine()),
];

describe("the demo page's formula engine, against HyperFormula", () => {
  const grid = [
    [1, 2, "'3", null, "abc", true],
    [-4.5, 0, "=A1+B1", "=SUM(A1:F1)", "=C2*2", '=IF(A1=1,"✓","✗")'],
    ["=A2/B2", '=N("DR")=0', '=AND(A1<>0,N("x")=0)', "=D1+1", '=E1&"x"', "=SUM(A1,C1,E1)"],
    ["=OR(B2>0,A1>0)", "=-A1+-B1", '=IF(D1="",1,2)', "=MAX(A1:B2)", "=MIN(A1:B2)", "=ROUND(2.345,2)"],
    ["=A1+C1", "=A1+E1", "=SUM(A1:B2)+Sheet2!A1", "='Sheet 3'!B2*2", "=NOPE(1)", "=COUNT(A1:F1)"],
  ];

  it.each(grid.flatMap((row, r) => row.map((content, c) => [`R${r + 1}C${c + 1} ${String(content)}`, r, c])))(
    "%s computes as HyperFormula computes it",
    (_label, row, col) => {
      const results = ([hyperFormulaEngine(), demoEngine()] as FormulaEngine[]).map((engine) => {
        for (const name of ["Sheet1", "Sheet2", "Sheet 3"]) engine.addSheet(name);
        engine.setSheetContent(0, grid);
        engine.setCellContents({ sheet: 1, row: 0, col: 0 }, [[10]]);
        engine.setCellContents({ sheet: 2, row: 1, col: 1 }, [[7]]);
        return engine.getCellValue({ sheet: 0, row: row as number, col: col as number });
      });
      // Names of errors differ between engines (#NAME? everywhere); what matters is that both see one.
      if (typeof results[0] === "object" && results[0] !== null) expect(results[1]).toHaveProperty("error");
      else expect(results[1]).toEqual(results[0]);
    },
  );

  it.each([...FIXTURE_NAMES])(
    "the tables built and filled with %s show the same values under both engines",
    async (name) => {
      const report = loadFixture(name);
      const computed = await Promise.all(
        both().map(async (excel) => {
          await buildTables(excel.run, { format: report.format, agency: "某局", year: report.year ?? 2023 });
          await writeReportValues(excel.run, report);
          return { values: values(excel), read: (await readTables(excel.run))?.report };
        }),
      );
      expect(computed[1]).toEqual(computed[0]);
    },
  );

  it("the 汇总 of departments computes the same under both engines, and renaming a department follows", async () => {
    const departments = splitIntoDepartments(loadFixture("suqian-city-2024"), 3).map((report, i) => ({
      name: `部门 ${i + 1}`,
      report,
    }));
    const computed = await Promise.all(
      both().map(async (excel) => {
        await writeConsolidation(excel.run, { format: "2021", agency: "x", year: 2024, departments });
        excel.renameSheet("部门 2", "民政局");
        return values(excel);
      }),
    );
    expect(computed[1]).toEqual(computed[0]);
  });
});
