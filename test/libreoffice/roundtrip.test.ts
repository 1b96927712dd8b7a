import { execFileSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Workbook, type Worksheet } from "exceljs";
import { reportToSubmission } from "../../src/export/submission";
import { balanceBlock, SHEET_NAMES, TABLE_ORIGIN } from "../../src/excel/plan";
import { a1, FORMATS, TABLE_IDS, type ValueCell } from "../../src/format";
import type { Report } from "../../src/report/types";
import { checkReport, totalsEvaluator } from "../../src/rules";
import { writeTemplate } from "../../src/xlsx/template";
import { FIXTURE_NAMES, loadFixture } from "../support/fixtures";
import { toolAvailable } from "../support/requires";
import { addressOf } from "../support/workbook";

/**
 * The real spreadsheet application: the .xlsx files the command line writes (the template filled with a
 * real report, the submission copy) opened, recalculated and saved by LibreOffice Calc headless. Every
 * total and every S1 balance LibreOffice computes equals the checker's, and merges, formulas and names
 * survive the round trip. CI installs Debian's libreoffice-calc (.ci/run).
 */
const SOFFICE = process.env.SOFFICE_PATH ?? "/usr/bin/soffice";

const describeWithLibreOffice = toolAvailable(
  [SOFFICE],
  "The LibreOffice round trip",
  "apt-get install -y libreoffice-calc",
)
  ? describe
  : describe.skip;

let dir: string;
const reports = new Map<string, Report>(FIXTURE_NAMES.map((name) => [name, loadFixture(name)]));

/** A LibreOffice profile that recalculates every formula on loading (its default keeps cached results). */
async function recalculatingProfile(root: string): Promise<string> {
  await fs.mkdir(join(root, "user"), { recursive: true });
  const setting = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  await fs.writeFile(
    join(root, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${setting("OOXMLRecalcMode")}${setting("ODFRecalcMode")}</oor:items>\n`,
  );
  return `file://${root}`;
}

async function load(path: string): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

const formulasOf = (sheet: Worksheet) => {
  const formulas: string[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula) formulas.push(`${cell.address}=${cell.formula}`);
    }),
  );
  return formulas.sort();
};
const plain = (value: unknown): unknown => {
  if (value instanceof Date) return value.getTime();
  const rich = (value as { richText?: { text: string }[] } | null)?.richText;
  return rich ? rich.map((run) => run.text).join("") : value;
};
const mergesOf = (sheet: Worksheet) => Object.keys((sheet as unknown as { _merges: object })._merges).sort();
/** A formula's result as LibreOffice saved it (ExcelJS reads a saved 0 as no result). */
const resultOf = (sheet: Worksheet, address: string) => {
  const value = sheet.getCell(address).value as { result?: unknown } | null;
  return value && typeof value === "object" && "result" in value ? (value.result ?? 0) : 0;
};

