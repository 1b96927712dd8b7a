import { Subtitle2 } from "@fluentui/react-components";
import { a1, TABLE_IDS, type CellId, type TableId } from "../format";
import type { ReadResult } from "../excel";
import type { Finding } from "../rules";
import { fill, type Strings } from "./strings";
import { FindingButton, useFindingListStyles } from "./FindingButton";
import { Tag } from "./Tag";

interface Props {
  readonly strings: Strings;
  readonly findings: readonly Finding[];
  readonly read: ReadResult;
  readonly onSelect: (id: CellId) => void;
}

const tableOf = (finding: Finding) => finding.target.slice(0, finding.target.indexOf(":")) as TableId;

/** Findings grouped by table (表二 / 表三 / 表四), errors first; each one a button that selects its cell. */
export function Findings({ strings, findings, read, onSelect }: Props) {
  const styles = useFindingListStyles();
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
          <section key={table} aria-labelledby={headingId} style={{ display: "grid", gap: 6 }}>
            <Subtitle2 as="h2" id={headingId}>
              {strings.table[table]}{" "}
              <Tag tone={group.some((f) => f.severity === "error") ? "danger" : "warning"}>
                {fill(strings.groupCount, { count: group.length })}
              </Tag>
            </Subtitle2>
            <ul className={styles.list}>
              {group.map((finding) => (
                <li key={`${finding.rule}-${finding.target}`}>
                  <FindingButton
                    strings={strings}
                    finding={finding}
                    where={where(finding.target)}
                    onSelect={() => onSelect(finding.target)}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
