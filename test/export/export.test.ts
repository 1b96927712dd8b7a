import { promises as fs } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { FORMATS, rectA1, TABLE_IDS } from "../../src/format";
import { reportToDocx } from "../../src/export/docx";
import { exportTables, printed } from "../../src/export/grid";
import { reportToHtml, reportToHtmlPage, reportToText } from "../../src/export/html";
import { reportToSubmission } from "../../src/export/submission";
import type { Report } from "../../src/report/types";
import { cli } from "../support/cli";
import { FIXTURE_NAMES, fixturePath, loadFixture } from "../support/fixtures";
import { htmlToGrid } from "../support/html-grid";

/** The figures of a report, cell by cell, as an export prints them. */
function printedFigures(report: Report): string[] {
  return FORMATS[report.format].cells.map(
    (cell) => `${cell.id}=${printed(report.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey])}`,
  );
}

/** The official merges of a table in A1 (relative to the table's top-left). */
function officialMerges(report: Report, table: (typeof TABLE_IDS)[number]): string[] {
  const model = FORMATS[report.format].tables[table];
  return [...model.labels, ...model.cells]
    .filter((r) => r.rowSpan > 1 || r.colSpan > 1)
    .map((r) => rectA1(r))
    .sort();
}

/** A Word table read back: the text at each cell's top-left position, and its merges in A1. */
function docxTable(tableXml: string): { text: Map<string, string>; merges: string[] } {
  const text = new Map<string, string>();
  const starts: { row: number; col: number; colSpan: number; rowSpan: number }[] = [];
  const rows = tableXml.split("</w:tbl>")[0].match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
  rows.forEach((rowXml, r) => {
    let col = 0;
    for (const [, cellXml] of rowXml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)) {
      const colSpan = Number(/<w:gridSpan w:val="(\d+)"/.exec(cellXml)?.[1] ?? 1);
      const continues = /<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(cellXml);
      if (continues) {
        const start = starts.find((s) => s.col === col && s.row + s.rowSpan === r);
        if (start) start.rowSpan++;
      } else {
        starts.push({ row: r, col, colSpan, rowSpan: 1 });
        text.set(`${r},${col}`, [...cellXml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
      }
      col += colSpan;
    }
  });
  const merges = starts
    .filter((s) => s.rowSpan > 1 || s.colSpan > 1)
    .map((s) => rectA1({ row: s.row, col: s.col, rowSpan: s.rowSpan, colSpan: s.colSpan }));
  return { text, merges };
}

describe.each(FIXTURE_NAMES)("exports of %s", (name) => {
  const report = loadFixture(name);

  it("HTML: every figure in its official cell, every merge as rowspan/colspan", () => {
    const grid = htmlToGrid(reportToHtml(report));
    let top = 1; // the first section heading is one paragraph row
    for (const table of exportTables(report)) {
      const model = FORMATS[report.format].tables[table.table];
      const merges = grid.merges
        .filter((m) => m.row >= top && m.row < top + model.rowCount)
        .map((m) => rectA1({ row: m.row - top, col: m.col, rowSpan: m.rowCount, colSpan: m.colCount }))
        .sort();
      expect(merges).toEqual(officialMerges(report, table.table));
      for (const cell of model.cells) {
        const shown = grid.cells[top + cell.row][cell.col];
        expect([cell.id, shown === null ? "" : String(shown)]).toEqual([
          cell.id,
          printed(report.tables[table.table]?.[cell.rowKey]?.[cell.columnKey]),
        ]);
      }
      top += model.rowCount + 2; // the table, the blank row a paste leaves, the next heading
    }
  });

  it("Word: every figure in its official cell, merges as the format merges them", async () => {
    const zip = await JSZip.loadAsync(await reportToDocx(report));
    const xml = await zip.file("word/document.xml")!.async("string");
    const tables = xml.split("<w:tbl>").slice(1).map(docxTable);
    expect(tables).toHaveLength(3);
    exportTables(report).forEach((table, i) => {
      const model = FORMATS[report.format].tables[table.table];
      expect(tables[i].merges.sort()).toEqual(officialMerges(report, table.table));
      for (const cell of model.cells) {
        expect([cell.id, tables[i].text.get(`${cell.row},${cell.col}`)]).toEqual([
          cell.id,
          printed(report.tables[table.table]?.[cell.rowKey]?.[cell.columnKey]),
        ]);
      }
    });
  });

  it("submission copy: exactly the three tables as values, and a 校验记录", async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load(
      (await reportToSubmission(report, {
        addinVersion: "0.1.0",
        checkedAt: new Date("2026-01-31T08:00:00Z"),
      })) as unknown as ArrayBuffer,
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["表二", "表三", "表四", "校验记录"]);
    for (const table of TABLE_IDS) {
      const sheet = workbook.getWorksheet(`表${table}`)!;
      const merges = ((sheet.model as { merges: string[] }).merges ?? [])
        .map((range) => range.replace(/\d+/g, (n) => String(Number(n) - 1)))
        .sort();
      expect(merges).toEqual(officialMerges(report, table));
      for (const cell of FORMATS[report.format].tables[table].cells) {
        const value = sheet.getCell(cell.row + 2, cell.col + 1).value;
        expect([cell.id, value ?? null]).toEqual([
          cell.id,
          report.tables[table]?.[cell.rowKey]?.[cell.columnKey] ?? null,
        ]);
        expect(typeof value === "object" && value !== null).toBe(false); // values, never formulas
      }
    }
    const record = workbook.getWorksheet("校验记录")!;
    expect(record.getCell("B4").value).toBe("2026-01-31T08:00:00.000Z");
    expect(record.getColumn(1).values).toEqual(
      expect.arrayContaining(["S1", "I1", "I2", "I3", "Y1", "Y2", "V1", "B1"]),
    );
  });
});

