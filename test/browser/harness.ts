import { existsSync, readFileSync } from "fs";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { extname, join, normalize } from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { toolAvailable } from "../support/requires";

/**
 * Real-browser tests: the built files (dist/, made by `npm run build:web`, which `npm test` runs first)
 * served on 127.0.0.1, Debian's Chromium driven by playwright-core. office.js comes from the
 * @microsoft/office-js devDependency, never from the network: every request to Microsoft's CDN is
 * answered from node_modules, every other request off 127.0.0.1 is refused.
 */

export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");
const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** Whether this machine can run the browser tests; CI must (`.ci/run` installs Chromium). */
export function browserAvailable(): boolean {
  return toolAvailable(
    [CHROMIUM, join(DIST, "taskpane.html")],
    "Browser tests",
    "apt-get install -y chromium; npm run build:web",
  );
}

export async function serveDist(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname)).replace(/^[/\\]+/, "");
    const file = join(DIST, path || "taskpane.html");
    if (!file.startsWith(DIST) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** A page whose requests stay on this machine; CSP violations and script errors are collected. */
export async function openPage(browser: Browser, origin: string, width = 1400, height = 900) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: "zh-CN" });
  const page = await context.newPage();
  const problems: string[] = [];
  const offSite: string[] = [];
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
    if (url.hostname === "appsforoffice.microsoft.com") {
      const file = join(OFFICE_DIST, url.pathname.replace(/^\/lib\/1\/hosted\//, ""));
      if (file.startsWith(OFFICE_DIST) && existsSync(file)) {
        return route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) });
      }
    }
    offSite.push(url.href);
    return route.abort();
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `CSP violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      );
    });
  });
  return { page, problems, offSite };
}

export type { Page };
