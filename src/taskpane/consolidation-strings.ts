import type { DepartmentState } from "../consolidate/consolidate";
import type { Language } from "./strings";

/** The 汇总 panel's words: loaded with the panel, not with the pane. */
const zh = {
  hint: "选择各部门报送的工作簿（任意版式，也可以是 .json 报表），或本工作簿中各部门的工作表。每个部门先识别、检查；有错误的部门默认不计入。",
  chooseFiles: "选择各部门的文件…",
  chooseSheets: "使用本工作簿中的工作表…",
  readSheets: "读取所选工作表",
  noSheets: "本工作簿中没有可选的工作表。",
  reading: "正在读取 {done}/{total}…",
  departments: "各部门（{count} 个）",
  showFindings: "查看问题（{count}）",
  hideFindings: "收起问题",
  includeAnyway: "仍然计入汇总",
  agency: "汇总机关名称",
  year: "年度",
  format: "汇总格式：{format}（多数部门所用的格式；其他格式的部门不计入）",
  write: "生成汇总表（计入 {count} 个部门）",
  writing: "正在写入 {done}/{total} 个部门…",
  written: "汇总表已写入工作表“{sheet}”，计入 {count} 个部门；各部门的表格在其后的工作表中。",
  summaryPassed: "汇总表检查通过。",
  summaryFindings: "汇总表：{errors} 个错误，{warnings} 条警告",
  noneIncluded: "没有可以计入汇总的部门。",
  remove: "移除",
  clear: "清空列表",
  unreadableFile: "无法读取：{reason}",
  unrecognised: "没有找到表二、表三或表四",
  agencyMissing: "请填写汇总机关名称",
  failed: "汇总未完成：{reason}。再次生成会替换已写入的部分。",
};

export type ConsolidationStrings = typeof zh;

const en: ConsolidationStrings = {
  hint: "Choose the departments' workbooks (any layout, or report .json files), or departments' sheets in this workbook. Each department is recognised and checked first; departments with errors are left out unless you include them.",
  chooseFiles: "Choose the departments' files…",
  chooseSheets: "Use sheets of this workbook…",
  readSheets: "Read the chosen sheets",
  noSheets: "This workbook has no sheets to choose.",
  reading: "Reading {done}/{total}…",
  departments: "Departments ({count})",
  showFindings: "Show findings ({count})",
  hideFindings: "Hide findings",
  includeAnyway: "Include anyway",
  agency: "Agency of the consolidated report",
  year: "Year",
  format: "Format: {format} (the one most departments used; departments in another format are left out)",
  write: "Write the consolidated tables ({count} departments)",
  writing: "Writing {done}/{total} departments…",
  written:
    "The consolidated tables are on the sheet “{sheet}”, adding {count} departments; each department's tables follow it.",
  summaryPassed: "The consolidated tables pass every check.",
  summaryFindings: "Consolidated tables: {errors} errors, {warnings} warnings",
  noneIncluded: "No department can be added.",
  remove: "Remove",
  clear: "Clear the list",
  unreadableFile: "Cannot be read: {reason}",
  unrecognised: "Tables 二, 三 and 四 were not found",
  agencyMissing: "Type the agency's name",
  failed: "The consolidation stopped: {reason}. Writing again replaces what was written.",
};

/** The states as staff read them in English; in Chinese they are the states' own words. */
export const STATE_EN: Readonly<Record<DepartmentState, string>> = {
  通过: "passed",
  有警告: "warnings",
  有错误: "errors",
  格式不符: "other format",
  无法识别: "not recognised",
};

export function consolidationStrings(language: Language): ConsolidationStrings {
  return language === "en" ? en : zh;
}
