/**
 * Browser APIs that jsdom lacks and every Office webview has (Fluent UI uses them). Only for tests that
 * run on jsdom; the node tests see no window.
 */
const win = globalThis.window;
if (win) {
  if (!win.ResizeObserver) {
    win.ResizeObserver = class ResizeObserver {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  }
  if (typeof globalThis.TextEncoder === "undefined") {
    const { TextEncoder, TextDecoder } = require("util");
    globalThis.TextEncoder = TextEncoder;
    globalThis.TextDecoder = TextDecoder;
  }
  if (!win.matchMedia) {
    win.matchMedia = (query) => ({
      matches: false,
      media: query,
      addEventListener() {},
      removeEventListener() {},
      addListener() {},
      removeListener() {},
      onchange: null,
      dispatchEvent: () => false,
    });
  }
}
