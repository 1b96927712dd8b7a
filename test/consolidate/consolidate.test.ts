import { promises as fs } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { consolidate } from "../../src/consolidate/consolidate";
import { FORMATS } from "../../src/format";
import { stringifyReport } from "../../src/report/json";
import type { Report } from "../../src/report/types";
import { writeTemplate } from "../../src/xlsx/template";
import { cli } from "../support/cli";
import { splitIntoDepartments } from "../support/departments";
import { loadFixture } from "../support/fixtures";
import { withCells, zeroReport } from "../support/reports";

/** Every cell of the original, blanks as 0: what a sum of its parts must give. */
function expectSameFigures(sum: Report, original: Report) {
  for (const cell of FORMATS[original.format].cells) {
    const value = original.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey];
    expect([cell.id, sum.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey]]).toEqual([
      cell.id,
      typeof value === "number" ? value : 0,
    ]);
  }
}

describe("consolidating departments (汇总)", () => {
  it.each(["suqian-city-2024", "pingtan-comprehensive-pilot-zone-2022", "suqian-city-2023"])(
    "%s split across 12 departments sums back to it cell for cell",
    (name) => {
      const original = loadFixture(name);
      const departments = splitIntoDepartments(original, 12);
      const result = consolidate(
        departments.map((report, i) => ({ name: `部门${i + 1}`, report })),
        { format: original.format },
      );
      expect(result.departments.every((d) => d.included && d.state === "通过")).toBe(true);
      expectSameFigures(result.report, original);
      expect(result.findings).toEqual([]);
    },
  );

  it("flags a department with an I3 error and leaves it out, saying so", () => {
    const original = loadFixture("suqian-city-2024");
    const departments = splitIntoDepartments(original, 4);
    const broken = withCells(departments[2], { "四:行政复议:总计": 999 });
    const result = consolidate(
      departments.map((report, i) => ({ name: `部门${i + 1}`, report: i === 2 ? broken : report })),
      { format: "2021" },
    );
    const third = result.departments[2];
    expect(third).toMatchObject({
      state: "有错误",
      included: false,
      reason: "有 1 个错误，未计入汇总（改正后再汇总，或明确选择计入）",
    });
    expect(third.findings.map((f) => f.rule)).toEqual(["I3"]);
    const without = consolidate(
      departments.filter((_, i) => i !== 2).map((report, i) => ({ name: String(i), report })),
      { format: "2021" },
    );
    expect(result.report).toEqual(without.report);
    const included = consolidate(
      departments.map((report, i) => ({ name: String(i), report: i === 2 ? broken : report })),
      { format: "2021", includeErrors: true },
    );
    expect(included.departments[2].included).toBe(true);
    expectSameFigures(included.report, original);
  });

  it("refuses a department in the other format, with its reason, and one that could not be read", () => {
    const result = consolidate(
      [
        { name: "甲", report: zeroReport("2021") },
        { name: "乙", report: zeroReport("2019") },
        { name: "丙", unreadable: "不是有效的 .xlsx 工作簿" },
      ],
      { format: "2021" },
    );
    expect(result.departments.map((d) => [d.state, d.included, d.reason])).toEqual([
      ["通过", true, undefined],
      ["格式不符", false, "按2019 年试行格式填报，汇总为2021 年版格式：栏目不同，不能相加"],
      ["无法识别", false, "不是有效的 .xlsx 工作簿"],
    ]);
  });
});

describe("disclosure-report consolidate", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), "disclosure-consolidate-"));
  });

  it("reads the departments' workbooks, reports each, goes on past a broken file, and writes the 汇总", async () => {
    const original = loadFixture("suqian-city-2024");
    const departments = splitIntoDepartments(original, 5);
    const files: string[] = [];
    for (const [i, report] of departments.entries()) {
      const file = join(dir, `部门${i + 1}.${i % 2 === 0 ? "xlsx" : "json"}`);
      await fs.writeFile(
        file,
        i % 2 === 0
          ? await writeTemplate({ format: "2021", agency: `部门${i + 1}`, year: 2024, report })
          : stringifyReport(report),
      );
      files.push(file);
    }
    const broken = join(dir, "损坏.xlsx");
    await fs.writeFile(broken, "not a workbook");
    const out = join(dir, "汇总.json");
    const answer = await cli("consolidate", ...files, broken, "--out", out, "--agency", "宿迁市", "--year", "2024");
    expect(answer.code).toBe(0);
    const lines = answer.stdout.split("\n");
    expect(lines.slice(0, 6)).toEqual([
      ...files.map((file) => `✓ 通过\u3000\u3000 ${file}`),
      expect.stringMatching(/^\? 无法识别 .*损坏\.xlsx {2}不是有效的 \.xlsx 工作簿/),
    ]);
    expect(answer.stdout).toContain("汇总：计入 5 个部门（共 6 个），2021 年版格式");
    expect(answer.stdout).toContain("结果：全部通过");
    const written = JSON.parse(await fs.readFile(out, "utf8")) as Report;
    expectSameFigures(written, original);

    const xlsx = join(dir, "汇总.xlsx");
    expect((await cli("consolidate", ...files, "--out", xlsx, "--json")).code).toBe(0);
    const checked = JSON.parse((await cli("check", xlsx, "--json")).stdout);
    expect(checked.summary).toEqual({ errors: 0, warnings: 0 });
  });

  it("answers in JSON, and exits 2 when no department can be added", async () => {
    const file = join(dir, "乙.json");
    await fs.writeFile(file, stringifyReport(zeroReport("2019")));
    const answer = await cli("consolidate", file, "--format", "2021", "--json");
    expect(answer.code).toBe(2);
    const json = JSON.parse(answer.stdout);
    expect(json.departments[0]).toMatchObject({ state: "格式不符", included: false });
    expect(answer.stderr).toContain("没有可以计入汇总的部门");
  });
});
