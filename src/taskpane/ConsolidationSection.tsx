import { Button, Caption1, Subtitle2 } from "@fluentui/react-components";
import { lazy, Suspense, useState } from "react";
import type { ExcelRunner } from "../excel";
import { PANE_KIT } from "./pane-kit";
import type { Language, Strings } from "./strings";

// The 汇总 is used once a year by few offices: its code loads when staff open it, not with the pane.
const Consolidation = lazy(() => import(/* webpackChunkName: "consolidation" */ "./Consolidation"));

interface Props {
  readonly run: ExcelRunner;
  readonly strings: Strings;
  readonly language: Language;
}

export function ConsolidationSection({ run, strings, language }: Props) {
  const [opened, setOpened] = useState(false);
  return (
    <section aria-labelledby="consolidation-heading" style={{ display: "grid", gap: 8 }}>
      <Subtitle2 as="h2" id="consolidation-heading">
        {strings.consolidation}
      </Subtitle2>
      {opened ? (
        <Suspense fallback={<Caption1 role="status">{strings.loading}</Caption1>}>
          <Consolidation run={run} strings={strings} language={language} kit={PANE_KIT} />
        </Suspense>
      ) : (
        <Button onClick={() => setOpened(true)}>{strings.openConsolidation}</Button>
      )}
    </section>
  );
}
