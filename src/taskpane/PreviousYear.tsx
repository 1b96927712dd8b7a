import { Button, Caption1, Field, Input, Subtitle2 } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { FORMATS, formatForYear, type FormatId } from "../format";
import type { Report, ReportTables } from "../report/types";
import { fill, type Strings } from "./strings";
import type { Notice } from "./useWorkbook";

interface Props {
  readonly strings: Strings;
  readonly year: number | undefined;
  readonly previous: Report | undefined;
  readonly busy: boolean;
  readonly onChange: (report: Report | undefined) => void;
  readonly onNotice: (notice: Notice) => void;
}

const CARRY_ROW = "四";
const STOCK_COLUMN = "现行有效件数";

/** Last year's figures: a workbook or report JSON chosen as a file, or typed in. */
export function PreviousYear({ strings, year, previous, busy, onChange, onNotice }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [manual, setManual] = useState(false);
  const previousYear = (year ?? new Date().getFullYear() - 1) - 1;
  const format: FormatId = formatForYear(previousYear);
  const model = FORMATS[format];
  const carryColumns = model.tables["三"].columnKeys;
  const stockRows = model.tables["二"].cells
    .filter((cell) => cell.columnKey === STOCK_COLUMN)
    .map((cell) => cell.rowKey);
  const [typed, setTyped] = useState<Record<string, string>>({});

  const choose = async (file: File | undefined) => {
    if (!file) return;
    // Reading files loads on first use: most sessions never choose one.
    const files = await import(/* webpackChunkName: "previous-file" */ "./previous-file");
    try {
      onChange(await files.readPreviousFile(file));
    } catch (error) {
      const text =
        error instanceof files.PreviousFileError && error.unrecognised
          ? strings.previousUnrecognised
          : fill(strings.previousUnreadable, { file: file.name, reason: (error as Error).message });
      onNotice({ intent: "error", text });
    } finally {
      if (input.current) input.current.value = "";
    }
  };

  const saveTyped = () => {
    const number = (key: string) => (typed[key]?.trim() ? Number(typed[key]) : null);
    const tables: ReportTables = {
      三: { [CARRY_ROW]: Object.fromEntries(carryColumns.map((column) => [column, number(`三:${column}`)])) },
      二: Object.fromEntries(stockRows.map((row) => [row, { [STOCK_COLUMN]: number(`二:${row}`) }])),
    };
    onChange({ schema: "disclosure-report/1", format, year: previousYear, tables });
    setManual(false);
  };

  const numberField = (key: string, label: string) => (
    <Field key={key} label={label} orientation="horizontal">
      <Input type="number" value={typed[key] ?? ""} onChange={(_, data) => setTyped({ ...typed, [key]: data.value })} />
    </Field>
  );

  return (
    <section aria-labelledby="previous-heading" style={{ display: "grid", gap: 8 }}>
      <Subtitle2 as="h2" id="previous-heading">
        {strings.previous}
      </Subtitle2>
      <Caption1>{strings.previousHint}</Caption1>
      <Caption1 role="status">
        {previous ? fill(strings.previousLoaded, { year: previous.year ?? "?" }) : strings.previousNone}
      </Caption1>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.json"
        aria-label={strings.previousFile}
        style={{ display: "none" }}
        onChange={(event) => void choose(event.target.files?.[0])}
      />
      <Button disabled={busy} onClick={() => input.current?.click()}>
        {strings.previousFile}
      </Button>
      <Button disabled={busy} appearance="subtle" onClick={() => setManual(!manual)} aria-expanded={manual}>
        {strings.previousManual}
      </Button>
      {manual ? (
        <div style={{ display: "grid", gap: 6 }}>
          <Caption1>{strings.previousCarry}</Caption1>
          {carryColumns.map((column) => numberField(`三:${column}`, column))}
          {stockRows.length > 0 ? <Caption1>{strings.previousStock}</Caption1> : null}
          {stockRows.map((row) => numberField(`二:${row}`, row))}
          <Button appearance="primary" onClick={saveTyped} disabled={busy}>
            {strings.previousSave}
          </Button>
        </div>
      ) : null}
      {previous ? (
        <Button appearance="subtle" disabled={busy} onClick={() => onChange(undefined)}>
          {strings.previousRemove}
        </Button>
      ) : null}
    </section>
  );
}
