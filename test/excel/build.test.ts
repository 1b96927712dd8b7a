import { a1, FORMATS, rectA1, type FormatId } from "../../src/format";
import { buildTables, BuildError, readTables } from "../../src/excel";
import { NAMES, SHEET_NAMES, TABLE_ORIGIN } from "../../src/excel/plan";
import { addressOf, builtWorkbook } from "../support/workbook";

describe.each(["2021", "2019"] as const)("building the %s format", (format: FormatId) => {
  it("lays out every table exactly as the official grid: labels, merges, locked labels and totals, open inputs", async () => {
    const excel = await builtWorkbook(format, "某某区人民政府", 2023);
    for (const model of Object.values(FORMATS[format].tables)) {
      const sheetName = SHEET_NAMES[model.id];
      const sheet = excel.sheet(sheetName);
      expect(sheet.protected).toBe(true);
      expect(excel.value(sheetName, "A1")).toBe("某某区人民政府 2023年政府信息公开工作年度报告");
      expect(excel.value(sheetName, "A2")).toBe(model.heading);
      for (const label of model.labels) {
        expect(excel.value(sheetName, a1(label.row, label.col, TABLE_ORIGIN))).toBe(label.text);
        expect(excel.format(sheetName, a1(label.row, label.col, TABLE_ORIGIN)).locked).not.toBe(false);
      }
      const tableMerges = [...model.labels, ...model.cells]
        .filter((rect) => rect.rowSpan > 1 || rect.colSpan > 1)
        .map((rect) => rectA1(rect, TABLE_ORIGIN));
      const lastColumn = String.fromCharCode(64 + model.colCount);
      expect(excel.merges(sheetName).sort()).toEqual([`A1:${lastColumn}1`, `A2:${lastColumn}2`, ...tableMerges].sort());
      for (const cell of model.cells) {
        const address = addressOf(cell);
        const cellFormat = excel.format(sheetName, address);
        if (cell.role === "input") {
          expect(cellFormat.locked).toBe(false);
          expect(excel.value(sheetName, address)).toBe("");
          const validation = sheet.validations.find(
            (v) =>
              rectA1({ ...v.rect, rowSpan: v.rect.rowCount, colSpan: v.rect.colCount }) === rectA1(cell, TABLE_ORIGIN),
          );
          expect(validation?.rule).toEqual(
            cell.kind === "amount"
              ? { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } }
              : cell.kind === "change"
                ? { wholeNumber: { formula1: -1e9, formula2: 1e9, operator: "Between" } }
                : { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } },
          );
        } else {
          expect(cellFormat.locked).not.toBe(false);
          expect(String(excel.formula(sheetName, address))).toMatch(/^=SUM\(/);
          expect(excel.value(sheetName, address)).toBe(0);
        }
      }
    }
  });

  it("names every table, row and column, and records what it built in the settings", async () => {
    const excel = await builtWorkbook(format);
    const names = excel.state.names.map((name) => name.name);
    for (const table of Object.values(NAMES[format])) {
      expect(names).toContain(table.table);
      for (const name of [...table.rows.values(), ...table.columns.values()]) expect(names).toContain(name);
    }
    expect(excel.state.settings.get("disclosureReport")).toEqual({
      format,
      agency: "测试机关",
      year: format === "2021" ? 2023 : 2020,
      addinVersion: "0.1.0",
      sheets: { 二: "二 主动公开", 三: "三 依申请公开", 四: "四 复议诉讼" },
    });
  });

  it("computes every total with Excel's own formulas", async () => {
    const excel = await builtWorkbook(format);
    const sheet = SHEET_NAMES["三"];
    const cellOf = (id: string) => addressOf(FORMATS[format].cellById.get(id)!);
    excel.type(sheet, cellOf("三:三.一:自然人"), 4);
    excel.type(sheet, cellOf("三:三.一:其他"), 2);
    excel.type(sheet, cellOf("三:三.五.3:自然人"), 1);
    expect(excel.value(sheet, cellOf("三:三.一:总计"))).toBe(6);
    expect(excel.value(sheet, cellOf("三:三.七:自然人"))).toBe(5);
    expect(excel.value(sheet, cellOf("三:三.七:总计"))).toBe(7);
    excel.type(SHEET_NAMES["四"], cellOf("四:行政复议:结果纠正"), 3);
    excel.type(SHEET_NAMES["四"], cellOf("四:行政复议:尚未审结"), 1);
    expect(cellOf("四:行政复议:总计")).toBe("E6");
    expect(excel.value(SHEET_NAMES["四"], "E6")).toBe(4);
  });

  it("shows the S1 balance beside table 三 and marks an unbalanced column live", async () => {
    const excel = await builtWorkbook(format);
    const sheet = SHEET_NAMES["三"];
    const cellOf = (id: string) => addressOf(FORMATS[format].cellById.get(id)!);
    expect(excel.value(sheet, "L3")).toBe("勾稽检查");
    expect(excel.value(sheet, "L4")).toBe("自然人");
    expect(excel.value(sheet, "N4")).toBe("✓");
    excel.type(sheet, cellOf("三:一:自然人"), 10);
    excel.type(sheet, cellOf("三:三.一:自然人"), 7);
    expect(excel.value(sheet, "M4")).toBe(3);
    expect(excel.value(sheet, "N4")).toBe("✗");
    expect(excel.value(sheet, "N10")).toBe("✗"); // the 总计 column
    const s1 = excel.sheet(sheet).conditionalFormats;
    expect(s1).toHaveLength(7);
    const target = FORMATS[format].cellById.get("三:四:自然人")!;
    expect(s1[0]).toMatchObject({
      rect: { row: TABLE_ORIGIN.row + target.row, col: target.col, rowCount: 1, colCount: 1 },
      fill: "#FFC7CE",
    });
    // The conditional format's own expression, evaluated by the formula engine, is true exactly when the column is off.
    const expression = s1[0].formula.replace(/^=AND\((.*)<>0,N\("DR-S1"\)=0\)$/, "=$1");
    expect(excel.state.engine.calculateFormula(expression, excel.sheet(sheet).id)).toBe(3);
  });

  it("builds in 2 syncs", async () => {
    const { ExcelEmulator } = await import("../support/excel-emulator");
    const excel = new ExcelEmulator();
    const { syncs } = await excel.countSyncs(() => buildTables(excel.run, { format, agency: "甲", year: 2023 }));
    expect(syncs).toBe(2);
  });
});

