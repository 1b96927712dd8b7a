import { promises as fs } from "fs";
import { Workbook } from "exceljs";
import { applyFixes, buildTables, readTables } from "../../src/excel";
import { ACTIVE_SHEET_LIMIT, readActiveSheet } from "../../src/excel/active-sheet";
import { SHEET_NAMES } from "../../src/excel/plan";
import { FORMATS } from "../../src/format";
import { proposeFixes, checkReport, type Finding } from "../../src/rules";
import { cli } from "../support/cli";
import { loadFixture } from "../support/fixtures";
import { gridsToXlsx } from "../support/xlsx-files";
import { publishedGrid } from "../support/published";
import { addressOf, builtWorkbook, typeReport } from "../support/workbook";
import type { ExcelEmulator } from "../support/excel-emulator";
import { temporaryDirectory } from "../support/temporary-directory";

/**
 * The bad-input matrix, part 2: what staff do to the workbook's structure, and files that are not what
 * they seem. Each case: the add-in (on the emulator) or the command line answers with a message that
 * names the cell or the problem, does not crash, and changes nothing the user did not ask for.
 */

const SHEET3 = SHEET_NAMES["三"];
const report = loadFixture("suqian-city-2024");
const ids = (findings: readonly Finding[]) => findings.map((f) => `${f.rule} ${f.target}`).sort();

async function filled(): Promise<{ excel: ExcelEmulator; clean: string[] }> {
  const excel = await builtWorkbook("2021");
  typeReport(excel, report);
  const read = await readTables(excel.run);
  return { excel, clean: ids(checkReport(read!.report)) };
}

/** Reads and checks, proving that the check itself changes nothing. */
async function checkUnchanged(excel: ExcelEmulator) {
  const before = JSON.stringify(excel.snapshot());
  const read = await readTables(excel.run);
  expect(JSON.stringify(excel.snapshot())).toBe(before);
  return { read: read!, findings: read ? checkReport(read.report) : [] };
}

const inTemporaryDirectory = temporaryDirectory("structure-");

describe("the workbook's structure changed by staff (the add-in)", () => {
  it("a header merge broken: the check is unchanged, and building again restores the merge", async () => {
    const { excel, clean } = await filled();
    const merges = excel.merges(SHEET3);
    excel.sheet(SHEET3).merges.splice(3, 1);
    expect(ids((await checkUnchanged(excel)).findings)).toEqual(clean);
    await buildTables(excel.run, { format: "2021", agency: "测试机关", year: 2023 });
    expect(excel.merges(SHEET3).sort()).toEqual(merges.sort());
  });

  it("a merge added over two input cells: the cell it swallowed is named as blank", async () => {
    const { excel } = await filled();
    const a = FORMATS["2021"].cellById.get("三:二:商业企业")!;
    excel.sheet(SHEET3).merges.push({ row: 2 + a.row, col: a.col, rowCount: 1, colCount: 2 });
    excel.state.setEntry(excel.sheet(SHEET3), 2 + a.row, a.col + 1, null); // Excel keeps only the top-left value
    const { findings } = await checkUnchanged(excel);
    expect(findings.find((f) => f.rule === "B1" && f.target === "三:二:科研机构")?.message).toMatch(
      /表三“二、上年结转政府信息公开申请数量”行“科研机构”列为空白/,
    );
  });

  it.each([
    ["a row inserted inside table 三", (excel: ExcelEmulator) => excel.insertRows(SHEET3, 12, 2)],
    ["a column inserted inside table 三", (excel: ExcelEmulator) => excel.insertColumns(SHEET3, "E")],
    ["table 三 moved on its sheet", (excel: ExcelEmulator) => excel.moveBlock(SHEET3, "A3:N32", "C8")],
    ["the sheet of table 三 renamed", (excel: ExcelEmulator) => excel.renameSheet(SHEET3, "依申请（改名）")],
    [
      "a huge unrelated sheet beside the tables",
      (excel: ExcelEmulator) => {
        const sheet = excel.state.addSheet("原始数据");
        excel.state.engine.setSheetContent(
          sheet.id,
          Array.from({ length: 300 }, (_, r) =>
            Array.from({ length: 80 }, (_, c) => ((r * 80 + c) % 7 === 0 ? "备注" : r + c)),
          ),
        );
      },
    ],
  ])("%s: every cell is still found, the findings are the same", async (_name, change) => {
    const { excel, clean } = await filled();
    change(excel);
    expect(ids((await checkUnchanged(excel)).findings)).toEqual(clean);
  });

  it("rows inserted, then 生成表格 again: refused with the table and its address named, nothing changed", async () => {
    const { excel } = await filled();
    excel.insertRows(SHEET3, 12);
    const before = JSON.stringify(excel.snapshot());
    await expect(buildTables(excel.run, { format: "2021", agency: "测试机关", year: 2023 })).rejects.toThrow(
      /表三（'三 依申请公开'!A3:.*）的行列已被插入或删除/,
    );
    expect(JSON.stringify(excel.snapshot())).toBe(before);
  });

  it("a row deleted inside table 三: its cells are named as missing, the rest is checked", async () => {
    const { excel } = await filled();
    const row = FORMATS["2021"].cellById.get("三:三.一:自然人")!.row;
    excel.state.remove(excel.sheet(SHEET3), "row", 2 + row, 1);
    const { read, findings } = await checkUnchanged(excel);
    expect(read.report.tables["三"]?.["三.一"]).toBeUndefined();
    expect(read.missingCells).toEqual(
      FORMATS["2021"].tables["三"].cells.filter((cell) => cell.rowKey === "三.一").map((cell) => cell.id),
    );
    expect(findings.find((f) => f.target === "三:三.一:自然人")?.message).toMatch(/（一）予以公开.*自然人/);
  });

  it("the sheet of table 三 deleted: the read says which table is missing", async () => {
    const { excel } = await filled();
    excel.state.deleteSheet(excel.sheet(SHEET3));
    const { read } = await checkUnchanged(excel);
    expect(read.missingTables).toEqual(["三"]);
    expect(read.missingCells).toEqual([]);
    expect(read.report.tables["二"]).toBeDefined();
  });

  it("a sheet protected by staff: a fix lifts the protection, writes only its cell, and protects again", async () => {
    const { excel } = await filled();
    const cell = FORMATS["2021"].cellById.get("三:一:自然人")!;
    excel.type(SHEET3, addressOf(cell), "２５");
    const { read, findings } = await checkUnchanged(excel);
    const fixes = proposeFixes(FORMATS["2021"], findings, read.overriddenTotals, (id) => {
      const c = FORMATS["2021"].cellById.get(id)!;
      return read.report.tables[c.table]?.[c.rowKey]?.[c.columnKey] ?? null;
    }).filter((fix) => fix.cell === cell.id);
    expect(fixes).toHaveLength(1);
    const before = excel.snapshot() as { name: string; cells: unknown[][] }[];
    await applyFixes(excel.run, "2021", fixes);
    expect(excel.value(SHEET3, addressOf(cell))).toBe(25);
    expect(excel.sheet(SHEET3).protected).toBe(true);
    const after = excel.snapshot() as { name: string; cells: unknown[][] }[];
    // Every other sheet exactly as before; on this one, only that cell.
    for (const sheet of before.filter((s) => s.name !== SHEET3))
      expect(after.find((s) => s.name === sheet.name)).toEqual(sheet);
    const changed = after
      .find((s) => s.name === SHEET3)!
      .cells.flatMap((line, r) => line.map((value, c) => [r, c, value]))
      .filter(([r, c, value]) => before.find((s) => s.name === SHEET3)!.cells[r as number]?.[c as number] !== value);
    expect(changed).toEqual([[2 + cell.row, cell.col, 25]]);
  });

  it("two copies of table 三 (a copied sheet): the add-in checks its own, found by its names", async () => {
    const { excel, clean } = await filled();
    excel.state.copySheet(excel.sheet(SHEET3));
    excel.type(`${SHEET3.slice(0, 25)} (2)`, addressOf(FORMATS["2021"].cellById.get("三:一:自然人")!), "改过的副本");
    const { read, findings } = await checkUnchanged(excel);
    expect(read.sheets["三"]).toBe(SHEET3);
    expect(ids(findings)).toEqual(clean);
  });

  it("an empty workbook: nothing to read, the pane offers to build; a huge sheet is read within its bound", async () => {
    const excel = (await import("../support/excel-emulator")).ExcelEmulator;
    const empty = new excel();
    expect(await readTables(empty.run)).toBeUndefined();
    expect((await readActiveSheet(empty.run, false)).cells).toEqual([]);
    const sheet = empty.state.sheets[0];
    empty.state.engine.setSheetContent(
      sheet.id,
      Array.from({ length: 1000 }, (_, r) => [r, "x", ...Array(99).fill(1)]),
    );
    const grid = await readActiveSheet(empty.run, false);
    expect(grid.cells.length).toBe(ACTIVE_SHEET_LIMIT.rows);
    expect(grid.cells[0].length).toBe(ACTIVE_SHEET_LIMIT.columns);
  });
});

