import { a1, rectA1, type CellId, type FormatModel, type GridRect, type TableId, type ValueCell } from "../format";
import { programFor } from "./compile";
import type { RuleId } from "./types";

/** Where a table's top-left cell stands on its sheet (0-based). */
export interface Origin {
  readonly row: number;
  readonly col: number;
}

/** Where a cell stands on its sheet (0-based). */
export type Position = { readonly row: number; readonly col: number };

/** Adjacent cells of one row or one column as runs, so that a sum reads SUM(D6:D26), not 21 terms. */
function runs(cells: readonly Position[]): GridRect[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const result: GridRect[] = [];
  for (const cell of sorted) {
    const last = result[result.length - 1];
    if (last && last.row === cell.row && last.rowSpan === 1 && last.col + last.colSpan === cell.col) {
      result[result.length - 1] = { ...last, colSpan: last.colSpan + 1 };
    } else if (last && last.col === cell.col && last.colSpan === 1 && last.row + last.rowSpan === cell.row) {
      result[result.length - 1] = { ...last, rowSpan: last.rowSpan + 1 };
    } else {
      result.push({ row: cell.row, col: cell.col, rowSpan: 1, colSpan: 1 });
    }
  }
  return result;
}

/** The formula of every derived cell (总计) of a table, from the format's sums. */
export function totalFormulas(format: FormatModel, table: TableId, origin: Origin): Map<CellId, string> {
  const formulas = new Map<CellId, string>();
  for (const cell of format.tables[table].cells) {
    if (cell.role === "derived") {
      formulas.set(
        cell.id,
        totalFormula(format, cell.id, (term) => ({ row: origin.row + term.row, col: origin.col + term.col })),
      );
    }
  }
  return formulas;
}

/**
 * The formula of one total, with its terms where they stand now: after staff insert rows inside a
 * table, the terms may no longer be adjacent, and the formula follows them. A cell that totals both its
 * row and its column (（七）总计 × 总计) takes its row's sum; the column's then holds too.
 */
export function totalFormula(format: FormatModel, target: CellId, positionOf: (cell: ValueCell) => Position): string {
  const sum = format.sums.find((candidate) => candidate.target === target);
  if (!sum) throw new Error(`${target} is not a total`);
  const terms = sum.terms.map((id) => positionOf(format.cellById.get(id) as ValueCell));
  return `=SUM(${runs(terms)
    .map((rect) => rectA1(rect))
    .join(",")})`;
}

/**
 * What the totals' formulas compute: each total the sum of its first sum's terms (as its formula is
 * written), a term that is itself a total (（七）总计 in the 总计 column) computed first. `computes`
 * says which totals to compute; every other cell's value comes from `valueOf`.
 */
export function totalsEvaluator(
  format: FormatModel,
  valueOf: (cell: ValueCell) => number,
  computes: (cell: ValueCell) => boolean = (cell) => cell.role === "derived",
): (id: CellId) => number {
  const computed = new Map<CellId, number>();
  const evaluate = (id: CellId): number => {
    const cell = format.cellById.get(id) as ValueCell;
    if (!computes(cell)) return valueOf(cell);
    let value = computed.get(id);
    if (value === undefined) {
      const sum = format.sums.find((candidate) => candidate.target === id);
      value = sum ? sum.terms.reduce((total, term) => total + evaluate(term), 0) : valueOf(cell);
      computed.set(id, value);
    }
    return value;
  };
  return evaluate;
}

/** A relation of one table (e.g. S1) as an expression that is 0 when it holds: `D4+D5-D27-D28`. */
export interface RelationExpression {
  readonly target: ValueCell;
  readonly expression: string;
}

/** The relations of a rule that stay within this year's table, as expressions, for live checks in the sheet. */
export function relationExpressions(
  format: FormatModel,
  table: TableId,
  rule: RuleId,
  origin: Origin,
): RelationExpression[] {
  const program = programFor(format.id);
  return program.relations[table].list
    .filter((relation) => relation.rule === rule)
    .map((relation) => {
      let expression = "";
      relation.operandSlots.forEach((slot, i) => {
        const cell = format.cells[slot];
        const sign = relation.signs[i] < 0 ? "-" : expression ? "+" : "";
        expression += `${sign}${a1(cell.row, cell.col, origin)}`;
      });
      return {
        target: relation.target,
        expression: `${expression}-${a1(relation.target.row, relation.target.col, origin)}`,
      };
    });
}
