import type { CellValue, Report } from "../report/types";
import { blankJudgment, cellFinding, numberJudgment, textJudgment } from "./cell-messages";
import { formatNumber, formatValue } from "./describe";
import { dropTextFailures } from "./evaluate";
import { programFor, type CompiledRelation, type Program } from "./compile";
import { ABSENT, BLANK, BLANKS, DOUBTFUL, NUMBER, TEXTS, type Slots } from "./loader";
import type { Finding, Severity } from "./types";

/** What a slot holds, as the report has it. */
function actualOf({ values, states, others }: Slots, slot: number): CellValue {
  const state = states[slot];
  return state === NUMBER ? values[slot] : state === ABSENT ? null : (others[slot] as CellValue);
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
    // Left to right, not `text += lead + figure`: that would first copy the two into a new flat string.
    text = text + (text ? nextLeads[i] : firstLeads[i]) + formatNumber(value);
  }
  if (!text) return "各项均为 0";
  return omitted > 0 ? `${text}，其余各项为 0` : text;
}

/** The V1 finding of a slot holding a number or text, or undefined when the value is fine. */
function judgeValue(program: Program, slots: Slots, slot: number): Finding | undefined {
  const cell = program.format.cells[slot];
  if (slots.states[slot] === NUMBER) {
    const value = slots.values[slot];
    const judgment = numberJudgment(cell, value);
    return judgment && cellFinding(program.valueRule, program.singleCells[slot], judgment, value);
  }
  const actual = slots.others[slot] as CellValue;
  const judgment = textJudgment(cell, typeof actual === "string" ? actual : String(actual));
  return cellFinding(program.valueRule, program.singleCells[slot], judgment, actual);
}

/** The B1 finding of a blank or placeholder slot: shared where the cell holds exactly null or a placeholder. */
function judgeBlank(program: Program, slots: Slots, slot: number): Finding {
  const state = slots.states[slot];
  if (state === ABSENT) return program.blankFindings[slot];
  const text = slots.others[slot] as string;
  if (state === BLANK) return { ...program.blankFindings[slot], actual: text };
  const shared = program.placeholderFindings[slot].get(text);
  return (
    shared ?? {
      ...program.blankFindings[slot],
      actual: text,
      message: blankJudgment(program.format.cells[slot], text).message,
    }
  );
}

const SEVERITIES: readonly Severity[] = ["error", "warning"];

/**
 * Checks one report, optionally against last year's. Pure: the same report gives the same findings.
 * Findings come table by table (二, 三, 四), errors before warnings.
 */
export function checkReport(report: Report, previous?: Report): Finding[] {
  const program = programFor(report.format, previous?.format);
  const { slots, failures } = program.scratch;
  program.loadCurrent(report.tables, slots);
  if (previous) program.loadPrevious(previous.tables, slots);
  const withText = slots.counts[TEXTS] > 0;
  const { blanks, doubtful, states } = slots;
  const blankCount = slots.counts[BLANKS];
  const doubtfulCount = slots.counts[DOUBTFUL];

  const findings: Finding[] = [];
  let firstBlank = 0;
  let firstDoubtful = 0;
  for (const table of program.tables) {
    const block = table.relations;
    const evaluated = block.evaluate(slots.values, failures);
    const failed = withText ? dropTextFailures(block, states, failures, evaluated) : evaluated;
    const end = table.cellsEnd;
    let lastBlank = firstBlank;
    while (lastBlank < blankCount && blanks[lastBlank] < end) lastBlank++;
    let lastDoubtful = firstDoubtful;
    while (lastDoubtful < doubtfulCount && doubtful[lastDoubtful] < end) lastDoubtful++;
    // One pass per severity rather than a list of warnings to append: most findings are blanks' B1.
    for (const severity of SEVERITIES) {
      for (let k = 0; k < failed; k++) {
        const relation = block.list[failures.relations[k]];
        if (relation.severity === severity) findings.push(relationFinding(relation, failures.expected[k], slots));
      }
      if (program.valueRule.severity === severity) {
        for (let i = firstDoubtful; i < lastDoubtful; i++) {
          const finding = judgeValue(program, slots, doubtful[i]);
          if (finding) findings.push(finding);
        }
      }
      if (program.blankRule.severity === severity) {
        for (let i = firstBlank; i < lastBlank; i++) findings.push(judgeBlank(program, slots, blanks[i]));
      }
    }
    firstBlank = lastBlank;
    firstDoubtful = lastDoubtful;
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
