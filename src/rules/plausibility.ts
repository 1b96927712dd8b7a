import { FORMATS, type CellId, type ValueCell } from "../format";
import type { Report } from "../report/types";
import { describeCell, formatNumber } from "./describe";

/**
 * Figures the rules accept but that look typed in the wrong unit: an amount in 元 in a cell that asks
 * for 万元. Not findings: report-json.md fixes the rule ids, and such a figure may be right, so the user
 * is asked to confirm it; it is neither an error nor a warning and does not change the exit status.
 *
 * When is a figure in 万元 doubtful? No source gives a bound, so the bounds are chosen to be wide:
 * - alone: 1,000,000 万元 (100 亿元) or more of 行政事业性收费 collected by one agency in a year; the
 *   largest in the real reports here is 72,701 万元 (a city). Typed in 元, every amount from 100 万元 up
 *   reaches it;
 * - against last year's figure in the same cell: a thousand times or more (and at least 10,000), the
 *   mark of a figure in 元 (ten thousand times) rather than of a year's real growth.
 */
export interface Doubt {
  readonly kind: "yuan-in-wan-yuan";
  readonly target: CellId;
  readonly actual: number;
  /** The figure in 万元, if the cell holds 元. */
  readonly suggested: number;
  readonly message: string;
}

/** 1 万元 = 10,000 元; also 1 亿元 = 10,000 万元. */
export const YUAN_PER_WAN_YUAN = 10_000;
export const DOUBTFUL_WAN_YUAN = 1_000_000;
export const DOUBTFUL_GROWTH = 1_000;
const SMALLEST_DOUBTED_GROWTH = 10_000;

/** A cell whose label asks for 万元 (2021: 本年收费金额（单位：万元）; the trial format prints no unit). */
export function asksForWanYuan(cell: ValueCell): boolean {
  return cell.columnName.includes("万元");
}

function valueOf(report: Report, cell: ValueCell): unknown {
  return report.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey];
}

const isAmount = (value: unknown): value is number => typeof value === "number" && value > 0 && Number.isFinite(value);

/** The doubtful figures of a report, checked against last year's report when given. */
export function findDoubts(report: Report, previous?: Report): Doubt[] {
  const doubts: Doubt[] = [];
  const lastYear = previous ? FORMATS[previous.format].cellById : undefined;
  for (const cell of FORMATS[report.format].cells) {
    if (!asksForWanYuan(cell)) continue;
    const value = valueOf(report, cell);
    if (!isAmount(value)) continue;
    const lastCell = lastYear?.get(cell.id);
    const last = lastCell && previous ? valueOf(previous, lastCell) : undefined;
    let reason: string | undefined;
    if (isAmount(last) && value >= SMALLEST_DOUBTED_GROWTH && value / last >= DOUBTFUL_GROWTH) {
      reason = `是上年（${formatNumber(last)} 万元）的 ${formatNumber(Math.round(value / last))} 倍`;
    } else if (value >= DOUBTFUL_WAN_YUAN) {
      reason = `即 ${formatNumber(Math.round(value / YUAN_PER_WAN_YUAN))} 亿元，大得少见`;
    }
    if (!reason) continue;
    const suggested = value / YUAN_PER_WAN_YUAN;
    const advice = `本栏单位是万元，若填的是元，应改为 ${formatNumber(suggested)}；请核对`;
    const message = `${describeCell(cell)}为 ${formatNumber(value)}，${reason}；${advice}`;
    doubts.push({ kind: "yuan-in-wan-yuan", target: cell.id, actual: value, suggested, message });
  }
  return doubts;
}
