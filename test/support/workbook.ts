import { a1, FORMATS, type FormatId, type ValueCell } from "../../src/format";
import { buildTables } from "../../src/excel";
import { SHEET_NAMES, TABLE_ORIGIN } from "../../src/excel/plan";
import type { CellValue, Report } from "../../src/report/types";
import { ExcelEmulator } from "./excel-emulator";

/** The A1 address of a model cell in a freshly built workbook. */
export function addressOf(cell: ValueCell): string {
  return a1(cell.row, cell.col, TABLE_ORIGIN);
}

export async function builtWorkbook(format: FormatId, agency = "测试机关", year = format === "2021" ? 2023 : 2020) {
  const excel = new ExcelEmulator();
  await buildTables(excel.run, { format, agency, year });
  return excel;
}

function valueOf(report: Report, cell: ValueCell): CellValue | undefined {
  return report.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey];
}

/** Types a report's figures as staff would; with `totals`, also types its printed totals over the formulas. */
export function typeReport(excel: ExcelEmulator, report: Report, { totals = false } = {}): void {
  for (const cell of FORMATS[report.format].cells) {
    if (cell.role === "derived" && !totals) continue;
    const sheet = excel.sheet(SHEET_NAMES[cell.table]);
    // Typing over a total means lifting the sheet's protection first, as staff do.
    if (cell.role === "derived") sheet.protected = false;
    const value = valueOf(report, cell);
    excel.type(SHEET_NAMES[cell.table], addressOf(cell), value ?? null);
  }
}

/**
 * The report as the workbook's formulas make it: every total is the SUM of its numeric terms, as Excel
 * computes it; a total whose terms are totals (（七）总计 × 总计) is computed after them.
 */
export function withComputedTotals(report: Report): Report {
  const format = FORMATS[report.format];
  const tables = JSON.parse(JSON.stringify(report.tables));
  const cellOf = (id: string) => id.split(":") as [string, string, string];
  const done = new Set<string>();
  const value = (id: string): number => {
    const [table, row, column] = cellOf(id);
    const sum = format.sums.find((candidate) => candidate.target === id);
    if (sum && !done.has(id)) {
      done.add(id);
      ((tables[table] ??= {})[row] ??= {})[column] = sum.terms.reduce((total, term) => total + value(term), 0);
    }
    const held = tables[table]?.[row]?.[column];
    return typeof held === "number" ? held : 0;
  };
  for (const cell of format.cells) if (cell.role === "derived") value(cell.id);
  return { ...report, tables };
}
