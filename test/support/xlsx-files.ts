import { Workbook } from "exceljs";
import { HyperFormula, DetailedCellError } from "hyperformula";
import { rectA1 } from "../../src/format";
import type { SheetGrid } from "../../src/recognise/grid";

/** Sheets as an .xlsx file, as a department's own workbook or a pasted page would be saved. */
export async function gridsToXlsx(grids: readonly SheetGrid[]): Promise<Uint8Array> {
  const workbook = new Workbook();
  for (const grid of grids) {
    const sheet = workbook.addWorksheet(grid.name);
    grid.cells.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
      }),
    );
    for (const m of grid.merges)
      sheet.mergeCells(rectA1({ row: m.row, col: m.col, rowSpan: m.rowCount, colSpan: m.colCount }));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An .xlsx file opened in a spreadsheet engine: its formulas evaluated, as Excel would on opening it. */
export async function openInEngine(bytes: Uint8Array) {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const engine = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  for (const sheet of workbook.worksheets) {
    engine.addSheet(sheet.name);
    const id = engine.getSheetId(sheet.name) as number;
    sheet.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const value = cell.value as unknown;
        const content =
          value && typeof value === "object" && "formula" in value
            ? `=${(value as { formula: string }).formula}`
            : value;
        engine.setCellContents({ sheet: id, row: r - 1, col: c - 1 }, [[content as string | number | null]]);
      }),
    );
  }
  const at = (sheetName: string, address: string) => {
    const id = engine.getSheetId(sheetName) as number;
    return engine.simpleCellAddressFromString(address, id)!;
  };
  return {
    workbook,
    engine,
    set: (sheet: string, address: string, value: unknown) =>
      engine.setCellContents(at(sheet, address), [[value as number]]),
    value: (sheet: string, address: string) => {
      const value = engine.getCellValue(at(sheet, address));
      return value instanceof DetailedCellError ? value.value : value;
    },
  };
}
