export { checkReport, summarize, type CheckSummary } from "./checker";
export { RULES, PLACEHOLDERS } from "./definitions";
export { describeCell, formatNumber, formatValue } from "./describe";
export { readNumberText, type NumberReading } from "./number-text";
export type { Finding, RuleId, Severity } from "./types";
export {
  totalsEvaluator,
  totalFormula,
  totalFormulas,
  relationExpressions,
  type Origin,
  type Position,
  type RelationExpression,
} from "./formulas";
export { proposeFixes, type Fix, type FixKind } from "./fixes";
export { findDoubts, type Doubt } from "./plausibility";
