import { Workbook } from "exceljs";
import { ReportReadError } from "../report/json";
import { readAnyWorkbook, type WorkbookReport } from "./read-any";

export type { WorkbookReport };

/** Reads the report tables of an .xlsx file's bytes; a clear error when it is not a workbook or holds none. */
export async function readWorkbookReport(bytes: Uint8Array): Promise<WorkbookReport> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new ReportReadError(`不是有效的 .xlsx 工作簿（${(error as Error).message}）`);
  }
  const found = readAnyWorkbook(workbook);
  if (!found) {
    throw new ReportReadError(
      `在 ${workbook.worksheets.length} 个工作表中都没有找到表二、表三或表四（按“一、本年新收政府信息公开申请数量”“第二十条第（一）项”“行政复议”等标签查找）`,
    );
  }
  return found;
}
