import { generatedFunction, generatingCode } from "./generate";
import { TEXT } from "./loader";

/**
 * The relations of one table as flat arrays: relation r has target `targets[r]` and operands
 * `operandSlots[starts[r] .. starts[r + 1])` with their `signs`.
 */
export interface RelationArrays {
  readonly targets: Int32Array;
  readonly tolerances: Float64Array;
  readonly starts: Int32Array;
  readonly operandSlots: Int32Array;
  readonly signs: Float64Array;
}

/** Where an evaluation writes the relations that do not hold, in order, and what each target should be. */
export interface Failures {
  readonly relations: Int32Array;
  readonly expected: Float64Array;
}

/** Evaluates every relation of a block; returns how many do not hold (written to `failures`). */
export type Evaluator = (values: Float64Array, failures: Failures) => number;

/**
 * Drops, from the first `failed` failures, those of relations that involve a slot holding unusable text:
 * that cell's V1 stands for them (report-json.md). The evaluators read text as 0, so such a relation
 * fails or holds by chance; either way it is not reported, and the relations without text are summed
 * exactly as when no slot holds text. Returns how many failures remain.
 */
export function dropTextFailures(
  block: RelationArrays,
  states: Uint8Array,
  failures: Failures,
  failed: number,
): number {
  const { targets, starts, operandSlots } = block;
  let kept = 0;
  next: for (let k = 0; k < failed; k++) {
    const r = failures.relations[k];
    if (states[targets[r]] === TEXT) continue;
    for (let i = starts[r]; i < starts[r + 1]; i++) if (states[operandSlots[i]] === TEXT) continue next;
    failures.relations[kept] = r;
    failures.expected[kept++] = failures.expected[k];
  }
  return kept;
}

/**
 * Evaluates every relation, text read as 0 (see dropTextFailures). The expected value is
 * `Σ sign × operand`, summed left to right from 0, in every implementation, so that all give the same
 * figures to the last bit.
 */
export function genericEvaluator(block: RelationArrays): Evaluator {
  const { targets, tolerances, starts, operandSlots, signs } = block;
  return (values, failures) => {
    let failed = 0;
    for (let r = 0; r < targets.length; r++) {
      let expected = 0;
      for (let i = starts[r]; i < starts[r + 1]; i++) expected += signs[i] * values[operandSlots[i]];
      if (Math.abs(values[targets[r]] - expected) <= tolerances[r]) continue;
      failures.relations[failed] = r;
      failures.expected[failed++] = expected;
    }
    return failed;
  };
}

function generatedSource({ targets, tolerances, starts, operandSlots, signs }: RelationArrays): string {
  const lines = ["const failedRelations = failures.relations, failedExpected = failures.expected;", "let n = 0, e;"];
  for (let r = 0; r < targets.length; r++) {
    let sum = "0";
    for (let i = starts[r]; i < starts[r + 1]; i++) sum = `(${sum} + ${signs[i]} * v[${operandSlots[i]}])`;
    lines.push(
      `e = ${sum};`,
      `if (!(Math.abs(v[${targets[r]}] - e) <= ${tolerances[r]})) { failedRelations[n] = ${r}; failedExpected[n++] = e; }`,
    );
  }
  lines.push("return n;");
  return lines.join("\n");
}

/** The generated evaluator, or undefined where the runtime forbids generating code. */
export function generatedEvaluator(block: RelationArrays): Evaluator | undefined {
  return generatedFunction<Evaluator>(["v", "failures"], generatedSource(block));
}

export function compileEvaluator(block: RelationArrays): Evaluator {
  return (generatingCode() ? generatedEvaluator(block) : undefined) ?? genericEvaluator(block);
}
