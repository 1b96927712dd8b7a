/**
 * What the pages' build uses instead of generate.ts (webpack.config.js): a page never generates code
 * (its Content-Security-Policy forbids it), so the code generators drop out of the pane's bundle.
 */
export function generatingCode(): boolean {
  return false;
}

export function generatedFunction<F>(): F | undefined {
  return undefined;
}
