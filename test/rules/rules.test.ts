import { FORMATS } from "../../src/format";
import { checkReport, summarize, type Finding } from "../../src/rules";
import { deepFreeze, withCells, zeroReport } from "../support/reports";

const brief = (findings: readonly Finding[]) => findings.map((f) => `${f.rule} ${f.target} ${f.severity}`);
const only = (findings: readonly Finding[], rule: string) => findings.filter((f) => f.rule === rule);

describe.each(["2021", "2019"] as const)("rules on the %s format", (format) => {
  const zero = zeroReport(format);

  it("finds nothing in a consistent report", () => {
    expect(checkReport(zero)).toEqual([]);
  });

  it("S1: 一 + 二 = （七）总计 + 四 in every column, naming the carry-over that breaks it", () => {
    const report = withCells(zero, {
      "三:一:自然人": 10,
      "三:一:总计": 10,
      "三:二:自然人": 2,
      "三:二:总计": 2,
      "三:三.一:自然人": 7,
      "三:三.一:总计": 7,
      "三:三.七:自然人": 7,
      "三:三.七:总计": 7,
      "三:四:自然人": 4,
      "三:四:总计": 4,
    });
    const findings = checkReport(report);
    expect(brief(findings)).toEqual(["S1 三:四:自然人 error", "S1 三:四:总计 error"]);
    expect(findings[0]).toMatchObject({
      expected: 5,
      actual: 4,
      cells: ["三:一:自然人", "三:二:自然人", "三:三.七:自然人", "三:四:自然人"],
    });
    expect(findings[0].message).toBe(
      "表三“自然人”列不平衡（本年新收 + 上年结转 应等于 （七）总计 + 结转下年度）：" +
        "表三“四、结转下年度继续办理”行“自然人”列应为 5（本年新收 10 + 上年结转 2 − （七）总计 7），表中为 4",
    );
  });

  it("I1: each row's 总计 is the sum of the six applicant columns", () => {
    const findings = checkReport(withCells(zero, { "三:三.二:商业企业": 3, "三:三.二:法律服务机构": 1 }));
    const i1 = only(findings, "I1");
    expect(brief(i1)).toEqual(["I1 三:三.二:总计 error"]);
    expect(i1[0].message).toBe(
      "表三“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”行“总计”列应为 4" +
        "（自然人 0 + 商业企业 3 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 1 + 其他 0），表中为 0",
    );
    // The same cells also break the （七）总计 of their columns: I2 speaks there.
    expect(brief(only(findings, "I2"))).toEqual(["I2 三:三.七:商业企业 error", "I2 三:三.七:法律服务机构 error"]);
  });

  it("I2: （七）总计 is the sum of every result row, and long sums name only what is not 0", () => {
    const report = withCells(zero, {
      "三:三.三.1:自然人": 2,
      "三:三.三.1:总计": 2,
      "三:三.五.2:自然人": 1,
      "三:三.五.2:总计": 1,
      "三:三.七:自然人": 2,
      "三:三.七:总计": 3,
    });
    const i2 = only(checkReport(report), "I2");
    expect(brief(i2)).toEqual(["I2 三:三.七:自然人 error"]);
    expect(i2[0].message).toBe("表三“（七）总计”行“自然人”列应为 3（（三）1 2 + （五）2 1，其余各项为 0），表中为 2");
    expect(i2[0].cells).toHaveLength(format === "2021" ? 22 : 20);
  });

  it("I3: each group of table 四 adds up to its 总计", () => {
    const report = withCells(zero, { "四:行政复议:结果维持": 10, "四:行政复议:结果纠正": 1 });
    const i3 = only(checkReport(report), "I3");
    expect(i3).toEqual([
      {
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
      },
    ]);
  });

  it("B1: blanks, missing keys, spaces and every placeholder are warnings and count as 0", () => {
    const placeholders = ["/", "／", "-", "－", "—", "——", "–", "无"];
    const cells: Record<string, string | null | undefined> = {
      "三:一:自然人": null,
      "三:一:商业企业": undefined,
      "三:一:科研机构": "   ",
      "三:一:社会公益组织": "",
    };
    placeholders.forEach(
      (text, i) => (cells[`三:三.五.${(i % 5) + 1}:${["自然人", "其他"][Math.floor(i / 5)]}`] = text),
    );
    const findings = checkReport(withCells(zero, cells));
    expect(summarize(findings)).toEqual({ errors: 0, warnings: 4 + placeholders.length });
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(["B1"]));
    const slash = findings.find((f) => f.actual === "/");
    expect(slash?.message).toBe("表三“（五）不予处理 1.信访举报投诉类申请”行“自然人”列填的是“/”，没有的应填 0");
    expect(findings.find((f) => f.target === "三:一:商业企业")).toMatchObject({ actual: null, expected: 0 });
  });

  it("V1: text is an error that says what number it plainly means", () => {
    const findings = checkReport(
      withCells(zero, {
        "四:行政复议:结果维持": "２５",
        "四:行政复议:结果纠正": "3件",
        "四:行政复议:其他结果": "1,234",
      }),
    );
    const v1 = only(findings, "V1");
    expect(v1.map((f) => [f.target, f.expected])).toEqual([
      ["四:行政复议:结果维持", 25],
      ["四:行政复议:结果纠正", 3],
      ["四:行政复议:其他结果", 1234],
    ]);
    expect(v1[0].message).toBe("表四“行政复议”的“结果维持”是文本“２５”（全角数字），不是数字；应填数字 25");
    expect(v1[1].message).toContain("带单位“件”");
    expect(v1[2].message).toContain("带千位分隔符");
    // The group's total involves text: I3 is not evaluated there, the V1 findings stand for it.
    expect(only(findings, "I3")).toEqual([]);
  });

  it("V1: text without a clear number asks for a number", () => {
    const [finding] = checkReport(withCells(zero, { "三:一:自然人": "不详" }));
    expect(finding).toMatchObject({ rule: "V1", expected: null, actual: "不详" });
    expect(finding.message).toBe(
      "表三“一、本年新收政府信息公开申请数量”行“自然人”列是文本“不详”，不是数字；请填写数字，没有的填 0",
    );
  });

  it("V1: negatives and fractions in counts are errors, but still take part in the relations", () => {
    const findings = checkReport(withCells(zero, { "四:复议后起诉:结果维持": -2, "四:复议后起诉:结果纠正": 2.5 }));
    expect(brief(findings)).toEqual([
      "I3 四:复议后起诉:总计 error",
      "V1 四:复议后起诉:结果维持 error",
      "V1 四:复议后起诉:结果纠正 error",
    ]);
    expect(findings[0].expected).toBe(0.5);
    expect(findings[1].message).toBe("表四“复议后起诉”的“结果维持”为负数 -2，件数不能为负");
    expect(findings[2].message).toBe("表四“复议后起诉”的“结果纠正”为 2.5，件数应为整数");
  });

  it("V1: a count beyond 2^53 cannot be computed exactly", () => {
    const [finding] = only(checkReport(withCells(zero, { "四:行政复议:尚未审结": 2 ** 53 + 2 })), "V1");
    expect(finding.message).toContain("超出了能精确计算的范围");
  });

  it("is pure: the report is not changed and the same report gives the same findings", () => {
    const report = deepFreeze(withCells(zero, { "三:一:自然人": "x", "四:行政复议:结果维持": 3 }));
    const first = checkReport(report);
    checkReport(zeroReport(format));
    expect(checkReport(report)).toEqual(first);
  });

  it("orders findings by table, errors before warnings", () => {
    const firstOfTable2 = FORMATS[format].tables["二"].cells[0].id;
    const report = withCells(zero, {
      [firstOfTable2]: null,
      "三:一:自然人": null,
      "三:二:自然人": 1,
      "四:行政复议:结果维持": 1,
    });
    expect(brief(checkReport(report))).toEqual([
      `B1 ${firstOfTable2} warning`,
      "S1 三:四:自然人 error",
      "I1 三:二:总计 error",
      "B1 三:一:自然人 warning",
      "I3 四:行政复议:总计 error",
    ]);
  });
});

