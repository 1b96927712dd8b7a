import type { Workbook } from "exceljs";
import { FORMAT_IDS, FORMATS, parseA1, TABLE_IDS, type CellId, type FormatId } from "../format";
import { totalFormula, totalsEvaluator, type Position } from "../rules";
import type { CellValue, Report, ReportTables } from "../report/types";
import { NAMES } from "../excel/plan";
import { reportValueOf } from "./cell-value";

interface NamedArea {
  sheet: string;
  row: number;
  col: number;
}

/** `'三 依申请公开'!$A$3:$J$30` → the sheet and its top-left cell (0-based). */
function parseReference(reference: string): NamedArea | undefined {
  const bang = reference.lastIndexOf("!");
  if (bang < 0) return undefined;
  const rawSheet = reference.slice(0, bang);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const first = reference.slice(bang + 1).split(":")[0];
  try {
    return { sheet, ...parseA1(first) };
  } catch {
    return undefined;
  }
}

function uncalculated(value: unknown): value is { formula: string } {
  return typeof value === "object" && value !== null && "formula" in value && !("result" in value);
}

/**
 * Reads the tables of a workbook that the add-in built (found by their defined names, wherever staff
 * moved them) as a report. Returns undefined when the workbook has none.
 */
export function readBuiltWorkbook(workbook: Workbook): Report | undefined {
  const defined = new Map<string, NamedArea>();
  for (const { name, ranges } of workbook.definedNames.model as { name: string; ranges: string[] }[]) {
    const area = ranges[0] ? parseReference(ranges[0]) : undefined;
    if (area) defined.set(name, area);
  }
  const format: FormatId | undefined = FORMAT_IDS.find((id) =>
    TABLE_IDS.some((table) => defined.has(NAMES[id][table].table)),
  );
  if (!format) return undefined;
  const model = FORMATS[format];
  const positions = new Map<CellId, Position>();
  const raw = new Map<CellId, unknown>();
  const tables: ReportTables = {};
  for (const table of TABLE_IDS) {
    const names = NAMES[format][table];
    for (const cell of model.tables[table].cells) {
      const row = defined.get(names.rows.get(cell.row) as string);
      const column = defined.get(names.columns.get(cell.col) as string);
      const sheet = row && workbook.getWorksheet(row.sheet);
      if (!row || !column || !sheet) continue;
      positions.set(cell.id, { row: row.row, col: column.col });
      raw.set(cell.id, sheet.getCell(row.row + 1, column.col + 1).value);
      const value: CellValue = reportValueOf(raw.get(cell.id));
      ((tables[table] ??= {})[cell.rowKey] ??= {})[cell.columnKey] = value;
    }
  }
  // A total that holds exactly the add-in's formula but no value was written by a program (the template,
  // a 汇总) and never calculated: its value is what that formula computes from the cells read.
  const valueOf = totalsEvaluator(
    model,
    (cell) => {
      const held = tables[cell.table]?.[cell.rowKey]?.[cell.columnKey];
      return typeof held === "number" ? held : 0;
    },
    (cell) => cell.role === "derived" && uncalculated(raw.get(cell.id)),
  );
  for (const cell of model.cells) {
    const formula = raw.get(cell.id);
    if (cell.role !== "derived" || !uncalculated(formula) || !positions.has(cell.id)) continue;
    const ours = totalFormula(model, cell.id, (term) => positions.get(term.id) ?? term).slice(1);
    if ((formula as { formula: string }).formula.replace(/^=/, "") !== ours) continue;
    ((tables[cell.table] ??= {})[cell.rowKey] ??= {})[cell.columnKey] = valueOf(cell.id);
  }
  return { schema: "disclosure-report/1", format, tables };
}
