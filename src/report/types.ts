import type { FormatId, TableId } from "../format";

export const REPORT_SCHEMA = "disclosure-report/1";

/** What a cell holds: a number, text as typed (`"/"`, `"２５"`, `"25件"`), or null for a blank cell. */
export type CellValue = number | string | null;

/** Table → row key → column key → value. A missing key is a blank cell. */
export type ReportTables = Partial<Record<TableId, Record<string, Record<string, CellValue>>>>;

/** One agency's tables for one year (report-json.md). */
export interface Report {
  readonly schema: typeof REPORT_SCHEMA;
  readonly format: FormatId;
  readonly agency?: string;
  readonly year?: number;
  readonly tables: ReportTables;
  /** Other top-level keys (`source`, `notes`) are allowed and kept. */
  readonly [extra: string]: unknown;
}
