import { parseReportJson, stringifyReport } from "../report/json";
import type { Report } from "../report/types";
import type { ExcelRunner } from "./runner";

/** Last year's report, kept in the workbook so that the cross-year check survives reopening. */
export const PREVIOUS_KEY = "disclosureReport.previous";

export async function savePrevious(run: ExcelRunner, report: Report | undefined): Promise<void> {
  await run(async (context) => {
    if (report) {
      context.workbook.settings.add(PREVIOUS_KEY, stringifyReport(report));
    } else {
      // A null object refuses delete(): look first.
      const setting = context.workbook.settings.getItemOrNullObject(PREVIOUS_KEY);
      setting.load("key");
      await context.sync();
      if (!setting.isNullObject) setting.delete();
    }
    await context.sync();
  });
}

export async function loadPrevious(run: ExcelRunner): Promise<Report | undefined> {
  return run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(PREVIOUS_KEY);
    setting.load("value");
    await context.sync();
    if (setting.isNullObject || typeof setting.value !== "string") return undefined;
    return parseReportJson(setting.value).report;
  });
}
