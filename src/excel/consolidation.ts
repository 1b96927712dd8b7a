import { a1, FORMATS, TABLE_IDS, type CellId, type FormatId, type TableId, type TableModel } from "../format";
import type { Report, ReportTables } from "../report/types";
import { totalFormulas, type Position } from "../rules";
import { writeTable } from "./build";
import { entryOf, toCellValue } from "./cell-value";
import { freeSheetName, quotedSheet, reportTitle, sheetNameFrom, stackedColumnWidths, stackedOrigins } from "./plan";
import type { ExcelRunner } from "./runner";

/** Where the add-in keeps the sheets of its last 汇总, so that the next one replaces exactly them. */
export const CONSOLIDATION_KEY = "disclosureReportConsolidation";

/** Departments written per sync: each is a sheet copy and a few block writes, far below Excel's 5 MB. */
export const DEPARTMENTS_PER_SYNC = 20;

export interface ConsolidationRecord {
  readonly summary: string;
  readonly departments: readonly string[];
}

export interface ConsolidationRequest {
  readonly format: FormatId;
  readonly agency: string;
  readonly year: number;
  /** The departments to add up, already recognised, checked and chosen. */
  readonly departments: readonly { readonly name: string; readonly report: Report }[];
}

export interface ConsolidationWritten {
  readonly sheets: ConsolidationRecord;
  /** The 汇总 as its formulas computed it in the workbook, read back. */
  readonly report: Report;
  /** Where each cell of the 汇总 stands on its sheet (0-based). */
  readonly positions: ReadonlyMap<CellId, Position>;
}

/**
 * One table's block as a single `formulas` write: labels at the top-left of their merged areas, the
 * totals' formulas, and each input cell's entry; "" fills the rest of every merged area, as Excel wants.
 */
function tableBlock(model: TableModel, totals: ReadonlyMap<CellId, string>, input: (cellId: CellId) => unknown) {
  const block: unknown[][] = Array.from({ length: model.rowCount }, () => Array<unknown>(model.colCount).fill(""));
  for (const label of model.labels) block[label.row][label.col] = label.text;
  for (const cell of model.cells) block[cell.row][cell.col] = totals.get(cell.id) ?? input(cell.id);
  return block;
}

function sheetsOf(record: unknown): string[] {
  const r = record as Partial<ConsolidationRecord> | undefined;
  return [
    ...(typeof r?.summary === "string" ? [r.summary] : []),
    ...(Array.isArray(r?.departments) ? r.departments : []),
  ];
}

/**
 * Writes the 汇总 into the workbook: one normalised sheet per department (a copy of the first, so that
 * each costs a handful of operations), and a 汇总 sheet whose every input cell adds the same address of
 * every department's sheet, `=SUM('教育局'!C5,'民政局'!C5,…)`, live as Excel keeps it. The sheets of the
 * previous 汇总 (recorded in the workbook's settings) are replaced; no other sheet is touched.
 * Syncs: one to look, one per DEPARTMENTS_PER_SYNC departments, one for the 汇总 and its reading.
 */
