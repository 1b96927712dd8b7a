import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { parseReportJson } from "../../src/report/json";
import type { Report } from "../../src/report/types";

export const FIXTURE_DIR = join(__dirname, "..", "fixtures", "real-reports");

/** Last year's report beside a fixture, as fixtures/README.md lists them. */
export const PREVIOUS_YEAR: Readonly<Record<string, string>> = {
  "pingtan-comprehensive-pilot-zone-2022": "pingtan-comprehensive-pilot-zone-2021",
  "suqian-city-2024": "suqian-city-2023",
};

export const FIXTURE_NAMES: readonly string[] = readdirSync(FIXTURE_DIR)
  .filter((file) => file.endsWith(".json"))
  .map((file) => file.replace(/\.json$/, ""))
  .sort();

export function fixturePath(name: string): string {
  return join(FIXTURE_DIR, `${name}.json`);
}

export function loadFixture(name: string): Report {
  return parseReportJson(readFileSync(fixturePath(name), "utf8")).report;
}

/** The `.expected` lines: `RULE TARGET SEVERITY`, sorted. */
export function expectedFindings(name: string): string[] {
  return readFileSync(join(FIXTURE_DIR, `${name}.expected`), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .sort();
}
