import { TABLE_IDS, type TableId } from "../format";
import type { CellValue, Report } from "../report/types";
import { blankJudgment, numberJudgment, textJudgment, type CellJudgment } from "./cell-messages";
import { formatNumber, formatValue } from "./describe";
import { programFor, type CompiledRelation, type Program, type RelationBlock } from "./compile";
import { BLANK, NUMBER, PLACEHOLDER, TEXT, type Slots } from "./loader";
import type { Finding } from "./types";

/** Reused between calls: checking is synchronous, so one scratch buffer per program is enough. */
const scratches = new WeakMap<Program, Slots>();

function scratchFor(program: Program): Slots {
  let scratch = scratches.get(program);
  if (!scratch) {
    const size = program.slotCount;
    scratch = {
      values: new Float64Array(size),
      states: new Uint8Array(size),
      others: new Array<unknown>(size).fill(null),
    };
    scratches.set(program, scratch);
  }
  return scratch;
}

/** What a slot holds, as the report has it. */
function actualOf({ values, states, others }: Slots, slot: number): CellValue {
  return states[slot] === NUMBER ? values[slot] : (others[slot] as CellValue);
}

function relationFinding(relation: CompiledRelation, expected: number, slots: Slots): Finding {
  const target = relation.target;
  const actual = actualOf(slots, relation.targetSlot);
  return {
    rule: relation.rule,
    severity: relation.severity,
    target: target.id,
    cells: relation.cells,
    expected,
    actual,
    message: `${relation.lead}${formatNumber(expected)}（${describeTerms(relation, slots.values)}），表中为${formatValue(actual)}`,
  };
}

/** Evaluates a table's relations; a relation that involves unusable text is left to that cell's V1. */
function evaluateRelations(block: RelationBlock, slots: Slots, errors: Finding[], warnings: Finding[]): void {
  const { values, states } = slots;
  const { targets, tolerances, starts, operandSlots, signs } = block;
  relations: for (let r = 0; r < targets.length; r++) {
    const targetSlot = targets[r];
    if (states[targetSlot] === TEXT) continue;
    let expected = 0;
    for (let i = starts[r]; i < starts[r + 1]; i++) {
      const slot = operandSlots[i];
      if (states[slot] === TEXT) continue relations;
      expected += signs[i] * values[slot];
    }
    if (Math.abs(values[targetSlot] - expected) <= tolerances[r]) continue;
    const relation = block.list[r];
    (relation.severity === "error" ? errors : warnings).push(relationFinding(relation, expected, slots));
  }
}

function describeTerms(relation: CompiledRelation, values: Float64Array): string {
  const { operandSlots, firstLeads, nextLeads, listAll } = relation;
  let text = "";
  let omitted = 0;
  for (let i = 0; i < operandSlots.length; i++) {
    const value = values[operandSlots[i]];
    if (!listAll && value === 0) {
      omitted++;
      continue;
    }
    text += (text ? nextLeads[i] : firstLeads[i]) + formatNumber(value);
  }
  if (!text) return "各项均为 0";
  return omitted > 0 ? `${text}，其余各项为 0` : text;
}

function cellFinding(
  rule: Program["valueRule"],
  target: string,
  cells: readonly string[],
  judgment: CellJudgment,
  actual: CellValue,
): Finding {
  return {
    rule: rule.id,
    severity: rule.severity,
    target,
    cells,
    expected: judgment.expected,
    actual,
    message: judgment.message,
  };
}

function judgeCells(program: Program, tableId: TableId, scratch: Slots, errors: Finding[], warnings: Finding[]): void {
  const { values, states } = scratch;
  const { fractionAllowed } = program;
  const [first, end] = program.cellRange[tableId];
  for (let slot = first; slot < end; slot++) {
    const state = states[slot];
    let judgment: CellJudgment | undefined;
    if (state === NUMBER) {
      const value = values[slot];
      // Most cells are plain whole numbers ≥ 0: decide those without touching the cell's description.
      if (
        value >= 0 &&
        value <= Number.MAX_SAFE_INTEGER &&
        (fractionAllowed[slot] === 1 || Math.floor(value) === value)
      ) {
        continue;
      }
      judgment = numberJudgment(program.format.cells[slot], value);
      if (!judgment) continue;
    }
    const cell = program.format.cells[slot];
    const actual = actualOf(scratch, slot);
    if (state === BLANK || state === PLACEHOLDER) {
      judgment =
        typeof actual === "string" && state === PLACEHOLDER
          ? blankJudgment(cell, actual)
          : { expected: 0, message: program.blankMessages[slot] };
      warnings.push(cellFinding(program.blankRule, cell.id, program.singleCells[slot], judgment, actual));
      continue;
    }
    judgment ??= textJudgment(cell, typeof actual === "string" ? actual : String(actual));
    errors.push(cellFinding(program.valueRule, cell.id, program.singleCells[slot], judgment, actual));
  }
}

/**
 * Checks one report, optionally against last year's. Pure: the same report gives the same findings.
 * Findings come table by table (二, 三, 四), errors before warnings.
 */
export function checkReport(report: Report, previous?: Report): Finding[] {
  const program = programFor(report.format, previous?.format);
  const scratch = scratchFor(program);
  program.loadCurrent(report.tables, scratch);
  if (previous) program.loadPrevious(previous.tables, scratch);

  const findings: Finding[] = [];
  const warnings: Finding[] = [];
  for (const tableId of TABLE_IDS) {
    evaluateRelations(program.relations[tableId], scratch, findings, warnings);
    judgeCells(program, tableId, scratch, findings, warnings);
    if (warnings.length > 0) {
      for (const warning of warnings) findings.push(warning);
      warnings.length = 0;
    }
  }
  return findings;
}

export interface CheckSummary {
  readonly errors: number;
  readonly warnings: number;
}

export function summarize(findings: readonly Finding[]): CheckSummary {
  let errors = 0;
  for (const finding of findings) if (finding.severity === "error") errors++;
  return { errors, warnings: findings.length - errors };
}
