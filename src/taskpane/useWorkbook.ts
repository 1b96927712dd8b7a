import { useCallback, useEffect, useRef, useState } from "react";
import { FORMATS, type CellId, type FormatId, type TableId } from "../format";
import {
  applyFixes,
  buildTables,
  clearHighlights,
  loadPrevious,
  probeCapabilities,
  recheck,
  selectAt,
  writeReportValues,
  downloadsBlocked,
  thisDocument,
  savePrevious,
  selectCell,
  watchChanges,
  type ChangeWatch,
  type ExcelRunner,
  type ReadResult,
} from "../excel";
import type { Location, Recognised } from "../recognise/recognise";
import type { Report } from "../report/types";
import { checkReport, describeCell, proposeFixes, summarize, type Doubt, type Finding, type Fix } from "../rules";
import { describeFailure } from "./errors";
import type { ExportHost, ExportKind } from "./export-actions";
import { ADDIN_VERSION } from "../version";
import { fill, type Strings } from "./strings";

export interface Notice {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly text: string;
}

/** Tables found on the active sheet by their labels, and what the check found in them. */
export interface PastedCheck {
  readonly sheet: string;
  readonly recognised: Recognised;
  readonly findings: readonly Finding[];
}

export type { ExportHost, ExportKind } from "./export-actions";

export interface PaneState {
  readonly phase: "starting" | "no-tables" | "ready";
  /** An export waiting for “仍然导出” because the check found errors. */
  readonly exportGate?: { readonly kind: ExportKind; readonly errors: number };
  readonly pasted?: PastedCheck;
  readonly read?: ReadResult;
  readonly findings: readonly Finding[];
  readonly doubts?: readonly Doubt[];
  readonly previous?: Report;
  readonly busy: boolean;
  readonly notice?: Notice;
}

export interface BuildRequest {
  readonly agency: string;
  readonly year: number;
  readonly format: FormatId;
}

/**
 * The pane's state and actions over the workbook. Everything goes through src/excel; nothing here
 * touches Office.js. After the first check, edits on the tables' sheets trigger a re-check (debounced;
 * the add-in's own writes are ignored).
 */
/** What of the tables could not be found (a deleted sheet, row or column), or undefined. */
function missingText({ missingTables, missingCells, report }: ReadResult, strings: Strings): string | undefined {
  if (missingTables.length > 0) {
    return fill(strings.missingTables, { tables: missingTables.map((t) => strings.table[t]).join("、") });
  }
  const first = missingCells.length > 0 ? FORMATS[report.format].cellById.get(missingCells[0]) : undefined;
  return first && fill(strings.missingCells, { cells: describeCell(first), count: missingCells.length });
}

