import { parseReportJson } from "../report/json";
import type { Report } from "../report/types";
import type { WorkbookReport } from "../xlsx/read-any";

/** What can go wrong reading last year's file, said in the pane's words by the caller. */
export class PreviousFileError extends Error {
  constructor(
    message: string,
    readonly unrecognised = false,
  ) {
    super(message);
  }
}

/** A file's bytes through FileReader: Blob.arrayBuffer()/text() are missing in WebKit before Safari 14. */
function readAs<T extends "text" | "bytes">(file: Blob, kind: T): Promise<T extends "text" ? string : ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T extends "text" ? string : ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("读取文件失败"));
    if (kind === "text") reader.readAsText(file, "utf-8");
    else reader.readAsArrayBuffer(file);
  });
}

/**
 * Reads a report from a chosen file: report JSON, or an .xlsx workbook in any layout the recogniser
 * knows (with how it departs from the format). ExcelJS is large, so it is loaded only here, when a
 * workbook is chosen.
 */
export async function readReportFile(file: Blob & { name: string }): Promise<WorkbookReport> {
  if (/\.json$/i.test(file.name)) {
    try {
      return { report: parseReportJson(await readAs(file, "text")).report, source: "built", deviations: [] };
    } catch (error) {
      throw new PreviousFileError((error as Error).message);
    }
  }
  if (!/\.xlsx$/i.test(file.name)) throw new PreviousFileError("请选择 .xlsx 工作簿或 .json 报表文件");
  const [{ Workbook }, { readAnyWorkbook }] = await Promise.all([
    import(/* webpackChunkName: "exceljs" */ "exceljs"),
    import(/* webpackChunkName: "xlsx-read" */ "../xlsx/read-any"),
  ]);
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(await readAs(file, "bytes"));
  } catch (error) {
    throw new PreviousFileError(`不是有效的 .xlsx 工作簿（${(error as Error).message}）`);
  }
  const found = readAnyWorkbook(workbook);
  if (!found) throw new PreviousFileError("", true);
  return found;
}

/** Last year's report from a chosen file. */
export async function readPreviousFile(file: Blob & { name: string }): Promise<Report> {
  return (await readReportFile(file)).report;
}