export async function writeConsolidation(
  run: ExcelRunner,
  request: ConsolidationRequest,
  onProgress: (written: number, total: number) => void = () => undefined,
): Promise<ConsolidationWritten> {
  if (request.departments.length === 0) throw new Error("没有可以计入汇总的部门");
  const format = FORMATS[request.format];
  const origins = stackedOrigins(request.format);
  const widths = stackedColumnWidths(request.format);
  const totals = new Map(TABLE_IDS.map((table) => [table, totalFormulas(format, table, origins[table])]));

  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const listed = await sheetsAndRecord(context);
    const existing = new Set(listed.names.map((name) => name.toLowerCase()));
    const previous = listed.consolidation.filter((n) => existing.has(n.toLowerCase()));
    const replaced = new Set(previous.map((name) => name.toLowerCase()));
    const taken = new Set([...existing].filter((name) => !replaced.has(name)));
    const claim = (wanted: string) => {
      const name = freeSheetName(sheetNameFrom(wanted), taken);
      taken.add(name.toLowerCase());
      return name;
    };
    const record: ConsolidationRecord = {
      summary: claim("汇总"),
      departments: request.departments.map((department) => claim(department.name)),
    };
    // Recorded first, with the sheets still to delete: a batch failing half-way leaves nothing the next 汇总 does not know.
    context.workbook.settings.add(CONSOLIDATION_KEY, {
      summary: record.summary,
      departments: [...record.departments, ...previous],
    });
    for (const name of previous) worksheets.getItem(name).delete();

    const writeLayout = (sheet: Excel.Worksheet, title: string) => {
      for (const table of TABLE_IDS) {
        writeTable(sheet, format.tables[table], origins[table], request.format, {
          title: table === "二" ? title : undefined,
          inputs: "fixed",
          keepWidths: true,
        });
      }
      widths.forEach((width, col) => (sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = width));
    };
    const writeBlocks = (sheet: Excel.Worksheet, input: (table: TableId, cellId: CellId) => unknown) => {
      sheet.protection.unprotect();
      for (const table of TABLE_IDS) {
        const model = format.tables[table];
        const block = tableBlock(model, totals.get(table) as Map<CellId, string>, (id) => input(table, id));
        sheet.getRangeByIndexes(origins[table].row, origins[table].col, model.rowCount, model.colCount).formulas =
          block;
      }
      sheet.protection.protect();
    };
    const valueOf = (report: Report) => (table: TableId, id: CellId) => {
      const cell = format.cellById.get(id);
      return entryOf(cell && report.tables[table]?.[cell.rowKey]?.[cell.columnKey]);
    };

    const summary = worksheets.add(record.summary);
    writeLayout(summary, reportTitle(request.agency, request.year));
    let template: Excel.Worksheet | undefined;
    let last: Excel.Worksheet = summary;
    for (const [i, department] of request.departments.entries()) {
      let sheet: Excel.Worksheet;
      if (!template) {
        sheet = worksheets.add(record.departments[i]);
        writeLayout(sheet, `${department.name} 报送的表格（汇总用副本）`);
        template = sheet;
      } else {
        sheet = template.copy("After", last);
        sheet.name = record.departments[i];
        // The copy keeps the first department's title: each sheet names its own department.
        sheet.protection.unprotect();
        sheet.getRangeByIndexes(0, 0, 1, 1).values = [[`${department.name} 报送的表格（汇总用副本）`]];
      }
      writeBlocks(sheet, valueOf(department.report));
      last = sheet;
      if ((i + 1) % DEPARTMENTS_PER_SYNC === 0 && i + 1 < request.departments.length) {
        await context.sync();
        onProgress(i + 1, request.departments.length);
      }
    }

    const quoted = record.departments.map(quotedSheet);
    writeBlocks(summary, (table, id) => {
      const cell = format.cellById.get(id) as { row: number; col: number };
      const address = a1(origins[table].row + cell.row, origins[table].col + cell.col);
      return `=SUM(${quoted.map((sheet) => `${sheet}!${address}`).join(",")})`;
    });
    context.workbook.settings.add(CONSOLIDATION_KEY, record);
    summary.activate();
    const blocks = TABLE_IDS.map((table) => {
      const model = format.tables[table];
      return summary
        .getRangeByIndexes(origins[table].row, origins[table].col, model.rowCount, model.colCount)
        .load("values");
    });
    await context.sync();
    onProgress(request.departments.length, request.departments.length);

    const tables: ReportTables = {};
    const positions = new Map<CellId, Position>();
    TABLE_IDS.forEach((table, t) => {
      for (const cell of format.tables[table].cells) {
        ((tables[table] ??= {})[cell.rowKey] ??= {})[cell.columnKey] = toCellValue(
          blocks[t].values[cell.row][cell.col],
        );
        positions.set(cell.id, { row: origins[table].row + cell.row, col: origins[table].col + cell.col });
      }
    });
    const report: Report = {
      schema: "disclosure-report/1",
      format: request.format,
      agency: request.agency,
      year: request.year,
      tables,
    };
    return { sheets: record, report, positions };
  });
}

/** In one sync: the sheets of the open workbook, by name, and those the last 汇总 wrote. */
async function sheetsAndRecord(context: Excel.RequestContext): Promise<{ names: string[]; consolidation: string[] }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const setting = context.workbook.settings.getItemOrNullObject(CONSOLIDATION_KEY);
  setting.load("value");
  await context.sync();
  return {
    names: worksheets.items.map((sheet) => sheet.name),
    consolidation: setting.isNullObject ? [] : sheetsOf(setting.value),
  };
}

/** The sheets of the open workbook, by name, and those the last 汇总 wrote (not departments' own). */
export async function listSheets(run: ExcelRunner): Promise<{ names: string[]; consolidation: string[] }> {
  return run(sheetsAndRecord);
}
