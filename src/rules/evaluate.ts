import { generatedFunction, generatingCode } from "./generate";
import { TEXT, type Slots } from "./loader";

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
 * Evaluates the relations where some slot holds text: a relation that involves unusable text is left to
 * that cell's V1. The expected value is `Σ sign × operand`, summed left to right from 0, in every
 * implementation, so that all give the same figures to the last bit.
 */
export function evaluateWithText(block: RelationArrays, { values, states }: Slots, failures: Failures): number {
  const { targets, tolerances, starts, operandSlots, signs } = block;
  let failed = 0;
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
    failures.relations[failed] = r;
    failures.expected[failed++] = expected;
  }
  return failed;
}

/** Evaluates the relations where no slot holds text (nearly every report). */
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
