"use strict";
/**
 * Offline checks of manifest.xml: the online validator (office-addin-manifest validate) needs a network,
 * so the invariants that matter to us are checked here, by `npm run validate` and by the tests.
 */
const { readFileSync, existsSync } = require("fs");
const { join } = require("path");
const { XMLParser } = require("fast-xml-parser");

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every attribute value and text in the tree that looks like a URL. */
function collectUrls(node, out = []) {
  if (typeof node === "string") {
    if (/^[a-z]+:\/\//i.test(node)) out.push(node);
  } else if (Array.isArray(node)) {
    node.forEach((child) => collectUrls(child, out));
  } else if (node && typeof node === "object") {
    Object.values(node).forEach((child) => collectUrls(child, out));
  }
  return out;
}

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(path) {
  const data = readFileSync(path);
  if (data.toString("latin1", 1, 4) !== "PNG") return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Returns a list of problems; empty when the manifest is sound. */
function checkManifest(xml, root) {
  const problems = [];
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", removeNSPrefix: true });
  let doc;
  try {
    doc = parser.parse(xml, true);
  } catch (error) {
    return [`manifest.xml is not well-formed XML: ${error.message}`];
  }
  const app = doc.OfficeApp;
  if (!app) return ["the root element is not OfficeApp"];
  if (app["@type"] !== "TaskPaneApp") problems.push(`xsi:type is ${app["@type"]}, not TaskPaneApp`);
  if (!GUID.test(String(app.Id))) problems.push(`Id ${app.Id} is not a GUID`);
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(String(app.Version))) problems.push(`Version ${app.Version} is not a.b.c.d`);
  const hosts = [].concat(app.Hosts?.Host ?? []).map((host) => host["@Name"]);
  if (hosts.join() !== "Workbook") problems.push(`Hosts are [${hosts}], expected only Workbook`);
  const sets = [].concat(app.Requirements?.Sets?.Set ?? []);
  const excelApi = sets.find((set) => set["@Name"] === "ExcelApi");
  if (!excelApi || excelApi["@MinVersion"] !== "1.8") problems.push("Requirements must ask for ExcelApi 1.8");
  if (app.Permissions !== "ReadWriteDocument")
    problems.push(`Permissions is ${app.Permissions}, expected ReadWriteDocument`);
  const name = app.DisplayName?.["@DefaultValue"] ?? "";
  if (!name || name.length > 125) problems.push("DisplayName is missing or longer than 125 characters");
  const description = app.Description?.["@DefaultValue"] ?? "";
  if (!description || description.length > 250) problems.push("Description is missing or longer than 250 characters");

  const urls = collectUrls(app);
  const origins = new Set();
  for (const url of urls) {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:") problems.push(`URL ${url} is not https`);
    origins.add(parsed.origin);
  }
  // Namespace URIs are http:// identifiers, not locations; only the resources count.
  const resourceOrigins = [...origins].filter((origin) => !origin.includes("schemas.microsoft.com"));
  if (resourceOrigins.length !== 1) problems.push(`URLs use ${resourceOrigins.length} origins, expected one`);

  const images = [].concat(app.VersionOverrides?.Resources?.Images?.Image ?? []);
  const iconUrls = [
    app.IconUrl?.["@DefaultValue"],
    app.HighResolutionIconUrl?.["@DefaultValue"],
    ...images.map((i) => i["@DefaultValue"]),
  ];
  for (const url of iconUrls.filter(Boolean)) {
    const file = join(root, new URL(url).pathname);
    if (!existsSync(file)) {
      problems.push(`icon ${url} has no file ${file}`);
      continue;
    }
    const size = pngSize(file);
    const declared = Number((/icon-(\d+)\.png$/.exec(url) ?? [])[1]);
    if (!size || size.width !== declared || size.height !== declared)
      problems.push(`icon ${url} is not a ${declared}px PNG`);
  }
  for (const size of [16, 32, 64, 80]) {
    if (!existsSync(join(root, "assets", `icon-${size}.png`))) problems.push(`assets/icon-${size}.png is missing`);
  }

  const tab = app.VersionOverrides?.Hosts?.Host?.DesktopFormFactor?.ExtensionPoint?.OfficeTab;
  if (tab?.["@id"] !== "TabHome") problems.push("the button is not on the Home tab");
  const control = tab?.Group?.Control;
  if (control?.Action?.["@type"] !== "ShowTaskpane") problems.push("the Home-tab button does not show the task pane");
  return problems;
}

module.exports = { checkManifest };

if (require.main === module) {
  const path = process.argv[2] ?? "manifest.xml";
  const problems = checkManifest(readFileSync(path, "utf8"), join(__dirname, ".."));
  if (problems.length > 0) {
    for (const problem of problems) process.stderr.write(`✗ ${problem}\n`);
    process.exit(1);
  }
  process.stdout.write(
    `✓ ${path}: Excel task-pane add-in, ExcelApi 1.8, ReadWriteDocument, https on one origin, icons present\n`,
  );
}
