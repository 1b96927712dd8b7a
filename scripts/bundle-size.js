"use strict";
/**
 * The JavaScript that taskpane.html loads before anything is clicked (ExcelJS and other heavy parts are
 * separate chunks loaded on use). `--check` fails when it exceeds the budget of the task-pane issue.
 */
const { readFileSync, statSync, existsSync } = require("fs");
const { join } = require("path");
const { gzipSync } = require("zlib");

const BUDGET = { raw: 350 * 1024, gzip: 110 * 1024 };

function measure(dist = join(__dirname, "..", "dist")) {
  const html = join(dist, "taskpane.html");
  if (!existsSync(html)) return undefined;
  const scripts = [...readFileSync(html, "utf8").matchAll(/<script[^>]+src="?([^" >]+)"?/g)]
    .map((match) => match[1])
    .filter((src) => !/^https?:/.test(src));
  let raw = 0;
  let gzip = 0;
  for (const src of scripts) {
    const file = join(dist, src);
    raw += statSync(file).size;
    gzip += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return { raw, gzip };
}

module.exports = { measure, BUDGET };

if (require.main === module && process.argv.includes("--check")) {
  const size = measure();
  if (!size) {
    process.stderr.write("dist/taskpane.html is missing: run npm run build:web first\n");
    process.exit(2);
  }
  const over = size.raw > BUDGET.raw || size.gzip > BUDGET.gzip;
  process.stdout.write(
    `bundle.taskpane: ${size.raw} B raw (budget ${BUDGET.raw}), ${size.gzip} B gzip (budget ${BUDGET.gzip})${over ? " — over budget" : ""}\n`,
  );
  process.exit(over ? 1 : 0);
}
