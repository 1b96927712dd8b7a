import { FORMAT_2019_SPEC } from "./format2019";
import { FORMAT_2021_SPEC } from "./format2021";
import { buildFormat } from "./layout";
import type { FormatId, FormatModel, TableId } from "./types";

export * from "./types";

/** Both formats, built once from their specs. */
export const FORMATS: Readonly<Record<FormatId, FormatModel>> = Object.freeze({
  "2021": buildFormat(FORMAT_2021_SPEC),
  "2019": buildFormat(FORMAT_2019_SPEC),
});

export const FORMAT_IDS: readonly FormatId[] = ["2021", "2019"];

export function isFormatId(value: unknown): value is FormatId {
  return value === "2021" || value === "2019";
}

/** The format a report of this year uses: the trial format for 2019 and 2020, the 2021 format after. */
export function formatForYear(year: number): FormatId {
  return year <= 2020 ? "2019" : "2021";
}

/** Table names as staff say them. */
export const TABLE_NAMES = { 二: "表二", 三: "表三", 四: "表四" } as const;

/** A record with one entry per table, made by `make`. */
export function perTable<T>(make: (id: TableId) => T): Record<TableId, T> {
  return { 二: make("二"), 三: make("三"), 四: make("四") };
}
export * from "./a1";
