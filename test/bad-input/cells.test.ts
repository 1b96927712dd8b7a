import { promises as fs } from "fs";
import { Workbook } from "exceljs";
import { readTables } from "../../src/excel";
import { FORMATS, parseA1 } from "../../src/format";
import { stringifyReport } from "../../src/report/json";
import type { Report } from "../../src/report/types";
import { checkReport, findDoubts, type Finding } from "../../src/rules";
import { writeTemplate } from "../../src/xlsx/template";
import { SHEET_NAMES } from "../../src/excel/plan";
import { cli } from "../support/cli";
import { zeroReport } from "../support/reports";
import { addressOf, builtWorkbook, typeReport } from "../support/workbook";
import { temporaryDirectory } from "../support/temporary-directory";

/**
 * The bad-input matrix, part 1: what staff type or paste into one cell. Each entry goes through the
 * add-in (typed into the built tables on the emulator, read back, checked) and through the command line
 * (the same figures as report JSON and as an .xlsx workbook): the same finding, with a message that names
 * the cell, and nothing in the workbook changed by the check.
 */

const COUNT = "三:一:自然人"; // 表三“一、本年新收政府信息公开申请数量”行“自然人”列
const AMOUNT = "二:行政事业性收费:本年收费金额";
const TOTAL_ROW = "三:一:总计";

interface Case {
  readonly name: string;
  readonly cell: string;
  readonly entry: unknown;
  /** The finding on the cell: its rule and words of its message; "none" for a usable value. */
  readonly expect: { rule: "V1" | "B1"; message: RegExp } | "none";
  /** A figure to confirm (not a finding): words of its message. */
  readonly doubt?: RegExp;
  /** The number format Excel gives the cell on this entry (a typed date gets a date format). */
  readonly numberFormat?: string;
}

const where = /表三“一、本年新收政府信息公开申请数量”行“自然人”列|表二“行政事业性收费”的“本年收费金额（单位：万元）”/;
const V1 = (message: RegExp) => ({ rule: "V1" as const, message });
const B1 = (message: RegExp) => ({ rule: "B1" as const, message });

