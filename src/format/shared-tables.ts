import type { CrossTableSpec, HeaderNode } from "./spec-types";

/**
 * Tables 三 and 四 as the official formats lay them out. The 2021 and 2019 formats share everything here
 * except the rows of （六）其他处理, which each format passes in.
 */

export const TABLE_2_HEADING = "二、主动公开政府信息情况";
export const TABLE_3_HEADING = "三、收到和处理政府信息公开申请情况";
export const TABLE_4_HEADING = "四、政府信息公开行政复议、行政诉讼情况";

export const TABLE_3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/** 申请人情况: 自然人, the five 法人或其他组织 columns (no subtotal), 总计. */
const APPLICANT_COLUMNS: readonly HeaderNode[] = [
  {
    label: "申请人情况",
    children: [
      { label: "自然人" },
      {
        label: "法人或其他组织",
        children: [
          { label: "商业企业" },
          { label: "科研机构" },
          { label: "社会公益组织" },
          { label: "法律服务机构" },
          { label: "其他" },
        ],
      },
      { label: "总计", total: true },
    ],
  },
];

/**
 * A group of numbered result rows such as （三）不予公开 1.–8.: keys `三.三.1` …, named
 * `（三）不予公开 1.属于国家秘密` in sentences and `（三）1` in sums.
 */
export function resultGroup(key: string, label: string, number: string, items: readonly string[]): HeaderNode {
  return {
    key,
    label,
    children: items.map((item, i) => ({
      key: `${key}.${i + 1}`,
      label: item,
      name: `${label} ${item}`,
      short: `${number}${i + 1}`,
    })),
  };
}

/** Table 三 for a format, given its （六）其他处理 row or group. */
export function table3(otherHandling: HeaderNode): CrossTableSpec {
  return {
    shape: "cross",
    id: "三",
    heading: TABLE_3_HEADING,
    corner: TABLE_3_CORNER,
    columns: APPLICANT_COLUMNS,
    rows: [
      { key: "一", label: "一、本年新收政府信息公开申请数量", short: "本年新收" },
      { key: "二", label: "二、上年结转政府信息公开申请数量", short: "上年结转" },
      {
        key: "三",
        label: "三、本年度办理结果",
        children: [
          { key: "三.一", label: "（一）予以公开", short: "（一）予以公开" },
          { key: "三.二", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", short: "（二）部分公开" },
          resultGroup("三.三", "（三）不予公开", "（三）", [
            "1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
          ]),
          resultGroup("三.四", "（四）无法提供", "（四）", [
            "1.本机关不掌握相关政府信息",
            "2.没有现成信息需要另行制作",
            "3.补正后申请内容仍不明确",
          ]),
          resultGroup("三.五", "（五）不予处理", "（五）", [
            "1.信访举报投诉类申请",
            "2.重复申请",
            "3.要求提供公开出版物",
            "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息",
          ]),
          otherHandling,
          { key: "三.七", label: "（七）总计", total: true },
        ],
      },
      { key: "四", label: "四、结转下年度继续办理", short: "结转下年度" },
    ],
  };
}

const RESULT_COLUMNS: readonly HeaderNode[] = [
  { label: "结果维持" },
  { label: "结果纠正" },
  { label: "其他结果" },
  { label: "尚未审结" },
  { label: "总计", total: true },
];

/** Table 四, identical in both formats: one data row of three groups of five. */
export const TABLE_4: CrossTableSpec = {
  shape: "cross",
  id: "四",
  heading: TABLE_4_HEADING,
  columns: [
    { label: "行政复议", namesRow: true, children: RESULT_COLUMNS },
    {
      label: "行政诉讼",
      children: [
        { label: "未经复议直接起诉", namesRow: true, children: RESULT_COLUMNS },
        { label: "复议后起诉", namesRow: true, children: RESULT_COLUMNS },
      ],
    },
  ],
};
