import { Button, Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { formatForYear, type FormatId } from "../format";
import { fill, type Strings } from "./strings";
import type { BuildRequest } from "./useWorkbook";

interface Props {
  readonly strings: Strings;
  readonly busy: boolean;
  readonly onBuild: (request: BuildRequest) => void;
  /** The year reports are usually written for: last year. */
  readonly defaultYear: number;
  /** The format is already known (tables found on a sheet): no choice is offered. */
  readonly fixedFormat?: FormatId;
  readonly submitLabel?: string;
}

export function BuildForm({ strings, busy, onBuild, defaultYear, fixedFormat, submitLabel }: Props) {
  const [agency, setAgency] = useState("");
  const [yearText, setYearText] = useState(String(defaultYear));
  const [format, setFormat] = useState<FormatId>(formatForYear(defaultYear));
  const [formatTouched, setFormatTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);

  const year = Number(yearText);
  const yearValid = Number.isInteger(year) && year >= 2019 && year <= 2100;
  const agencyValid = agency.trim().length > 0;
  const expected = yearValid ? formatForYear(year) : format;

  const changeYear = (text: string) => {
    setYearText(text);
    const next = Number(text);
    // The format follows the year until staff choose one themselves.
    if (!formatTouched && Number.isInteger(next) && next >= 2019) setFormat(formatForYear(next));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (agencyValid && yearValid) onBuild({ agency: agency.trim(), year, format: fixedFormat ?? format });
  };

  const formatName = (id: FormatId) => (id === "2021" ? strings.format2021 : strings.format2019);

  return (
    <form onSubmit={submit} style={{ display: "grid", gap: 12 }} aria-label={submitLabel ?? strings.build}>
      <Field
        label={strings.agency}
        required
        validationMessage={submitted && !agencyValid ? strings.agencyRequired : undefined}
      >
        <Input value={agency} placeholder={strings.agencyHint} onChange={(_, data) => setAgency(data.value)} />
      </Field>
      <Field
        label={strings.year}
        required
        validationMessage={submitted && !yearValid ? strings.yearInvalid : undefined}
      >
        <Input type="number" value={yearText} onChange={(_, data) => changeYear(data.value)} />
      </Field>
      {fixedFormat ? null : (
        <Field
          label={strings.format}
          hint={
            format !== expected ? fill(strings.formatMismatch, { year, expected: formatName(expected) }) : undefined
          }
        >
          <RadioGroup
            value={format}
            onChange={(_, data) => {
              setFormat(data.value as FormatId);
              setFormatTouched(true);
            }}
          >
            <Radio value="2021" label={strings.format2021} />
            <Radio value="2019" label={strings.format2019} />
          </RadioGroup>
        </Field>
      )}
      <Button appearance="primary" type="submit" disabled={busy}>
        {busy ? strings.building : (submitLabel ?? strings.build)}
      </Button>
    </form>
  );
}
