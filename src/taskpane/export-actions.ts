import { readWorkbookFile, type DocumentFileSource } from "../excel/file";
import type { Report } from "../report/types";
import { baseName, copyTables, DownloadBlockedError, saveFile } from "./deliver";

/**
 * The exports, once the check has let them through: loaded on the first export, so the pane's first
 * script carries none of it. It takes what it needs as arguments and returns what happened, and the
 * pane words the outcome: a module loaded later that imported the pane's own modules would keep them
 * from being merged into the first script's single scope (see pane-kit.ts).
 */

export type ExportKind = "copy" | "html" | "docx" | "submission" | "workbook";

/** What the host offers for exports; tests and the demo page pass their own. */
export interface ExportHost {
  readonly fileSource: DocumentFileSource | undefined;
  readonly downloadsBlocked: boolean;
}

export type ExportOutcome =
  | { readonly done: "copied" }
  | { readonly done: "saved"; readonly name: string }
  | { readonly done: "copy-failed"; readonly reason: string }
  | { readonly done: "download-blocked" }
  | { readonly done: "file-unavailable" };

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function exportReport(
  kind: ExportKind,
  report: Report,
  host: ExportHost,
  submission: { readonly previous: Report | undefined; readonly addinVersion: string },
): Promise<ExportOutcome> {
  const base = baseName(report.agency, report.year);
  const save = (bytes: Uint8Array | string, name: string, type: string): ExportOutcome => {
    saveFile(bytes, name, type, host.downloadsBlocked);
    return { done: "saved", name };
  };
  try {
    if (kind === "copy" || kind === "html") {
      const html = await import(/* webpackChunkName: "export" */ "../export/html");
      if (kind === "html") return save(html.reportToHtmlPage(report), `${base}.html`, "text/html;charset=utf-8");
      try {
        await copyTables(html.reportToHtml(report), html.reportToText(report));
      } catch (error) {
        return { done: "copy-failed", reason: (error as Error).message };
      }
      return { done: "copied" };
    }
    if (kind === "docx") {
      const { reportToDocx } = await import(/* webpackChunkName: "export-docx" */ "../export/docx");
      return save(await reportToDocx(report), `${base}.docx`, DOCX);
    }
    if (kind === "submission") {
      const { reportToSubmission } = await import(/* webpackChunkName: "export-xlsx" */ "../export/submission");
      const bytes = await reportToSubmission(report, { ...submission, checkedAt: new Date() });
      return save(bytes, `${base}-提交版.xlsx`, XLSX);
    }
    if (!host.fileSource) return { done: "file-unavailable" };
    const bytes = await readWorkbookFile(host.fileSource).catch(() => undefined);
    return bytes ? save(bytes, `${base}.xlsx`, XLSX) : { done: "file-unavailable" };
  } catch (error) {
    if (error instanceof DownloadBlockedError) return { done: "download-blocked" };
    throw error;
  }
}
