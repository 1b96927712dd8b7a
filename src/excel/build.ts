import {
  FORMATS,
  rectA1,
  TABLE_IDS,
  type FormatId,
  type GridRect,
  type TableId,
  type TableModel,
  type ValueCell,
} from "../format";
import { totalFormulas, type Origin } from "../rules";
import {
  BALANCE_FILL,
  BALANCE_MARK,
  balanceBlock,
  freeSheetName,
  columnWidths,
  FONT,
  HEADER_FILL,
  NAMES,
  reportTitle,
  SETTINGS_KEY,
  SHEET_NAMES,
  TABLE_ORIGIN,
  TITLE_FONT,
  TOTAL_FILL,
  validationFor,
  type BuildRecord,
} from "./plan";

import type { ExcelRunner } from "./runner";
import { ADDIN_VERSION } from "../version";

export interface BuildOptions {
  readonly format: FormatId;
  readonly agency: string;
  readonly year: number;
}

/** What the host offers beyond ExcelApi 1.8, probed by the caller (see capabilities.ts). */
export interface BuildCapabilities {
  /** ExcelApi 1.9: print settings. */
  readonly pageLayout: boolean;
  /** ExcelApi 1.13: reading merged areas (for recognising pasted tables). */
  readonly mergedAreas?: boolean;
}

export interface BuildResult {
  /** The sheet that holds each table. */
  readonly sheets: Readonly<Record<TableId, string>>;
  readonly created: readonly TableId[];
  readonly repaired: readonly TableId[];
}

/** Building cannot go on; the message says why, in Chinese, and nothing was changed. */
export class BuildError extends Error {
  override readonly name = "BuildError";
}

interface Placement {
  table: TableId;
  sheetName: string;
  origin: Origin;
  /** A new sheet and all its names. */
  create: boolean;
  /** A sheet a half-way build left: it exists, its table name may not. */
  sheetExists?: boolean;
}

type Probe = {
  table: TableId;
  named: Excel.Range;
  otherFormat: Excel.NamedItem;
  balanceFormats: Excel.ConditionalFormatCollection;
  /** Every row and column name of the table, to add those a half-way build left out. */
  names: { name: string; item: Excel.NamedItem }[];
};

/**
 * Builds tables 二, 三 and 四 (or repairs them where they exist) in two syncs: one to look at the
 * workbook, one to write. Values typed into input cells are never written; a sheet name used by
 * something else is never taken over.
 */