export function useWorkbook(run: ExcelRunner, strings: Strings, recheckDelayMs = 400, exportHost?: ExportHost) {
  const [state, setState] = useState<PaneState>({ phase: "starting", findings: [], busy: false });
  const previous = useRef<Report | undefined>(undefined);
  const watch = useRef<{ sheets: string; handle: ChangeWatch } | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);

  const update = useCallback((change: Partial<PaneState>) => {
    if (mounted.current) setState((current) => ({ ...current, ...change }));
  }, []);

  const fail = useCallback(
    (error: unknown) => update({ busy: false, notice: { intent: "error", text: describeFailure(error, strings) } }),
    [strings, update],
  );

  const check = useCallback(async (): Promise<void> => {
    try {
      const result = await recheck(run, previous.current);
      if (!result) {
        update({ phase: "no-tables", read: undefined, findings: [], doubts: [] });
        return;
      }
      const missing = missingText(result.read, strings);
      update({
        phase: "ready",
        read: result.read,
        findings: result.findings,
        doubts: result.doubts,
        ...(missing ? { notice: { intent: "warning", text: missing } } : {}),
      });
      await follow(Object.values(result.read.sheets));
    } catch (error) {
      fail(error);
    }
    // `follow` reads refs only, so it need not be a dependency.
  }, [run, fail, strings, update]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void check(), recheckDelayMs);
  }, [check, recheckDelayMs]);

  /** Watches the sheets that hold the tables; a change of that set restarts the watch. */
  async function follow(sheets: string[]): Promise<void> {
    const key = [...sheets].sort().join("\n");
    if (watch.current?.sheets === key) return;
    await watch.current?.handle.stop().catch(() => undefined);
    const handle = await watchChanges(run, sheets, (madeByThisAddin) => {
      if (!madeByThisAddin) scheduleRef.current();
    });
    watch.current = { sheets: key, handle };
  }
  const scheduleRef = useRef(schedule);
  scheduleRef.current = schedule;

  useEffect(() => {
    mounted.current = true;
    (async () => {
      try {
        previous.current = await loadPrevious(run);
        update({ previous: previous.current });
      } catch {
        // A workbook without settings is a workbook without last year's figures.
      }
      await check();
    })();
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
      void watch.current?.handle.stop().catch(() => undefined);
    };
  }, [run, check, update]);

  const act = useCallback(
    async (action: () => Promise<Notice | undefined>, thenCheck = true) => {
      update({ busy: true, notice: undefined });
      try {
        const notice = await action();
        if (thenCheck) await check();
        update({ busy: false, ...(notice ? { notice } : {}) });
      } catch (error) {
        fail(error);
      }
    },
    [check, fail, update],
  );

  const format = state.read?.report.format;

  return {
    state,
    check: () => act(async () => undefined),
    build: (request: BuildRequest) =>
      act(async () => {
        const result = await buildTables(run, request, probeCapabilities());
        return { intent: "success", text: fill(strings.built, { sheets: Object.values(result.sheets).join("、") }) };
      }),
    select: async (id: CellId) => {
      if (!format) return;
      // A cell whose row or column was deleted has nowhere to go: say so rather than fail.
      if (state.read?.missingCells.includes(id)) {
        update({ notice: { intent: "warning", text: missingText(state.read, strings) as string } });
        return;
      }
      try {
        await selectCell(run, format, id);
      } catch (error) {
        fail(error);
      }
    },
    clearMarks: () =>
      act(async () => {
        if (format) await clearHighlights(run, format);
        update({ findings: [], doubts: [] });
        return { intent: "info", text: strings.cleared };
      }, false),
    fixes: (): Fix[] => {
      if (!format || !state.read) return [];
      const report = state.read.report;
      return proposeFixes(FORMATS[format], state.findings, state.read.overriddenTotals, (id) => {
        const cell = FORMATS[format].cellById.get(id);
        return cell ? (report.tables[cell.table as TableId]?.[cell.rowKey]?.[cell.columnKey] ?? null) : null;
      });
    },
    applyFixes: (fixes: readonly Fix[]) =>
      act(async () => {
        if (!format) return undefined;
        const outcome = await applyFixes(run, format, fixes);
        const text = [fill(strings.fixed, { applied: outcome.applied.length })];
        if (outcome.skipped.length > 0) text.push(fill(strings.fixSkipped, { skipped: outcome.skipped.length }));
        return { intent: outcome.skipped.length > 0 ? "warning" : "success", text: text.join(" ") };
      }),
    setPrevious: (report: Report | undefined) =>
      act(async () => {
        await savePrevious(run, report);
        previous.current = report;
        update({ previous: report });
        return undefined;
      }),
    notify: (notice: Notice) => update({ notice }),
    cancelExport: () => update({ exportGate: undefined }),
    exportAs: (kind: ExportKind, anyway = false) =>
      act(async () => {
        update({ exportGate: undefined });
        // Export runs the check first, on what the tables hold now.
        const result = await recheck(run, previous.current);
        if (!result) return undefined;
        update({ read: result.read, findings: result.findings, doubts: result.doubts });
        const errors = result.findings.filter((finding) => finding.severity === "error").length;
        if (errors > 0 && !anyway) {
          update({ exportGate: { kind, errors } });
          return undefined;
        }
        const host = exportHost ?? { fileSource: thisDocument(), downloadsBlocked: downloadsBlocked() };
        const { exportReport } = await import(/* webpackChunkName: "export-actions" */ "./export-actions");
        const outcome = await exportReport(kind, result.read.report, host, {
          previous: previous.current,
          addinVersion: ADDIN_VERSION,
        });
        switch (outcome.done) {
          case "copied":
            return { intent: "success", text: strings.copied };
          case "saved":
            return { intent: "success", text: fill(strings.exported, { name: outcome.name }) };
          case "copy-failed":
            throw new Error(fill(strings.copyFailed, { reason: outcome.reason }));
          case "download-blocked":
            return { intent: "warning", text: strings.downloadBlocked };
          case "file-unavailable":
            return { intent: "warning", text: strings.fileUnavailable };
        }
      }, false),
    checkActiveSheet: () =>
      act(async () => {
        // Reading any sheet and recognising it load on first use, with the recogniser.
        const { readActiveSheet } = await import(/* webpackChunkName: "recognise" */ "../excel/active-sheet");
        const grid = await readActiveSheet(run, probeCapabilities().mergedAreas ?? false);
        // The recogniser is needed only here: it loads on first use, outside the pane's initial script.
        const { recogniseSheets } = await import(/* webpackChunkName: "recognise" */ "../recognise/recognise");
        const recognised = recogniseSheets([grid]);
        if (!recognised) {
          update({ pasted: undefined });
          return { intent: "warning", text: strings.activeSheetNone };
        }
        const findings = checkReport(recognised.report, previous.current);
        update({ pasted: { sheet: grid.name, recognised, findings } });
        const tables = recognised.tablesFound.map((table) => strings.table[table]).join("、");
        const counts = summarize(findings);
        const summary =
          counts.errors + counts.warnings === 0 ? strings.allPassed : fill(strings.summary, { ...counts });
        const format = FORMATS[recognised.report.format].title;
        return { intent: "info", text: fill(strings.activeSheetFound, { sheet: grid.name, tables, format, summary }) };
      }, false),
    selectAt: async (location: Location) => {
      try {
        await selectAt(run, location.sheet, location.row, location.col);
      } catch (error) {
        fail(error);
      }
    },
    convert: (request: Omit<BuildRequest, "format">) =>
      act(async () => {
        const pasted = state.pasted;
        if (!pasted) return undefined;
        const report = pasted.recognised.report;
        await buildTables(run, { ...request, format: report.format }, probeCapabilities());
        const count = await writeReportValues(run, report);
        update({ pasted: undefined });
        return { intent: "success", text: fill(strings.converted, { count }) };
      }),
  };
}

export type Workbook = ReturnType<typeof useWorkbook>;
