import { readFileSync } from "fs";
import { join } from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script shared with `npm run validate`
const { checkManifest } = require("../../scripts/manifest-check.js") as {
  checkManifest: (xml: string, root: string) => string[];
};

const root = join(__dirname, "..", "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");

describe("manifest.xml", () => {
  it("passes every offline check", () => {
    expect(checkManifest(manifest, root)).toEqual([]);
  });

  it.each([
    [
      "asks for more than ReadWriteDocument",
      manifest.replace("<Permissions>ReadWriteDocument", "<Permissions>ReadWriteMailbox"),
      /Permissions/,
    ],
    [
      "loads from http",
      manifest.replace("https://localhost:3000/taskpane.html", "http://localhost:3000/taskpane.html"),
      /not https/,
    ],
    [
      "mixes origins",
      manifest.replace("https://localhost:3000/assets/icon-16.png", "https://cdn.example.com/icon-16.png"),
      /origins/,
    ],
    ["targets another host", manifest.replace('<Host Name="Workbook"/>', '<Host Name="Document"/>'), /Workbook/],
    ["lowers the requirement", manifest.replace('MinVersion="1.8"/>', 'MinVersion="1.1"/>'), /ExcelApi 1.8/],
    ["is not XML", "<OfficeApp>", /well-formed|root/],
  ])("catches a manifest that %s", (_what, broken, problem) => {
    expect(checkManifest(broken, root).join("\n")).toMatch(problem);
  });
});
