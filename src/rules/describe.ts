import { TABLE_NAMES, type ValueCell } from "../format";
import type { CellValue } from "../report/types";

/** Where a cell is, in words staff use: 表三“（一）予以公开”行“自然人”列, 表四“行政复议”的“总计”. */
export function describeCell(cell: ValueCell): string {
  const table = TABLE_NAMES[cell.table];
  return cell.table === "三"
    ? `${table}“${cell.rowName}”行“${cell.columnName}”列`
    : `${table}“${cell.rowName}”的“${cell.columnName}”`;
}

/** Most figures in messages are small counts: their text is made once, not per message. */
const SMALL_COUNTS = Array.from({ length: 1024 }, (_, i) => String(i));

/** A number as a message shows it: no float noise, no exponent for ordinary figures. */
export function formatNumber(value: number): string {
  if (value >>> 0 === value && value < SMALL_COUNTS.length) return SMALL_COUNTS[value];
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(6)));
}

/** What a cell holds, as a message shows it after “表中为”: ` 5`, `空白`, `“/”`. */
export function formatValue(value: CellValue): string {
  if (value === null) return "空白";
  if (typeof value === "number") return ` ${formatNumber(value)}`;
  return value.trim() === "" ? "空白" : `“${value}”`;
}
