import { promises as fs, readFileSync } from "fs";
import { join } from "path";
import { cli } from "../support/cli";
import { expectedFindings, FIXTURE_NAMES, loadFixture, PREVIOUS_YEAR } from "../support/fixtures";
import { htmlToGrid } from "../support/html-grid";
import { publishedGrid } from "../support/published";
import { gridsToXlsx } from "../support/xlsx-files";
import { temporaryDirectory } from "../support/temporary-directory";

const inTemporaryDirectory = temporaryDirectory("disclosure-xlsx-");

const HUAIAN_PRINTED = {
  table3Format: "2019" as const,
  relabel: { "2.其他法律行政法规禁止公开": "2.其他法律行政止公开" },
};

async function publishedFile(name: string): Promise<string> {
  const path = inTemporaryDirectory(`${name}.xlsx`);
  const layout = name === "huaian-hongze-district-2023" ? HUAIAN_PRINTED : { offset: { row: 2, col: 2 } };
  await fs.writeFile(
    path,
    await gridsToXlsx([
      { name: "年报", cells: [["说明：以下为本机关年报表格"]], merges: [] },
      publishedGrid(loadFixture(name), layout, "表格"),
    ]),
  );
  return path;
}

describe("disclosure-report check on .xlsx workbooks", () => {
  it.each(FIXTURE_NAMES)("%s in its published layout gives the findings of its JSON", async (name) => {
    const previousName = PREVIOUS_YEAR[name];
    const args = [
      "check",
      await publishedFile(name),
      "--json",
      ...(previousName ? ["--previous", await publishedFile(previousName)] : []),
    ];
    const { code, stdout, stderr } = await cli(...args);
    expect(stderr).toBe("");
    const answer = JSON.parse(stdout);
    expect(
      answer.findings
        .map((f: { rule: string; target: string; severity: string }) => `${f.rule} ${f.target} ${f.severity}`)
        .sort(),
    ).toEqual(expectedFindings(name));
    expect(code).toBe(answer.summary.errors > 0 ? 1 : 0);
  });

  it("lists the deviations in Chinese, in both outputs", async () => {
    const file = await publishedFile("huaian-hongze-district-2023");
    const json = JSON.parse((await cli("check", file, "--json")).stdout);
    expect(json.deviations.map((d: { message: string }) => d.message)).toContain(
      "表三的“（六）其他处理”只印了一行，没有 2021 年版格式的 1、2、3 三个子项：三个子项按空白处理，这一行的数字未计入",
    );
    const human = (await cli("check", file)).stdout;
    expect(human).toContain("与格式的差异：");
    expect(human).toContain(
      "差异 表三的“2.其他法律行政止公开”与格式的“2.其他法律行政法规禁止公开”不一致，已按“2.其他法律行政法规禁止公开”识别（表格!C27）",
    );
  });

  it("reads the Shanghai 2019 page pasted into a workbook", async () => {
    const html = readFileSync(
      join(__dirname, "..", "fixtures", "published-html", "shanghai-municipal-government-office-2019.tables.html"),
      "utf8",
    );
    const path = inTemporaryDirectory("shanghai-pasted.xlsx");
    await fs.writeFile(path, await gridsToXlsx([htmlToGrid(html)]));
    const answer = JSON.parse((await cli("check", path, "--json")).stdout);
    expect(answer.format).toBe("2019");
    expect(
      answer.findings
        .map((f: { rule: string; target: string; severity: string }) => `${f.rule} ${f.target} ${f.severity}`)
        .sort(),
    ).toEqual(expectedFindings("shanghai-municipal-government-office-2019"));
  });

  it("checks several files with a line each, and goes on past one that is not a workbook", async () => {
    const broken = inTemporaryDirectory("broken.xlsx");
    await fs.writeFile(broken, "this is not a zip file");
    const files = [await publishedFile("jinhu-county-2023"), broken, await publishedFile("suqian-city-2023")];
    const { code, stdout, stderr } = await cli("check", ...files);
    expect(code).toBe(2);
    expect(stdout.trimEnd().split("\n")).toEqual([
      `✗ ${files[0]}  2021 年版格式  1 个错误`,
      `✓ ${files[2]}  2021 年版格式  全部通过`,
    ]);
    expect(stderr).toMatch(
      new RegExp(`无法读取 ${broken.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}：不是有效的 .xlsx 工作簿`),
    );
  });

  it("says where it looked when a workbook has no tables", async () => {
    const empty = inTemporaryDirectory("empty.xlsx");
    await fs.writeFile(empty, await gridsToXlsx([{ name: "Sheet1", cells: [["会议纪要"]], merges: [] }]));
    const { code, stderr } = await cli("check", empty);
    expect(code).toBe(2);
    expect(stderr).toContain("在 1 个工作表中都没有找到表二、表三或表四");
  });
});

describe("disclosure-report template", () => {
  it("writes the built tables, which check reads as a blank report", async () => {
    const out = inTemporaryDirectory("模板.xlsx");
    const written = await cli("template", "--agency", "某某区人民政府办公室", "--year", "2024", "--out", out);
    expect(written).toMatchObject({ code: 0, stderr: "" });
    expect(written.stdout).toContain("2021 年版格式");
    const checked = JSON.parse((await cli("check", out, "--json")).stdout);
    expect(checked.format).toBe("2021");
    expect(checked.summary).toEqual({ errors: 0, warnings: 166 }); // blank inputs; the totals compute to 0
    const older = inTemporaryDirectory("2020.xlsx");
    await cli("template", "--agency", "甲", "--year", "2020", "--out", older);
    expect(JSON.parse((await cli("check", older, "--json")).stdout).format).toBe("2019");
  });

  it("never overwrites a file unless told to, and explains wrong arguments", async () => {
    const out = inTemporaryDirectory("已有.xlsx");
    await fs.writeFile(out, "mine");
    const refused = await cli("template", "--agency", "甲", "--year", "2024", "--out", out);
    expect(refused.code).toBe(2);
    expect(await fs.readFile(out, "utf8")).toBe("mine");
    expect((await cli("template", "--agency", "甲", "--year", "2024", "--out", out, "--force")).code).toBe(0);
    for (const [args, message] of [
      [["--agency", "甲", "--out", out], "--year 应为 2019 年以后的年度"],
      [["--year", "2024", "--out", out], "--agency 应为机关名称"],
      [["--agency", "甲", "--year", "2024", "--out", "x.json"], "--out 应为要写入的 .xlsx 文件"],
      [["--agency", "甲", "--year", "2024", "--format", "2008", "--out", out], "--format 应为 2021 或 2019"],
    ] as const) {
      const answer = await cli("template", ...args);
      expect(answer.code).toBe(2);
      expect(answer.stderr).toContain(message);
    }
  });
});
