import { useEffect, useState, type CSSProperties, type KeyboardEvent } from "react";
import { a1 } from "../src/format/a1";
import type { ExcelEmulator } from "../test/support/excel-emulator/core";
import { within, type SheetState } from "../test/support/excel-emulator/state";

/** Points (Excel's column widths) to pixels. */
const PX_PER_PT = 4 / 3;
const MIN_ROWS = 30;
const MIN_COLUMNS = 12;

function columnName(col: number): string {
  return a1(0, col).replace(/\d+$/, "");
}

function shown(value: unknown): string {
  if (value === "" || value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** A conditional format's rule, evaluated as Excel does for the top-left cell of its range. */
function conditionalFill(excel: ExcelEmulator, sheet: SheetState, row: number, col: number) {
  for (const format of sheet.conditionalFormats) {
    if (!within(format.rect, row, col)) continue;
    const result = excel.state.engine.calculateFormula(format.formula, sheet.id);
    if (result === true || (typeof result === "number" && result !== 0)) {
      return { background: format.fill, color: format.fontColor };
    }
  }
  return undefined;
}

const BORDER = "1px solid #7f7f7f";

function cellStyle(
  excel: ExcelEmulator,
  sheet: SheetState,
  row: number,
  col: number,
  selected: boolean,
): CSSProperties {
  const format = excel.state.format(sheet, row, col);
  const conditional = conditionalFill(excel, sheet, row, col);
  return {
    background: conditional?.background ?? format.fill ?? "#fff",
    color: conditional?.color ?? format.fontColor ?? "#000",
    fontWeight: format.fontBold ? 700 : 400,
    fontSize: format.fontSize ? `${format.fontSize}pt` : undefined,
    textAlign: (format.horizontalAlignment?.toLowerCase() as CSSProperties["textAlign"]) ?? "left",
    whiteSpace: format.wrapText ? "normal" : "nowrap",
    borderTop: format.borderTop && format.borderTop !== "None" ? BORDER : undefined,
    borderBottom: format.borderBottom && format.borderBottom !== "None" ? BORDER : undefined,
    borderLeft: format.borderLeft && format.borderLeft !== "None" ? BORDER : undefined,
    borderRight: format.borderRight && format.borderRight !== "None" ? BORDER : undefined,
    outline: selected ? "2px solid #217346" : undefined,
    outlineOffset: -2,
    padding: "2px 4px",
    cursor: "cell",
  };
}

interface Props {
  readonly excel: ExcelEmulator;
}

/**
 * The emulator's workbook drawn as a simple grid: sheet tabs, merged cells, values with their formulas
 * recalculated, formats, conditional formats (the add-in's marks) and the selection. Typing goes through
 * the emulator as a person's typing does: refused on protected cells, seen by the pane's change events.
 */
export function Grid({ excel }: Props) {
  const [, redraw] = useState(0);
  const [entry, setEntry] = useState("");
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    const listener = () => redraw((n) => n + 1);
    excel.listeners.add(listener);
    return () => void excel.listeners.delete(listener);
  }, [excel]);

  const sheet = excel.state.sheetById(excel.state.activeSheetId) ?? excel.state.sheets[0];
  const selection = excel.state.selection?.sheetId === sheet.id ? excel.state.selection.rect : undefined;
  const selected = selection ? a1(selection.row, selection.col) : "";

  useEffect(() => {
    if (!selection) return;
    setEntry(shown(excel.state.formula(sheet, selection.row, selection.col)));
    document
      .querySelector(`[data-cell="${a1(selection.row, selection.col)}"]`)
      ?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [excel, sheet, selection?.row, selection?.col]);

  const used = excel.state.usedRect(sheet);
  const rows = Math.max(MIN_ROWS, used ? used.row + used.rowCount + 2 : 0);
  const columns = Math.max(MIN_COLUMNS, used ? used.col + used.colCount + 1 : 0);
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const merge of sheet.merges) {
    spans.set(`${merge.row},${merge.col}`, { rowSpan: merge.rowCount, colSpan: merge.colCount });
    for (let r = merge.row; r < merge.row + merge.rowCount; r++)
      for (let c = merge.col; c < merge.col + merge.colCount; c++)
        if (r !== merge.row || c !== merge.col) covered.add(`${r},${c}`);
  }

  const select = (row: number, col: number) => {
    setMessage(undefined);
    excel.state.selection = { sheetId: sheet.id, rect: { row, col, rowCount: 1, colCount: 1 } };
    redraw((n) => n + 1);
  };
  const commit = () => {
    if (!selection) return;
    try {
      excel.type(sheet.name, selected, entry);
      select(selection.row + 1, selection.col);
    } catch (error) {
      const code = (error as { code?: string }).code;
      setMessage(code === "AccessDenied" ? `${selected} 受保护：合计和标题由表格自动生成，不能改写。` : String(error));
    }
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
    }
  };

  return (
    <div style={{ display: "grid", gridTemplateRows: "auto auto 1fr auto", height: "100%", minHeight: 0 }}>
      <div
        style={{ display: "flex", gap: 8, alignItems: "center", padding: "4px 8px", borderBottom: "1px solid #ddd" }}
      >
        <label htmlFor="formula-bar" style={{ minWidth: 48, fontFamily: "monospace" }}>
          {selected || "—"}
        </label>
        <input
          id="formula-bar"
          aria-label="编辑栏"
          value={entry}
          disabled={!selection}
          onChange={(event) => setEntry(event.target.value)}
          onKeyDown={onKey}
          style={{ flex: 1, font: "inherit", padding: "2px 4px" }}
          placeholder="选中单元格后在这里输入，按回车确认"
        />
      </div>
      <div role="alert" style={{ color: "#a4262c", padding: message ? "4px 8px" : 0 }}>
        {message}
      </div>
      <div style={{ overflow: "auto", minHeight: 0 }}>
        <table
          aria-label={`工作表 ${sheet.name}`}
          style={{ borderCollapse: "collapse", tableLayout: "fixed", fontFamily: "SimSun, 'Songti SC', serif" }}
        >
          <colgroup>
            <col style={{ width: 36 }} />
            {Array.from({ length: columns }, (_, col) => (
              <col key={col} style={{ width: (sheet.columnWidths.get(col) ?? 56) * PX_PER_PT }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th />
              {Array.from({ length: columns }, (_, col) => (
                <th key={col} style={{ background: "#f3f3f3", fontWeight: 400, border: "1px solid #e1e1e1" }}>
                  {columnName(col)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, row) => (
              <tr key={row}>
                <th style={{ background: "#f3f3f3", fontWeight: 400, border: "1px solid #e1e1e1" }}>{row + 1}</th>
                {Array.from({ length: columns }, (_, col) => {
                  if (covered.has(`${row},${col}`)) return null;
                  const span = spans.get(`${row},${col}`);
                  const isSelected = selection !== undefined && selection.row === row && selection.col === col;
                  return (
                    <td
                      key={col}
                      data-cell={a1(row, col)}
                      rowSpan={span?.rowSpan}
                      colSpan={span?.colSpan}
                      aria-selected={isSelected}
                      onClick={() => select(row, col)}
                      onDoubleClick={() => document.getElementById("formula-bar")?.focus()}
                      style={{ border: "1px solid #e1e1e1", ...cellStyle(excel, sheet, row, col, isSelected) }}
                    >
                      {shown(excel.state.value(sheet, row, col))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div
        role="tablist"
        aria-label="工作表"
        style={{ display: "flex", gap: 2, borderTop: "1px solid #ddd", padding: 4 }}
      >
        {excel.state.sheets.map((s) => (
          <button
            key={s.id}
            role="tab"
            aria-selected={s.id === sheet.id}
            onClick={() => {
              excel.state.activeSheetId = s.id;
              redraw((n) => n + 1);
            }}
            style={{
              border: "1px solid #ccc",
              background: s.id === sheet.id ? "#fff" : "#f3f3f3",
              fontWeight: s.id === sheet.id ? 700 : 400,
              padding: "2px 10px",
            }}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
