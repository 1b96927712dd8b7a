import { FORMATS, type FormatId } from "../../src/format";
import type { CellValue, Report, ReportTables } from "../../src/report/types";

/** A report of the format with every cell 0: consistent, no findings. */
export function zeroReport(format: FormatId, year = format === "2021" ? 2023 : 2020): Report {
  const tables: ReportTables = {};
  for (const cell of FORMATS[format].cells) {
    const table = (tables[cell.table] ??= {});
    (table[cell.rowKey] ??= {})[cell.columnKey] = 0;
  }
  return { schema: "disclosure-report/1", format, agency: "测试机关", year, tables };
}

/** A copy of the report with some cells set, by cell id. `undefined` removes the key. */
export function withCells(report: Report, cells: Record<string, CellValue | undefined>): Report {
  const tables = JSON.parse(JSON.stringify(report.tables)) as ReportTables;
  for (const [id, value] of Object.entries(cells)) {
    const [table, row, column] = id.split(":") as [keyof ReportTables, string, string];
    const rowObject = ((tables[table] ??= {})[row] ??= {});
    if (value === undefined) delete rowObject[column];
    else rowObject[column] = value;
  }
  return { ...report, tables };
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
