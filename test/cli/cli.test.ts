import { execFile } from "child_process";
import { promises as fs } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { promisify } from "util";
import { cli } from "../support/cli";
import { fixturePath } from "../support/fixtures";
import { withCells, zeroReport } from "../support/reports";

async function tempFile(name: string, content: string): Promise<string> {
  const dir = await fs.mkdtemp(join(tmpdir(), "disclosure-report-"));
  const path = join(dir, name);
  await fs.writeFile(path, content);
  return path;
}

const HUAIAN = fixturePath("huaian-hongze-district-2023");

describe("disclosure-report check", () => {
  it("--json answers the contract's object for a report with errors, and exits 1", async () => {
    const { code, stdout, stderr } = await cli("check", HUAIAN, "--json");
    expect(code).toBe(1);
    expect(stderr).toBe("");
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(["file", "format", "findings", "summary"]);
    expect(answer.file).toBe(HUAIAN);
    expect(answer.format).toBe("2021");
    expect(answer.summary).toEqual({ errors: 2, warnings: 21 });
    const errors = answer.findings.filter((f: { severity: string }) => f.severity === "error");
    expect(errors.map((f: { target: string }) => f.target)).toEqual(["四:行政复议:总计", "四:复议后起诉:总计"]);
    expect(errors[0]).toEqual({
      rule: "I3",
      severity: "error",
      target: "四:行政复议:总计",
      cells: [
        "四:行政复议:结果维持",
        "四:行政复议:结果纠正",
        "四:行政复议:其他结果",
        "四:行政复议:尚未审结",
        "四:行政复议:总计",
      ],
      expected: 11,
      actual: 0,
      message: "表四“行政复议”的“总计”应为 11（结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0），表中为 0",
    });
  });

  it("prints findings grouped by table, in Chinese, for a terminal", async () => {
    const { code, stdout } = await cli("check", HUAIAN);
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    expect(lines[1]).toContain("2023 年度 · 2021 年版格式（国办公开办函〔2021〕30号）");
    const table3 = lines.indexOf("表三 收到和处理政府信息公开申请情况：21 条警告");
    const table4 = lines.indexOf("表四 政府信息公开行政复议、行政诉讼情况：2 个错误");
    expect(table3).toBeGreaterThan(0);
    expect(table4).toBeGreaterThan(table3);
    expect(lines[table4 + 1]).toBe(
      "  错误 I3  表四“行政复议”的“总计”应为 11（结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0），表中为 0",
    );
    expect(stdout.trimEnd().endsWith("结果：2 个错误，21 条警告")).toBe(true);
    expect(stdout).not.toContain("\x1b[");
  });

  it("exits 0 with warnings only, and says 全部通过 for a clean report", async () => {
    expect((await cli("check", fixturePath("shuyang-county-development-reform-bureau-2023"))).code).toBe(0);
    const clean = await cli("check", fixturePath("suqian-city-2023"));
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain("结果：全部通过");
  });

  it("--previous brings in the cross-year rules", async () => {
    const previous = await tempFile(
      "2022.json",
      JSON.stringify(
        withCells(zeroReport("2021", 2022), { "三:四:自然人": 3, "三:四:总计": 3, "三:一:自然人": 3, "三:一:总计": 3 }),
      ),
    );
    const current = await tempFile("2023.json", JSON.stringify(zeroReport("2021")));
    const { code, stdout } = await cli("check", current, "--previous", previous, "--json");
    expect(code).toBe(1);
    expect(JSON.parse(stdout).findings.map((f: { rule: string; target: string }) => `${f.rule} ${f.target}`)).toEqual([
      "Y1 三:二:自然人",
      "Y1 三:二:总计",
    ]);
    const human = await cli("check", current, "--previous", previous);
    expect(human.stdout).toContain(`对照上年年报：${previous}`);
  });

  it("exits 2 with a message on standard error for a file that cannot be read", async () => {
    const missing = await cli("check", "/nonexistent/report.json");
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toBe("无法读取 /nonexistent/report.json：文件不存在\n");
    const notJson = await cli("check", await tempFile("bad.json", "<html>"));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/不是有效的 JSON/);
    const badFormat = await cli(
      "check",
      await tempFile("old.json", JSON.stringify({ ...zeroReport("2021"), format: "2008" })),
    );
    expect(badFormat.stderr).toMatch(/未知的格式 "2008"/);
  });

  it("lists unknown keys as notices, in both outputs", async () => {
    const report = zeroReport("2021");
    const file = await tempFile(
      "extra.json",
      JSON.stringify({
        ...report,
        tables: { ...report.tables, 二: { ...report.tables["二"], 规范性文件: { 本年制发件数: 1 } } },
      }),
    );
    const json = JSON.parse((await cli("check", file, "--json")).stdout);
    expect(json.notices).toEqual([
      { path: "tables.二.规范性文件", message: "表二没有“规范性文件”这一行（2021 年版格式），该行未检查" },
    ]);
    expect((await cli("check", file)).stdout).toContain("注意 表二没有“规范性文件”这一行");
  });

  it("asks to confirm an amount that looks typed in 元, in both outputs, without changing the exit status", async () => {
    const fee = "二:行政事业性收费:本年收费金额";
    const file = await tempFile("fee.json", JSON.stringify(withCells(zeroReport("2021"), { [fee]: 2510000 })));
    const json = await cli("check", file, "--json");
    expect(json.code).toBe(0);
    const answer = JSON.parse(json.stdout);
    expect(answer.summary).toEqual({ errors: 0, warnings: 0 });
    expect(answer.doubts).toEqual([
      expect.objectContaining({ kind: "yuan-in-wan-yuan", target: fee, actual: 2510000, suggested: 251 }),
    ]);
    const human = await cli("check", file);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /请核对：1 处\n {2}核对 表二“行政事业性收费”的“本年收费金额（单位：万元）”为 2510000，.*应改为 251；请核对/,
    );
    expect(human.stdout).toContain("结果：全部通过");
    // Against last year's 251 万元 the figure is 10000 times as large: that is the reason given.
    const lastYear = await tempFile("last.json", JSON.stringify(withCells(zeroReport("2021", 2022), { [fee]: 251 })));
    expect(JSON.parse((await cli("check", file, "--previous", lastYear, "--json")).stdout).doubts[0].message).toMatch(
      /是上年（251 万元）的 10000 倍/,
    );
  });

  it("checks several files with one line each, and a JSON array", async () => {
    const files = [HUAIAN, fixturePath("suqian-city-2023")];
    const { code, stdout } = await cli("check", ...files);
    expect(code).toBe(1);
    expect(stdout.trimEnd().split("\n")).toEqual([
      `✗ ${files[0]}  2021 年版格式  2 个错误，21 条警告`,
      `✓ ${files[1]}  2021 年版格式  全部通过`,
    ]);
    const json = JSON.parse((await cli("check", ...files, "--json")).stdout);
    expect(json.map((answer: { file: string }) => answer.file)).toEqual(files);
  });

  it("explains itself and refuses wrong commands with exit 2", async () => {
    const help = await cli("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      "disclosure-report check 报表.json|工作簿.xlsx [--previous 上年.json|上年.xlsx] [--json]",
    );
    expect(help.stdout).toContain(
      "disclosure-report template --agency 机关名称 --year 2024 [--format 2021] --out 年报表格.xlsx",
    );
    expect(help.stdout).toContain("退出状态：0 没有错误（可以有警告）；1 至少一个错误；2 文件无法读取或命令有误。");
    for (const argv of [
      [],
      ["frobnicate"],
      ["check"],
      ["check", HUAIAN, "--bogus"],
      ["check", HUAIAN, HUAIAN, "--previous", HUAIAN],
    ]) {
      const answer = await cli(...argv);
      expect(answer.code).toBe(2);
      expect(answer.stderr).toContain("运行 disclosure-report --help 查看用法。");
    }
  });
});

describe("the installed command", () => {
  const bin = join(__dirname, "..", "..", "bin", "disclosure-report.js");

  it("runs from bin/ with the built code and exits with the check's status", async () => {
    const result = await promisify(execFile)(process.execPath, [bin, "check", HUAIAN, "--json"]).catch(
      (error: { code: number; stdout: string }) => error,
    );
    expect("code" in result ? result.code : 0).toBe(1);
    expect(JSON.parse(result.stdout).summary).toEqual({ errors: 2, warnings: 21 });
  });
});