describe("amounts and signed changes", () => {
  it("2021: 本年收费金额 may have fractions but not be negative; 元 where 万元 is asked is converted", () => {
    const zero = zeroReport("2021");
    expect(checkReport(withCells(zero, { "二:行政事业性收费:本年收费金额": 24252.313215 }))).toEqual([]);
    const [negative] = checkReport(withCells(zero, { "二:行政事业性收费:本年收费金额": -1.5 }));
    expect(negative.message).toBe("表二“行政事业性收费”的“本年收费金额（单位：万元）”为负数 -1.5，金额不能为负");
    const [yuan] = checkReport(withCells(zero, { "二:行政事业性收费:本年收费金额": "251000元" }));
    expect(yuan.expected).toBe(25.1);
    expect(yuan.message).toContain("本栏单位是万元，251000 元应填 25.1");
  });

  it("2019: 本年增/减 may be negative but must be whole; 采购总金额 in 元 is text", () => {
    const zero = zeroReport("2019");
    expect(checkReport(withCells(zero, { "二:行政许可:本年增/减": -8 }))).toEqual([]);
    expect(brief(checkReport(withCells(zero, { "二:行政许可:本年增/减": 1.5 })))).toEqual([
      "V1 二:行政许可:本年增/减 error",
    ]);
    const [text] = checkReport(withCells(zero, { "二:政府集中采购:采购总金额": "75394432.52元" }));
    expect(text).toMatchObject({ rule: "V1", expected: 75394432.52 });
  });
});

