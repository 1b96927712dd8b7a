import { Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import { a1 } from "../format";
import { BuildForm } from "./BuildForm";
import type { Strings } from "./strings";
import { FindingButton, useFindingListStyles } from "./FindingButton";
import type { Workbook } from "./useWorkbook";

interface Props {
  readonly strings: Strings;
  readonly workbook: Workbook;
  /** Conversion builds new tables: offered only while the workbook has none. */
  readonly canConvert: boolean;
}

/** Checks tables pasted anywhere on the active sheet, and converts them into built tables. */
export function ActiveSheet({ strings, workbook, canConvert }: Props) {
  const styles = useFindingListStyles();
  const { state } = workbook;
  const pasted = state.pasted;
  return (
    <section aria-labelledby="active-sheet-heading" style={{ display: "grid", gap: 8 }}>
      <Subtitle2 as="h2" id="active-sheet-heading">
        {strings.activeSheet}
      </Subtitle2>
      <Caption1>{strings.activeSheetHint}</Caption1>
      <Button onClick={workbook.checkActiveSheet} disabled={state.busy}>
        {strings.checkActiveSheet}
      </Button>
      {pasted && pasted.recognised.deviations.length > 0 ? (
        <>
          <Subtitle2 as="h3">{strings.deviations}</Subtitle2>
          <ul>
            {pasted.recognised.deviations.map((deviation, i) => (
              <li key={i}>
                {deviation.message}
                {deviation.where ? <Caption1> （{deviation.where}）</Caption1> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {pasted && pasted.findings.length > 0 ? (
        <ul className={styles.list} aria-label={strings.activeSheet}>
          {pasted.findings.map((finding) => {
            const location = pasted.recognised.locations.get(finding.target);
            return (
              <li key={`${finding.rule}-${finding.target}`}>
                <FindingButton
                  strings={strings}
                  finding={finding}
                  where={location ? `${location.sheet}!${a1(location.row, location.col)}` : ""}
                  onSelect={() => location && workbook.selectAt(location)}
                />
              </li>
            );
          })}
        </ul>
      ) : null}
      {pasted && canConvert ? (
        <>
          <Caption1>{strings.convertHint}</Caption1>
          <BuildForm
            strings={strings}
            busy={state.busy}
            defaultYear={new Date().getFullYear() - 1}
            fixedFormat={pasted.recognised.report.format}
            submitLabel={strings.convert}
            onBuild={({ agency, year }) => workbook.convert({ agency, year })}
          />
        </>
      ) : null}
    </section>
  );
}
