import { mkdirSync, readFileSync } from "fs";
import type { Server } from "http";
import { join } from "path";
import type { Browser } from "playwright-core";
import { NAMES } from "../../src/excel/plan";
import { FORMATS } from "../../src/format";
import { browserAvailable, launch, openPage, ROOT, serveDist, type Page } from "./harness";

/**
 * The demo page and the task pane in headless Chromium, against the production build. Screenshots go to
 * build/screenshots; `npm run screenshots` copies them to docs/screenshots for the README.
 */
const SHOTS = join(ROOT, "build", "screenshots");
const available = browserAvailable();
const describeInBrowser = available ? describe : describe.skip;

let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  if (!available) return;
  ({ server, origin } = await serveDist());
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
}, 60000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const pane = (page: Page) => page.getByRole("complementary", { name: "任务窗格" });
const cell = (page: Page, address: string) => page.locator(`td[data-cell="${address}"]`);

async function typeInGrid(page: Page, address: string, text: string) {
  await cell(page, address).click();
  await page.getByRole("textbox", { name: "编辑栏" }).fill(text);
  await page.getByRole("textbox", { name: "编辑栏" }).press("Enter");
}

describeInBrowser("the demo page in Chromium", () => {
  it("builds, takes a real report typed in, finds, highlights, goes to, fixes and exports", async () => {
    const { page, problems, offSite } = await openPage(browser, origin);
    await page.goto(`${origin}/demo.html`);

    // Build the tables from the pane.
    await pane(page)
      .getByRole("textbox", { name: /机关名称/ })
      .fill("淮安市洪泽区人民政府");
    await pane(page).getByRole("spinbutton", { name: /年度/ }).fill("2023");
    await pane(page).getByRole("button", { name: "生成表格" }).click();
    await pane(page)
      .getByText(/已生成表格：二 主动公开、三 依申请公开、四 复议诉讼/)
      .waitFor();
    await pane(page).getByText("0 个错误，166 条警告").waitFor();
    // Nothing in the pane is wider than the pane (Excel's is about 350 px wide): long messages wrap.
    expect(await pane(page).evaluate((aside) => aside.scrollWidth - aside.clientWidth)).toBe(0);
    await page.getByRole("tab", { name: "三 依申请公开" }).click();
    await page.getByRole("table", { name: "工作表 三 依申请公开" }).waitFor();
    // The merged header of table 三 is drawn merged: one cell spanning the applicant columns.
    expect(await page.locator("td", { hasText: /^申请人情况$/ }).getAttribute("colspan")).toBe("7");

    // The real report, typed cell by cell as printed: its 18 blank inputs are warnings; totals compute themselves.
    await page.getByRole("button", { name: "填入示例年报" }).click();
    await pane(page).getByText("0 个错误，18 条警告").waitFor();

    // The same figure in full-width digits typed into 一、本年新收 × 自然人: the live check finds it, the cell turns red.
    const cellModel = FORMATS["2021"].cellById.get("三:一:自然人")!;
    const names = NAMES["2021"]["三"];
    const received = await page.evaluate(
      ([rowName, columnName]) => {
        type Name = { name: string; rect: { row: number; col: number } };
        const demo = (window as unknown as { demo: { excel: { state: { names: Name[] } } } }).demo;
        const row = demo.excel.state.names.find((n) => n.name === rowName);
        const col = demo.excel.state.names.find((n) => n.name === columnName);
        return row && col ? { row: row.rect.row, col: col.rect.col } : undefined;
      },
      [names.rows.get(cellModel.row)!, names.columns.get(cellModel.col)!],
    );
    const address = `${String.fromCharCode(65 + received!.col)}${received!.row + 1}`;
    const before = await cell(page, address).textContent();
    await typeInGrid(page, address, "２１");
    // V1 on the cell, and S1 in the 总计 column (its total no longer counts the 21).
    await pane(page).getByText("2 个错误，18 条警告").waitFor();
    const finding = pane(page).getByRole("button", { name: /错误：.*全角数字/ });
    await finding.waitFor();
    await expect(cell(page, address).evaluate((td) => getComputedStyle(td).backgroundColor)).resolves.not.toBe(
      "rgb(255, 255, 255)",
    );
    await page.screenshot({ path: join(SHOTS, "demo-findings.png") });

    // Clicking the finding goes to its cell.
    await page.getByRole("tab", { name: "二 主动公开" }).click();
    await finding.click();
    await expect(cell(page, address).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.getByRole("tab", { name: "三 依申请公开" }).getAttribute("aria-selected")).resolves.toBe("true");

    // The fix turns the text into the number, after showing exactly what it changes.
    await pane(page)
      .getByRole("button", { name: /把文本改为数字（1 处）/ })
      .click();
    await pane(page)
      .getByText(/将修改以下 1 个单元格/)
      .waitFor();
    await pane(page).getByRole("button", { name: "修正", exact: true }).click();
    await pane(page).getByText("0 个错误，18 条警告").waitFor();
    await expect(cell(page, address).textContent()).resolves.toBe(before);
    expect(before).toBe("21");

    // Export as HTML: a download with the three tables, every label escaped and in place.
    const download = page.waitForEvent("download");
    await pane(page).getByRole("button", { name: "保存 HTML 文件" }).click();
    const file = await (await download).path();
    const html = readFileSync(file, "utf8");
    expect(html).toContain("<table");
    expect(html).toContain("三、收到和处理政府信息公开申请情况");
    expect(html).toMatch(/<td[^>]*>21<\/td>/);

    expect(offSite).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120000);

  it("the task pane loaded alone, outside Office, says how to sideload it and does not crash; office.js loads under its CSP", async () => {
    const { page, problems, offSite } = await openPage(browser, origin, 380, 800);
    await page.goto(`${origin}/taskpane.html`);
    await page.getByText(/年报表格助手需要在 Excel 中使用/).waitFor();
    await page.screenshot({ path: join(SHOTS, "taskpane-outside-office.png") });
    // office.js was fetched (from node_modules, never the network) and ran: Office is defined.
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("object");
    expect(offSite.filter((url) => !/telemetry|aria/i.test(url))).toEqual([]);
    expect(problems.filter((p) => /CSP violation|page error/.test(p))).toEqual([]);
    await page.context().close();
  }, 60000);

  it("moves through the build form with Tab in the order it reads", async () => {
    const { page } = await openPage(browser, origin);
    await page.goto(`${origin}/demo.html`);
    const agency = pane(page).getByRole("textbox", { name: /机关名称/ });
    await agency.click();
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      order.push(
        await page.evaluate(() => {
          const element = document.activeElement as HTMLInputElement;
          return element.labels?.[0]?.textContent ?? element.getAttribute("aria-label") ?? element.textContent ?? "";
        }),
      );
    }
    // 年度, the chosen format (one stop for the radio group), the button, then the next section.
    expect(order.map((text) => text.replace(/\s*\*$/, "").trim())).toEqual([
      "年度",
      expect.stringContaining("2021 年版格式"),
      "生成表格",
      "检查当前工作表",
    ]);
    await page.context().close();
  }, 60000);
});
