import { Button, Caption1, Subtitle2, Text } from "@fluentui/react-components";
import type { Strings } from "./strings";
import { fill } from "./strings";
import type { ExportKind, Workbook } from "./useWorkbook";

/** The last step: copy or save the checked tables; errors hold an export until staff confirm it. */
export function ExportPanel({ strings, workbook }: { strings: Strings; workbook: Workbook }) {
  const { state } = workbook;
  const actions: [ExportKind, string][] = [
    ["copy", strings.exportCopy],
    ["html", strings.exportHtml],
    ["docx", strings.exportDocx],
    ["submission", strings.exportSubmission],
    ["workbook", strings.exportWorkbook],
  ];
  const gate = state.exportGate;
  return (
    <section aria-labelledby="export-heading" style={{ display: "grid", gap: 6 }}>
      <Subtitle2 as="h2" id="export-heading">
        {strings.exportTitle}
      </Subtitle2>
      <Caption1>{strings.exportHint}</Caption1>
      {actions.map(([kind, label]) => (
        <Button key={kind} disabled={state.busy} onClick={() => workbook.exportAs(kind)}>
          {label}
        </Button>
      ))}
      {gate ? (
        <div role="alertdialog" aria-labelledby="export-gate" style={{ display: "grid", gap: 6 }}>
          <Text id="export-gate">{fill(strings.exportGate, { count: gate.errors })}</Text>
          <div style={{ display: "flex", gap: 8 }}>
            <Button appearance="primary" onClick={() => workbook.exportAs(gate.kind, true)}>
              {strings.exportAnyway}
            </Button>
            <Button onClick={workbook.cancelExport}>{strings.cancel}</Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
