import { resultGroup, TABLE_2_HEADING, table3, TABLE_4 } from "./shared-tables";
import type { FormatSpec } from "./spec-types";

/** 国办公开办函〔2021〕30号: reports for 2021 on (format.md §1.4–1.6). */
export const FORMAT_2021_SPEC: FormatSpec = {
  id: "2021",
  document: "国办公开办函〔2021〕30号",
  title: "2021 年版格式",
  tables: [
    {
      shape: "blocks",
      id: "二",
      heading: TABLE_2_HEADING,
      rowHeader: "信息内容",
      valueWidth: 3,
      spans: { 3: [1, 1, 1], 1: [3] },
      blocks: [
        {
          title: "第二十条第（一）项",
          columns: [{ key: "本年制发件数" }, { key: "本年废止件数" }, { key: "现行有效件数" }],
          rows: ["规章", "行政规范性文件"],
        },
        { title: "第二十条第（五）项", columns: [{ key: "本年处理决定数量" }], rows: ["行政许可"] },
        { title: "第二十条第（六）项", columns: [{ key: "本年处理决定数量" }], rows: ["行政处罚", "行政强制"] },
        {
          title: "第二十条第（八）项",
          columns: [{ key: "本年收费金额", label: "本年收费金额（单位：万元）", kind: "amount" }],
          rows: ["行政事业性收费"],
        },
      ],
    },
    table3(
      resultGroup("三.六", "（六）其他处理", "（六）", [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
      ]),
    ),
    TABLE_4,
  ],
};
