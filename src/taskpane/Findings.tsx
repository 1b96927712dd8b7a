import { Subtitle2 } from "@fluentui/react-components";
import { a1, TABLE_IDS, type CellId, type TableId } from "../format";
import type { ReadResult } from "../excel";
import type { Doubt, Finding } from "../rules";
import { fill, type Strings } from "./strings";
import { FindingButton, useFindingListStyles } from "./FindingButton";
import { Tag } from "./Tag";

interface Props {
  readonly strings: Strings;
  readonly findings: readonly Finding[];
  /** Figures to confirm, listed after the findings. */
  readonly doubts: readonly Doubt[];
  readonly read: ReadResult;
  readonly onSelect: (id: CellId) => void;
}

const tableOf = (finding: Finding) => finding.target.slice(0, finding.target.indexOf(":")) as TableId;

/**
 * Findings grouped by table (表二 / 表三 / 表四), errors first, then the figures to confirm (请核对);
 * each one a button that selects its cell.
 */
export function Findings({ strings, findings, doubts, read, onSelect }: Props) {
  const styles = useFindingListStyles();
  const where = (id: CellId) => {
    const position = read.positions.get(id);
    const sheet = read.sheets[id.slice(0, id.indexOf(":")) as TableId];
    return position && sheet ? `${sheet}!${a1(position.row, position.col)}` : "";
  };
  const group = (key: string, heading: string, items: readonly (Finding | Doubt)[]) => {
    if (items.length === 0) return null;
    const headingId = `findings-${key}`;
    const danger = items.some((item) => "rule" in item && item.severity === "error");
    return (
      <section key={key} aria-labelledby={headingId} style={{ display: "grid", gap: 6 }}>
        <Subtitle2 as="h2" id={headingId}>
          {heading} <Tag tone={danger ? "danger" : "warning"}>{fill(strings.groupCount, { count: items.length })}</Tag>
        </Subtitle2>
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={"rule" in item ? `${item.rule}-${item.target}` : item.target}>
              <FindingButton
                strings={strings}
                finding={item}
                where={where(item.target)}
                onSelect={() => onSelect(item.target)}
              />
            </li>
          ))}
        </ul>
      </section>
    );
  };
  return (
    <>
      {TABLE_IDS.map((table) =>
        group(
          table,
          strings.table[table],
          // checkReport already gives each table's errors before its warnings.
          findings.filter((finding) => tableOf(finding) === table),
        ),
      )}
      {group("doubts", strings.doubt, doubts)}
    </>
  );
}
