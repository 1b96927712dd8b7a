import type { DocumentFileSource } from "../../src/excel/file";

/**
 * Office.context.document as Excel hands over a file: slices answered out of order in time (as a real
 * host may), optionally failing one; records whether the file was closed.
 */
export function fakeDocument(bytes: Uint8Array, { failSlice }: { failSlice?: number } = {}) {
  const state = { closed: 0, opened: 0, sliceSize: 0 };
  const document: DocumentFileSource = {
    getFileAsync: ((_type: unknown, options: { sliceSize: number }, callback: (result: unknown) => void) => {
      state.opened++;
      state.sliceSize = options.sliceSize;
      const sliceCount = Math.max(1, Math.ceil(bytes.length / options.sliceSize));
      const file = {
        size: bytes.length,
        sliceCount,
        getSliceAsync(index: number, done: (result: unknown) => void) {
          setTimeout(
            () =>
              index === failSlice
                ? done({ status: "failed", error: new Error(`slice ${index} failed`) })
                : done({
                    status: "succeeded",
                    value: {
                      index,
                      size: 0,
                      data: Array.from(bytes.subarray(index * options.sliceSize, (index + 1) * options.sliceSize)),
                    },
                  }),
            (sliceCount - index) * 2,
          );
        },
        closeAsync(done: (result: unknown) => void) {
          state.closed++;
          done({ status: "succeeded" });
        },
      };
      setTimeout(() => callback({ status: "succeeded", value: file }), 0);
    }) as unknown as DocumentFileSource["getFileAsync"],
  };
  return { document, state };
}
