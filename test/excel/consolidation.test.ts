import { consolidate } from "../../src/consolidate/consolidate";
import { buildTables, readTables } from "../../src/excel";
import { CONSOLIDATION_KEY, DEPARTMENTS_PER_SYNC, listSheets, writeConsolidation } from "../../src/excel/consolidation";
import { stackedOrigins } from "../../src/excel/plan";
import { a1, FORMATS } from "../../src/format";
import type { Report } from "../../src/report/types";
import { checkReport } from "../../src/rules";
import { splitIntoDepartments } from "../support/departments";
import { ExcelEmulator } from "../support/excel-emulator";
import { loadFixture } from "../support/fixtures";
import { withCells } from "../support/reports";

/** What a person could see, conditional formats' ids (which count every format ever added) aside. */
function normalised(excel: ExcelEmulator): unknown {
  return (excel.snapshot() as { conditionalFormats: { id: string }[] }[]).map((sheet) => ({
    ...sheet,
    conditionalFormats: sheet.conditionalFormats.map((format) => ({ ...format, id: "" })),
  }));
}

function departmentsOf(original: Report, count: number) {
  return splitIntoDepartments(original, count).map((report, i) => ({ name: `部门${i + 1}`, report }));
}

describe("writing the 汇总 into the workbook", () => {
  it("adds the departments' sheets with live formulas that reproduce the real report, checked clean", async () => {
    const original = loadFixture("suqian-city-2024");
    const departments = departmentsOf(original, 5);
    const excel = new ExcelEmulator();
    const written = await writeConsolidation(excel.run, {
      format: "2021",
      agency: "宿迁市",
      year: 2024,
      departments,
    });

    expect(written.sheets).toEqual({ summary: "汇总", departments: ["部门1", "部门2", "部门3", "部门4", "部门5"] });
    expect(excel.state.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "汇总",
      "部门1",
      "部门2",
      "部门3",
      "部门4",
      "部门5",
    ]);
    // Read back from the workbook, the 汇总 is the pure sum and the original, cell for cell.
    const pure = consolidate(departments, { format: "2021", agency: "宿迁市", year: 2024 });
    expect(written.report.tables).toEqual(pure.report.tables);
    for (const cell of FORMATS["2021"].cells) {
      const value = original.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey];
      expect([cell.id, written.report.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey]]).toEqual([
        cell.id,
        typeof value === "number" ? value : 0,
      ]);
    }
    expect(checkReport(written.report)).toEqual([]);

    // One reference pattern: the 汇总's cell adds the same address of every department's sheet.
    const cell = FORMATS["2021"].cellById.get("三:一:自然人")!;
    const address = a1(stackedOrigins("2021")["三"].row + cell.row, cell.col);
    expect(excel.formula("汇总", address)).toBe(
      `=SUM(${["部门1", "部门2", "部门3", "部门4", "部门5"].map((n) => `'${n}'!${address}`).join(",")})`,
    );
    expect(written.positions.get("三:一:自然人")).toEqual({
      row: stackedOrigins("2021")["三"].row + cell.row,
      col: cell.col,
    });
    // Each department's copy shows its own figures and its own name; the sheets are protected copies.
    expect(excel.value("部门3", address)).toBe(departments[2].report.tables["三"]!["一"]!["自然人"]);
    expect(excel.value("部门3", "A1")).toContain("部门3");
    expect(excel.sheet("部门3").protected).toBe(true);
    expect(excel.sheet("汇总").merges).toEqual(excel.sheet("部门1").merges);

    // Live: a department's corrected figure flows into the 汇总.
    excel.sheet("部门2").protected = false;
    const before = excel.value("汇总", address) as number;
    excel.type("部门2", address, (excel.value("部门2", address) as number) + 10);
    expect(excel.value("汇总", address)).toBe(before + 10);
  });

  it("writes 80 departments in a handful of syncs, reporting progress after each", async () => {
    const original = loadFixture("suqian-city-2024");
    const departments = departmentsOf(original, 80);
    const excel = new ExcelEmulator();
    const progress: number[] = [];
    const { result, syncs } = await excel.countSyncs(() =>
      writeConsolidation(excel.run, { format: "2021", agency: "宿迁市", year: 2024, departments }, (written) =>
        progress.push(written),
      ),
    );
    expect(syncs).toBe(1 + Math.ceil(80 / DEPARTMENTS_PER_SYNC));
    expect(progress).toEqual([20, 40, 60, 80]);
    const pure = consolidate(departments, { format: "2021" });
    expect(pure.departments.every((d) => d.included)).toBe(true);
    expect(result.report.tables).toEqual(pure.report.tables);
  });

  it("replaces its own previous 汇总 and never touches the office's tables or other sheets", async () => {
    const original = loadFixture("suqian-city-2024");
    const excel = new ExcelEmulator();
    await buildTables(excel.run, { format: "2021", agency: "某区", year: 2024 });
    excel.type("Sheet1", "A1", "我的笔记");
    excel.state.addSheet("部门1"); // staff's own sheet with a department's name: never taken
    excel.type("部门1", "B2", 42);
    const ownTables = JSON.stringify(excel.snapshot());

    await writeConsolidation(excel.run, {
      format: "2021",
      agency: "某区",
      year: 2024,
      departments: departmentsOf(original, 3),
    });
    // The office's own sheets, and staff's sheet named like a department, stay first and untouched.
    const own = ["Sheet1", "二 主动公开", "三 依申请公开", "四 复议诉讼", "部门1"];
    expect(excel.state.sheets.map((s) => s.name)).toEqual([...own, "汇总", "部门1（2）", "部门2", "部门3"]);
    const second = await writeConsolidation(excel.run, {
      format: "2021",
      agency: "某区",
      year: 2024,
      departments: departmentsOf(original, 2),
    });
    expect(second.sheets).toEqual({ summary: "汇总", departments: ["部门1（2）", "部门2"] });
    expect(excel.state.sheets.map((s) => s.name)).toEqual([...own, "汇总", "部门1（2）", "部门2"]);
    expect(excel.value("部门1", "B2")).toBe(42);
    expect(excel.value("Sheet1", "A1")).toBe("我的笔记");
    expect(excel.state.settings.get(CONSOLIDATION_KEY)).toEqual(second.sheets);
    // The office's own tables read as before: names, values and all.
    const read = await readTables(excel.run);
    expect(read?.report.agency).toBe("某区");
    const now = JSON.parse(JSON.stringify(excel.snapshot())) as { name: string }[];
    const before = JSON.parse(ownTables) as { name: string }[];
    for (const sheet of before) expect(now.find((s) => s.name === sheet.name)).toEqual(sheet);
    expect((await listSheets(excel.run)).consolidation).toEqual(["汇总", "部门1（2）", "部门2"]);
  });

  it("copies a department's text as text, so the 汇总 check can still point at it, and sums only numbers", async () => {
    const original = loadFixture("suqian-city-2024");
    const [a, b] = departmentsOf(original, 2);
    const withText = { ...b, report: withCells(b.report, { "三:一:自然人": "12", "三:二:自然人": "/" }) };
    const excel = new ExcelEmulator();
    const written = await writeConsolidation(excel.run, {
      format: "2021",
      agency: "x",
      year: 2024,
      departments: [a, withText],
    });
    const origins = stackedOrigins("2021");
    const cell = FORMATS["2021"].cellById.get("三:一:自然人")!;
    const address = a1(origins["三"].row + cell.row, cell.col);
    expect(excel.value("部门2", address)).toBe("12");
    expect(written.report.tables["三"]!["一"]!["自然人"]).toBe(a.report.tables["三"]!["一"]!["自然人"]);
  });

  it("a sync failing half-way leaves sheets that the next 汇总 replaces, ending as an uninterrupted run", async () => {
    const original = loadFixture("suqian-city-2024");
    const departments = departmentsOf(original, 45);
    const clean = new ExcelEmulator();
    await writeConsolidation(clean.run, { format: "2021", agency: "x", year: 2024, departments });

    const excel = new ExcelEmulator();
    excel.failSyncAt = 3;
    await expect(
      writeConsolidation(excel.run, { format: "2021", agency: "x", year: 2024, departments }),
    ).rejects.toThrow();
    expect(excel.state.sheets.length).toBeGreaterThan(1);
    await writeConsolidation(excel.run, { format: "2021", agency: "x", year: 2024, departments });
    expect(normalised(excel)).toEqual(normalised(clean));
  });
});
