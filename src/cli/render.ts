import { FORMATS, TABLE_IDS, TABLE_NAMES, type FormatId, type TableId } from "../format";
import type { CheckSummary, Doubt, Finding } from "../rules";
import type { Deviation } from "../recognise/deviations";
import type { UnknownKey } from "../report/json";

/** The command line's answer for one file (report-json.md). */
export interface CheckAnswer {
  readonly file: string;
  readonly format: FormatId;
  readonly findings: readonly Finding[];
  readonly summary: CheckSummary;
  /** Keys the format does not have, which were not checked. Present only when there are some. */
  readonly notices?: readonly UnknownKey[];
  /** How an .xlsx file's tables depart from the format's layout. Present only when there are some. */
  readonly deviations?: readonly Deviation[];
  /** Figures that look typed in the wrong unit, to confirm; not findings. Present only when there are some. */
  readonly doubts?: readonly Doubt[];
}

export interface ReportHeader {
  readonly agency?: string;
  readonly year?: number;
  readonly previousFile?: string;
}

const paint = (color: boolean, code: number, text: string): string => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
const red = (color: boolean, text: string) => paint(color, 31, text);
const yellow = (color: boolean, text: string) => paint(color, 33, text);
const green = (color: boolean, text: string) => paint(color, 32, text);
const bold = (color: boolean, text: string) => paint(color, 1, text);

export function summaryWords(summary: CheckSummary): string {
  if (summary.errors === 0 && summary.warnings === 0) return "全部通过";
  const parts: string[] = [];
  if (summary.errors > 0) parts.push(`${summary.errors} 个错误`);
  if (summary.warnings > 0) parts.push(`${summary.warnings} 条警告`);
  return parts.join("，");
}

function tableOf(finding: Finding): TableId {
  return finding.target.slice(0, finding.target.indexOf(":")) as TableId;
}

/** Findings grouped by table, in Chinese, for a terminal. */
export function renderAnswer(answer: CheckAnswer, header: ReportHeader, color: boolean): string {
  const format = FORMATS[answer.format];
  const lines: string[] = [bold(color, answer.file)];
  const about = [
    header.agency,
    header.year !== undefined ? `${header.year} 年度` : undefined,
    `${format.title}（${format.document}）`,
  ];
  lines.push(`  ${about.filter(Boolean).join(" · ")}`);
  if (header.previousFile) lines.push(`  对照上年年报：${header.previousFile}`);
  for (const notice of answer.notices ?? [])
    lines.push(`  ${yellow(color, "注意")} ${notice.message}（${notice.path}）`);
  if (answer.deviations?.length) {
    lines.push("", bold(color, `与格式的差异：${answer.deviations.length} 处`));
    for (const deviation of answer.deviations) {
      lines.push(`  ${yellow(color, "差异")} ${deviation.message}${deviation.where ? `（${deviation.where}）` : ""}`);
    }
  }

  for (const tableId of TABLE_IDS) {
    const findings = answer.findings.filter((finding) => tableOf(finding) === tableId);
    if (findings.length === 0) continue;
    const errors = findings.filter((finding) => finding.severity === "error").length;
    const heading = format.tables[tableId].heading.replace(/^[二三四]、/, "");
    lines.push(
      "",
      `${bold(color, `${TABLE_NAMES[tableId]} ${heading}`)}：${summaryWords({ errors, warnings: findings.length - errors })}`,
    );
    for (const finding of findings) {
      const mark = finding.severity === "error" ? red(color, "错误") : yellow(color, "警告");
      lines.push(`  ${mark} ${finding.rule}  ${finding.message}`);
    }
  }
  if (answer.doubts?.length) {
    lines.push("", bold(color, `请核对：${answer.doubts.length} 处`));
    for (const doubt of answer.doubts) lines.push(`  ${yellow(color, "核对")} ${doubt.message}`);
  }
  const verdict = summaryWords(answer.summary);
  const painted =
    answer.summary.errors > 0
      ? red(color, verdict)
      : answer.summary.warnings > 0
        ? yellow(color, verdict)
        : green(color, verdict);
  lines.push("", `结果：${painted}`);
  return `${lines.join("\n")}\n`;
}

/** One line for a file among several. */
export function renderSummaryLine(answer: CheckAnswer, color: boolean): string {
  const mark =
    answer.summary.errors > 0 ? red(color, "✗") : answer.summary.warnings > 0 ? yellow(color, "!") : green(color, "✓");
  return `${mark} ${answer.file}  ${FORMATS[answer.format].title}  ${summaryWords(answer.summary)}\n`;
}
