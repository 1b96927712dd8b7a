import type { ExcelRunner } from "./runner";

/** Goes to a cell by its sheet and position (for tables the add-in did not build), in one sync. */
export async function selectAt(run: ExcelRunner, sheet: string, row: number, col: number): Promise<void> {
  await run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRangeByIndexes(row, col, 1, 1).select();
    await context.sync();
  });
}
