import { a1, cellId, FORMATS, TABLE_IDS, type CellId, type FormatId, type TableId, type TableModel } from "../format";
import type { CellValue, Report, ReportTables } from "../report/types";
import type { Deviation } from "./deviations";
import { GridView, type SheetGrid } from "./grid";
import { matchLabel, type LabelQuirk } from "./labels";

/**
 * Finds tables 二, 三 and 四 in sheets that the add-in did not build (pasted from a web page, a
 * department's own layout) by their labels, decides per table which format it follows, maps every cell
 * to its id, and lists every way the layout departs from the format. It tolerates what people really
 * do and never guesses silently: whatever it could not place is said.
 */

export interface Location {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface Recognised {
  readonly report: Report;
  readonly deviations: readonly Deviation[];
  readonly locations: ReadonlyMap<CellId, Location>;
  readonly tablesFound: readonly TableId[];
}

interface Placed {
  value: CellValue;
  location: Location;
}

/** A table found on one sheet: its cells by (row key, column key) in its own format's keys. */
interface FoundTable {
  table: TableId;
  sheet: string;
  /** The format the table's own layout follows, where it tells. */
  format: FormatId | undefined;
  cells: Map<string, Placed>;
  deviations: Deviation[];
  /** Table 三 only: how （六）其他处理 is printed. */
  sixLayout?: "items" | "single";
}

const key = (row: string, column: string) => `${row}\u0000${column}`;

/** Reports label quirks once per kind, with the first example, and each typo or variant on its own. */
class LabelNotes {
  private readonly examples = new Map<LabelQuirk, string>();
  readonly specific: Deviation[] = [];

  constructor(
    private readonly table: TableId,
    private readonly sheet: string,
  ) {}

  note(printed: string, canonical: string, quirks: ReadonlySet<LabelQuirk>, row: number, col: number): void {
    for (const quirk of quirks) {
      if (quirk === "typo") {
        this.specific.push({
          table: this.table,
          kind: "label",
          message: `表${this.table}的“${printed}”与格式的“${canonical}”不一致，已按“${canonical}”识别`,
          where: `${this.sheet}!${a1(row, col)}`,
        });
      } else if (!this.examples.has(quirk)) {
        this.examples.set(quirk, printed);
      }
    }
  }

