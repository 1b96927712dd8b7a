import { FORMAT_IDS, FORMATS, TABLE_IDS, type CellId, type FormatId, type TableId } from "../format";
import type { CellValue, Report, ReportTables } from "../report/types";
import type { Position } from "../rules";
import { sheetOf } from "./build";
import { NAMES, SETTINGS_KEY, type BuildRecord } from "./plan";
import { toCellValue } from "./cell-value";
import type { ExcelRunner } from "./runner";

export interface ReadResult {
  readonly report: Report;
  /** The sheet each table was found on. */
  readonly sheets: Partial<Record<TableId, string>>;
  /** Tables whose names lead nowhere (their sheet was deleted): their cells read as blank. */
  readonly missingTables: readonly TableId[];
  /**
   * Cells of a present table whose row or column was deleted (its name leads nowhere): they are absent
   * from the report, so the rules see them as blank; the pane says why.
   */
  readonly missingCells: readonly CellId[];
  /** 总计 cells whose formula was replaced by a typed value. */
  readonly overriddenTotals: readonly CellId[];
  /** Where each cell stands on its sheet (0-based), as found by its names. */
  readonly positions: ReadonlyMap<CellId, Position>;
}

interface TableProbe {
  format: FormatId;
  table: TableId;
  range: Excel.Range;
  rows: Map<number, Excel.Range>;
  columns: Map<number, Excel.Range>;
}

/** The loads a read needs, queued on a context; `finishRead` turns them into a report after the sync. */
export interface PendingRead {
  readonly setting: Excel.Setting;
  readonly probes: readonly TableProbe[];
}

export function queueRead(context: Excel.RequestContext): PendingRead {
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load("value");
  // The format is known only after the sync, so ask for both formats' names: absent ones are null objects.
  const probes: TableProbe[] = FORMAT_IDS.flatMap((format) =>
    TABLE_IDS.map((table) => {
      const names = NAMES[format][table];
      const named = (name: string) => context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject();
      const range = named(names.table);
      range.load("address,rowIndex,columnIndex,values,formulas,numberFormat");
      const rows = new Map([...names.rows].map(([row, name]) => [row, named(name).load("rowIndex")]));
      const columns = new Map([...names.columns].map(([col, name]) => [col, named(name).load("columnIndex")]));
      return { format, table, range, rows, columns };
    }),
  );
  return { setting, probes };
}

export function finishRead({ setting, probes }: PendingRead): ReadResult | undefined {
  const record = setting.isNullObject ? undefined : (setting.value as BuildRecord);
  const present = FORMAT_IDS.filter((format) => probes.some((p) => p.format === format && !p.range.isNullObject));
  const format = record?.format ?? present[0];
  if (!format) return undefined;

  const tables: ReportTables = {};
  const sheets: Partial<Record<TableId, string>> = {};
  const missingTables: TableId[] = [];
  const overriddenTotals: CellId[] = [];
  const missingCells: CellId[] = [];
  const positions = new Map<CellId, Position>();
  for (const probe of probes.filter((p) => p.format === format)) {
    if (probe.range.isNullObject) {
      missingTables.push(probe.table);
      continue;
    }
    sheets[probe.table] = sheetOf(probe.range.address);
    const values = probe.range.values;
    const formulas = probe.range.formulas;
    const numberFormats = probe.range.numberFormat;
    const table: Record<string, Record<string, CellValue>> = (tables[probe.table] = {});
    for (const cell of FORMATS[format].tables[probe.table].cells) {
      const rowRange = probe.rows.get(cell.row) as Excel.Range;
      const columnRange = probe.columns.get(cell.col) as Excel.Range;
      if (rowRange.isNullObject || columnRange.isNullObject) {
        missingCells.push(cell.id);
        continue;
      }
      positions.set(cell.id, { row: rowRange.rowIndex, col: columnRange.columnIndex });
      const r = rowRange.rowIndex - probe.range.rowIndex;
      const c = columnRange.columnIndex - probe.range.columnIndex;
      (table[cell.rowKey] ??= {})[cell.columnKey] = toCellValue(values[r]?.[c], numberFormats[r]?.[c]);
      const formula = formulas[r]?.[c];
      if (cell.role === "derived" && !(typeof formula === "string" && formula.startsWith("="))) {
        overriddenTotals.push(cell.id);
      }
    }
  }
  const report: Report = {
    schema: "disclosure-report/1",
    format,
    ...(record ? { agency: record.agency, year: record.year } : {}),
    tables,
  };
  return { report, sheets, missingTables, missingCells, overriddenTotals, positions };
}

/**
 * Reads the built tables back as a report, in one sync. Each cell is found where its row's and its
 * column's names meet, so inserted rows and columns, a moved block or a renamed sheet do not matter.
 * Returns undefined when the workbook holds no tables the add-in built.
 */
export async function readTables(run: ExcelRunner): Promise<ReadResult | undefined> {
  return run(async (context) => {
    const pending = queueRead(context);
    await context.sync();
    return finishRead(pending);
  });
}
