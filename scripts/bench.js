"use strict";
/**
 * `npm run bench`: one figure a line, `name: value`. Throughput figures vary with the machine; counts
 * (syncs, bytes) are stable and are what to compare between commits.
 */
const { readFileSync, readdirSync } = require("fs");
const { join } = require("path");

const root = join(__dirname, "..");
const { checkReport } = require(join(root, "build/node/rules"));
const { parseReportJson } = require(join(root, "build/node/report/json"));

function print(name, value) {
  process.stdout.write(`${name}: ${value}\n`);
}

function benchChecker() {
  const dir = join(root, "test/fixtures/real-reports");
  const reports = readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .map((file) => parseReportJson(readFileSync(join(dir, file), "utf8")).report);
  const pairs = [
    ["pingtan-comprehensive-pilot-zone-2022.json", "pingtan-comprehensive-pilot-zone-2021.json"],
    ["suqian-city-2024.json", "suqian-city-2023.json"],
  ].map(([a, b]) => [a, b].map((file) => parseReportJson(readFileSync(join(dir, file), "utf8")).report));

  let findings = 0;
  const round = () => {
    for (const report of reports) findings += checkReport(report).length;
    for (const [current, previous] of pairs) findings += checkReport(current, previous).length;
    return reports.length + pairs.length;
  };
  for (let i = 0; i < 2000; i++) round(); // warm up the JIT
  // The median of several short windows: this kind of machine shares its cores, and one slow window
  // (another tenant busy) should not move the figure; the median does not flatter it either.
  findings = 0;
  let checked = 0;
  const rates = [];
  for (let window = 0; window < 9; window++) {
    const start = process.hrtime.bigint();
    let inWindow = 0;
    let elapsed = 0;
    while (elapsed < 0.25) {
      for (let i = 0; i < 100; i++) inWindow += round();
      elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    }
    checked += inWindow;
    rates.push(inWindow / elapsed);
  }
  rates.sort((a, b) => a - b);
  const rate = rates[Math.floor(rates.length / 2)];
  print("checker.reports_per_s", Math.round(rate));
  print("checker.findings_per_report", (findings / checked).toFixed(2));
}

/** The JavaScript that taskpane.html loads before anything is clicked. */
function benchBundle() {
  const size = require("./bundle-size").measure();
  if (!size) return;
  print("bundle.taskpane.raw_bytes", size.raw);
  print("bundle.taskpane.gzip_bytes", size.gzip);
}

/** Round trips per user action, counted on the emulator: stable, whatever the machine. */
async function benchSyncs() {
  const bench = join(root, "build/bench");
  const { ExcelEmulator } = require(join(bench, "test/support/excel-emulator"));
  const { typeReport } = require(join(bench, "test/support/workbook"));
  const excelLayer = require(join(bench, "src/excel"));
  const { checkReport: check } = require(join(bench, "src/rules"));
  const report = parseReportJson(
    readFileSync(join(root, "test/fixtures/real-reports/shanghai-municipal-government-office-2019.json"), "utf8"),
  ).report;
  const excel = new ExcelEmulator();
  const count = async (name, action) => {
    const { result, syncs } = await excel.countSyncs(action);
    print(`excel.${name}.syncs`, syncs);
    return result;
  };
  await count("build", () =>
    excelLayer.buildTables(excel.run, { format: report.format, agency: "上海市人民政府办公厅", year: 2019 }),
  );
  typeReport(excel, report, { totals: true });
  const read = await count("read", () => excelLayer.readTables(excel.run));
  const findings = check(read.report);
  print("excel.highlight.cells", findings.length);
  await count("highlight", () => excelLayer.highlightFindings(excel.run, report.format, findings));
  await count("clear", () => excelLayer.clearHighlights(excel.run, report.format));
  await count("recheck", () => excelLayer.recheck(excel.run));
  await count("select", () => excelLayer.selectCell(excel.run, report.format, findings[0].target));
  await count("rebuild", () =>
    excelLayer.buildTables(excel.run, { format: report.format, agency: "上海市人民政府办公厅", year: 2019 }),
  );

  // The pane's 汇总 of 80 departments (sheet copies and block writes, a few syncs whatever the number).
  const { writeConsolidation } = require(join(bench, "src/excel/consolidation"));
  const departments = Array.from({ length: 80 }, (_, i) => ({ name: `部门${i + 1}`, report }));
  const fresh = new ExcelEmulator();
  const { syncs } = await fresh.countSyncs(() =>
    writeConsolidation(fresh.run, { format: report.format, agency: "汇总", year: 2019, departments }),
  );
  print("excel.consolidate_80.syncs", syncs);
}

/** The command line consolidating N department workbooks (read, check, sum), at three sizes. */
async function benchConsolidate() {
  const { mkdtempSync, copyFileSync, writeFileSync, rmSync } = require("fs");
  const { tmpdir } = require("os");
  const { writeTemplate } = require(join(root, "build/node/xlsx/template"));
  const { run, nodeIo } = require(join(root, "build/node/cli/main"));
  const dir = mkdtempSync(join(tmpdir(), "bench-consolidate-"));
  try {
    const sources = [];
    for (const name of ["suqian-city-2024", "pingtan-comprehensive-pilot-zone-2022", "suqian-city-2023"]) {
      const report = parseReportJson(
        readFileSync(join(root, `test/fixtures/real-reports/${name}.json`), "utf8"),
      ).report;
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, await writeTemplate({ format: "2021", agency: name, year: 2024, report }));
      sources.push(file);
    }
    const files = Array.from({ length: 1000 }, (_, i) => {
      const file = join(dir, `部门${String(i + 1).padStart(4, "0")}.xlsx`);
      copyFileSync(sources[i % sources.length], file);
      return file;
    });
    const quiet = { ...nodeIo(false), stdout: () => undefined, stderr: () => undefined };
    for (const count of [100, 300, 1000]) {
      const start = process.hrtime.bigint();
      await run(["consolidate", ...files.slice(0, count), "--json"], quiet);
      print(`consolidate.files_${count}.seconds`, (Number(process.hrtime.bigint() - start) / 1e9).toFixed(2));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  benchChecker();
  await benchSyncs();
  await benchConsolidate();
  benchBundle();
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
