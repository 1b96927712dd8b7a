/**
 * Code generated once per format from the model's own keys and slot numbers, never from report data.
 *
 * It pays where thousands of reports are checked (the command line, the bench): literal property names
 * and slot numbers instead of lookups by key, each of which is megamorphic. A page checks one report at
 * a time, and its Content-Security-Policy forbids `new Function` (each attempt would be reported as a
 * violation), so pages keep the generic code. Tests prove that both give the same result.
 */

/** Whether to generate code here: not in a page. */
export function generatingCode(): boolean {
  // No DOM types here (the rules also build for Node): a page is where a global `document` exists.
  return !("document" in globalThis);
}

/** The function, or undefined where the runtime forbids generating code. */
export function generatedFunction<F>(parameters: readonly string[], body: string): F | undefined {
  try {
    return new Function(...parameters, body) as F;
  } catch {
    return undefined;
  }
}
