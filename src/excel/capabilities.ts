import type { BuildCapabilities } from "./build";

/** What this Excel offers beyond the manifest's ExcelApi 1.8. */
export function probeCapabilities(): BuildCapabilities {
  const supported = (version: string) =>
    typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  return { pageLayout: supported("1.9"), mergedAreas: supported("1.13") };
}

/** Excel on Mac runs the pane in WKWebView, which does not save downloads from a task pane. */
export function downloadsBlocked(): boolean {
  return typeof Office !== "undefined" && Office.context?.platform === Office.PlatformType.Mac;
}

/** The open workbook's file, where Office can hand it to the pane (File API 1.1); else undefined. */
export function thisDocument(): Pick<Office.Document, "getFileAsync"> | undefined {
  if (typeof Office === "undefined" || !Office.context?.requirements.isSetSupported("File", "1.1")) return undefined;
  return Office.context.document;
}
