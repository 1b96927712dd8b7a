import { FORMATS, type FormatId, type TableId } from "../../src/format";

/**
 * format.md §5, the canonical label list, copied character for character. Each table's labels must be
 * exactly these (in grid order), no more and no fewer.
 */
const TABLE_2: Record<FormatId, string> = {
  "2021": `
第二十条第（一）项 | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 | 规章 | 行政规范性文件
第二十条第（五）项 | 信息内容 | 本年处理决定数量 | 行政许可
第二十条第（六）项 | 信息内容 | 本年处理决定数量 | 行政处罚 | 行政强制
第二十条第（八）项 | 信息内容 | 本年收费金额（单位：万元） | 行政事业性收费`,
  "2019": `
第二十条第（一）项 | 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 | 规章 | 规范性文件
第二十条第（五）项 | 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 | 行政许可 | 其他对外管理服务事项
第二十条第（六）项 | 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 | 行政处罚 | 行政强制
第二十条第（八）项 | 信息内容 | 上一年项目数量 | 本年增/减 | 行政事业性收费
第二十条第（九）项 | 信息内容 | 采购项目数量 | 采购总金额 | 政府集中采购`,
};

const TABLE_3_HEAD = `（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
申请人情况 | 自然人 | 法人或其他组织 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计`;
const TABLE_3_ROWS_BEFORE_SIX = `一、本年新收政府信息公开申请数量
二、上年结转政府信息公开申请数量
三、本年度办理结果
（一）予以公开
（二）部分公开（区分处理的，只计这一情形，不计其他情形）
（三）不予公开
1.属于国家秘密
2.其他法律行政法规禁止公开
3.危及“三安全一稳定”
4.保护第三方合法权益
5.属于三类内部事务信息
6.属于四类过程性信息
7.属于行政执法案卷
8.属于行政查询事项
（四）无法提供
1.本机关不掌握相关政府信息
2.没有现成信息需要另行制作
3.补正后申请内容仍不明确
（五）不予处理
1.信访举报投诉类申请
2.重复申请
3.要求提供公开出版物
4.无正当理由大量反复申请
5.要求行政机关确认或重新出具已获取信息
（六）其他处理`;
const TABLE_3_SIX_2021 = `1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
3.其他`;
const TABLE_3_TAIL = `（七）总计
四、结转下年度继续办理`;
const TABLE_4 = `行政复议 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 行政诉讼 | 未经复议直接起诉 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 复议后起诉 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计`;

const split = (text: string) =>
  text
    .split(/\n| \| /)
    .map((label) => label.trim())
    .filter(Boolean);

function expectedLabels(format: FormatId, table: TableId): string[] {
  if (table === "二") return split(TABLE_2[format]);
  if (table === "四") return split(TABLE_4);
  const six = format === "2021" ? `\n${TABLE_3_SIX_2021}` : "";
  return split(`${TABLE_3_HEAD}\n${TABLE_3_ROWS_BEFORE_SIX}${six}\n${TABLE_3_TAIL}`);
}

/** Labels in reading order: header rows left to right, then the row labels top to bottom. */
function labelsInReadingOrder(format: FormatId, table: TableId): string[] {
  const model = FORMATS[format].tables[table];
  if (table === "二")
    return [...model.labels].sort((a, b) => a.row - b.row || a.col - b.col).map((label) => label.text);
  return [...model.labels]
    .sort((a, b) => {
      const headerA = a.role === "rowHeader" ? 1 : 0;
      const headerB = b.role === "rowHeader" ? 1 : 0;
      if (headerA !== headerB) return headerA - headerB;
      return table === "四" && a.role === "columnHeader"
        ? a.col - b.col || a.row - b.row
        : a.row - b.row || a.col - b.col;
    })
    .map((label) => label.text);
}

describe.each(["2021", "2019"] as const)("the %s format's labels", (format) => {
  it.each(["二", "三", "四"] as const)("table %s has exactly the canonical labels of format.md §5", (table) => {
    const actual = labelsInReadingOrder(format, table);
    const expected = expectedLabels(format, table);
    if (table === "二") {
      // Blocks repeat 信息内容 and stack title, header, rows: reading order is row by row.
      expect(actual).toEqual(expected);
    } else {
      expect([...actual].sort()).toEqual([...expected].sort());
    }
  });
});

it("uses full-width brackets, the enumeration comma and curly quotes where the format does", () => {
  const texts = FORMATS["2021"].tables["三"].labels.map((label) => label.text);
  expect(texts).toContain("3.危及\u201c三安全一稳定\u201d");
  expect(texts.some((text) => text.includes('"'))).toBe(false);
  expect(texts.some((text) => /[()（]/.test(text) && /[()]/.test(text))).toBe(false);
  expect(texts).toContain("1.申请人无正当理由逾期不补正\u3001行政机关不再处理其政府信息公开申请");
  expect(FORMATS["2021"].tables["二"].labels.map((label) => label.text)).toContain(
    "本年收费金额\uff08单位\uff1a万元\uff09",
  );
});

it("names the headings of sections 二, 三 and 四 as the outline does", () => {
  for (const format of Object.values(FORMATS)) {
    expect(Object.values(format.tables).map((table) => table.heading)).toEqual([
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议、行政诉讼情况",
    ]);
  }
});
