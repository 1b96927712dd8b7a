import type { Report } from "../report/types";
import { exportTables, type ExportTable } from "./grid";

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Every text goes through here: an agency name like `<img src=x onerror=…>` comes out inert. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

function tableHtml(table: ExportTable): string {
  const rows = table.rows.map((row) => {
    const cells = row.map((cell) => {
      const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ""}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ""}`;
      return `<td${spans}>${escapeHtml(cell.text)}</td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table border="1" cellspacing="0" cellpadding="4">\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`;
}

/**
 * The three tables for the portal: section headings and plain tables with the official rowspan and
 * colspan, and no classes or styles for a CMS to strip badly.
 */
export function reportToHtml(report: Report): string {
  const parts = exportTables(report).map(
    (table) => `<p><strong>${escapeHtml(table.heading)}</strong></p>\n${tableHtml(table)}`,
  );
  return `${parts.join("\n")}\n`;
}

/** The same tables as plain text (tab-separated), for the clipboard's text form. */
export function reportToText(report: Report): string {
  return exportTables(report)
    .map((table) => {
      const lines = table.rows.map((row) => row.map((cell) => cell.text.replace(/\s+/g, " ")).join("\t"));
      return [table.heading, ...lines].join("\n");
    })
    .join("\n\n");
}

/** A whole page, for saving as a file. */
export function reportToHtmlPage(report: Report): string {
  const title = `${report.agency ?? ""}${report.year !== undefined ? ` ${report.year}年` : ""}政府信息公开工作年度报告（表二至表四）`;
  return `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n${reportToHtml(report)}</body>\n</html>\n`;
}
