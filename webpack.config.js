"use strict";
const path = require("path");
const fs = require("fs");
const os = require("os");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const PORT = Number(process.env.PORT || 3000);

/** The dev certificates that office-addin-dev-certs writes, when present; otherwise webpack-dev-server makes its own. */
function httpsServer() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  if (Object.values(files).every((file) => fs.existsSync(path.join(dir, file)))) {
    return {
      type: "https",
      options: Object.fromEntries(Object.entries(files).map(([k, file]) => [k, fs.readFileSync(path.join(dir, file))])),
    };
  }
  return "https";
}

module.exports = (_env, argv) => {
  const production = argv.mode !== "development";
  return {
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      // The demo page (the pane beside a workbook held in the browser): for trying and testing only.
      demo: "./demo/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    // Every Office webview is Chromium (WebView2) or WebKit now: ES2020 output, no IE11 polyfills.
    target: ["web", "es2020"],
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json", transpileOnly: false } },
        },
      ],
    },
    plugins: [
      // Pages never generate code (CSP): the rules' code generators are left out of the bundle.
      new webpack.NormalModuleReplacementPlugin(/^\.\/generate$/, (resource) => {
        if (path.resolve(resource.context) === path.resolve(__dirname, "src/rules"))
          resource.request = "./generate.page";
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "demo.html",
        template: "./demo/demo.html",
        chunks: ["demo"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/taskpane/commands.html",
        chunks: [],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: httpsServer(),
      port: PORT,
      host: "localhost",
      hot: false,
      liveReload: false,
      client: false,
    },
  };
};
