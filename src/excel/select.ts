import type { CellId, FormatId } from "../format";
import { cellRange } from "./locate";
import type { ExcelRunner } from "./runner";

/** Goes to a finding's cell: activates its sheet and selects it, in one sync. */
export async function selectCell(run: ExcelRunner, format: FormatId, id: CellId): Promise<void> {
  await run(async (context) => {
    const range = cellRange(context, format, id);
    range.worksheet.activate();
    range.select();
    await context.sync();
  });
}
