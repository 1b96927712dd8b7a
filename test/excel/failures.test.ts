import { buildTables, readTables } from "../../src/excel";
import { ExcelEmulator } from "../support/excel-emulator";

const OPTIONS = { format: "2021" as const, agency: "某局", year: 2023 };

/** What a person could see, with the order of names and conditional formats (and their ids) not counting. */
function normalised(excel: ExcelEmulator): unknown {
  const sheets = (excel.snapshot() as { conditionalFormats: { id: string }[] }[]).map((sheet) => ({
    ...sheet,
    conditionalFormats: sheet.conditionalFormats.map((format) => JSON.stringify({ ...format, id: "" })).sort(),
  }));
  const names = excel.state.names.map((name) => JSON.stringify(name)).sort();
  return { sheets, names, settings: [...excel.state.settings.entries()] };
}

describe("a build whose write fails half-way", () => {
  let clean: unknown;
  let operations = 0;

  beforeAll(async () => {
    const excel = new ExcelEmulator();
    await buildTables(excel.run, OPTIONS);
    clean = normalised(excel);
    // Count the operations of the write batch, to fail at points spread over it.
    const counter = new ExcelEmulator();
    counter.failAfterOperations = 1e9;
    await buildTables(counter.run, OPTIONS);
    operations = 1e9 - (counter.failAfterOperations ?? 0);
  });

  it("has a write batch worth testing", () => {
    expect(operations).toBeGreaterThan(1000);
  });

  it.each([1, 2, 3, 5, 8, 20, 60, 150, 400, 900, 0.5, 0.75, 0.9, 0.99, -3, -1])(
    "is repaired by the next build to exactly what an uninterrupted build makes (failing after %p operations)",
    async (point) => {
      const at = point < 0 ? operations + point : point < 1 ? Math.floor(operations * point) : point;
      const excel = new ExcelEmulator();
      excel.failAfterOperations = at;
      await expect(buildTables(excel.run, OPTIONS)).rejects.toMatchObject({ code: "GeneralException" });
      await buildTables(excel.run, OPTIONS);
      expect(normalised(excel)).toEqual(clean);
      expect((await readTables(excel.run))?.missingTables).toEqual([]);
    },
  );
});
