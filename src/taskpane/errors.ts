import { BuildError } from "../excel";
import { fill, type Strings } from "./strings";

/** A failure of a workbook action, in words staff can act on; the pane goes on working. */
export function describeFailure(error: unknown, strings: Strings): string {
  if (error instanceof BuildError) return error.message;
  const code = (error as { code?: string } | undefined)?.code;
  if (code === "AccessDenied") return strings.protectedSheet;
  if (code === "ItemNotFound" || code === "InvalidArgument") return strings.sheetMissing;
  // The reason is quoted inside a Chinese sentence: its own full stop would double the punctuation.
  const reason = (error instanceof Error ? error.message : String(error)).replace(/[.。\s]+$/, "");
  return fill(strings.syncFailed, { reason });
}
