import { existsSync } from "fs";

/**
 * Whether a program the tests drive is on this machine. CI must have it (`.ci/run` installs it), so
 * there its absence fails; elsewhere the tests that need it skip, saying how to install it.
 */
export function toolAvailable(paths: readonly string[], what: string, install: string): boolean {
  const missing = paths.filter((path) => !existsSync(path));
  if (missing.length === 0) return true;
  const message = `${what} need ${missing.join(" and ")} (${install})`;
  if (process.env.CI) throw new Error(`${message}; CI must run them.`);
  console.warn(`Skipping: ${message}.`);
  return false;
}
