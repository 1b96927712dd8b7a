/** Runs a batch against the workbook: `Excel.run` in Excel, the emulator's `run` in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The runner inside Excel. */
export const officeRunner: ExcelRunner = (batch) => Excel.run(batch);
