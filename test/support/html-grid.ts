import type { CellValue } from "../../src/report/types";
import type { Area, SheetGrid } from "../../src/recognise/grid";

const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

function textOf(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name])
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** What Excel makes of pasted cell text: numbers become numbers, empty cells stay empty. */
function pasted(text: string): CellValue {
  if (text === "") return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/**
 * A published page's tables as Excel holds them after a paste: paragraphs become one-cell rows, table
 * cells keep their rowspan/colspan as merged areas.
 */
export function htmlToGrid(html: string, name = "Sheet1"): SheetGrid {
  const cells: CellValue[][] = [];
  const merges: Area[] = [];
  const parts = html.split(/(<table[\s\S]*?<\/table>)/i);
  for (const part of parts) {
    if (!/^<table/i.test(part)) {
      for (const paragraph of part.split(/<\/p>/i)) {
        const text = textOf(paragraph);
        if (text) cells.push([text]);
      }
      continue;
    }
    const top = cells.length;
    const occupied = new Set<string>();
    const rows = part.match(/<tr[\s\S]*?<\/tr>/gi) ?? [];
    rows.forEach((rowHtml, r) => {
      let c = 0;
      for (const match of rowHtml.matchAll(/<t([dh])([^>]*)>([\s\S]*?)<\/t\1>/gi)) {
        while (occupied.has(`${r},${c}`)) c++;
        const rowSpan = Number(/rowspan="?(\d+)/i.exec(match[2])?.[1] ?? 1);
        const colSpan = Number(/colspan="?(\d+)/i.exec(match[2])?.[1] ?? 1);
        for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) occupied.add(`${r + dr},${c + dc}`);
        const row = (cells[top + r] ??= []);
        row[c] = pasted(textOf(match[3]));
        if (rowSpan > 1 || colSpan > 1) merges.push({ row: top + r, col: c, rowCount: rowSpan, colCount: colSpan });
        c += colSpan;
      }
    });
    for (let r = top; r < top + rows.length; r++) cells[r] ??= [];
    cells.push([]);
  }
  return { name, cells: cells.map((row) => Array.from({ length: row.length }, (_, i) => row[i] ?? null)), merges };
}
