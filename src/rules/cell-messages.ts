import type { CellId, ValueCell } from "../format";
import type { CellValue } from "../report/types";
import { describeCell, formatNumber } from "./describe";
import { describeQuirks, readNumberText } from "./number-text";
import { asksForWanYuan, YUAN_PER_WAN_YUAN } from "./plausibility";
import type { Finding, RuleId, Severity } from "./types";

/** The sentence of a V1 or B1 finding, and what the cell should hold where that is plain. */
export interface CellJudgment {
  readonly expected: number | null;
  readonly message: string;
}

export function blankJudgment(cell: ValueCell, text: string | null): CellJudgment {
  const what = text === null ? "为空白" : `填的是“${text.trim()}”`;
  return { expected: 0, message: `${describeCell(cell)}${what}，没有的应填 0` };
}

export function textJudgment(cell: ValueCell, text: string): CellJudgment {
  const where = describeCell(cell);
  const reading = readNumberText(text);
  if (!reading) {
    return { expected: null, message: `${where}是文本“${text}”，不是数字；请填写数字，没有的填 0` };
  }
  let value = reading.value;
  let advice = `应填数字 ${formatNumber(value)}`;
  if (reading.unit === "元" && asksForWanYuan(cell)) {
    value = reading.value / YUAN_PER_WAN_YUAN;
    advice = `本栏单位是万元，${formatNumber(reading.value)} 元应填 ${formatNumber(value)}`;
  }
  return { expected: value, message: `${where}是文本“${text}”（${describeQuirks(reading)}），不是数字；${advice}` };
}

/** A number the cell's kind does not allow, or undefined when the number is fine. */
export function numberJudgment(cell: ValueCell, value: number): CellJudgment | undefined {
  const where = describeCell(cell);
  const shown = formatNumber(value);
  if (cell.kind === "amount") {
    return value < 0 ? { expected: null, message: `${where}为负数 ${shown}，金额不能为负` } : undefined;
  }
  if (!Number.isInteger(value)) {
    const what = cell.kind === "change" ? "增减数" : "件数";
    return { expected: null, message: `${where}为 ${shown}，${what}应为整数` };
  }
  if (!Number.isSafeInteger(value)) {
    return { expected: null, message: `${where}为 ${shown}，超出了能精确计算的范围，请核对` };
  }
  if (value < 0 && cell.kind === "count") {
    return { expected: null, message: `${where}为负数 ${shown}，件数不能为负` };
  }
  return undefined;
}

/** The finding of a V1 or B1 judgment on one cell. */
export function cellFinding(
  rule: { readonly id: RuleId; readonly severity: Severity },
  cells: readonly CellId[],
  judgment: CellJudgment,
  actual: CellValue,
): Finding {
  return {
    rule: rule.id,
    severity: rule.severity,
    target: cells[0],
    cells,
    expected: judgment.expected,
    actual,
    message: judgment.message,
  };
}
