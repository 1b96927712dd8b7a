/** Where the pane is running: inside Excel, inside another Office host, or in a plain browser. */
export type HostState = "excel" | "outside-office" | "old-excel";

/**
 * Waits for office.js and tells where we are. Outside Office, office.js may be missing (`Office`
 * undefined) or load and report `host: null`; both mean a plain browser.
 */
export async function detectHost(): Promise<HostState> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "outside-office";
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return "outside-office";
  return Office.context.requirements.isSetSupported("ExcelApi", "1.8") ? "excel" : "old-excel";
}
