import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { a1, TABLE_IDS, type CellId, type TableId } from "../format";
import type { ReadResult } from "../excel";
import type { Finding } from "../rules";
import { fill, type Strings } from "./strings";
import { Tag } from "./Tag";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: "4px" },
  finding: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
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
  group: { display: "grid", gap: "6px" },
});

interface Props {
  readonly strings: Strings;
  readonly findings: readonly Finding[];
  readonly read: ReadResult;
  readonly onSelect: (id: CellId) => void;
}

const tableOf = (finding: Finding) => finding.target.slice(0, finding.target.indexOf(":")) as TableId;

/** Findings grouped by table (表二 / 表三 / 表四), errors first; each one a button that selects its cell. */
export function Findings({ strings, findings, read, onSelect }: Props) {
  const styles = useStyles();
  const where = (id: CellId) => {
    const position = read.positions.get(id);
    const sheet = read.sheets[id.slice(0, id.indexOf(":")) as TableId];
    return position && sheet ? `${sheet}!${a1(position.row, position.col)}` : "";
  };
  return (
    <>
      {TABLE_IDS.map((table) => {
        const group = findings
          .filter((finding) => tableOf(finding) === table)
          .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
        if (group.length === 0) return null;
        const headingId = `findings-${table}`;
        return (
          <section key={table} aria-labelledby={headingId} className={styles.group}>
            <Subtitle2 as="h2" id={headingId}>
              {strings.table[table]}{" "}
              <Tag tone={group.some((f) => f.severity === "error") ? "danger" : "warning"}>
                {fill(strings.groupCount, { count: group.length })}
              </Tag>
            </Subtitle2>
            <ul className={styles.list}>
              {group.map((finding) => (
                <li key={`${finding.rule}-${finding.target}`}>
                  <button
                    type="button"
                    className={styles.finding}
                    onClick={() => onSelect(finding.target)}
                    aria-label={`${finding.severity === "error" ? strings.error : strings.warning}：${finding.message}。${strings.goToCell} ${where(finding.target)}`}
                  >
                    <Tag tone={finding.severity === "error" ? "danger" : "warning"}>
                      {finding.severity === "error" ? strings.error : strings.warning}
                    </Tag>
                    <span>
                      {finding.message}
                      <Caption1 className={styles.where}>
                        {finding.rule} · {where(finding.target)}
                      </Caption1>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
