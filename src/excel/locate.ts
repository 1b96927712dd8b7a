import { FORMATS, type CellId, type FormatId } from "../format";
import { NAMES } from "./plan";

/** The range of one cell of a built table: where its row's and its column's names meet. */
export function cellRange(context: Excel.RequestContext, format: FormatId, id: CellId): Excel.Range {
  const cell = FORMATS[format].cellById.get(id);
  if (!cell) throw new Error(`no cell ${id} in the ${format} format`);
  const names = NAMES[format][cell.table];
  const row = context.workbook.names.getItem(names.rows.get(cell.row) as string).getRange();
  const column = context.workbook.names.getItem(names.columns.get(cell.col) as string).getRange();
  return row.getIntersection(column);
}
