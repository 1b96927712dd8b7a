import { TABLE_IDS } from "../format";
import type { CellValue, Report } from "../report/types";
import { blankJudgment, cellFinding, numberJudgment, textJudgment } from "./cell-messages";
import { formatNumber, formatValue } from "./describe";
import { evaluateWithText, type Failures } from "./evaluate";
import { programFor, type CompiledRelation, type Program } from "./compile";
import { BLANK, emptySlots, NUMBER, PLACEHOLDER, TEXTS, UNUSUAL, type Slots } from "./loader";
import type { Finding } from "./types";

/** Reused between calls: checking is synchronous, so one scratch buffer per program is enough. */
interface Scratch {
  readonly slots: Slots;
  readonly failures: Failures;
}

const scratches = new WeakMap<Program, Scratch>();

function scratchFor(program: Program): Scratch {
  let scratch = scratches.get(program);
  if (!scratch) {
    scratch = {
      slots: emptySlots(program.slotCount),
      failures: {
        relations: new Int32Array(program.mostRelations),
        expected: new Float64Array(program.mostRelations),
      },
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

/** The V1 or B1 finding of a cell that is not a plain figure, or undefined when the cell is fine. */
function judgeCell(program: Program, slots: Slots, slot: number): Finding | undefined {
  const state = slots.states[slot];
  const cell = program.format.cells[slot];
  if (state === NUMBER) {
    const value = slots.values[slot];
    const judgment = numberJudgment(cell, value);
    return judgment && cellFinding(program.valueRule, program.singleCells[slot], judgment, value);
  }
  const actual = slots.others[slot] as CellValue;
  if (state === BLANK)
    return actual === null ? program.blankFindings[slot] : { ...program.blankFindings[slot], actual };
  if (state === PLACEHOLDER) {
    const text = actual as string;
    const shared = program.placeholderFindings[slot].get(text);
    return shared ?? { ...program.blankFindings[slot], actual, message: blankJudgment(cell, text).message };
  }
  const judgment = textJudgment(cell, typeof actual === "string" ? actual : String(actual));
  return cellFinding(program.valueRule, program.singleCells[slot], judgment, actual);
}

/**
 * Checks one report, optionally against last year's. Pure: the same report gives the same findings.
 * Findings come table by table (二, 三, 四), errors before warnings.
 */
export function checkReport(report: Report, previous?: Report): Finding[] {
  const program = programFor(report.format, previous?.format);
  const { slots, failures } = scratchFor(program);
  slots.counts.fill(0);
  program.loadCurrent(report.tables, slots);
  if (previous) program.loadPrevious(previous.tables, slots);
  const withText = slots.counts[TEXTS] > 0;
  const unusualCount = slots.counts[UNUSUAL];

  const findings: Finding[] = [];
  const warnings: Finding[] = [];
  let next = 0;
  for (const tableId of TABLE_IDS) {
    const block = program.relations[tableId];
    const failed = withText ? evaluateWithText(block, slots, failures) : block.evaluate(slots.values, failures);
    for (let k = 0; k < failed; k++) {
      const relation = block.list[failures.relations[k]];
      const finding = relationFinding(relation, failures.expected[k], slots);
      (relation.severity === "error" ? findings : warnings).push(finding);
    }
    const end = program.cellsEnd[tableId];
    for (; next < unusualCount && slots.unusual[next] < end; next++) {
      const finding = judgeCell(program, slots, slots.unusual[next]);
      if (finding) (finding.severity === "error" ? findings : warnings).push(finding);
    }
    for (const warning of warnings) findings.push(warning);
    warnings.length = 0;
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
