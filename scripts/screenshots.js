"use strict";
/** `npm run screenshots`: the browser tests' pictures of the last run, copied for the README. */
const { copyFileSync, mkdirSync, readdirSync } = require("fs");
const { join } = require("path");

const from = join(__dirname, "..", "build", "screenshots");
const to = join(__dirname, "..", "docs", "screenshots");
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from).filter((file) => file.endsWith(".png"))) {
  copyFileSync(join(from, name), join(to, name));
  process.stdout.write(`docs/screenshots/${name}\n`);
}
