import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Doubt, Finding } from "../rules";
import type { Strings } from "./strings";
import { Tag } from "./Tag";

export const useFindingListStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: "4px" },
  finding: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    alignItems: "start",
    gap: "8px",
    width: "100%",
    textAlign: "left",
    padding: "6px 8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    font: "inherit",
    color: "inherit",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  where: { color: tokens.colorNeutralForeground3, display: "block" },
});

interface Props {
  readonly strings: Strings;
  /** A finding, or a figure to confirm (shown like a warning, labelled 请核对). */
  readonly finding: Finding | Doubt;
  /** Where the cell is, e.g. `三 依申请公开!D8`, or empty when unknown. */
  readonly where: string;
  readonly onSelect: () => void;
}

/** One finding: its severity, its message and its cell; a button that goes to the cell. */
export function FindingButton({ strings, finding, where, onSelect }: Props) {
  const styles = useFindingListStyles();
  const isFinding = "rule" in finding;
  const severity = !isFinding ? strings.doubt : finding.severity === "error" ? strings.error : strings.warning;
  return (
    <button
      type="button"
      className={styles.finding}
      onClick={onSelect}
      aria-label={`${severity}：${finding.message}。${strings.goToCell} ${where}`}
    >
      <Tag tone={isFinding && finding.severity === "error" ? "danger" : "warning"}>{severity}</Tag>
      <span>
        {finding.message}
        <Caption1 className={styles.where}>
          {isFinding ? finding.rule : strings.doubt}
          {where ? ` · ${where}` : ""}
        </Caption1>
      </span>
    </button>
  );
}