beforeAll(async () => {
  if (!existsSync(SOFFICE)) return;
  dir = await fs.mkdtemp(join(tmpdir(), "libreoffice-"));
  const files: string[] = [];
  for (const [name, report] of reports) {
    const template = join(dir, `${name}.xlsx`);
    await fs.writeFile(template, await writeTemplate({ format: report.format, agency: "某局", year: 2023, report }));
    const submission = join(dir, `${name}.submission.xlsx`);
    await fs.writeFile(
      submission,
      await reportToSubmission(report, { checkedAt: new Date(Date.UTC(2026, 0, 5)), addinVersion: "test" }),
    );
    files.push(template, submission);
  }
  // One LibreOffice run converts every file: opened, recalculated, saved again as .xlsx.
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=${await recalculatingProfile(join(dir, "profile"))}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx",
      "--outdir",
      join(dir, "out"),
      ...files,
    ],
    { stdio: "pipe", timeout: 180000 },
  );
}, 240000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describeWithLibreOffice("the command line's workbooks in LibreOffice Calc", () => {
  it.each([...reports.keys()])(
    "%s: LibreOffice computes every total and S1 balance as the checker does",
    async (name) => {
      const report = reports.get(name)!;
      const format = FORMATS[report.format];
      const original = await load(join(dir, `${name}.xlsx`));
      const recalculated = await load(join(dir, "out", `${name}.xlsx`));

      // The checker's totals: the sums of the figures as the formulas add them (text counts as nothing).
      const valueOf = (cell: ValueCell) => {
        const value = report.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey];
        return typeof value === "number" ? value : 0;
      };
      const total = totalsEvaluator(format, valueOf);
      let nonZero = 0;
      for (const cell of format.cells.filter((c) => c.role === "derived")) {
        const computed = resultOf(recalculated.getWorksheet(SHEET_NAMES[cell.table])!, addressOf(cell));
        expect([cell.id, computed]).toEqual([cell.id, Math.round(total(cell.id) * 1e6) / 1e6]);
        if (computed !== 0) nonZero++;
      }
      expect(nonZero).toBeGreaterThan(0); // not merely cached placeholders

      // S1 beside table 三: LibreOffice's difference and ✓/✗ against the checker's S1 findings.
      const withTotals: Report = {
        ...report,
        tables: Object.fromEntries(
          TABLE_IDS.map((table) => [
            table,
            Object.fromEntries(
              format.tables[table].rowKeys.map((row) => [
                row,
                Object.fromEntries(
                  format.tables[table].columnKeys.flatMap((column) => {
                    const cell = format.cellById.get(`${table}:${row}:${column}`);
                    if (!cell) return [];
                    const held = report.tables[table]?.[row]?.[column] ?? null;
                    return [[column, cell.role === "derived" ? total(cell.id) : held]];
                  }),
                ),
              ]),
            ),
          ]),
        ),
      };
      const s1 = new Set(
        checkReport(withTotals)
          .filter((f) => f.rule === "S1")
          .map((f) => f.target),
      );
      const sheet三 = recalculated.getWorksheet(SHEET_NAMES["三"])!;
      const block = balanceBlock(report.format, TABLE_ORIGIN);
      for (const line of block.lines) {
        const target = format.cells.find((c) => c.table === "三" && c.rowKey === "四" && c.columnName === line.label);
        if (!target) continue;
        const column = target.columnKey;
        const terms = ["一", "二"].map((row) => total(`三:${row}:${column}`));
        const expected = terms[0] + terms[1] - total(`三:三.七:${column}`) - total(`三:四:${column}`);
        expect([line.label, resultOf(sheet三, a1(line.row, block.col + 1))]).toEqual([line.label, expected]);
        const verdict = sheet三.getCell(a1(line.row, block.col + 2)).value as { result?: string };
        expect([line.label, verdict.result]).toEqual([line.label, expected === 0 ? "✓" : "✗"]);
        // Where every figure of the column is a number, the checker's S1 says exactly what ✓/✗ says.
        const usable = format.cells
          .filter((c) => c.table === "三" && c.columnKey === column && c.role === "input")
          .every((c) => {
            const v = report.tables["三"]?.[c.rowKey]?.[c.columnKey];
            return typeof v === "number" || v === null || v === undefined;
          });
        if (usable) expect([line.label, s1.has(target.id)]).toEqual([line.label, expected !== 0]);
      }

      // Nothing of the layout is lost: merges, formulas and names as written.
      for (const table of TABLE_IDS) {
        const before = original.getWorksheet(SHEET_NAMES[table])!;
        const after = recalculated.getWorksheet(SHEET_NAMES[table])!;
        expect(mergesOf(after)).toEqual(mergesOf(before));
        expect(formulasOf(after)).toEqual(formulasOf(before));
      }
      const names = (workbook: Workbook) =>
        (workbook.definedNames.model as { name: string }[])
          .map((n) => n.name)
          .filter((n) => n.startsWith("DR"))
          .sort();
      expect(names(recalculated)).toEqual(names(original));
    },
  );

  it.each([...reports.keys()])("%s: the submission copy keeps its merges and figures", async (name) => {
    const original = await load(join(dir, `${name}.submission.xlsx`));
    const recalculated = await load(join(dir, "out", `${name}.submission.xlsx`));
    expect(recalculated.worksheets.map((s) => s.name)).toEqual(original.worksheets.map((s) => s.name));
    for (const sheet of original.worksheets) {
      const after = recalculated.getWorksheet(sheet.name)!;
      expect(mergesOf(after)).toEqual(mergesOf(sheet));
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          // LibreOffice saves some labels as rich text (runs of fonts): the text is what must survive.
          expect([cell.address, plain(after.getCell(cell.address).value)]).toEqual([cell.address, plain(cell.value)]);
        }),
      );
    }
  });
});
