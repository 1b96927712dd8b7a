#!/usr/bin/env node
"use strict";
let cli;
try {
  cli = require("../build/node/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    process.stderr.write("disclosure-report 尚未构建：请先运行 npm run build\n");
    process.exit(2);
  }
  throw error;
}
// A reader that stops early (`| head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error && error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`内部错误：${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
