import { FORMATS, type FormatId } from "../format";
import type { Deviation } from "../recognise/deviations";
import type { Report, ReportTables } from "../report/types";
import { checkReport, summarize, totalsEvaluator, type Finding } from "../rules";

/** A department's state in the 汇总, as the pane and the command line show it. */
export type DepartmentState = "通过" | "有警告" | "有错误" | "格式不符" | "无法识别";

export interface DepartmentInput {
  readonly name: string;
  /** The department's report, or why it could not be read. */
  readonly report?: Report;
  readonly unreadable?: string;
  readonly deviations?: readonly Deviation[];
  /** Staff chose to count this department although it has errors. */
  readonly includeDespiteErrors?: boolean;
}

export interface DepartmentResult {
  readonly name: string;
  readonly state: DepartmentState;
  readonly findings: readonly Finding[];
  readonly included: boolean;
  /** Why it was left out, or why it could not be read, in Chinese. */
  readonly reason?: string;
}

export interface Consolidation {
  readonly format: FormatId;
  readonly departments: readonly DepartmentResult[];
  /** The sum of the included departments, its totals recomputed from the summed figures. */
  readonly report: Report;
  readonly findings: readonly Finding[];
}

export interface ConsolidateOptions {
  readonly format: FormatId;
  readonly agency?: string;
  readonly year?: number;
  /** Departments with errors are left out unless staff include them explicitly. */
  readonly includeErrors?: boolean;
}

/** The value most departments share (the first seen among equals), or undefined where none has one. */
function mostCommon<T>(values: readonly (T | undefined)[]): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The format most departments used: the one a 汇总 follows unless staff say otherwise. */
export function majorityFormat(departments: readonly DepartmentInput[]): FormatId {
  return mostCommon(departments.map((d) => d.report?.format)) ?? "2021";
}

/** The year most departments report on, where they say. */
export function majorityYear(departments: readonly DepartmentInput[]): number | undefined {
  return mostCommon(departments.map((d) => d.report?.year));
}

function stateOf(department: DepartmentInput, format: FormatId, findings: readonly Finding[]): DepartmentState {
  if (!department.report) return "无法识别";
  if (department.report.format !== format || department.deviations?.some((d) => d.kind === "format")) return "格式不符";
  const summary = summarize(findings);
  return summary.errors > 0 ? "有错误" : summary.warnings > 0 ? "有警告" : "通过";
}

/**
 * Adds up the departments' tables: every input cell is the sum of the included departments' numbers
 * (blanks and placeholders count as 0), and every total is computed from those sums, as the 汇总
 * sheet's formulas compute it.
 */
export function consolidate(departments: readonly DepartmentInput[], options: ConsolidateOptions): Consolidation {
  const model = FORMATS[options.format];
  const sums = new Float64Array(model.cells.length);
  const results: DepartmentResult[] = departments.map((department) => {
    const findings = department.report ? checkReport(department.report) : [];
    const state = stateOf(department, options.format, findings);
    const included =
      state === "通过" ||
      state === "有警告" ||
      (state === "有错误" && Boolean(options.includeErrors || department.includeDespiteErrors));
    let reason: string | undefined;
    if (state === "无法识别") reason = department.unreadable ?? "没有找到表二、表三或表四";
    else if (state === "格式不符") {
      reason = `按${FORMATS[department.report?.format ?? options.format].title}填报，汇总为${model.title}：${
        department.deviations?.find((d) => d.kind === "format")?.message ?? "栏目不同，不能相加"
      }`;
    } else if (state === "有错误" && !included)
      reason = `有 ${summarize(findings).errors} 个错误，未计入汇总（改正后再汇总，或明确选择计入）`;
    if (included && department.report) {
      for (const cell of model.cells) {
        if (cell.role !== "input") continue;
        const value = department.report.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey];
        if (typeof value === "number") sums[cell.index] += value;
      }
    }
    return { name: department.name, state, findings, included, reason };
  });

  // The totals as the 汇总 sheet's formulas compute them from the summed figures.
  const total = totalsEvaluator(model, (cell) => sums[cell.index]);
  const tables: ReportTables = {};
  for (const cell of model.cells) {
    ((tables[cell.table] ??= {})[cell.rowKey] ??= {})[cell.columnKey] = Math.round(total(cell.id) * 1e6) / 1e6;
  }

  const report: Report = {
    schema: "disclosure-report/1",
    format: options.format,
    ...(options.agency ? { agency: options.agency } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
    tables,
  };
  return { format: options.format, departments: results, report, findings: checkReport(report) };
}
