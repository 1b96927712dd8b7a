import { parseReportJson, ReportReadError, stringifyReport } from "../../src/report/json";
import { zeroReport } from "../support/reports";

const valid = () => zeroReport("2021");
const read = (data: unknown) => parseReportJson(typeof data === "string" ? data : JSON.stringify(data));

describe("reading report JSON", () => {
  it("reads a valid report and keeps other top-level keys", () => {
    const { report, unknownKeys } = read({ ...valid(), source: "https://example.org", notes: "n" });
    expect(report.format).toBe("2021");
    expect(report.source).toBe("https://example.org");
    expect(unknownKeys).toEqual([]);
  });

  it("round-trips through stringifyReport", () => {
    const report = valid();
    expect(read(stringifyReport(report)).report).toEqual(report);
  });

  it.each([
    ["text that is not JSON", "{ not json", /不是有效的 JSON/],
    ["an array", [], /顶层应为对象，实为数组/],
    ["the wrong schema", { ...valid(), schema: "other/2" }, /“schema”应为 "disclosure-report\/1"/],
    ["a missing schema", { ...valid(), schema: undefined }, /实为 缺失/],
    ["an unknown format", { ...valid(), format: "2008" }, /未知的格式 "2008"/],
    ["a year that is not a whole number", { ...valid(), year: "2023年" }, /“year”应为整数年份/],
    ["tables that are not an object", { ...valid(), tables: [1, 2] }, /“tables”应为对象，实为数组/],
    ["a table that is not an object", { ...valid(), tables: { 三: "见附件" } }, /表三应为对象/],
    [
      "a row that is not an object",
      { ...valid(), tables: { 四: { 行政复议: [1, 2, 3] } } },
      /表四“行政复议”行应为对象/,
    ],
    [
      "a cell that is an object",
      { ...valid(), tables: { 四: { 行政复议: { 总计: { v: 1 } } } } },
      /表四“行政复议”行“总计”列的值应为数字、文本或 null，实为对象/,
    ],
    ["a cell that is a boolean", { ...valid(), tables: { 四: { 行政复议: { 总计: true } } } }, /实为boolean/],
  ])("refuses %s with a message naming the problem", (_what, data, message) => {
    expect(() => read(data)).toThrow(ReportReadError);
    expect(() => read(data)).toThrow(message);
  });

  it("reports unknown tables, rows and columns instead of dropping them silently", () => {
    const report = valid();
    const { unknownKeys } = read({
      ...report,
      tables: {
        ...report.tables,
        五: {},
        三: { ...report.tables["三"], "三.六": { 自然人: 0 } },
        四: { ...report.tables["四"], 行政复议: { ...report.tables["四"]?.["行政复议"], 合计: 3 } },
      },
    });
    expect(unknownKeys.map((key) => key.path)).toEqual(["tables.三.三.六", "tables.四.行政复议.合计", "tables.五"]);
    expect(unknownKeys[0].message).toBe("表三没有“三.六”这一行（2021 年版格式），该行未检查");
  });
});
