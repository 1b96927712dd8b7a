import type { ExcelRunner } from "./runner";

export interface ChangeWatch {
  stop(): Promise<void>;
}

/**
 * Calls `onChange` when staff change one of these sheets. Changes the add-in made itself are reported
 * as such where Excel says so (ExcelApi 1.14 `triggerSource`), so the caller can ignore them; events can
 * coalesce or drop, so the caller re-reads the workbook rather than trusting the event.
 */
export async function watchChanges(
  run: ExcelRunner,
  sheets: readonly string[],
  onChange: (madeByThisAddin: boolean) => void,
): Promise<ChangeWatch> {
  const handlers = await run(async (context) => {
    const results = sheets.map((name) =>
      context.workbook.worksheets.getItem(name).onChanged.add(async (event) => {
        onChange(event.triggerSource === "ThisLocalAddin");
      }),
    );
    await context.sync();
    return results;
  });
  return {
    async stop() {
      for (const handler of handlers) handler.remove();
      await handlers[0]?.context.sync();
    },
  };
}
