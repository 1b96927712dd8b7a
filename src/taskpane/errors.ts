import { BuildError } from "../excel";
import { fill, type Strings } from "./strings";

/** A failure of a workbook action, in words staff can act on; the pane goes on working. */
export function describeFailure(error: unknown, strings: Strings): string {
  if (error instanceof BuildError) return error.message;
  const code = (error as { code?: string } | undefined)?.code;
  if (code === "AccessDenied") return strings.protectedSheet;
  if (code === "ItemNotFound" || code === "InvalidArgument") return strings.sheetMissing;
  const reason = error instanceof Error ? error.message : String(error);
  return fill(strings.syncFailed, { reason });
}
