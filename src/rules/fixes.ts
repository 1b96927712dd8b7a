import type { CellId, FormatModel } from "../format";
import type { CellValue } from "../report/types";
import { describeCell, formatNumber } from "./describe";
import type { Finding } from "./types";

/**
 * Fixes where the intent is plain: text that is plainly a number (V1 with an expected value), a blank or
 * placeholder (B1) that means 0, and a total whose formula was typed over. Anything else is for staff.
 */
export type FixKind = "number" | "zero" | "formula";

export interface Fix {
  readonly kind: FixKind;
  readonly cell: CellId;
  /** What the cell holds now: the fix applies only while it still holds this. */
  readonly from: CellValue;
  /** The number to write, or undefined to restore the total's formula. */
  readonly to: number | undefined;
  /** What will change, in words, before it changes. */
  readonly description: string;
}

const shown = (value: CellValue) =>
  value === null ? "空白" : typeof value === "number" ? formatNumber(value) : `“${value}”`;

export function proposeFixes(
  format: FormatModel,
  findings: readonly Finding[],
  overriddenTotals: readonly CellId[],
  valueOf: (id: CellId) => CellValue,
): Fix[] {
  const fixes: Fix[] = [];
  const where = (id: CellId) => {
    const cell = format.cellById.get(id);
    return cell ? describeCell(cell) : id;
  };
  const overridden = new Set(overriddenTotals);
  for (const finding of findings) {
    if (overridden.has(finding.target)) continue;
    if (finding.rule === "V1" && typeof finding.actual === "string" && finding.expected !== null) {
      fixes.push({
        kind: "number",
        cell: finding.target,
        from: finding.actual,
        to: finding.expected,
        description: `${where(finding.target)}：${shown(finding.actual)} 改为 ${formatNumber(finding.expected)}`,
      });
    } else if (finding.rule === "B1") {
      fixes.push({
        kind: "zero",
        cell: finding.target,
        from: finding.actual,
        to: 0,
        description: `${where(finding.target)}：${shown(finding.actual)} 改为 0`,
      });
    }
  }
  for (const id of overriddenTotals) {
    fixes.push({
      kind: "formula",
      cell: id,
      from: valueOf(id),
      to: undefined,
      description: `${where(id)}：手填的 ${shown(valueOf(id))} 恢复为求和公式`,
    });
  }
  return fixes;
}