describe("escaping and the plain-text copy", () => {
  const hostile = { ...loadFixture("suqian-city-2023"), agency: "<img src=x onerror=alert(1)>", year: 2023 };

  it("an agency name made of markup comes out inert", async () => {
    const page = reportToHtmlPage(hostile);
    expect(page).not.toContain("<img");
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
    const withText = {
      ...hostile,
      tables: { ...hostile.tables, 四: { 行政复议: { 结果维持: "<script>x</script>" } } },
    };
    expect(reportToHtml(withText)).toContain("&lt;script&gt;x&lt;/script&gt;");
    const zip = await JSZip.loadAsync(await reportToDocx(hostile));
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).not.toContain("<img");
  });

  it("gives the tables as tab-separated text too", () => {
    const text = reportToText(loadFixture("jinhu-county-2023"));
    expect(text.split("\n")[0]).toBe("二、主动公开政府信息情况");
    expect(text).toContain("第二十条第（一）项");
  });
});

describe("disclosure-report export", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), "disclosure-export-"));
  });

  it("refuses a report with errors, writing nothing, and says how to export anyway", async () => {
    const out = join(dir, "huaian.html");
    const answer = await cli("export", fixturePath("huaian-hongze-district-2023"), "--to", "html", "--out", out);
    expect(answer.code).toBe(1);
    expect(answer.stderr).toContain("检查发现 2 个错误，未导出");
    expect(answer.stderr).toContain("确认仍要导出，请加 --force");
    await expect(fs.access(out)).rejects.toThrow();
    const forced = await cli(
      "export",
      fixturePath("huaian-hongze-district-2023"),
      "--to",
      "html",
      "--out",
      out,
      "--force",
    );
    expect(forced.stdout).toContain("含 2 个错误（已按 --force 导出）");
    expect(await fs.readFile(out, "utf8")).toContain("<td>11</td>".replace("11", "10"));
  });

  it("exports with warnings only, and never overwrites without --overwrite", async () => {
    const out = join(dir, "shuyang.docx");
    const answer = await cli(
      "export",
      fixturePath("shuyang-county-development-reform-bureau-2023"),
      "--to",
      "docx",
      "--out",
      out,
    );
    expect(answer).toMatchObject({ code: 0, stderr: "" });
    expect(answer.stdout).toMatch(/条警告/);
    const again = await cli(
      "export",
      fixturePath("shuyang-county-development-reform-bureau-2023"),
      "--to",
      "docx",
      "--out",
      out,
    );
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("已存在，未覆盖");
  });

  it("writes the report JSON of the tables found in a workbook", async () => {
    const template = join(dir, "t.xlsx");
    await cli("template", "--agency", "甲", "--year", "2024", "--out", template);
    const out = join(dir, "t.json");
    expect((await cli("export", template, "--to", "json", "--out", out)).code).toBe(0);
    const written = JSON.parse(await fs.readFile(out, "utf8"));
    expect(written.schema).toBe("disclosure-report/1");
    expect(Object.keys(written.tables)).toEqual(["二", "三", "四"]);
  });

  it("explains wrong arguments", async () => {
    expect((await cli("export", fixturePath("jinhu-county-2023"), "--to", "pdf", "--out", "x.pdf")).stderr).toContain(
      "--to 应为 html、docx、xlsx 或 json",
    );
    expect((await cli("export", "--to", "html", "--out", "x.html")).stderr).toContain("export 需要一个报表文件");
  });
});

it("every export of every fixture keeps the figures (printed form)", () => {
  for (const name of FIXTURE_NAMES) {
    const report = loadFixture(name);
    const html = reportToHtml(report);
    for (const figure of printedFigures(report)) {
      const value = figure.split("=")[1];
      if (value) expect(html).toContain(`>${value.replace(/&/g, "&amp;").replace(/</g, "&lt;")}<`);
    }
  }
});
