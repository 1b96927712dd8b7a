import { FORMATS, TABLE_IDS, type FormatId, type TableId } from "../format";
import { formatNumber } from "../rules";
import type { CellValue, Report } from "../report/types";

/** One cell of an exported table, at the top-left of its span. */
export interface ExportCell {
  readonly text: string;
  /** The figure as the report holds it (null for labels and blanks), for exports that keep numbers. */
  readonly value: CellValue;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly header: boolean;
}

export interface ExportTable {
  readonly table: TableId;
  readonly heading: string;
  readonly columnCount: number;
  /** Row by row; each row lists the cells that start in it, left to right. */
  readonly rows: readonly (readonly ExportCell[])[];
}

/** A figure as the table prints it: numbers without float noise, text as typed, blank as nothing. */
export function printed(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return typeof value === "number" ? formatNumber(value) : value;
}

/** The official grid of each table with the report's figures in it: what every export renders. */
export function exportTables(report: Report, format: FormatId = report.format): ExportTable[] {
  return TABLE_IDS.map((table) => {
    const model = FORMATS[format].tables[table];
    const placed: { row: number; col: number; cell: ExportCell }[] = [
      ...model.labels.map((label) => ({
        row: label.row,
        col: label.col,
        cell: { text: label.text, value: null, rowSpan: label.rowSpan, colSpan: label.colSpan, header: true },
      })),
      ...model.cells.map((cell) => {
        const value = report.tables[table]?.[cell.rowKey]?.[cell.columnKey] ?? null;
        return {
          row: cell.row,
          col: cell.col,
          cell: { text: printed(value), value, rowSpan: cell.rowSpan, colSpan: cell.colSpan, header: false },
        };
      }),
    ];
    const rows = Array.from({ length: model.rowCount }, (_, row) =>
      placed
        .filter((entry) => entry.row === row)
        .sort((a, b) => a.col - b.col)
        .map((entry) => entry.cell),
    );
    return { table, heading: model.heading, columnCount: model.colCount, rows };
  });
}
