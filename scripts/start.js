"use strict";
/**
 * `npm start`: builds and serves the add-in over https on localhost:3000, then says how to sideload it.
 * It never fails for lack of Excel: on Linux (no desktop Excel) it serves and prints the steps for
 * Excel on the web.
 */
const { spawn } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");
const manifest = path.join(root, "manifest.xml");
const port = Number(process.env.PORT || 3000);

const server = spawn(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"], {
  cwd: root,
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, PORT: String(port) },
});

let announced = false;
server.stdout.on("data", (chunk) => {
  const text = chunk.toString();
  if (process.env.VERBOSE) process.stdout.write(text);
  if (!announced && /compiled (successfully|with)/.test(text)) {
    announced = true;
    process.stdout.write(`
年报表格助手 is served at https://localhost:${port}/taskpane.html

Try it without Excel: open https://localhost:${port}/demo.html — the real task pane beside a workbook
held in the browser (build the tables, type, click 填入示例年报, see and click the findings, fix, export).

Sideload it into Excel with the manifest:
  ${manifest}

  Excel on the web:  Insert › Add-ins › Upload My Add-in (插入 › 加载项 › 上传我的加载项), choose manifest.xml.
  Windows:           put manifest.xml in a shared-folder catalog (File › Options › Trust Center › Trusted Add-in Catalogs).
  Mac:               copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel.

The browser must trust the https certificate of localhost: open https://localhost:${port}/taskpane.html once and
accept it, or run "npx office-addin-dev-certs install" (it may need sudo) for trusted certificates.
Stop with Ctrl+C.
`);
  }
});
server.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
