import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Text,
  Title3,
  webLightTheme,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { FORMATS } from "../format";
import type { ExcelRunner } from "../excel";
import { summarize } from "../rules";
import { ActiveSheet } from "./ActiveSheet";
import { ConsolidationSection } from "./ConsolidationSection";
import { ExportPanel } from "./ExportPanel";
import { BuildForm } from "./BuildForm";
import { Findings } from "./Findings";
import { FixActions } from "./FixActions";
import { detectHost, type HostState } from "./host";
import { PreviousYear } from "./PreviousYear";
import { fill, languageOf, stringsFor, type Language, type Strings } from "./strings";
import { useWorkbook, type ExportHost } from "./useWorkbook";

export interface AppProps {
  /** Runs batches against the workbook: Excel.run in Excel, an emulator in tests and the demo. */
  readonly run: ExcelRunner;
  /** Where the pane runs; detected from office.js when not given. */
  readonly host?: HostState;
  readonly language?: Language;
  readonly recheckDelayMs?: number;
  /** Where exports go; Office's own by default. */
  readonly exportHost?: ExportHost;
}

export function App({ run, host: givenHost, language, recheckDelayMs, exportHost }: AppProps) {
  const [host, setHost] = useState<HostState | undefined>(givenHost);
  const shownLanguage =
    language ?? languageOf(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
  const strings = stringsFor(shownLanguage);
  useEffect(() => {
    if (!givenHost) detectHost().then(setHost, () => setHost("outside-office"));
  }, [givenHost]);

  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16, display: "grid", gap: 12, gridTemplateColumns: "minmax(0, 1fr)" }}>
        <header style={{ display: "grid", gap: 2 }}>
          <Title3 as="h1">{strings.title}</Title3>
          <Caption1>{strings.subtitle}</Caption1>
        </header>
        {host === undefined ? <Caption1 role="status">{strings.connecting}</Caption1> : null}
        {host === "outside-office" ? (
          <MessageBar intent="warning">
            <MessageBarBody>{strings.outsideOffice}</MessageBarBody>
          </MessageBar>
        ) : null}
        {host === "old-excel" ? (
          <MessageBar intent="error">
            <MessageBarBody>{strings.oldExcel}</MessageBarBody>
          </MessageBar>
        ) : null}
        {host === "excel" ? (
          <Workbook
            run={run}
            strings={strings}
            language={shownLanguage}
            recheckDelayMs={recheckDelayMs}
            exportHost={exportHost}
          />
        ) : null}
      </main>
    </FluentProvider>
  );
}

function Workbook({
  run,
  strings,
  language,
  recheckDelayMs,
  exportHost,
}: {
  run: ExcelRunner;
  strings: Strings;
  language: Language;
  recheckDelayMs?: number;
  exportHost?: ExportHost;
}) {
  const workbook = useWorkbook(run, strings, recheckDelayMs, exportHost);
  const { state } = workbook;
  const checkButton = useRef<HTMLButtonElement>(null);
  const phase = useRef(state.phase);
  useEffect(() => {
    // The build form disappears once the tables exist: give focus a place to go instead of the page.
    if (phase.current === "no-tables" && state.phase === "ready") checkButton.current?.focus();
    phase.current = state.phase;
  }, [state.phase]);
  const summary = summarize(state.findings);
  const fixes = workbook.fixes();
  const report = state.read?.report;

  return (
    <>
      {state.notice ? (
        <MessageBar intent={state.notice.intent} role="alert">
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.phase === "starting" ? <Caption1 role="status">{strings.checking}</Caption1> : null}
      {state.phase === "no-tables" ? (
        <>
          <Body1>{strings.noTables}</Body1>
          <BuildForm
            strings={strings}
            busy={state.busy}
            onBuild={workbook.build}
            defaultYear={new Date().getFullYear() - 1}
          />
          <hr style={{ width: "100%", border: 0, borderTop: "1px solid #e0e0e0" }} />
          <ActiveSheet strings={strings} workbook={workbook} canConvert />
        </>
      ) : null}
      {state.phase === "ready" && report ? (
        <>
          <Text weight="semibold">
            {fill(strings.state, {
              format: FORMATS[report.format].title,
              year: report.year ?? "",
              agency: report.agency ?? "",
            })}
          </Text>
          <div style={{ display: "flex", gap: 8 }}>
            <Button ref={checkButton} appearance="primary" onClick={workbook.check} disabled={state.busy}>
              {state.busy ? strings.checking : strings.check}
            </Button>
            <Button onClick={workbook.clearMarks} disabled={state.busy}>
              {strings.clearMarks}
            </Button>
          </div>
          <div role="status" aria-live="polite">
            {summary.errors === 0 && summary.warnings === 0 ? (
              <MessageBar intent="success">
                <MessageBarBody>{strings.allPassed}</MessageBarBody>
              </MessageBar>
            ) : (
              <Text>{fill(strings.summary, { errors: summary.errors, warnings: summary.warnings })}</Text>
            )}
          </div>
          <Caption1>{strings.liveHint}</Caption1>
          <FixActions strings={strings} fixes={fixes} busy={state.busy} onApply={workbook.applyFixes} />
          <Findings
            strings={strings}
            findings={state.findings}
            doubts={state.doubts ?? []}
            read={state.read!}
            onSelect={workbook.select}
          />
          <hr style={{ width: "100%", border: 0, borderTop: "1px solid #e0e0e0" }} />
          <PreviousYear
            strings={strings}
            year={report.year}
            previous={state.previous}
            busy={state.busy}
            onChange={workbook.setPrevious}
            onNotice={workbook.notify}
          />
          <hr style={{ width: "100%", border: 0, borderTop: "1px solid #e0e0e0" }} />
          <ExportPanel strings={strings} workbook={workbook} />
          <ActiveSheet strings={strings} workbook={workbook} canConvert={false} />
        </>
      ) : null}
      {state.phase === "starting" ? null : (
        <>
          <hr style={{ width: "100%", border: 0, borderTop: "1px solid #e0e0e0" }} />
          <ConsolidationSection run={run} strings={strings} language={language} />
        </>
      )}
    </>
  );
}