describe("building again", () => {
  it("repairs labels, formulas and validation and keeps every value typed in", async () => {
    const excel = await builtWorkbook("2021");
    const sheet = SHEET_NAMES["三"];
    excel.type(sheet, "D6", 12);
    excel.type(sheet, "E8", "３"); // even text stays as typed
    excel.sheet(sheet).protected = false;
    excel.type(sheet, "J6", 99); // a total typed over
    excel.type(sheet, "A6", "一、本年新收"); // a label damaged
    excel.sheet(sheet).validations = [];
    excel.sheet(sheet).protected = true; // as staff leave it: the rebuild must lift and restore it
    const { result, syncs } = await excel.countSyncs(() =>
      buildTables(excel.run, { format: "2021", agency: "测试机关", year: 2023 }),
    );
    expect(syncs).toBe(2);
    expect(result.repaired).toEqual(["二", "三", "四"]);
    expect(excel.value(sheet, "D6")).toBe(12);
    expect(excel.value(sheet, "E8")).toBe("３");
    expect(excel.formula(sheet, "J6")).toBe("=SUM(D6:I6)");
    expect(excel.value(sheet, "A6")).toBe("一、本年新收政府信息公开申请数量");
    expect(excel.sheet(sheet).validations.length).toBeGreaterThan(100);
    expect(excel.sheet(sheet).conditionalFormats).toHaveLength(7);
    expect(excel.sheet(sheet).protected).toBe(true);
  });

  it("never takes over a sheet that holds something else", async () => {
    const { ExcelEmulator } = await import("../support/excel-emulator");
    const excel = new ExcelEmulator();
    excel.state.addSheet("三 依申请公开");
    excel.type("三 依申请公开", "A1", "我的草稿");
    const result = await buildTables(excel.run, { format: "2021", agency: "甲", year: 2023 });
    expect(result.sheets["三"]).toBe("三 依申请公开（2）");
    expect(excel.value("三 依申请公开", "A1")).toBe("我的草稿");
    expect((await readTables(excel.run))?.sheets["三"]).toBe("三 依申请公开（2）");
  });

  it("refuses to build the other format over existing tables, changing nothing", async () => {
    const excel = await builtWorkbook("2021");
    const before = excel.snapshot();
    await expect(buildTables(excel.run, { format: "2019", agency: "甲", year: 2020 })).rejects.toThrow(BuildError);
    await expect(buildTables(excel.run, { format: "2019", agency: "甲", year: 2020 })).rejects.toThrow(
      /已有按2021 年版格式生成的表/,
    );
    expect(excel.snapshot()).toEqual(before);
  });
});

describe("print settings", () => {
  it("set A4, one page wide, the print area without the balance, and table 三's header rows, where ExcelApi 1.9 allows", async () => {
    const { ExcelEmulator } = await import("../support/excel-emulator");
    const excel = new ExcelEmulator();
    await buildTables(excel.run, { format: "2021", agency: "甲", year: 2023 }, { pageLayout: true });
    expect(excel.sheet(SHEET_NAMES["三"]).pageLayout).toEqual({
      paperSize: "A4",
      orientation: "Portrait",
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: "A1:J30",
      printTitleRows: "$3:$5",
    });
    expect(excel.sheet(SHEET_NAMES["四"]).pageLayout).toMatchObject({ orientation: "Landscape", printArea: "A1:O6" });
    expect(excel.sheet(SHEET_NAMES["二"]).pageLayout.printTitleRows).toBeUndefined();
  });

  it("are left alone where the host lacks ExcelApi 1.9", async () => {
    const excel = await builtWorkbook("2021");
    expect(excel.sheet(SHEET_NAMES["三"]).pageLayout).toEqual({});
  });
});
