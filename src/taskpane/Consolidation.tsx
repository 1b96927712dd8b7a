import { useMemo, useRef, useState } from "react";
import {
  consolidate,
  majorityFormat,
  majorityYear,
  type DepartmentInput,
  type DepartmentResult,
} from "../consolidate/consolidate";
import { a1, FORMATS } from "../format";
import { probeCapabilities, selectAt, type ExcelRunner } from "../excel";
import { readSheets } from "../excel/active-sheet";
import { listSheets, writeConsolidation, type ConsolidationWritten } from "../excel/consolidation";
import { recogniseSheets } from "../recognise/recognise";
import { checkReport, summarize, type Finding } from "../rules";
import { consolidationStrings, STATE_EN } from "./consolidation-strings";
import { describeFailure } from "./errors";
import { PreviousFileError, readReportFile } from "./previous-file";
import { fill, type Language, type Strings } from "./strings";
import type { PaneKit } from "./pane-kit";

interface Props {
  readonly run: ExcelRunner;
  readonly strings: Strings;
  readonly language: Language;
  readonly kit: PaneKit;
}

interface Written extends ConsolidationWritten {
  readonly findings: readonly Finding[];
  readonly included: number;
}

const baseName = (file: string) => file.replace(/\.(xlsx|json)$/i, "");

/**
 * 汇总: the departments' tables, from files or from sheets of this workbook, recognised and checked,
 * listed with their states, and written as department sheets and a live 汇总 sheet. Loaded on demand.
 */