describe("cross-year rules", () => {
  it("Y1: this year's 上年结转 equals last year's 结转下年度, column by column, across the 2020 → 2021 formats", () => {
    const previous = withCells(zeroReport("2019"), {
      "三:一:自然人": 5,
      "三:一:总计": 5,
      "三:四:自然人": 5,
      "三:四:总计": 5,
    });
    const current = zeroReport("2021");
    const findings = checkReport(current, previous);
    expect(brief(findings)).toEqual(["Y1 三:二:自然人 error", "Y1 三:二:总计 error"]);
    expect(findings[0].message).toBe(
      "与上年年报不衔接：表三“二、上年结转政府信息公开申请数量”行“自然人”列应为 5（上年结转下年度 5），表中为 0",
    );
    expect(findings[0].cells).toEqual(["三:二:自然人"]);
    expect(checkReport(current)).toEqual([]);
  });

  it("Y2: 现行有效件数 = last year's + 本年制发件数 − 本年废止件数, a warning, 2021 format only", () => {
    const previous = withCells(zeroReport("2021", 2022), { "二:规章:现行有效件数": 10 });
    const current = withCells(zeroReport("2021"), {
      "二:规章:本年制发件数": 3,
      "二:规章:本年废止件数": 1,
      "二:规章:现行有效件数": 11,
    });
    const [finding, ...rest] = checkReport(current, previous);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: "Y2",
      severity: "warning",
      target: "二:规章:现行有效件数",
      expected: 12,
      actual: 11,
    });
    expect(finding.message).toBe(
      "与上年年报的现行有效件数不衔接：表二“规章”的“现行有效件数”应为 12（上年现行有效件数 10 + 本年制发件数 3 − 本年废止件数 1），表中为 11",
    );
    // Last year in the trial format has no 现行有效件数: Y2 does not apply.
    expect(checkReport(current, zeroReport("2019"))).toEqual([]);
  });

  it("leaves a cross-year relation to V1 when last year's cell is text", () => {
    const previous = withCells(zeroReport("2021", 2022), { "三:四:自然人": "五" });
    expect(checkReport(zeroReport("2021"), previous)).toEqual([]);
  });
});
