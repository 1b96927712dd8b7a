/** The part of Office.context.document that hands the task pane the workbook file. */
export type DocumentFileSource = Pick<Office.Document, "getFileAsync">;

/** Slices of at most 4 MB: the largest Office hands out. */
export const SLICE_SIZE = 4 * 1024 * 1024;

function settle<T>(call: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    call((result) =>
      // Office's enums are their string values ("succeeded", "compressed"); the Office global may be absent.
      String(result.status) === "succeeded"
        ? resolve(result.value)
        : reject(result.error ?? new Error("Office did not hand over the file")),
    ),
  );
}

/**
 * The checked workbook as an .xlsx file (Office.FileType.Compressed), read slice by slice in order. The
 * file is always closed, even when a slice fails: Office keeps at most two files open.
 */
export async function readWorkbookFile(document: DocumentFileSource, sliceSize = SLICE_SIZE): Promise<Uint8Array> {
  const compressed = "compressed" as unknown as Office.FileType.Compressed;
  const file = await settle<Office.File>((callback) => document.getFileAsync(compressed, { sliceSize }, callback));
  try {
    const parts: Uint8Array[] = [];
    for (let index = 0; index < file.sliceCount; index++) {
      const slice = await settle<Office.Slice>((callback) => file.getSliceAsync(index, callback));
      parts.push(Uint8Array.from(slice.data as number[]));
    }
    const bytes = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    return bytes;
  } finally {
    await new Promise<void>((resolve) => file.closeAsync(() => resolve()));
  }
}
