import { Button, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { Fix, FixKind } from "../rules";
import { fill, type Strings } from "./strings";

const useStyles = makeStyles({
  confirm: {
    display: "grid",
    gap: "8px",
    padding: "12px",
    border: `1px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, paddingLeft: "20px", maxHeight: "240px", overflowY: "auto" },
  actions: { display: "flex", gap: "8px" },
});

interface Props {
  readonly strings: Strings;
  readonly fixes: readonly Fix[];
  readonly busy: boolean;
  readonly onApply: (fixes: readonly Fix[]) => void;
}

const SHOWN = 40;

/**
 * One action per kind of plain fix; each first lists exactly what it will change, in the pane itself
 * (a narrow task pane reads better without a modal), and waits for a yes.
 */
export function FixActions({ strings, fixes, busy, onApply }: Props) {
  const styles = useStyles();
  const [pending, setPending] = useState<readonly Fix[] | undefined>();
  const confirm = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (pending) confirm.current?.focus();
  }, [pending]);
  const label: Record<FixKind, string> = {
    number: strings.fixNumber,
    zero: strings.fixZero,
    formula: strings.fixFormula,
  };
  const kinds = (["number", "zero", "formula"] as const).filter((kind) => fixes.some((fix) => fix.kind === kind));
  if (kinds.length === 0) return null;
  return (
    <section aria-labelledby="fixes-heading" style={{ display: "grid", gap: 6 }}>
      <Subtitle2 as="h2" id="fixes-heading">
        {strings.fixes}
      </Subtitle2>
      {kinds.map((kind) => {
        const ofKind = fixes.filter((fix) => fix.kind === kind);
        return (
          <Button key={kind} disabled={busy || pending !== undefined} onClick={() => setPending(ofKind)}>
            {fill(label[kind], { count: ofKind.length })}
          </Button>
        );
      })}
      {pending ? (
        <div
          ref={confirm}
          role="alertdialog"
          aria-labelledby="fix-title"
          aria-describedby="fix-intro"
          tabIndex={-1}
          className={styles.confirm}
          onKeyDown={(event) => event.key === "Escape" && setPending(undefined)}
        >
          <Text weight="semibold" id="fix-title">
            {strings.fixConfirmTitle}
          </Text>
          <Text id="fix-intro">{fill(strings.fixConfirmIntro, { count: pending.length })}</Text>
          <ul className={styles.list}>
            {pending.slice(0, SHOWN).map((fix) => (
              <li key={fix.cell}>{fix.description}</li>
            ))}
            {pending.length > SHOWN ? <li>… +{pending.length - SHOWN}</li> : null}
          </ul>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              onClick={() => {
                onApply(pending);
                setPending(undefined);
              }}
            >
              {strings.fixApply}
            </Button>
            <Button onClick={() => setPending(undefined)}>{strings.cancel}</Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
