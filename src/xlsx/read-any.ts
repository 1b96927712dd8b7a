import type { Workbook } from "exceljs";
import type { Deviation } from "../recognise/deviations";
import { recogniseSheets } from "../recognise/recognise";
import type { Report } from "../report/types";
import { readBuiltWorkbook } from "./read-built";
import { workbookGrids } from "./sheets";

export interface WorkbookReport {
  readonly report: Report;
  /** How the tables were found: by the names the add-in wrote, or by their labels. */
  readonly source: "built" | "recognised";
  readonly deviations: readonly Deviation[];
}

/** The report tables of a loaded workbook: built by the add-in, or any layout the recogniser knows. */
export function readAnyWorkbook(workbook: Workbook): WorkbookReport | undefined {
  const built = readBuiltWorkbook(workbook);
  if (built) return { report: built, source: "built", deviations: [] };
  const recognised = recogniseSheets(workbookGrids(workbook));
  return recognised && { report: recognised.report, source: "recognised", deviations: recognised.deviations };
}