export async function buildTables(
  run: ExcelRunner,
  options: BuildOptions,
  capabilities: BuildCapabilities = { pageLayout: false },
): Promise<BuildResult> {
  const format = FORMATS[options.format];
  const otherFormat: FormatId = options.format === "2021" ? "2019" : "2021";
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const probes: Probe[] = TABLE_IDS.map((table) => {
      const named = context.workbook.names
        .getItemOrNullObject(NAMES[options.format][table].table)
        .getRangeOrNullObject();
      named.load("address,rowIndex,columnIndex,rowCount,columnCount");
      const other = context.workbook.names.getItemOrNullObject(NAMES[otherFormat][table].table);
      other.load("name");
      const balanceFormats = named.conditionalFormats;
      if (table === "三") balanceFormats.load("items");
      const tableNames = NAMES[options.format][table];
      const names = [...tableNames.rows.values(), ...tableNames.columns.values()].map((name) => {
        const item = context.workbook.names.getItemOrNullObject(name);
        item.load("name");
        return { name, item };
      });
      return { table, named, otherFormat: other, balanceFormats, names };
    });
    const previousRecord = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    previousRecord.load("value");
    await context.sync();
    const recorded = previousRecord.isNullObject ? undefined : (previousRecord.value as BuildRecord);

    const taken = new Set(worksheets.items.map((sheet) => sheet.name.toLowerCase()));
    const placements: Placement[] = probes.map((probe) => {
      const model = format.tables[probe.table];
      if (!probe.otherFormat.isNullObject) {
        throw new BuildError(
          `工作簿中已有按${FORMATS[otherFormat].title}生成的表${probe.table}，不能再按${format.title}生成。请换一个工作簿，或先删除原有表格。`,
        );
      }
      if (!probe.named.isNullObject) {
        if (probe.named.rowCount !== model.rowCount || probe.named.columnCount !== model.colCount) {
          throw new BuildError(
            `表${probe.table}（${probe.named.address}）的行列已被插入或删除，自动修复会打乱已填的数字。请先撤销对行列的改动，再重新生成。`,
          );
        }
        return {
          table: probe.table,
          sheetName: sheetOf(probe.named.address),
          origin: { row: probe.named.rowIndex, col: probe.named.columnIndex },
          create: false,
        };
      }
      // A sheet this add-in started to build (recorded, but its table name never made it) is its own.
      const ours = recorded?.format === options.format ? recorded.sheets?.[probe.table] : undefined;
      if (ours && taken.has(ours.toLowerCase())) {
        return { table: probe.table, sheetName: ours, origin: TABLE_ORIGIN, create: false, sheetExists: true };
      }
      const sheetName = freeSheetName(SHEET_NAMES[probe.table], taken);
      taken.add(sheetName.toLowerCase());
      return { table: probe.table, sheetName, origin: TABLE_ORIGIN, create: true };
    });
    // Recorded first, so that a batch failing half-way leaves sheets the next build repairs.
    const sheets = Object.fromEntries(placements.map((p) => [p.table, p.sheetName])) as Record<TableId, string>;
    const record: BuildRecord = { ...options, addinVersion: ADDIN_VERSION, sheets };
    context.workbook.settings.add(SETTINGS_KEY, record);

    for (const placement of placements) {
      const probe = probes.find((p) => p.table === placement.table) as Probe;
      const sheet = placement.create ? worksheets.add(placement.sheetName) : worksheets.getItem(placement.sheetName);
      // Protected sheets refuse every change: lift the protection before the first (writeTable restores it).
      if (!placement.create) sheet.protection.unprotect();
      if (!placement.create && placement.table === "三") {
        for (const item of probe.balanceFormats.items) {
          if (item.custom.rule.formula.includes(BALANCE_MARK)) item.delete();
        }
        // A sheet a half-way build left is the add-in's own, fresh: its balance marks go, whatever they are.
        if (placement.sheetExists) {
          for (const line of balanceBlock(options.format, placement.origin).lines) {
            sheet.getRangeByIndexes(line.target.row, line.target.col, 1, 1).conditionalFormats.clearAll();
          }
        }
      }
      writeTable(sheet, format.tables[placement.table], placement.origin, options.format, {
        title: reportTitle(options.agency, options.year),
        names: placement.create ? context.workbook.names : undefined,
        inputs: "open",
      });
      // Names a half-way build left out; a new table gets all of them from writeTable.
      if (!placement.create) {
        addMissingNames(
          sheet,
          context.workbook.names,
          format.tables[placement.table],
          placement,
          probe,
          options.format,
        );
      }
      if (capabilities.pageLayout) setUpPrinting(sheet, format.tables[placement.table], placement.origin);
    }
    worksheets.getItem(placements[0].sheetName).activate();
    await context.sync();

    return {
      sheets,
      created: placements.filter((p) => p.create).map((p) => p.table),
      repaired: placements.filter((p) => !p.create).map((p) => p.table),
    };
  });
}

