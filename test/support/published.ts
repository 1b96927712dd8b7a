import { FORMATS, type FormatId, type GridRect, type TableId } from "../../src/format";
import type { Area, SheetGrid } from "../../src/recognise/grid";
import type { CellValue, Report } from "../../src/report/types";

export interface Layout {
  /** Lay table 三 out in this format's grid (a 2021 report printed with the single （六） row). */
  readonly table3Format?: FormatId;
  /** Printed labels that differ from the format's. */
  readonly relabel?: Readonly<Record<string, string>>;
  /** Empty columns to the left and rows above, as a pasted block rarely starts at A1. */
  readonly offset?: { row: number; col: number };
  /** Forget the merges, as a paste of plain text does. */
  readonly noMerges?: boolean;
}

/** A report's tables laid out as a published page is, pasted into one sheet. */
export function publishedGrid(report: Report, layout: Layout = {}, name = "Sheet1"): SheetGrid {
  const offset = layout.offset ?? { row: 0, col: 0 };
  const cells: CellValue[][] = [];
  const merges: Area[] = [];
  const put = (row: number, col: number, value: CellValue) => {
    const r = (cells[offset.row + row] ??= []);
    r[offset.col + col] = value;
  };
  let top = 0;
  put(top++, 0, `${report.agency ?? ""}${report.year ?? ""}年政府信息公开工作年度报告`);
  for (const table of ["二", "三", "四"] as TableId[]) {
    const format = table === "三" ? (layout.table3Format ?? report.format) : report.format;
    const model = FORMATS[format].tables[table];
    put(top++, 0, model.heading);
    const merge = (rect: GridRect) => {
      if (layout.noMerges || (rect.rowSpan === 1 && rect.colSpan === 1)) return;
      merges.push({
        row: offset.row + top + rect.row,
        col: offset.col + rect.col,
        rowCount: rect.rowSpan,
        colCount: rect.colSpan,
      });
    };
    for (const label of model.labels) {
      put(top + label.row, label.col, layout.relabel?.[label.text] ?? label.text);
      merge(label);
    }
    for (const cell of model.cells) {
      const fromReport = report.tables[table]?.[cell.rowKey]?.[cell.columnKey];
      // The single （六） row of a 2021 report printed in the trial layout: zeros, as such pages print.
      const value = fromReport === undefined && cell.rowKey === "三.六" ? 0 : (fromReport ?? null);
      put(top + cell.row, cell.col, value);
      merge(cell);
    }
    top += model.rowCount + 1;
  }
  const width = Math.max(...Array.from(cells, (row) => row?.length ?? 0));
  return {
    name,
    cells: Array.from({ length: cells.length }, (_, r) =>
      Array.from({ length: width }, (_, c) => cells[r]?.[c] ?? null),
    ),
    merges,
  };
}
