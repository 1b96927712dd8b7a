import { FORMATS } from "../../src/format";
import type { Report, ReportTables } from "../../src/report/types";
import { withComputedTotals } from "./workbook";

/**
 * Splits a report's figures across departments so that they sum back to it: every input figure is cut
 * into `count` whole parts (deterministically), each department's totals are its own sums.
 */
export function splitIntoDepartments(report: Report, count: number, seed = 7): Report[] {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const departments: ReportTables[] = Array.from({ length: count }, () => ({}));
  for (const cell of FORMATS[report.format].cells) {
    if (cell.role !== "input") continue;
    const value = report.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey];
    const total = typeof value === "number" ? value : 0;
    const whole = Number.isInteger(total);
    let left = total;
    departments.forEach((tables, i) => {
      const part =
        i === count - 1
          ? left
          : whole
            ? Math.floor(random() * (left + 1))
            : // Rounded down, so that the parts never exceed the figure and the last is never negative.
              Math.floor(left * random() * 100) / 100;
      left = whole ? left - part : Math.round((left - part) * 1e6) / 1e6;
      ((tables[cell.table] ??= {})[cell.rowKey] ??= {})[cell.columnKey] = part;
    });
  }
  // Table 三 must balance in every department (S1): 一 is what the department received, so it is the
  // balance of its outflows (results and 四) less its carry-in 二, which is dealt out so that none is negative.
  const model = FORMATS[report.format].tables["三"];
  const outflowRows = model.rowKeys.filter((row) => row !== "一" && row !== "二" && row !== "三.七");
  for (const column of model.columnKeys.filter((c) => c !== "总计")) {
    const figure = (tables: ReportTables, row: string) => Number(tables["三"]?.[row]?.[column] ?? 0);
    let carry = Number(report.tables["三"]?.["二"]?.[column] ?? 0);
    departments.forEach((tables, i) => {
      const outflow = outflowRows.reduce((total, row) => total + figure(tables, row), 0);
      const carried = i === count - 1 ? carry : Math.min(carry, outflow);
      carry -= carried;
      tables["三"]!["二"]![column] = carried;
      tables["三"]!["一"]![column] = outflow - carried;
    });
  }
  return departments.map((tables, i) =>
    withComputedTotals({
      schema: "disclosure-report/1",
      format: report.format,
      agency: `部门${i + 1}`,
      year: report.year,
      tables,
    }),
  );
}
