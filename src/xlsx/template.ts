import { Workbook, type Worksheet } from "exceljs";
import { FORMATS, rectA1, TABLE_IDS, type FormatId, type GridRect, type TableModel } from "../format";
import type { Report } from "../report/types";
import { totalFormulas } from "../rules";
import {
  BALANCE_FILL,
  balanceBlock,
  columnWidths,
  FONT,
  HEADER_FILL,
  NAMES,
  reportTitle,
  SHEET_NAMES,
  TABLE_ORIGIN,
  TITLE_FONT,
  TOTAL_FILL,
  validationFor,
} from "../excel/plan";

export interface TemplateOptions {
  readonly format: FormatId;
  readonly agency: string;
  readonly year: number;
  /** Figures to fill into the input cells (a 汇总); totals stay formulas. */
  readonly report?: Report;
}

const THIN = { style: "thin" as const };
const GRID_BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const argb = (hex: string) => `FF${hex.replace("#", "")}`;
const fill = (hex: string) => ({ type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: argb(hex) } });
/** Points (the add-in's widths) to Excel's character-based column width. */
const characters = (points: number) => Math.round((points / 7) * 10) / 10;

function writeTable(sheet: Worksheet, model: TableModel, options: TemplateOptions): void {
  const origin = TABLE_ORIGIN;
  const range = (rect: GridRect) => rectA1(rect, origin);
  const cellAt = (row: number, col: number) => sheet.getCell(origin.row + row + 1, origin.col + col + 1);

  for (const [row, text, size] of [
    [0, reportTitle(options.agency, options.year), 14],
    [1, model.heading, 12],
  ] as const) {
    sheet.mergeCells(row + 1, 1, row + 1, model.colCount);
    const cell = sheet.getCell(row + 1, 1);
    cell.value = text;
    cell.font = { name: TITLE_FONT, size, bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle" };
  }

  for (let r = 0; r < model.rowCount; r++) {
    for (let c = 0; c < model.colCount; c++) {
      const cell = cellAt(r, c);
      cell.font = { name: FONT, size: 10.5 };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = GRID_BORDER;
    }
  }
  for (const label of model.labels) {
    if (label.rowSpan > 1 || label.colSpan > 1) sheet.mergeCells(range(label));
    const cell = cellAt(label.row, label.col);
    cell.value = label.text;
    if (label.role === "rowHeader") {
      cell.alignment = { horizontal: label.rowSpan > 1 ? "center" : "left", vertical: "middle", wrapText: true };
    } else {
      cell.font = { name: FONT, size: 10.5, bold: true };
      cell.fill = fill(HEADER_FILL);
    }
  }
  const formulas = totalFormulas(FORMATS[options.format], model.id, origin);
  for (const valueCell of model.cells) {
    if (valueCell.rowSpan > 1 || valueCell.colSpan > 1) sheet.mergeCells(range(valueCell));
    const cell = cellAt(valueCell.row, valueCell.col);
    cell.numFmt = valueCell.kind === "amount" ? "General" : "0";
    if (valueCell.role === "derived") {
      cell.value = { formula: (formulas.get(valueCell.id) as string).slice(1), result: 0 };
      cell.fill = fill(TOTAL_FILL);
      cell.font = { name: FONT, size: 10.5, bold: true };
    } else {
      const figure = options.report?.tables[model.id]?.[valueCell.rowKey]?.[valueCell.columnKey];
      if (figure !== undefined && figure !== null) cell.value = figure;
      const v = validationFor(valueCell);
      cell.protection = { locked: false };
      cell.dataValidation = {
        type: v.type === "wholeNumber" ? "whole" : "decimal",
        operator: v.operator === "Between" ? "between" : "greaterThanOrEqual",
        formulae: v.formula2 === undefined ? [v.formula1] : [v.formula1, v.formula2],
        allowBlank: true,
        showInputMessage: true,
        promptTitle: v.promptTitle,
        prompt: v.prompt,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: v.errorTitle,
        error: v.error,
      };
    }
  }

  if (model.id === "三") {
    const block = balanceBlock(options.format, origin);
    block.header.forEach((text, i) => {
      const cell = sheet.getCell(block.row + 1, block.col + 1 + i);
      cell.value = text;
      cell.font = { name: FONT, bold: true };
      cell.fill = fill(HEADER_FILL);
      cell.border = GRID_BORDER;
    });
    for (const line of block.lines) {
      const values = [
        line.label,
        { formula: line.difference.slice(1), result: 0 },
        { formula: line.verdict.slice(1), result: "✓" },
      ];
      values.forEach((value, i) => {
        const cell = sheet.getCell(line.row + 1, block.col + 1 + i);
        cell.value = value;
        cell.font = { name: FONT };
        cell.alignment = { horizontal: "center" };
        cell.border = GRID_BORDER;
      });
      sheet.addConditionalFormatting({
        ref: rectA1({ row: line.target.row, col: line.target.col, rowSpan: 1, colSpan: 1 }),
        rules: [
          { type: "expression", priority: 1, formulae: [line.highlight.slice(1)], style: { fill: fill(BALANCE_FILL) } },
        ],
      });
    }
    sheet.getColumn(block.col + 1).width = 12;
    sheet.getColumn(block.col + 2).width = 14;
  }

  columnWidths(model).forEach((points, col) => (sheet.getColumn(origin.col + col + 1).width = characters(points)));
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: model.colCount > 10 ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printArea: `A1:${rectA1({ row: origin.row + model.rowCount - 1, col: origin.col + model.colCount - 1, rowSpan: 1, colSpan: 1 })}`,
    ...(model.headerRows > 0 ? { printTitlesRow: `${origin.row + 1}:${origin.row + model.headerRows}` } : {}),
  };
}

function addNames(workbook: Workbook, sheet: Worksheet, model: TableModel, format: FormatId): void {
  const names = NAMES[format][model.id];
  const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
  const absolute = (rect: GridRect) => `${quoted}!${rectA1(rect, TABLE_ORIGIN).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
  workbook.definedNames.add(
    absolute({ row: 0, col: 0, rowSpan: model.rowCount, colSpan: model.colCount }),
    names.table,
  );
  for (const [row, name] of names.rows)
    workbook.definedNames.add(absolute({ row, col: 0, rowSpan: 1, colSpan: model.colCount }), name);
  for (const [col, name] of names.columns)
    workbook.definedNames.add(absolute({ row: 0, col, rowSpan: model.rowCount, colSpan: 1 }), name);
}

/**
 * The tables as the add-in builds them, as an .xlsx file, for offices that fill them by hand: the same
 * layout, formulas, names, validation, S1 block and print settings. Sheets are protected without a
 * password, so staff can unprotect them.
 */
export async function writeTemplate(options: TemplateOptions): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.creator = "disclosure-report-addin";
  // The totals' cached results are placeholders: Excel and LibreOffice compute every formula on opening.
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const table of TABLE_IDS) {
    const model = FORMATS[options.format].tables[table];
    const sheet = workbook.addWorksheet(SHEET_NAMES[table]);
    writeTable(sheet, model, options);
    addNames(workbook, sheet, model, options.format);
    await sheet.protect("", { formatColumns: true, formatRows: true });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
