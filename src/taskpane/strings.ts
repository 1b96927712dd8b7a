/** Every word the pane shows, in Simplified Chinese and in English (where Office runs in English). */
const zh = {
  title: "年报表格助手",
  subtitle: "政府信息公开工作年度报告 · 表二、表三、表四",
  connecting: "正在连接 Excel…",
  outsideOffice:
    "年报表格助手需要在 Excel 中使用。请在 Excel 中选择“插入 › 加载项 › 上传我的加载项”，再选择 manifest.xml（Windows 和 Mac 的旁加载方法见说明文档）。",
  oldExcel:
    "这个版本的 Excel 太旧，无法使用年报表格助手（需要 ExcelApi 1.8：Microsoft 365、Excel 2019 零售版或更新版本，或 Excel 网页版）。",
  noTables: "这个工作簿里还没有年报表格。填写下面的信息，生成表二、表三、表四。",
  agency: "机关名称",
  agencyHint: "如：某某区人民政府办公室",
  year: "年度",
  format: "格式",
  format2021: "2021 年版格式（国办公开办函〔2021〕30号，2021 年度起）",
  format2019: "2019 年试行格式（国办公开办函〔2019〕60号，2019、2020 年度）",
  formatMismatch: "提示：{year} 年度的年报通常使用{expected}。",
  build: "生成表格",
  building: "正在生成…",
  built: "已生成表格：{sheets}。请在白色单元格中填写数字，总计会自动计算。",
  agencyRequired: "请填写机关名称",
  yearInvalid: "请填写 2019 年以后的年度",
  state: "{format} · {year} 年度 · {agency}",
  check: "检查",
  checking: "正在检查…",
  clearMarks: "清除标记",
  cleared: "已清除表格上的全部标记。",
  allPassed: "全部通过：勾稽关系都成立，没有空白或非数字内容。",
  summary: "{errors} 个错误，{warnings} 条警告",
  table: { 二: "表二 主动公开", 三: "表三 依申请公开", 四: "表四 复议诉讼" },
  error: "错误",
  warning: "警告",
  groupCount: "{count} 条",
  liveHint: "修改表格后会自动重新检查。",
  fixes: "一键修正",
  fixNumber: "把文本改为数字（{count} 处）",
  fixZero: "空白和“/”等填 0（{count} 处）",
  fixFormula: "恢复被改写的总计公式（{count} 处）",
  fixConfirmTitle: "确认修正",
  fixConfirmIntro: "将修改以下 {count} 个单元格，其他单元格不变：",
  fixApply: "修正",
  cancel: "取消",
  fixed: "已修正 {applied} 处。",
  fixSkipped: "{skipped} 处在此期间已被改动，未修改。",
  previous: "上年年报",
  previousHint: "提供上年的数字后，会检查“上年结转”是否等于上年的“结转下年度继续办理”。",
  previousFile: "选择上年的工作簿或报表 JSON",
  previousLoaded: "已使用上年年报（{year} 年度）核对。",
  previousNone: "未提供上年年报。",
  previousManual: "手动填写上年数字",
  previousCarry: "上年“结转下年度继续办理”",
  previousStock: "上年“现行有效件数”",
  previousSave: "保存上年数字",
  previousRemove: "不再使用上年年报",
  previousUnreadable: "无法读取 {file}：{reason}",
  previousUnrecognised: "没有在这个工作簿中找到表二、表三或表四（按“一、本年新收政府信息公开申请数量”等标签查找）。",
  protectedSheet: "工作表受保护，无法写入。请在“审阅 › 撤销工作表保护”后再试。",
  sheetMissing: "找不到表格所在的工作表（可能已被删除）。请点“生成表格”重新生成，已填的其他表格不受影响。",
  syncFailed: "与 Excel 通信失败：{reason}。请再试一次；若仍失败，请关闭并重新打开任务窗格。",
  missingTables: "找不到{tables}：所在工作表可能已被删除。点“生成表格”可以重新生成。",
  goToCell: "定位到单元格",
  activeSheet: "当前工作表",
  activeSheetHint: "表格是从网页或其他工作簿粘贴来的？可以直接检查当前工作表，表格在哪里都能找到。",
  checkActiveSheet: "检查当前工作表",
  activeSheetNone:
    "当前工作表中没有找到表二、表三或表四（按“一、本年新收政府信息公开申请数量”“第二十条第（一）项”“行政复议”等标签查找）。",
  activeSheetFound: "在“{sheet}”中找到{tables}，按{format}检查：{summary}。",
  deviations: "与格式的差异",
  convert: "转换为标准表格",
  convertHint: "生成带公式的标准表格，并填入找到的全部数字；当前工作表保持不变。",
  converted: "已生成标准表格并填入 {count} 个数字，原工作表未改动。",
};

