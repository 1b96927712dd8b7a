import { readWorkbookFile } from "../../src/excel/file";
import { fakeDocument } from "../support/office-document";

describe("the checked workbook through getFileAsync", () => {
  const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7) % 256);

  it("joins the slices in order and closes the file", async () => {
    const { document, state } = fakeDocument(bytes);
    const read = await readWorkbookFile(document, 1024);
    expect(Buffer.from(read).equals(Buffer.from(bytes))).toBe(true);
    expect(state).toEqual({ opened: 1, closed: 1, sliceSize: 1024 });
  });

  it("closes the file even when a slice fails, and says so", async () => {
    const { document, state } = fakeDocument(bytes, { failSlice: 3 });
    await expect(readWorkbookFile(document, 1024)).rejects.toThrow("slice 3 failed");
    expect(state.closed).toBe(1);
  });

  it("asks for 4 MB slices by default", async () => {
    const { document, state } = fakeDocument(bytes);
    await readWorkbookFile(document);
    expect(state.sliceSize).toBe(4 * 1024 * 1024);
  });
});
