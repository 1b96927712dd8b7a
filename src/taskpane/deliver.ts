/** Handing a file or the tables to the person: a download, or the clipboard as HTML and as text. */

export class DownloadBlockedError extends Error {}

export function saveFile(bytes: Uint8Array | string, name: string, type: string, blocked: boolean): void {
  if (blocked) throw new DownloadBlockedError(name);
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function copyTables(html: string, text: string): Promise<void> {
  if (typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" }),
      }),
    ]);
    return;
  }
  if (!navigator.clipboard?.writeText) throw new Error("clipboard unavailable");
  await navigator.clipboard.writeText(text);
}

/** `<机关>-<年度>-政府信息公开年报表格`, without characters file systems refuse. */
export function baseName(agency: string | undefined, year: number | undefined): string {
  const safe = (text: string) => text.replace(/[\\/:*?"<>|]/g, "_").trim();
  return [agency ? safe(agency) : "", year ?? "", "政府信息公开年报表格"].filter((part) => part !== "").join("-");
}
