import { TABLE_2_HEADING, table3, TABLE_4 } from "./shared-tables";
import type { BlockColumnSpec, FormatSpec } from "./spec-types";

const PROJECT_COLUMNS: readonly BlockColumnSpec[] = [
  { key: "上一年项目数量" },
  { key: "本年增/减", kind: "change" },
  { key: "处理决定数量" },
];

/** 国办公开办函〔2019〕60号, the trial format: reports for 2019 and 2020 (format.md §3). */
export const FORMAT_2019_SPEC: FormatSpec = {
  id: "2019",
  document: "国办公开办函〔2019〕60号",
  title: "2019 年试行格式",
  tables: [
    {
      shape: "blocks",
      id: "二",
      heading: TABLE_2_HEADING,
      rowHeader: "信息内容",
      // The official (Shanghai) table is a 5-column grid: 3 values as B | C:D | E, 2 values as B:C | D:E.
      valueWidth: 4,
      spans: { 3: [1, 2, 1], 2: [2, 2] },
      blocks: [
        {
          title: "第二十条第（一）项",
          columns: [{ key: "本年新制作数量" }, { key: "本年新公开数量" }, { key: "对外公开总数量" }],
          rows: ["规章", "规范性文件"],
        },
        { title: "第二十条第（五）项", columns: PROJECT_COLUMNS, rows: ["行政许可", "其他对外管理服务事项"] },
        { title: "第二十条第（六）项", columns: PROJECT_COLUMNS, rows: ["行政处罚", "行政强制"] },
        { title: "第二十条第（八）项", columns: PROJECT_COLUMNS.slice(0, 2), rows: ["行政事业性收费"] },
        {
          title: "第二十条第（九）项",
          columns: [{ key: "采购项目数量" }, { key: "采购总金额", kind: "amount" }],
          rows: ["政府集中采购"],
        },
      ],
    },
    table3({ key: "三.六", label: "（六）其他处理", short: "（六）其他处理" }),
    TABLE_4,
  ],
};
