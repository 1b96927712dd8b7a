import type { BuildCapabilities } from "./build";

/** What this Excel offers beyond the manifest's ExcelApi 1.8. */
export function probeCapabilities(): BuildCapabilities {
  const supported = (version: string) =>
    typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  return { pageLayout: supported("1.9"), mergedAreas: supported("1.13") };
}
