import { readFileSync } from "fs";
import { join } from "path";
import { TABLE_IDS } from "../../src/format";
import { fold, matchLabel } from "../../src/recognise/labels";
import { recogniseSheets } from "../../src/recognise/recognise";
import type { Report } from "../../src/report/types";
import { checkReport } from "../../src/rules";
import { expectedFindings, FIXTURE_NAMES, loadFixture, PREVIOUS_YEAR } from "../support/fixtures";
import { htmlToGrid } from "../support/html-grid";
import { publishedGrid, type Layout } from "../support/published";

const brief = (report: Report, previous?: Report) =>
  checkReport(report, previous)
    .map((f) => `${f.rule} ${f.target} ${f.severity}`)
    .sort();

/** Every cell of the fixture, as the recogniser read it. */
function expectSameCells(read: Report, fixture: Report) {
  for (const table of TABLE_IDS) {
    for (const [row, columns] of Object.entries(fixture.tables[table] ?? {})) {
      for (const [column, value] of Object.entries(columns)) {
        expect([table, row, column, read.tables[table]?.[row]?.[column] ?? null]).toEqual([table, row, column, value]);
      }
    }
  }
}

/** How each real report was printed, where it departs from the format (fixtures/README.md and their notes). */
const PRINTED: Record<string, Layout> = {
  "huaian-hongze-district-2023": {
    table3Format: "2019",
    relabel: { "2.其他法律行政法规禁止公开": "2.其他法律行政止公开" },
  },
};

describe("recognising real reports laid out as published", () => {
  it.each(FIXTURE_NAMES)("%s: the same cells and the same findings as its JSON", (name) => {
    const fixture = loadFixture(name);
    const previousName = PREVIOUS_YEAR[name];
    const previous = previousName ? loadFixture(previousName) : undefined;
    const result = recogniseSheets([publishedGrid(fixture, { offset: { row: 3, col: 1 }, ...PRINTED[name] })]);
    expect(result?.tablesFound).toEqual(["二", "三", "四"]);
    expect(result?.report.format).toBe(fixture.format);
    expectSameCells(result!.report, fixture);
    expect(brief(result!.report, previous)).toEqual(expectedFindings(name));
  });

  it("reads the Shanghai 2019 page as the portal printed it, quirky merges included", () => {
    const html = readFileSync(
      join(__dirname, "..", "fixtures", "published-html", "shanghai-municipal-government-office-2019.tables.html"),
      "utf8",
    );
    const result = recogniseSheets([htmlToGrid(html)])!;
    const fixture = loadFixture("shanghai-municipal-government-office-2019");
    expect(result.report.format).toBe("2019");
    expectSameCells(result.report, fixture);
    expect(brief(result.report)).toEqual(expectedFindings("shanghai-municipal-government-office-2019"));
    expect(result.deviations.map((d) => d.message)).toEqual([
      "表二的标签中有空格或换行，已忽略（如“本年新 制作数量”）",
    ]);
  });
});

describe("deviations, said in Chinese", () => {
  const huaian = loadFixture("huaian-hongze-district-2023");

  it("the single （六）其他处理 row of a 2021 table, and a garbled label", () => {
    const result = recogniseSheets([publishedGrid(huaian, PRINTED["huaian-hongze-district-2023"])])!;
    const messages = result.deviations.map((d) => d.message);
    expect(messages).toContain(
      "表三的“（六）其他处理”只印了一行，没有 2021 年版格式的 1、2、3 三个子项：三个子项按空白处理，这一行的数字未计入",
    );
    expect(messages).toContain(
      "表三的“2.其他法律行政止公开”与格式的“2.其他法律行政法规禁止公开”不一致，已按“2.其他法律行政法规禁止公开”识别",
    );
    expect(result.deviations.find((d) => d.message.includes("行政止公开"))?.where).toBe("Sheet1!C27");
  });

  it("labels in Traditional characters, with half-width punctuation, split over lines", () => {
    const result = recogniseSheets([
      publishedGrid(huaian, {
        relabel: {
          "一、本年新收政府信息公开申请数量": "一、本年新收政府信息公開申請數量",
          "（二）部分公开（区分处理的，只计这一情形，不计其他情形）":
            "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
          商业企业: "商业\n企业",
        },
      }),
    ])!;
    expectSameCells(result.report, huaian);
    const messages = result.deviations.map((d) => d.message);
    expect(messages).toContain("表三的标签使用了繁体字，已按简体识别（如“一、本年新收政府信息公開申請數量”）");
    expect(messages).toContain(
      "表三的标签使用了半角标点，格式应为全角（如“(二)部分公开(区分处理的,只计这一情形,不计其他情形)”）",
    );
    expect(messages).toContain("表三的标签中有空格或换行，已忽略（如“商业 企业”）");
  });

  it("the old label 规范性文件 in a 2021 table is a deviation, not a silent match", () => {
    const result = recogniseSheets([publishedGrid(huaian, { relabel: { 行政规范性文件: "规范性文件" } })])!;
    expect(result.report.tables["二"]?.["行政规范性文件"]).toBeUndefined();
    expect(result.deviations.some((d) => d.message.includes("表二缺少“行政规范性文件”行"))).toBe(true);
  });

  it("a 收费 amount given in 元", () => {
    const result = recogniseSheets([
      publishedGrid(huaian, { relabel: { "本年收费金额（单位：万元）": "本年收费金额（单位：元）" } }),
    ])!;
    expect(result.deviations.map((d) => d.message)).toContain(
      "表二“本年收费金额（单位：元）”的单位是元，格式要求万元：请核对并换算",
    );
    expect(result.report.tables["二"]?.["行政事业性收费"]?.["本年收费金额"]).toBe(7730.28);
  });

  it("the blank legal-person columns stay blank", () => {
    const shuyang = loadFixture("shuyang-county-development-reform-bureau-2023");
    const result = recogniseSheets([publishedGrid(shuyang, { noMerges: true })])!;
    expectSameCells(result.report, shuyang);
  });

  it("a table in another sheet, two copies of a table, and nothing at all", () => {
    const suqian = loadFixture("suqian-city-2023");
    const first = publishedGrid(suqian, {}, "部门甲");
    const second = publishedGrid(suqian, {}, "部门乙");
    const result = recogniseSheets([{ name: "说明", cells: [["本工作簿为各部门报表"]], merges: [] }, first, second])!;
    expect(result.deviations.map((d) => d.message)).toContain(
      "工作簿中有 2 份表三（部门甲、部门乙），只检查了“部门甲”中的一份",
    );
    expect(result.locations.get("三:一:自然人")?.sheet).toBe("部门甲");
    expect(recogniseSheets([{ name: "空", cells: [["你好"]], merges: [] }])).toBeUndefined();
  });
});

describe("label matching", () => {
  it("folds what people do to labels and remembers it", () => {
    expect(fold("商业<br>企业").key).toBe("商业企业");
    expect([...fold("申請").quirks]).toEqual(["traditional"]);
    expect(matchLabel("5.属于三类内容事务信息", "5.属于三类内部事务信息")?.quirks.has("typo")).toBe(true);
  });

  it("never takes one label of the format for another", () => {
    expect(matchLabel("第二十条第（一）项", "第二十条第（五）项")).toBeUndefined();
    expect(matchLabel("规范性文件", "行政规范性文件")).toBeUndefined();
    expect(matchLabel("处理决定数量", "本年处理决定数量")).toBeUndefined();
    expect(matchLabel("其他", "总计")).toBeUndefined();
  });
});