export default function Consolidation({ run, strings, language, kit }: Props) {
  const { Body1, BuildForm, Button, Caption1, FindingButton, MessageBar, MessageBarBody, Tag, Text } = kit;
  const words = consolidationStrings(language);
  const styles = kit.useFindingListStyles();
  const [departments, setDepartments] = useState<DepartmentInput[]>([]);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [progress, setProgress] = useState<{ text: string; value: number } | undefined>();
  const [sheetChoice, setSheetChoice] = useState<{ names: string[]; chosen: ReadonlySet<string> } | undefined>();
  const [written, setWritten] = useState<Written | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = progress !== undefined;

  const format = majorityFormat(departments);
  const result = useMemo(() => consolidate(departments, { format }), [departments, format]);
  const included = result.departments.filter((d) => d.included);

  const add = (more: DepartmentInput[]) => {
    setWritten(undefined);
    setDepartments((current) => [...current.filter((d) => !more.some((m) => m.name === d.name)), ...more]);
  };

  const readFiles = async (files: File[]) => {
    setFailure(undefined);
    const read: DepartmentInput[] = [];
    for (const [i, file] of files.entries()) {
      setProgress({ text: fill(words.reading, { done: i, total: files.length }), value: i / files.length });
      try {
        const { report, deviations } = await readReportFile(file);
        read.push({ name: baseName(file.name), report, deviations });
      } catch (error) {
        const reason =
          error instanceof PreviousFileError && error.unrecognised ? words.unrecognised : (error as Error).message;
        read.push({ name: baseName(file.name), unreadable: fill(words.unreadableFile, { reason }) });
      }
    }
    setProgress(undefined);
    add(read);
  };

  const chooseSheets = async () => {
    setFailure(undefined);
    try {
      const { names, consolidation } = await listSheets(run);
      const own = new Set(consolidation.map((n) => n.toLowerCase()));
      setSheetChoice({ names: names.filter((n) => !own.has(n.toLowerCase())), chosen: new Set() });
    } catch (error) {
      setFailure(describeFailure(error, strings));
    }
  };

  const readChosenSheets = async () => {
    if (!sheetChoice) return;
    const names = sheetChoice.names.filter((n) => sheetChoice.chosen.has(n));
    setProgress({ text: fill(words.reading, { done: 0, total: names.length }), value: 0 });
    try {
      const grids = await readSheets(run, names, probeCapabilities().mergedAreas ?? false);
      add(
        grids.map((grid) => {
          const found = recogniseSheets([grid]);
          return found
            ? { name: grid.name, report: found.report, deviations: found.deviations }
            : { name: grid.name, unreadable: words.unrecognised };
        }),
      );
      setSheetChoice(undefined);
    } catch (error) {
      setFailure(describeFailure(error, strings));
    } finally {
      setProgress(undefined);
    }
  };

  const write = async ({ agency, year }: { agency: string; year: number }) => {
    setFailure(undefined);
    const chosen = result.departments.flatMap((d, i) =>
      d.included && departments[i].report ? [{ name: d.name, report: departments[i].report! }] : [],
    );
    setProgress({ text: fill(words.writing, { done: 0, total: chosen.length }), value: 0 });
    try {
      const done = await writeConsolidation(run, { format, agency, year, departments: chosen }, (count, total) =>
        setProgress({ text: fill(words.writing, { done: count, total }), value: count / total }),
      );
      setWritten({ ...done, findings: checkReport(done.report), included: chosen.length });
    } catch (error) {
      setFailure(fill(words.failed, { reason: describeFailure(error, strings).replace(/[.。]$/, "") }));
    } finally {
      setProgress(undefined);
    }
  };

  const toggle = (set: ReadonlySet<string>, name: string) => {
    const next = new Set(set);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    return next;
  };

  const stateText = (d: DepartmentResult) => (language === "en" ? STATE_EN[d.state] : d.state);
  const summary = written ? summarize(written.findings) : undefined;

  return (
    <div style={{ display: "grid", gap: 8 }}>
      <Caption1>{words.hint}</Caption1>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button onClick={() => fileInput.current?.click()} disabled={busy}>
          {words.chooseFiles}
        </Button>
        <Button onClick={chooseSheets} disabled={busy}>
          {words.chooseSheets}
        </Button>
        {departments.length > 0 ? (
          <Button appearance="subtle" onClick={() => setDepartments([])} disabled={busy}>
            {words.clear}
          </Button>
        ) : null}
      </div>
      <input
        ref={fileInput}
        type="file"
        multiple
        accept=".xlsx,.json"
        hidden
        aria-label={words.chooseFiles}
        data-testid="consolidation-files"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = "";
          if (files.length > 0) void readFiles(files);
        }}
      />
      {sheetChoice ? (
        <fieldset style={{ display: "grid", gap: 4, border: 0, padding: 0, margin: 0 }}>
          <legend>{words.chooseSheets}</legend>
          {sheetChoice.names.length === 0 ? <Caption1>{words.noSheets}</Caption1> : null}
          {sheetChoice.names.map((name) => (
            <label key={name} style={{ display: "flex", gap: 6, alignItems: "center" }}>
              <input
                type="checkbox"
                checked={sheetChoice.chosen.has(name)}
                onChange={() => setSheetChoice({ ...sheetChoice, chosen: toggle(sheetChoice.chosen, name) })}
              />
              {name}
            </label>
          ))}
          <Button onClick={readChosenSheets} disabled={busy || sheetChoice.chosen.size === 0}>
            {words.readSheets}
          </Button>
        </fieldset>
      ) : null}
      {progress ? (
        <progress value={progress.value} max={1} aria-label={progress.text} style={{ width: "100%" }} />
      ) : null}
      <div role="status" aria-live="polite">
        {progress ? <Caption1>{progress.text}</Caption1> : null}
      </div>
      {failure ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      ) : null}
      {departments.length > 0 ? (
        <>
          <Text weight="semibold">{fill(words.departments, { count: departments.length })}</Text>
          <ul className={styles.list} aria-label={fill(words.departments, { count: departments.length })}>
            {result.departments.map((d, i) => {
              const counts = summarize(d.findings);
              return (
                <li key={d.name} style={{ display: "grid", gap: 4 }}>
                  <div style={{ display: "flex", gap: 8, alignItems: "baseline", flexWrap: "wrap" }}>
                    <Tag tone={d.state === "通过" ? "success" : d.state === "有警告" ? "warning" : "danger"}>
                      {stateText(d)}
                    </Tag>
                    <Body1>{d.name}</Body1>
                    {d.findings.length > 0 ? (
                      <Button
                        size="small"
                        appearance="transparent"
                        aria-expanded={open.has(d.name)}
                        onClick={() => setOpen(toggle(open, d.name))}
                      >
                        {open.has(d.name)
                          ? words.hideFindings
                          : fill(words.showFindings, { count: counts.errors + counts.warnings })}
                      </Button>
                    ) : null}
                    <Button
                      size="small"
                      appearance="transparent"
                      aria-label={`${words.remove} ${d.name}`}
                      onClick={() => setDepartments(departments.filter((_, j) => j !== i))}
                      disabled={busy}
                    >
                      {words.remove}
                    </Button>
                  </div>
                  {d.reason ? <Caption1>{d.reason}</Caption1> : null}
                  {d.state === "有错误" ? (
                    <label style={{ display: "flex", gap: 6, alignItems: "center" }}>
                      <input
                        type="checkbox"
                        checked={Boolean(departments[i].includeDespiteErrors)}
                        onChange={(event) =>
                          setDepartments(
                            departments.map((x, j) =>
                              j === i ? { ...x, includeDespiteErrors: event.target.checked } : x,
                            ),
                          )
                        }
                      />
                      {words.includeAnyway}
                    </label>
                  ) : null}
                  {open.has(d.name) ? (
                    <ul>
                      {d.findings.map((finding) => (
                        <li key={`${finding.rule}-${finding.target}`}>
                          <Caption1>
                            {finding.severity === "error" ? strings.error : strings.warning} {finding.message}
                          </Caption1>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {included.length === 0 ? (
            <MessageBar intent="warning">
              <MessageBarBody>{words.noneIncluded}</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <Caption1>{fill(words.format, { format: FORMATS[format].title })}</Caption1>
              <BuildForm
                strings={{ ...strings, agency: words.agency, agencyRequired: words.agencyMissing }}
                busy={busy}
                defaultYear={majorityYear(departments) ?? new Date().getFullYear() - 1}
                fixedFormat={format}
                submitLabel={fill(words.write, { count: included.length })}
                onBuild={write}
              />
            </>
          )}
        </>
      ) : null}
      {written && summary ? (
        <>
          <MessageBar intent={summary.errors > 0 ? "error" : "success"}>
            <MessageBarBody>
              {fill(words.written, { sheet: written.sheets.summary, count: written.included })}{" "}
              {summary.errors + summary.warnings === 0
                ? words.summaryPassed
                : fill(words.summaryFindings, { errors: summary.errors, warnings: summary.warnings })}
            </MessageBarBody>
          </MessageBar>
          <ul className={styles.list} aria-label={written.sheets.summary}>
            {written.findings.map((finding) => {
              const position = written.positions.get(finding.target);
              return (
                <li key={`${finding.rule}-${finding.target}`}>
                  <FindingButton
                    strings={strings}
                    finding={finding}
                    where={position ? `${written.sheets.summary}!${a1(position.row, position.col)}` : ""}
                    onSelect={() =>
                      position &&
                      selectAt(run, written.sheets.summary, position.row, position.col).catch((error: unknown) =>
                        setFailure(describeFailure(error, strings)),
                      )
                    }
                  />
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
}
