import type { TableId } from "../format";

/**
 * The tables whose sheets the add-in unprotected and has not protected again. Recorded before the
 * protection is lifted and deleted after it is restored, in the same batch: a batch that fails half-way
 * leaves the record, and the next highlight or fix protects those sheets again.
 */
export const LIFTED_KEY = "disclosureReport.liftedProtection";

export interface TableProtection {
  readonly table: TableId;
  readonly protection: Excel.WorksheetProtection;
}

/** Queues the loads that `withProtectionLifted` needs: each sheet's protection, and the record. */
export function queueLiftedRecord(context: Excel.RequestContext): Excel.Setting {
  const record = context.workbook.settings.getItemOrNullObject(LIFTED_KEY);
  record.load("value");
  return record;
}

/**
 * After the sync of the loads: lifts the protection of these tables' sheets (those protected now, and
 * those a failed batch left lifted) around `change`, then protects them again.
 */
export function withProtectionLifted(
  context: Excel.RequestContext,
  record: Excel.Setting,
  sheets: readonly TableProtection[],
  change: () => void,
): void {
  const leftLifted = new Set<unknown>(record.isNullObject || !Array.isArray(record.value) ? [] : record.value);
  const restore = sheets.filter((sheet) => sheet.protection.protected || leftLifted.has(sheet.table));
  // Tables a failed batch left lifted that this change does not touch stay recorded for a later one.
  const untouched = [...leftLifted].filter((table) => !sheets.some((sheet) => sheet.table === table));
  const added =
    restore.length > 0
      ? context.workbook.settings.add(LIFTED_KEY, [...untouched, ...restore.map((sheet) => sheet.table)])
      : undefined;
  restore.filter((sheet) => sheet.protection.protected).forEach((sheet) => sheet.protection.unprotect());
  change();
  restore.forEach((sheet) => sheet.protection.protect());
  if (untouched.length > 0) context.workbook.settings.add(LIFTED_KEY, untouched);
  else (added ?? (record.isNullObject ? undefined : record))?.delete();
}
