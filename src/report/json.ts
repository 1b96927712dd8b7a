import { FORMATS, isFormatId, TABLE_IDS, type TableId } from "../format";
import { REPORT_SCHEMA, type CellValue, type Report } from "./types";

/** The input cannot be read as a report; the message says why, in Chinese, naming the place. */
export class ReportReadError extends Error {
  override readonly name = "ReportReadError";
}

/** A key the format does not have: kept out of the check, and said. */
export interface UnknownKey {
  readonly path: string;
  readonly message: string;
}

export interface ParsedReport {
  readonly report: Report;
  readonly unknownKeys: readonly UnknownKey[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const describeType = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "数组" : typeof value === "object" ? "对象" : typeof value;

/** Reads report JSON text. Throws ReportReadError with a message that names the problem and where it is. */
export function parseReportJson(text: string): ParsedReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ReportReadError(`不是有效的 JSON：${(error as Error).message}`);
  }
  return validateReport(data);
}

/** Checks the shape of parsed report JSON (schema, format, tables, cells) and lists unknown keys. */
export function validateReport(data: unknown): ParsedReport {
  if (!isPlainObject(data)) throw new ReportReadError(`报表 JSON 的顶层应为对象，实为${describeType(data)}`);
  if (data.schema !== REPORT_SCHEMA) {
    throw new ReportReadError(`“schema”应为 "${REPORT_SCHEMA}"，实为 ${JSON.stringify(data.schema) ?? "缺失"}`);
  }
  if (!isFormatId(data.format)) {
    throw new ReportReadError(
      `未知的格式 ${JSON.stringify(data.format) ?? "（缺失）"}：“format”应为 "2021"（国办公开办函〔2021〕30号）或 "2019"（国办公开办函〔2019〕60号）`,
    );
  }
  if (data.year !== undefined && !(typeof data.year === "number" && Number.isInteger(data.year))) {
    throw new ReportReadError(`“year”应为整数年份，实为 ${JSON.stringify(data.year)}`);
  }
  if (data.agency !== undefined && typeof data.agency !== "string") {
    throw new ReportReadError(`“agency”应为文本，实为${describeType(data.agency)}`);
  }
  if (!isPlainObject(data.tables)) {
    throw new ReportReadError(`“tables”应为对象，实为${describeType(data.tables)}`);
  }

  const format = FORMATS[data.format];
  const unknownKeys: UnknownKey[] = [];
  for (const [tableKey, table] of Object.entries(data.tables)) {
    if (!(TABLE_IDS as readonly string[]).includes(tableKey)) {
      unknownKeys.push({ path: `tables.${tableKey}`, message: `未知的表“${tableKey}”（应为 二、三、四），未检查` });
      continue;
    }
    const model = format.tables[tableKey as TableId];
    if (table === null || table === undefined) continue;
    if (!isPlainObject(table)) {
      throw new ReportReadError(`表${tableKey}应为对象（行 → 列 → 数值），实为${describeType(table)}`);
    }
    for (const [rowKey, row] of Object.entries(table)) {
      const path = `tables.${tableKey}.${rowKey}`;
      if (!model.rowKeys.includes(rowKey)) {
        unknownKeys.push({ path, message: `表${tableKey}没有“${rowKey}”这一行（${format.title}），该行未检查` });
        continue;
      }
      if (row === null) continue;
      if (!isPlainObject(row)) {
        throw new ReportReadError(`表${tableKey}“${rowKey}”行应为对象（列 → 数值），实为${describeType(row)}`);
      }
      for (const [columnKey, value] of Object.entries(row)) {
        if (!format.cellById.has(`${tableKey}:${rowKey}:${columnKey}`)) {
          unknownKeys.push({
            path: `${path}.${columnKey}`,
            message: `表${tableKey}“${rowKey}”行没有“${columnKey}”这一列（${format.title}），该值未检查`,
          });
          continue;
        }
        if (!isCellValue(value)) {
          throw new ReportReadError(
            `表${tableKey}“${rowKey}”行“${columnKey}”列的值应为数字、文本或 null，实为${describeType(value)}`,
          );
        }
      }
    }
  }
  return { report: data as unknown as Report, unknownKeys };
}

function isCellValue(value: unknown): value is CellValue {
  return value === null || typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}

/** Report JSON as the command line writes it: two-space indent, a final newline. */
export function stringifyReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
