import { checkReport } from "../../src/rules";
import { expectedFindings, FIXTURE_NAMES, loadFixture, PREVIOUS_YEAR } from "../support/fixtures";

describe("the checker on real published reports", () => {
  it("has every fixture of the shared set", () => {
    expect(FIXTURE_NAMES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(FIXTURE_NAMES)("%s gives exactly its expected findings", (name) => {
    const previousName = PREVIOUS_YEAR[name];
    const findings = checkReport(loadFixture(name), previousName ? loadFixture(previousName) : undefined);
    const lines = findings.map((f) => `${f.rule} ${f.target} ${f.severity}`).sort();
    expect(lines).toEqual(expectedFindings(name));
  });

  it("checks the consecutive years with the cross-year rules in force", () => {
    // The pairs agree, so Y1/Y2 give nothing; changing last year's carry-over must make Y1 speak.
    const previous = loadFixture("suqian-city-2023");
    const current = loadFixture("suqian-city-2024");
    const tables = JSON.parse(JSON.stringify(previous.tables));
    tables["三"]["四"]["自然人"] += 1;
    const findings = checkReport(current, { ...previous, tables });
    expect(findings.filter((f) => f.rule === "Y1").map((f) => f.target)).toEqual(["三:二:自然人"]);
  });
});