/** `'三 依申请公开'!A3:J30` → `三 依申请公开` */
export function sheetOf(address: string): string {
  const sheet = address.slice(0, address.lastIndexOf("!"));
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** How a table is written: the add-in's own tables, or the 汇总's department copies and sum. */
export interface TableWriting {
  /** The title row above the section heading; none where the table is not the sheet's first. */
  readonly title?: string;
  /** The workbook's names for the table, its rows and columns: only for a table the add-in builds anew. */
  readonly names?: Excel.NamedItemCollection;
  /** "open": staff type into the input cells (unlocked, validated); "fixed": they hold copies or sums. */
  readonly inputs: "open" | "fixed";
  /** Column widths are set by the caller (tables stacked on one sheet share their columns). */
  readonly keepWidths?: boolean;
}

export function writeTable(
  sheet: Excel.Worksheet,
  model: TableModel,
  origin: Origin,
  formatId: FormatId,
  writing: TableWriting,
): void {
  const at = (rect: GridRect) =>
    sheet.getRangeByIndexes(origin.row + rect.row, origin.col + rect.col, rect.rowSpan, rect.colSpan);
  const whole = at({ row: 0, col: 0, rowSpan: model.rowCount, colSpan: model.colCount });
  const format = FORMATS[formatId];

  // Writes to locked cells fail on a protected sheet: unprotect, write, protect, all in this batch.
  sheet.protection.unprotect();

  // A table moved by staff near the top keeps what stands above it: the headings need two free rows.
  const headings: [GridRect, string, number][] = [];
  if (origin.row >= 2) {
    if (writing.title !== undefined)
      headings.push([{ row: -2, col: 0, rowSpan: 1, colSpan: model.colCount }, writing.title, 14]);
    headings.push([{ row: -1, col: 0, rowSpan: 1, colSpan: model.colCount }, model.heading, 12]);
  }
  for (const [rect, text, size] of headings) {
    const range = at(rect);
    range.merge();
    range.getCell(0, 0).values = [[text]];
    range.format.font.name = TITLE_FONT;
    range.format.font.size = size;
    range.format.font.bold = true;
    range.format.horizontalAlignment = "Center";
  }

  whole.format.font.name = FONT;
  whole.format.font.size = 10.5;
  whole.format.verticalAlignment = "Center";
  whole.format.horizontalAlignment = "Center";
  whole.format.wrapText = true;
  drawGrid(whole);

  for (const label of model.labels) {
    const range = at(label);
    if (label.rowSpan > 1 || label.colSpan > 1) range.merge();
    range.getCell(0, 0).values = [[label.text]];
    if (label.role === "rowHeader") {
      range.format.horizontalAlignment = label.rowSpan > 1 ? "Center" : "Left";
    } else {
      range.format.font.bold = true;
      range.format.fill.color = HEADER_FILL;
    }
  }

  const formulas = totalFormulas(format, model.id, origin);
  for (const cell of model.cells) {
    const range = at(cell);
    if (cell.rowSpan > 1 || cell.colSpan > 1) range.merge();
    const first = range.getCell(0, 0);
    first.numberFormat = [[cell.kind === "amount" ? "General" : "0"]];
    if (cell.role === "derived") {
      first.formulas = [[formulas.get(cell.id) as string]];
      range.format.fill.color = TOTAL_FILL;
      range.format.font.bold = true;
    } else if (writing.inputs === "open") {
      range.format.protection.locked = false;
      applyValidation(range, cell);
    }
  }

  if (model.id === "三") writeBalance(sheet, origin, formatId);

  if (!writing.keepWidths) {
    columnWidths(model).forEach((width, col) => {
      at({ row: 0, col, rowSpan: 1, colSpan: 1 }).format.columnWidth = width;
    });
  }

  if (writing.names) addNames(sheet, writing.names, model, origin, formatId);
  sheet.protection.protect();
}

/**
 * A4, one page wide, the title and table only (the S1 balance beside table 三 stays off the page), and
 * table 三's header rows repeated on every page.
 */
function setUpPrinting(sheet: Excel.Worksheet, model: TableModel, origin: Origin): void {
  const top = Math.max(0, origin.row - 2);
  const area = rectA1({
    row: top,
    col: origin.col,
    rowSpan: origin.row - top + model.rowCount,
    colSpan: model.colCount,
  });
  sheet.pageLayout.paperSize = "A4";
  sheet.pageLayout.orientation = model.colCount > 10 ? "Landscape" : "Portrait";
  sheet.pageLayout.centerHorizontally = true;
  sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  sheet.pageLayout.setPrintArea(area);
  if (model.headerRows > 0) sheet.pageLayout.setPrintTitleRows(`$${origin.row + 1}:$${origin.row + model.headerRows}`);
}

const GRID_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

/** Thin lines around and between every cell of the range. */
function drawGrid(range: Excel.Range): void {
  for (const edge of GRID_EDGES) range.format.borders.getItem(edge).style = "Continuous";
}

function applyValidation(range: Excel.Range, cell: ValueCell): void {
  const v = validationFor(cell);
  const limits = v.formula2 === undefined ? { formula1: v.formula1 } : { formula1: v.formula1, formula2: v.formula2 };
  range.dataValidation.clear();
  range.dataValidation.rule = { [v.type]: { ...limits, operator: v.operator } };
  range.dataValidation.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
  range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle, message: v.error };
}

