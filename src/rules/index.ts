export { checkReport, summarize, type CheckSummary } from "./checker";
export { RULES, PLACEHOLDERS } from "./definitions";
export { describeCell, formatNumber, formatValue } from "./describe";
export { readNumberText, type NumberReading } from "./number-text";
export type { Finding, RuleId, Severity } from "./types";
export { totalFormulas, relationExpressions, type Origin, type RelationExpression } from "./formulas";
