import { HyperFormula } from "hyperformula";
import { ExcelEmulator } from "../support/excel-emulator";

/** The emulator must behave as Office.js does where src/excel depends on it, or its tests prove nothing. */
describe("the Excel emulator's proxy semantics", () => {
  it("throws PropertyNotLoaded for a property read before load and sync, as Office.js does", async () => {
    const excel = new ExcelEmulator();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => range.values).toThrow(/The property 'values' is not available/);
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([[""]]);
      expect(() => range.formulas).toThrow(/'formulas' is not available/);
    });
  });

  it("queues writes and applies them only at sync, in order", async () => {
    const excel = new ExcelEmulator();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.values = [[1, 2]];
      range.getCell(0, 1).values = [[5]];
      expect(excel.value("Sheet1", "A1")).toBe("");
      await context.sync();
      expect([excel.value("Sheet1", "A1"), excel.value("Sheet1", "B1")]).toEqual([1, 5]);
    });
  });

  it("gives null objects for missing items and rejects the sync for getItem", async () => {
    const excel = new ExcelEmulator();
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("不存在");
      missing.load("name");
      const name = context.workbook.names.getItemOrNullObject("DR2021_T3").getRangeOrNullObject();
      name.load("address");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(name.isNullObject).toBe(true);
      context.workbook.worksheets.getItem("不存在").getRange("A1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("refuses writes to locked cells of a protected sheet, and a second protect()", async () => {
    const excel = new ExcelEmulator();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B2").format.protection.locked = false;
      sheet.protection.protect();
      await context.sync();
      sheet.getRange("B2").values = [[1]];
      await context.sync();
      sheet.getRange("A1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      sheet.protection.protect();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    expect(excel.value("Sheet1", "B2")).toBe(1);
    expect(excel.value("Sheet1", "A1")).toBe("");
  });

  it("keeps text as text and reads numbers typed as strings as numbers, as Excel does", async () => {
    const excel = new ExcelEmulator();
    excel.type("Sheet1", "A1", "25");
    excel.type("Sheet1", "A2", "２５");
    excel.type("Sheet1", "A3", "'25");
    excel.type("Sheet1", "A4", "2023-01-01");
    expect([1, 2, 3, 4].map((row) => excel.value("Sheet1", `A${row}`))).toEqual([25, "２５", "25", "2023-01-01"]);
  });

  it("fails the chosen sync when told to, as a lost connection would", async () => {
    const excel = new ExcelEmulator();
    excel.failSyncAt = 2;
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        await context.sync();
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect([excel.value("Sheet1", "A1"), excel.value("Sheet1", "A2")]).toEqual([1, ""]);
  });

  it("evaluates the formulas the add-in writes as a spreadsheet does", () => {
    const engine = HyperFormula.buildFromArray(
      [[1, "x", 3, "=SUM(A1:C1)", "=A1+C1-D1", '=IF(E1=0,"✓","✗")', '=N("DR-HL-E")=0']],
      {
        licenseKey: "gpl-v3",
      },
    );
    expect(engine.getSheetValues(0)[0].slice(3)).toEqual([4, 0, "✓", true]);
  });
});