const CASES: Case[] = [
  { name: "text", cell: COUNT, entry: "不详", expect: V1(/是文本“不详”/) },
  { name: "full-width digits", cell: COUNT, entry: "２５", expect: V1(/全角数字.*应填数字 25/) },
  { name: "full-width digits and a unit", cell: COUNT, entry: "２５件", expect: V1(/应填数字 25/) },
  { name: "a unit 件", cell: COUNT, entry: "25件", expect: V1(/带单位“件”.*应填数字 25/) },
  { name: "a unit 个", cell: COUNT, entry: "3个", expect: V1(/应填数字 3/) },
  { name: "thousands separators", cell: COUNT, entry: "1,234", expect: V1(/应填数字 1234/) },
  { name: "full-width thousands separators", cell: COUNT, entry: "1，234", expect: V1(/1234/) },
  {
    name: "a leading apostrophe (number kept as text)",
    cell: COUNT,
    entry: "'25",
    expect: V1(/文本“25”.*应填数字 25/),
  },
  { name: "a negative count", cell: COUNT, entry: -3, expect: V1(/负数 -3，件数不能为负/) },
  { name: "a fraction in a count", cell: COUNT, entry: 2.5, expect: V1(/2\.5，件数应为整数/) },
  // Excel keeps 15 significant digits: 1e16 is held exactly, and is beyond what sums can count exactly (2^53).
  { name: "a number beyond 2^53", cell: COUNT, entry: 1e16, expect: V1(/超出了能精确计算的范围/) },
  { name: "Chinese numerals", cell: COUNT, entry: "二十五", expect: V1(/是文本“二十五”/) },
  { name: "a date typed into a count", cell: COUNT, entry: "2023/5/1", expect: V1(/2023\/5\/1/) },
  {
    // What Excel makes of `2023/5/1` typed into a cell: the serial number 45047, shown as a date.
    name: "a date Excel turned into a serial number with a date format",
    cell: COUNT,
    entry: 45047,
    numberFormat: 'yyyy"年"m"月"d"日";@',
    expect: V1(/文本“2023-05-01”/),
  },
  {
    name: "a count with a custom number format (not a date)",
    cell: COUNT,
    entry: 25,
    numberFormat: '0"件";[Red]-0"件"',
    expect: "none",
  },
  { name: "a percentage", cell: COUNT, entry: "5%", expect: V1(/5%/) },
  { name: "an Excel error #DIV/0!", cell: COUNT, entry: "=1/0", expect: V1(/#DIV\/0!/) },
  { name: "an Excel error #VALUE!", cell: COUNT, entry: '="a"+1', expect: V1(/#VALUE!/) },
  {
    name: "an Excel error #REF! (a reference to a deleted sheet)",
    cell: COUNT,
    entry: "=#REF!+1",
    expect: V1(/#REF!/),
  },
  { name: "a formula typed into an input cell (its value counts)", cell: COUNT, entry: "=2+3", expect: "none" },
  { name: "spaces around a number (Excel reads the number)", cell: COUNT, entry: " 25 ", expect: "none" },
  { name: "an exponent (Excel reads the number)", cell: COUNT, entry: "1e2", expect: "none" },
  { name: "the placeholder /", cell: COUNT, entry: "/", expect: B1(/“\/”/) },
  { name: "the placeholder —", cell: COUNT, entry: "—", expect: B1(/“—”/) },
  { name: "the placeholder 无", cell: COUNT, entry: "无", expect: B1(/“无”/) },
  { name: "a blank", cell: COUNT, entry: null, expect: B1(/为空白/) },
  {
    name: "an amount in 元 where 万元 is asked",
    cell: AMOUNT,
    entry: "251000元",
    expect: V1(/本栏单位是万元.*应填 25\.1/),
  },
  { name: "an amount with 万元", cell: AMOUNT, entry: "3.5万元", expect: V1(/应填数字 3\.5/) },
  {
    name: "a bare amount in 元 where 万元 is asked (a figure to confirm)",
    cell: AMOUNT,
    entry: 2510000,
    expect: "none",
    doubt: /为 2510000，即 251 亿元.*若填的是元，应改为 251；请核对/,
  },
  { name: "a negative amount", cell: AMOUNT, entry: -1.5, expect: V1(/金额不能为负/) },
  { name: "a fraction in an amount (allowed)", cell: AMOUNT, entry: 12.34, expect: "none" },
];

function findingOn(findings: readonly Finding[], cell: string) {
  return findings.filter((f) => f.target === cell && (f.rule === "V1" || f.rule === "B1"));
}

function expectFinding(findings: readonly Finding[], c: Case) {
  const on = findingOn(findings, c.cell);
  if (c.expect === "none") {
    expect(on).toEqual([]);
    return;
  }
  expect(on).toHaveLength(1);
  expect(on[0].rule).toBe(c.expect.rule);
  expect(on[0].message).toMatch(where);
  expect(on[0].message).toMatch(c.expect.message);
}

const inTemporaryDirectory = temporaryDirectory("bad-input-");

describe("bad input in a cell: the add-in and the command line say the same, naming the cell", () => {
  it("has at least the 25 kinds of entry staff make", () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)("$name", async (c) => {
    // The add-in: the tables built and filled with 0, then the entry typed as a person types it.
    const excel = await builtWorkbook("2021");
    typeReport(excel, zeroReport("2021"));
    const cell = FORMATS["2021"].cellById.get(c.cell)!;
    excel.type(SHEET_NAMES[cell.table], addressOf(cell), c.entry);
    if (c.numberFormat) {
      const { row, col } = parseA1(addressOf(cell));
      excel.state.setFormat(excel.sheet(SHEET_NAMES[cell.table]), row, col, { numberFormat: c.numberFormat });
    }
    const before = JSON.stringify(excel.snapshot());
    const read = await readTables(excel.run);
    const findings = checkReport(read!.report);
    expectFinding(findings, c);
    const doubts = findDoubts(read!.report);
    expect(doubts.map((doubt) => doubt.target)).toEqual(c.doubt ? [c.cell] : []);
    if (c.doubt) expect(doubts[0].message).toMatch(c.doubt);
    expect(JSON.stringify(excel.snapshot())).toBe(before);
    // Nothing else is wrong but what the entry brings (its total's I1/S1 where the value cannot count).
    for (const finding of findings) expect([c.cell, TOTAL_ROW, "三:四:自然人", "三:四:总计"]).toContain(finding.target);

    // The command line, on the same figures as report JSON and as a workbook.
    const report: Report = read!.report;
    const json = inTemporaryDirectory(`${CASES.indexOf(c)}.json`);
    await fs.writeFile(json, stringifyReport(report));
    const fromJson = await cli("check", json, "--json");
    expect(fromJson.code).toBe(findings.some((f) => f.severity === "error") ? 1 : 0);
    expect(JSON.parse(fromJson.stdout).findings).toEqual(JSON.parse(JSON.stringify(findings)));
    expect(JSON.parse(fromJson.stdout).doubts).toEqual(doubts.length > 0 ? doubts : undefined);

    const xlsx = inTemporaryDirectory(`${CASES.indexOf(c)}.xlsx`);
    await fs.writeFile(xlsx, await writeTemplate({ format: "2021", agency: "某局", year: 2023, report }));
    const fromXlsx = await cli("check", xlsx, "--json");
    expectFinding(JSON.parse(fromXlsx.stdout).findings, c);
    expect(JSON.parse(fromXlsx.stdout).doubts).toEqual(doubts.length > 0 ? doubts : undefined);
  });
});

describe("cell values only a workbook holds, read by the command line", () => {
  async function workbookWith(value: unknown): Promise<string> {
    const bytes = await writeTemplate({ format: "2021", agency: "某局", year: 2023, report: zeroReport("2021") });
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const cell = FORMATS["2021"].cellById.get(COUNT)!;
    const target = workbook.getWorksheet(SHEET_NAMES["三"])!.getCell(addressOf(cell));
    target.value = value as never;
    // Excel gives a typed date a date format; the value is then a date, not a count.
    if (value instanceof Date) target.numFmt = "yyyy/m/d";
    const file = inTemporaryDirectory(`value-${Math.random().toString(36).slice(2)}.xlsx`);
    await workbook.xlsx.writeFile(file);
    return file;
  }

  it.each([
    ["a real date (Excel turned a typed date into one)", new Date(Date.UTC(2023, 4, 1)), /2023-05-01/],
    ["an error value saved by Excel", { error: "#N/A" }, /#N\/A/],
    ["a formula saved with its error result", { formula: "1/0", result: { error: "#DIV/0!" } }, /#DIV\/0!/],
    ["a boolean", true, /true/],
    ["rich text", { richText: [{ text: "2" }, { text: "5件" }] }, /应填数字 25/],
  ])("%s", async (_name, value, message) => {
    const answer = await cli("check", await workbookWith(value), "--json");
    expect(answer.code).toBe(1);
    const on = findingOn(JSON.parse(answer.stdout).findings, COUNT);
    expect(on).toHaveLength(1);
    expect(on[0].rule).toBe("V1");
    expect(on[0].message).toMatch(where);
    expect(on[0].message).toMatch(message);
  });
});