/** The S1 block beside table 三, and the conditional format on each 四 cell that turns red when its column is off. */
function writeBalance(sheet: Excel.Worksheet, origin: Origin, format: FormatId): void {
  const block = balanceBlock(format, origin);
  const header = sheet.getRangeByIndexes(block.row, block.col, 1, 3);
  header.values = [[...block.header]];
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;
  for (const line of block.lines) {
    sheet.getRangeByIndexes(line.row, block.col, 1, 3).formulas = [[line.label, line.difference, line.verdict]];
    sheet.getRangeByIndexes(line.row, block.col + 1, 1, 1).numberFormat = [["0"]];
    const conditional = sheet
      .getRangeByIndexes(line.target.row, line.target.col, 1, 1)
      .conditionalFormats.add("Custom");
    conditional.custom.rule.formula = line.highlight;
    conditional.custom.format.fill.color = BALANCE_FILL;
  }
  const whole = sheet.getRangeByIndexes(block.row, block.col, block.lines.length + 1, 3);
  whole.format.font.name = FONT;
  whole.format.horizontalAlignment = "Center";
  drawGrid(whole);
  sheet.getRangeByIndexes(block.row, block.col, 1, 1).format.columnWidth = 84;
  sheet.getRangeByIndexes(block.row, block.col + 1, 1, 1).format.columnWidth = 96;
}

function addMissingNames(
  sheet: Excel.Worksheet,
  workbookNames: Excel.NamedItemCollection,
  model: TableModel,
  placement: Placement,
  probe: Probe,
  format: FormatId,
): void {
  const { origin } = placement;
  const names = NAMES[format][model.id];
  if (probe.named.isNullObject) {
    workbookNames.add(names.table, sheet.getRangeByIndexes(origin.row, origin.col, model.rowCount, model.colCount));
  }
  const missing = new Set(probe.names.filter(({ item }) => item.isNullObject).map(({ name }) => name));
  for (const [row, name] of names.rows) {
    if (missing.has(name))
      workbookNames.add(name, sheet.getRangeByIndexes(origin.row + row, origin.col, 1, model.colCount));
  }
  for (const [col, name] of names.columns) {
    if (missing.has(name))
      workbookNames.add(name, sheet.getRangeByIndexes(origin.row, origin.col + col, model.rowCount, 1));
  }
}

function addNames(
  sheet: Excel.Worksheet,
  workbookNames: Excel.NamedItemCollection,
  model: TableModel,
  origin: Origin,
  format: FormatId,
): void {
  const names = NAMES[format][model.id];
  workbookNames.add(names.table, sheet.getRangeByIndexes(origin.row, origin.col, model.rowCount, model.colCount));
  for (const [row, name] of names.rows) {
    workbookNames.add(name, sheet.getRangeByIndexes(origin.row + row, origin.col, 1, model.colCount));
  }
  for (const [col, name] of names.columns) {
    workbookNames.add(name, sheet.getRangeByIndexes(origin.row, origin.col + col, model.rowCount, 1));
  }
}
