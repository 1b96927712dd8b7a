import { queueLiftedRecord, withProtectionLifted } from "./protection";
import { FORMATS, TABLE_IDS, type CellId, type FormatId, type TableId } from "../format";
import type { Finding } from "../rules";
import { cellRange } from "./locate";
import { NAMES } from "./plan";
import type { ExcelRunner } from "./runner";

/**
 * Findings shown on their cells by conditional formats that the add-in owns: they draw over the cell
 * without changing its own fill, font or borders, and clearing deletes exactly them (each carries a
 * mark in its formula), so the workbook is as it was before.
 */

export type MarkKind = "error" | "warning" | "operand";

const MARK: Record<MarkKind, string> = { error: "DR-HL-E", warning: "DR-HL-W", operand: "DR-HL-O" };
const FILL: Record<MarkKind, string> = { error: "#FFC7CE", warning: "#FFEB9C", operand: "#DDEBF7" };
const FONT: Record<MarkKind, string> = { error: "#9C0006", warning: "#9C5700", operand: "#1F4E79" };
const OWN_MARK = "DR-HL-";

/** Always true, and names its kind: `=N("DR-HL-E")=0`. */
export function markFormula(kind: MarkKind): string {
  return `=N("${MARK[kind]}")=0`;
}

/** The mark each cell gets: a wrong cell over an operand, an error over a warning. */
export function marksFor(findings: readonly Finding[]): Map<CellId, MarkKind> {
  const rank: Record<MarkKind, number> = { operand: 0, warning: 1, error: 2 };
  const marks = new Map<CellId, MarkKind>();
  const put = (id: CellId, kind: MarkKind) => {
    const current = marks.get(id);
    if (!current || rank[kind] > rank[current]) marks.set(id, kind);
  };
  for (const finding of findings) {
    put(finding.target, finding.severity);
    if (finding.severity === "error") for (const id of finding.cells) if (id !== finding.target) put(id, "operand");
  }
  return marks;
}

export interface TableState {
  table: TableId;
  range: Excel.Range;
  formats: Excel.ConditionalFormatCollection;
  protection: Excel.WorksheetProtection;
  liftedRecord: Excel.Setting;
}

/** Queues the loads that show which marks exist; read them after the next sync. */
export function queueMarkState(context: Excel.RequestContext, format: FormatId): TableState[] {
  const liftedRecord = queueLiftedRecord(context);
  return TABLE_IDS.map((table) => {
    const range = context.workbook.names.getItemOrNullObject(NAMES[format][table].table).getRangeOrNullObject();
    range.load("address");
    const formats = range.conditionalFormats;
    formats.load("items");
    const protection = range.worksheet.protection;
    protection.load("protected");
    return { table, range, formats, protection, liftedRecord };
  });
}

function removeMarks(states: readonly TableState[]): void {
  for (const state of states) {
    for (const item of state.formats.items) {
      if (item.custom.rule.formula.includes(OWN_MARK)) item.delete();
    }
  }
}

/**
 * After the sync of `queueMarkState`: queues the removal of the old marks and the new marks of these
 * findings. Cells in `missing` (their row or column deleted, see ReadResult) get none: their names lead
 * nowhere. Returns how many cells get a mark.
 */
export function queueMarks(
  context: Excel.RequestContext,
  format: FormatId,
  queued: readonly TableState[],
  findings: readonly Finding[],
  missing: readonly CellId[] = [],
): number {
  const states = queued.filter((state) => !state.range.isNullObject);
  const present = new Set(states.map((state) => state.table));
  const cells = FORMATS[format].cellById;
  const lost = new Set(missing);
  const marks = [...marksFor(findings)].filter(([id]) => present.has(cells.get(id)?.table as TableId) && !lost.has(id));
  // Protected sheets refuse conditional formats: lift the protection around the change, then restore it.
  withProtectionLifted(context, queued[0].liftedRecord, states, () => {
    removeMarks(states);
    for (const [id, kind] of marks) {
      const conditional = cellRange(context, format, id).conditionalFormats.add("Custom");
      conditional.custom.rule.formula = markFormula(kind);
      conditional.custom.format.fill.color = FILL[kind];
      conditional.custom.format.font.color = FONT[kind];
    }
  });
  return marks.length;
}

/** Replaces the previous marks with the marks of these findings, in two syncs. */
export async function highlightFindings(
  run: ExcelRunner,
  format: FormatId,
  findings: readonly Finding[],
): Promise<number> {
  return run(async (context) => {
    const states = queueMarkState(context, format);
    await context.sync();
    const count = queueMarks(context, format, states, findings);
    await context.sync();
    return count;
  });
}

/** Removes every mark the add-in made (清除标记), in two syncs; nothing else changes. */
export async function clearHighlights(run: ExcelRunner, format: FormatId): Promise<void> {
  await highlightFindings(run, format, []);
}