describe("files that are not what they seem (the command line)", () => {
  async function file(name: string, bytes: Uint8Array | string) {
    const path = inTemporaryDirectory(name);
    await fs.writeFile(path, bytes);
    return path;
  }

  it.each([
    ["a text file named .xlsx", "not-a-workbook.xlsx", "这不是工作簿", /not-a-workbook\.xlsx/],
    ["a JSON file that is not JSON", "broken.json", "{ 表三: ", /broken\.json/],
    ["report JSON of another schema", "other.json", JSON.stringify({ schema: "x/9", tables: {} }), /schema/],
    [
      "report JSON with an unknown format",
      "unknown.json",
      JSON.stringify({ schema: "disclosure-report/1", format: "2030", tables: {} }),
      /2030/,
    ],
  ])("%s: exit 2 and a message naming it", async (_name, name, content, message) => {
    const answer = await cli("check", await file(name, content));
    expect(answer.code).toBe(2);
    expect(answer.stderr).toMatch(message);
  });

  it("a damaged workbook (cut off half-way): exit 2, the file named; the other files are still checked", async () => {
    const good = await gridsToXlsx([publishedGrid(report, {}, "表格")]);
    const damaged = await file("damaged.xlsx", good.slice(0, Math.floor(good.length / 2)));
    const whole = await file("whole.xlsx", good);
    const answer = await cli("check", damaged, whole);
    expect(answer.stderr + answer.stdout).toMatch(/damaged\.xlsx/);
    expect(answer.stdout).toMatch(/whole\.xlsx/);
  });

  it("an empty workbook: exit 2, saying the tables were not found", async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("Sheet1");
    const path = inTemporaryDirectory("empty.xlsx");
    await workbook.xlsx.writeFile(path);
    const answer = await cli("check", path);
    expect(answer.code).toBe(2);
    expect(answer.stderr).toMatch(/没有找到表二、表三或表四|没有找到/);
  });

  it("two copies of the tables in one workbook: the duplicate is said, one copy is checked", async () => {
    const path = await file(
      "two-copies.xlsx",
      await gridsToXlsx([publishedGrid(report, {}, "第一份"), publishedGrid(report, {}, "第二份")]),
    );
    const answer = await cli("check", path);
    expect(answer.stdout).toMatch(/工作簿中有 2 份表三（第一份、第二份），只检查了“第一份”中的一份/);
  });
});