  deviations(): Deviation[] {
    const words: Partial<Record<LabelQuirk, string>> = {
      traditional: "使用了繁体字，已按简体识别",
      halfWidth: "使用了半角标点，格式应为全角",
      spacing: "中有空格或换行，已忽略",
    };
    const general = [...this.examples].flatMap(([quirk, example]) =>
      words[quirk]
        ? [
            {
              table: this.table,
              kind: "label" as const,
              message: `表${this.table}的标签${words[quirk]}（如“${example.replace(/\s+/g, " ")}”）`,
            },
          ]
        : [],
    );
    return [...this.specific, ...general];
  }
}

interface LabelHit {
  row: number;
  col: number;
  printed: string;
  quirks: ReadonlySet<LabelQuirk>;
}

function findLabel(
  view: GridView,
  canonical: string,
  rows: readonly [number, number],
  cols: readonly [number, number],
  { typos = true, skipRows = new Set<number>() }: { typos?: boolean; skipRows?: ReadonlySet<number> } = {},
): LabelHit | undefined {
  for (let r = Math.max(0, rows[0]); r <= Math.min(view.rowCount - 1, rows[1]); r++) {
    if (skipRows.has(r)) continue;
    for (let c = Math.max(0, cols[0]); c <= Math.min(cols[1], view.columnCount(r) - 1); c++) {
      const printed = view.text(r, c);
      if (printed === undefined || view.covered(r, c)) continue;
      const match = matchLabel(printed, canonical);
      if (match && (typos || !match.quirks.has("typo"))) return { row: r, col: c, printed, quirks: match.quirks };
    }
  }
  return undefined;
}

/** The label of each data row of a table: the row header that stands on that grid row alone. */
function rowLabels(model: TableModel): Map<string, string> {
  const labels = new Map<string, string>();
  for (const cell of model.cells) {
    if (labels.has(cell.rowKey)) continue;
    const label = model.labels.find((l) => l.role === "rowHeader" && l.row === cell.row && l.rowSpan === 1);
    if (label) labels.set(cell.rowKey, label.text);
  }
  return labels;
}

const ANY_COLUMN: readonly [number, number] = [0, 200];

function recogniseTable3(view: GridView): FoundTable | undefined {
  const sheet = view.grid.name;
  const first = findLabel(view, "一、本年新收政府信息公开申请数量", [0, view.rowCount], ANY_COLUMN);
  if (!first) return undefined;
  const notes = new LabelNotes("三", sheet);
  notes.note(first.printed, "一、本年新收政府信息公开申请数量", first.quirks, first.row, first.col);
  const labelCols: [number, number] = [first.col, first.col + 3];
  const rows: [number, number] = [first.row, first.row + 40];

  const labels2021 = rowLabels(FORMATS["2021"].tables["三"]);
  const labels2019 = rowLabels(FORMATS["2019"].tables["三"]);
  const rowOf = new Map<string, number>();
  const candidates = [...labels2021, ["三.六", labels2019.get("三.六") as string] as const];
  // Exact labels claim their rows first; a typo may then take only a row no exact label claimed.
  for (const typos of [false, true]) {
    for (const [rowKey, label] of candidates) {
      if (rowOf.has(rowKey)) continue;
      const hit = findLabel(view, label, rows, labelCols, { typos, skipRows: new Set(rowOf.values()) });
      if (!hit) continue;
      // （六）其他处理 as a data row means a single printed row, not the group over three sub-items.
      if (rowKey === "三.六" && view.area(hit.row, hit.col).rowCount > 1) continue;
      rowOf.set(rowKey, hit.row);
      notes.note(hit.printed, label, hit.quirks, hit.row, hit.col);
    }
  }
  const hasItems = ["三.六.1", "三.六.2", "三.六.3"].some((k) => rowOf.has(k));
  const sixLayout = hasItems ? "items" : rowOf.has("三.六") ? "single" : undefined;

  // Column headers stand in the rows above the first data row; a header may be split over two rows.
  const colOf = new Map<string, number>();
  const columns = FORMATS["2021"].tables["三"].columnKeys;
  const headerTop = Math.max(0, first.row - 4);
  for (let c = first.col; c <= first.col + 20; c++) {
    const texts: string[] = [];
    for (let r = headerTop; r < first.row; r++) {
      const text = view.covered(r, c) ? undefined : view.text(r, c);
      if (text !== undefined) texts.push(text);
    }
    for (const candidate of [...texts, texts.join("")]) {
      const column = columns.find((name) => !colOf.has(name) && matchLabel(candidate, name));
      if (column) {
        colOf.set(column, c);
        const match = matchLabel(candidate, column);
        if (match) notes.note(candidate, column, match.quirks, headerTop, c);
        break;
      }
    }
  }

  const cells = new Map<string, Placed>();
  for (const [rowKey, row] of rowOf) {
    for (const [columnKey, col] of colOf) {
      cells.set(key(rowKey, columnKey), {
        value: view.covered(row, col) ? null : view.value(row, col),
        location: { sheet, row, col },
      });
    }
  }

  const deviations = notes.deviations();
  // A row inside the table that matches no label of either format, and holds figures, is not counted.
  const known = new Set(rowOf.values());
  const lastRow = rowOf.get("四") ?? Math.max(...known);
  const valueCols = [...colOf.values()];
  for (let r = first.row; r <= lastRow; r++) {
    if (known.has(r) || !valueCols.some((c) => typeof view.value(r, c) === "number")) continue;
    const label =
      [0, 1, 2, 3]
        .map((d) => view.text(r, first.col + d))
        .filter(Boolean)
        .pop() ?? "";
    deviations.push({
      table: "三",
      kind: "extra",
      message: `表三多出一行“${label}”，与格式的任何一行都不对应，未计入`,
      where: `${sheet}!${a1(r, first.col)}`,
    });
  }
  for (const column of columns) {
    if (!colOf.has(column))
      deviations.push({ table: "三", kind: "missing", message: `表三缺少“${column}”列，该列按空白处理` });
  }
  return {
    table: "三",
    sheet,
    format: sixLayout === "items" ? "2021" : sixLayout === "single" ? "2019" : undefined,
    cells,
    deviations,
    sixLayout,
  };
}

/** Header labels of table 二 (both formats) → the column key. */
const TABLE_2_COLUMNS: ReadonlyMap<string, { key: string; formats: FormatId[] }> = (() => {
  const columns = new Map<string, { key: string; formats: FormatId[] }>();
  for (const format of ["2021", "2019"] as const) {
    for (const cell of FORMATS[format].tables["二"].cells) {
      const entry = columns.get(cell.columnName) ?? { key: cell.columnKey, formats: [] };
      if (!entry.formats.includes(format)) entry.formats.push(format);
      columns.set(cell.columnName, entry);
    }
  }
  return columns;
})();

const TABLE_2_ROWS: readonly string[] = [
  ...new Set(["2021", "2019"].flatMap((f) => FORMATS[f as FormatId].tables["二"].rowKeys)),
];
const TABLE_2_TITLES = [
  "第二十条第（一）项",
  "第二十条第（五）项",
  "第二十条第（六）项",
  "第二十条第（八）项",
  "第二十条第（九）项",
];

function recogniseTable2(view: GridView): FoundTable | undefined {
  const sheet = view.grid.name;
  const notes = new LabelNotes("二", sheet);
  const titles = TABLE_2_TITLES.map((title) => ({
    title,
    hit: findLabel(view, title, [0, view.rowCount], ANY_COLUMN),
  })).filter((t): t is { title: string; hit: LabelHit } => t.hit !== undefined);
  if (titles.length === 0) return undefined;
  const cells = new Map<string, Placed>();
  const deviations: Deviation[] = [];
  const votes: Record<FormatId, number> = { "2021": 0, "2019": 0 };
  if (titles.some((t) => t.title === "第二十条第（九）项")) votes["2019"] += 2;
  const titleRows = titles.map((t) => t.hit.row).sort((a, b) => a - b);

  for (const { title, hit } of titles) {
    notes.note(hit.printed, title, hit.quirks, hit.row, hit.col);
    const headerRow = hit.row + 1;
    const headerSlots = view.slots(headerRow, hit.col + 1).filter((c) => view.text(headerRow, c) !== undefined);
    const headers = headerSlots.map((col) => {
      const printed = view.text(headerRow, col) as string;
      if (/单位[:：]\s*元/.test(printed.replace(/\s/g, ""))) {
        deviations.push({
          table: "二",
          kind: "unit",
          message: `表二“${printed}”的单位是元，格式要求万元：请核对并换算`,
          where: `${sheet}!${a1(headerRow, col)}`,
        });
      }
      for (const [label, column] of TABLE_2_COLUMNS) {
        const match = matchLabel(printed.replace(/（单位[:：]\s*元）|\(单位[:：]\s*元\)/, "（单位：万元）"), label);
        if (match) {
          column.formats.forEach((f) => (votes[f] += column.formats.length === 1 ? 1 : 0));
          notes.note(
            printed,
            label,
            new Set([...match.quirks].filter((q) => q !== "typo" || !/元/.test(printed))),
            headerRow,
            col,
          );
          return { col, key: column.key, area: view.area(headerRow, col) };
        }
      }
      deviations.push({
        table: "二",
        kind: "extra",
        message: `表二“${title}”的栏目“${printed}”不在格式中，未计入`,
        where: `${sheet}!${a1(headerRow, col)}`,
      });
      return undefined;
    });
    const nextTitle = titleRows.find((row) => row > hit.row) ?? hit.row + 6;
    for (let row = headerRow + 1; row < Math.min(nextTitle, headerRow + 5); row++) {
      const printed = view.text(row, hit.col);
      if (printed === undefined) continue;
      const rowKey = TABLE_2_ROWS.find((candidate) => matchLabel(printed, candidate));
      if (!rowKey) {
        // A row without figures under an unknown label is where the table ends, not a row of it.
        if (!view.slots(row, hit.col + 1).some((c) => typeof view.value(row, c) === "number")) break;
        deviations.push({
          table: "二",
          kind: "extra",
          message: `表二“${title}”多出一行“${printed}”，未计入`,
          where: `${sheet}!${a1(row, hit.col)}`,
        });
        continue;
      }
      notes.note(printed, rowKey, matchLabel(printed, rowKey)?.quirks ?? new Set(), row, hit.col);
      const slots = view.slots(row, hit.col + 1).slice(0, headers.length);
      headers.forEach((header, i) => {
        if (!header) return;
        // Published tables sometimes merge data cells differently from their headers: match by order
        // when the counts agree, else by the header's columns.
        const col =
          slots.length === headers.length
            ? slots[i]
            : slots.find((c) => c >= header.area.col && c < header.area.col + header.area.colCount);
        if (col === undefined) return;
        cells.set(key(rowKey, header.key), { value: view.value(row, col), location: { sheet, row, col } });
      });
    }
  }
  const format: FormatId | undefined =
    votes["2021"] > votes["2019"] ? "2021" : votes["2019"] > votes["2021"] ? "2019" : undefined;
  return { table: "二", sheet, format, cells, deviations: [...notes.deviations(), ...deviations] };
}

const RESULT_COLUMNS = FORMATS["2021"].tables["四"].columnKeys;
const TABLE_4_GROUPS = FORMATS["2021"].tables["四"].rowKeys;

function recogniseTable4(view: GridView): FoundTable | undefined {
  const sheet = view.grid.name;
  let anchor: LabelHit | undefined;
  for (let from = 0; from < view.rowCount && !anchor;) {
    const hit = findLabel(view, "行政复议", [from, view.rowCount], ANY_COLUMN);
    if (!hit) break;
    if (findLabel(view, "行政诉讼", [hit.row, hit.row], [hit.col + 1, hit.col + 20])) anchor = hit;
    else from = hit.row + 1;
  }
  if (!anchor) return undefined;
  const notes = new LabelNotes("四", sheet);
  const headers: { col: number; column: string; row: number }[] = [];
  for (let c = anchor.col; c <= anchor.col + 20; c++) {
    for (const r of [anchor.row + 1, anchor.row + 2]) {
      const printed = view.covered(r, c) ? undefined : view.text(r, c);
      const column = printed === undefined ? undefined : RESULT_COLUMNS.find((name) => matchLabel(printed, name));
      if (printed !== undefined && column) {
        notes.note(printed, column, matchLabel(printed, column)?.quirks ?? new Set(), r, c);
        headers.push({ col: c, column, row: r });
        break;
      }
    }
  }
  const deviations = notes.deviations();
  if (headers.length !== 15) {
    deviations.push({
      table: "四",
      kind: "missing",
      message: `表四应有 15 个栏目（3 组 × 5），只找到 ${headers.length} 个：未找到的按空白处理`,
    });
  }
  const headerBottom = Math.max(anchor.row + 1, ...headers.map((h) => h.row + view.area(h.row, h.col).rowCount - 1));
  const dataRow = headerBottom + 1;
  const cells = new Map<string, Placed>();
  headers.slice(0, 15).forEach((header, i) => {
    const group = TABLE_4_GROUPS[Math.floor(i / 5)];
    cells.set(key(group, header.column), {
      value: view.value(dataRow, header.col),
      location: { sheet, row: dataRow, col: header.col },
    });
  });
  return { table: "四", sheet, format: undefined, cells, deviations };
}

const RECOGNISERS: Readonly<Record<TableId, (view: GridView) => FoundTable | undefined>> = {
  二: recogniseTable2,
  三: recogniseTable3,
  四: recogniseTable4,
};

/** Recognises the tables across a workbook's sheets; undefined when none is found. */
export function recogniseSheets(sheets: readonly SheetGrid[]): Recognised | undefined {
  const views = sheets.map((sheet) => new GridView(sheet));
  const deviations: Deviation[] = [];
  const found = new Map<TableId, FoundTable>();
  for (const table of TABLE_IDS) {
    const copies = views.map((view) => RECOGNISERS[table](view)).filter((t): t is FoundTable => t !== undefined);
    if (copies.length === 0) continue;
    found.set(table, copies[0]);
    if (copies.length > 1) {
      deviations.push({
        table,
        kind: "duplicate",
        message: `工作簿中有 ${copies.length} 份表${table}（${copies.map((c) => c.sheet).join("、")}），只检查了“${copies[0].sheet}”中的一份`,
      });
    }
  }
  if (found.size === 0) return undefined;

  // The report's format: table 二 tells most clearly, then how table 三 prints （六）; 2021 by default.
  const format: FormatId = found.get("二")?.format ?? found.get("三")?.format ?? "2021";
  const tables: ReportTables = {};
  const locations = new Map<CellId, Location>();
  for (const [table, result] of found) {
    deviations.push(...result.deviations);
    if (table === "二" && result.format && result.format !== format) {
      deviations.push({
        table,
        kind: "format",
        message: `表二按${FORMATS[result.format].title}印制，与其他表格的${FORMATS[format].title}不一致：表二未能检查`,
      });
      continue;
    }
    if (table === "三" && format === "2021" && result.sixLayout === "single") {
      deviations.push({
        table,
        kind: "missing",
        message:
          "表三的“（六）其他处理”只印了一行，没有 2021 年版格式的 1、2、3 三个子项：三个子项按空白处理，这一行的数字未计入",
      });
    }
    if (table === "三" && format === "2019" && result.sixLayout === "items") {
      deviations.push({
        table,
        kind: "format",
        message: "表三的“（六）其他处理”按 2021 年版格式分了 1、2、3 子项，本报告为 2019 年试行格式：子项未计入",
      });
    }
    const model = FORMATS[format].tables[table];
    const out: Record<string, Record<string, CellValue>> = (tables[table] = {});
    const missingRows = new Set<string>();
    for (const cell of model.cells) {
      const placed = result.cells.get(key(cell.rowKey, cell.columnKey));
      if (!placed) {
        if (
          !result.cells.has(key(cell.rowKey, model.columnKeys[0])) &&
          ![...result.cells.keys()].some((k) => k.startsWith(`${cell.rowKey}\u0000`))
        )
          missingRows.add(cell.rowKey);
        continue;
      }
      (out[cell.rowKey] ??= {})[cell.columnKey] = placed.value;
      locations.set(cellId(table, cell.rowKey, cell.columnKey), placed.location);
    }
    const sixItemsExplained = table === "三" && result.sixLayout === "single";
    for (const rowKey of missingRows) {
      if (sixItemsExplained && rowKey.startsWith("三.六.")) continue;
      deviations.push({
        table,
        kind: "missing",
        message: `表${table}缺少“${model.labels.find((l) => l.role === "rowHeader" && model.cells.some((c) => c.rowKey === rowKey && c.row === l.row && l.rowSpan === 1))?.text ?? rowKey}”行，按空白处理`,
      });
    }
  }
  const report: Report = { schema: "disclosure-report/1", format, tables };
  return { report, deviations, locations, tablesFound: [...found.keys()] };
}
