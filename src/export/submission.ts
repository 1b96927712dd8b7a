import { Workbook } from "exceljs";
import { FORMATS } from "../format";
import type { Report } from "../report/types";
import { checkReport, RULES, type Finding } from "../rules";
import { exportTables } from "./grid";

export interface SubmissionOptions {
  readonly previous?: Report;
  readonly addinVersion: string;
  /** When the check ran; the record says it. */
  readonly checkedAt: Date;
}

const RULE_NAMES: Readonly<Record<string, string>> = {
  S1: "表三每列：一 + 二 = 三（七）总计 + 四",
  I1: "表三每行：总计 = 六类申请人之和",
  I2: "表三每列：（七）总计 = 各项办理结果之和",
  I3: "表四每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
  Y1: "上年结转 = 上年年报的结转下年度继续办理",
  Y2: "现行有效件数 = 上年 + 本年制发 − 本年废止",
  V1: "数字单元格中没有文本、负数或小数件数",
  B1: "没有空白或“/”等占位符",
};

/**
 * A clean copy for submission, on every host: exactly the three official tables as values (no formulas,
 * no marks, no names), and a sheet 校验记录 with the time, the format, the add-in's version and every
 * rule's result.
 */
export async function reportToSubmission(report: Report, options: SubmissionOptions): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.creator = "disclosure-report-addin";
  const thin = { style: "thin" as const };
  for (const table of exportTables(report)) {
    const sheet = workbook.addWorksheet(`表${table.table}`);
    sheet.getCell(1, 1).value = table.heading;
    sheet.getCell(1, 1).font = { bold: true };
    const occupied = new Set<string>();
    table.rows.forEach((row, r) => {
      let c = 0;
      for (const cell of row) {
        while (occupied.has(`${r},${c}`)) c++;
        for (let dr = 0; dr < cell.rowSpan; dr++)
          for (let dc = 0; dc < cell.colSpan; dc++) occupied.add(`${r + dr},${c + dc}`);
        const target = sheet.getCell(r + 2, c + 1);
        target.value = cell.header ? cell.text : cell.value;
        if (cell.rowSpan > 1 || cell.colSpan > 1)
          sheet.mergeCells(r + 2, c + 1, r + 1 + cell.rowSpan, c + cell.colSpan);
        for (let dr = 0; dr < cell.rowSpan; dr++) {
          for (let dc = 0; dc < cell.colSpan; dc++) {
            sheet.getCell(r + 2 + dr, c + 1 + dc).border = { top: thin, bottom: thin, left: thin, right: thin };
          }
        }
        target.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        c += cell.colSpan;
      }
    });
  }

  const findings = checkReport(report, options.previous);
  const record = workbook.addWorksheet("校验记录");
  const format = FORMATS[report.format];
  record.addRows([
    ["机关", report.agency ?? ""],
    ["年度", report.year ?? ""],
    ["格式", `${format.title}（${format.document}）`],
    ["检查时间", options.checkedAt.toISOString()],
    ["检查工具", `年报表格助手 disclosure-report-addin ${options.addinVersion}`],
    ["对照上年年报", options.previous ? `是（${options.previous.year ?? ""} 年度）` : "否"],
    [],
    ["规则", "内容", "结果", "问题数"],
  ]);
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding]);
  for (const rule of RULES) {
    const applies = !((rule.id === "Y1" || rule.id === "Y2") && !options.previous);
    const count = byRule.get(rule.id)?.length ?? 0;
    record.addRow([
      rule.id,
      RULE_NAMES[rule.id],
      !applies ? "未检查（无上年年报）" : count === 0 ? "通过" : rule.severity === "error" ? "错误" : "警告",
      count,
    ]);
  }
  record.addRows([[], ["问题", "单元格", "级别", "说明"]]);
  for (const finding of findings) {
    record.addRow([finding.rule, finding.target, finding.severity === "error" ? "错误" : "警告", finding.message]);
  }
  record.getColumn(2).width = 40;
  record.getColumn(4).width = 80;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