export type Strings = typeof zh;

const en: Strings = {
  title: "Disclosure Report Tables",
  subtitle: "Annual government-information-disclosure report · tables 二, 三, 四",
  connecting: "Connecting to Excel…",
  outsideOffice:
    "This add-in runs inside Excel. In Excel choose Insert › Add-ins › Upload My Add-in and pick manifest.xml (see the README for Windows and Mac).",
  oldExcel:
    "This version of Excel is too old for the add-in (it needs ExcelApi 1.8: Microsoft 365, retail Excel 2019 or later, or Excel on the web).",
  noTables: "This workbook has no report tables yet. Fill in the fields below to build tables 二, 三 and 四.",
  agency: "Agency (机关名称)",
  agencyHint: "e.g. 某某区人民政府办公室",
  year: "Year",
  format: "Format",
  format2021: "2021 format (国办公开办函〔2021〕30号, reports for 2021 on)",
  format2019: "2019 trial format (国办公开办函〔2019〕60号, reports for 2019 and 2020)",
  formatMismatch: "Note: reports for {year} usually use the {expected}.",
  build: "Build tables",
  building: "Building…",
  built: "Tables built: {sheets}. Type the figures into the white cells; totals are computed.",
  agencyRequired: "Enter the agency's name",
  yearInvalid: "Enter a year from 2019 on",
  state: "{format} · {year} · {agency}",
  check: "Check",
  checking: "Checking…",
  clearMarks: "Clear marks",
  cleared: "All marks removed from the tables.",
  allPassed: "All checks pass: every reconciliation holds, no blank or non-numeric cells.",
  summary: "{errors} errors, {warnings} warnings",
  table: { 二: "Table 二 (proactive)", 三: "Table 三 (requests)", 四: "Table 四 (appeals)" },
  error: "Error",
  warning: "Warning",
  groupCount: "{count}",
  liveHint: "The tables are checked again as you type.",
  fixes: "Fixes",
  fixNumber: "Turn text into numbers ({count})",
  fixZero: "Fill blanks and “/” with 0 ({count})",
  fixFormula: "Restore overwritten total formulas ({count})",
  fixConfirmTitle: "Confirm the fix",
  fixConfirmIntro: "These {count} cells will change, and nothing else:",
  fixApply: "Fix",
  cancel: "Cancel",
  fixed: "{applied} cells fixed.",
  fixSkipped: "{skipped} cells changed meanwhile and were left alone.",
  previous: "Last year's report",
  previousHint: "With last year's figures, this year's 上年结转 is checked against last year's 结转下年度继续办理.",
  previousFile: "Choose last year's workbook or report JSON",
  previousLoaded: "Checked against last year's report ({year}).",
  previousNone: "No report of last year given.",
  previousManual: "Type last year's figures",
  previousCarry: "Last year's 结转下年度继续办理",
  previousStock: "Last year's 现行有效件数",
  previousSave: "Save last year's figures",
  previousRemove: "Stop using last year's report",
  previousUnreadable: "Cannot read {file}: {reason}",
  previousUnrecognised:
    "No report tables found in that workbook. Workbooks built by this add-in and report JSON can be read.",
  protectedSheet: "The sheet is protected. Unprotect it (Review › Unprotect Sheet) and try again.",
  sheetMissing: "A table's sheet cannot be found (it may have been deleted). Click Build tables to build it again.",
  syncFailed: "Excel did not answer: {reason}. Try again; if it keeps failing, close and reopen the pane.",
  missingTables: "Cannot find {tables}: their sheet may have been deleted. Build tables builds them again.",
  goToCell: "Go to cell",
  activeSheet: "This sheet",
  activeSheetHint:
    "Tables pasted from a web page or another workbook? Check this sheet: the tables are found wherever they stand.",
  checkActiveSheet: "Check this sheet",
  activeSheetNone:
    "No table 二, 三 or 四 found on this sheet (looked for labels such as 一、本年新收政府信息公开申请数量).",
  activeSheetFound: "Found {tables} on “{sheet}”, checked as the {format}: {summary}.",
  deviations: "Differences from the format",
  convert: "Convert to standard tables",
  convertHint: "Builds the standard tables with formulas and fills in every figure found; this sheet stays as it is.",
  converted: "Standard tables built and {count} figures filled in; the original sheet is unchanged.",
};

export type Language = "zh" | "en";

export function stringsFor(language: Language): Strings {
  return language === "en" ? en : zh;
}

/** English where Office runs in English, Simplified Chinese otherwise. */
export function languageOf(displayLanguage: string | undefined): Language {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "zh";
}

/** `fill("{count} 条", { count: 3 })` */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
