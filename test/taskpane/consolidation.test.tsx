/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { axe } from "jest-axe";
import { stringifyReport } from "../../src/report/json";
import type { Report } from "../../src/report/types";
import { App } from "../../src/taskpane/App";
import { splitIntoDepartments } from "../support/departments";
import { ExcelEmulator } from "../support/excel-emulator";
import { loadFixture } from "../support/fixtures";
import { publishedGrid } from "../support/published";
import { withCells } from "../support/reports";

const jsonFile = (report: Report, name: string) => new File([stringifyReport(report)], name);

async function openConsolidation() {
  const excel = new ExcelEmulator();
  const view = render(<App run={excel.run} host="excel" language="zh" recheckDelayMs={5} />);
  fireEvent.click(await screen.findByRole("button", { name: "开始汇总…" }));
  await screen.findByRole("button", { name: "选择各部门的文件…" });
  return { excel, view };
}

describe("the pane's 汇总", () => {
  it("lists departments with their states, leaves errors out until included, writes a live 汇总", async () => {
    const original = loadFixture("suqian-city-2024");
    const parts = splitIntoDepartments(original, 4);
    // 财政局 typed 5 more received requests than it handled: table 三 does not balance (S1), its total is off (I1).
    const received = parts[2].tables["三"]!["一"]!["自然人"] as number;
    const broken = withCells(parts[2], { "三:一:自然人": received + 5 });
    const old = { ...loadFixture("shanghai-municipal-government-office-2019"), year: 2024 };
    const { excel, view } = await openConsolidation();

    fireEvent.change(screen.getByTestId("consolidation-files"), {
      target: {
        files: [
          jsonFile(parts[0], "教育局.json"),
          jsonFile(parts[1], "民政局.json"),
          jsonFile(broken, "财政局.json"),
          jsonFile(parts[3], "交通局.json"),
          jsonFile(old, "老格式.json"),
          new File(["not a workbook"], "说明.xlsx"),
        ],
      },
    });
    const list = await screen.findByRole("list", { name: "各部门（6 个）" }, { timeout: 5000 });
    const row = (name: string) => within(list).getByText(name).closest("li") as HTMLElement;
    expect(within(row("教育局")).getByText("通过")).toBeTruthy();
    expect(within(row("财政局")).getByText("有错误")).toBeTruthy();
    expect(within(row("财政局")).getByText(/有 2 个错误，未计入汇总/)).toBeTruthy();
    expect(within(row("老格式")).getByText("格式不符")).toBeTruthy();
    expect(within(row("说明")).getByText("无法识别")).toBeTruthy();
    expect(within(row("说明")).getByText(/无法读取：不是有效的 .xlsx 工作簿/)).toBeTruthy();

    // The findings of a department on demand.
    fireEvent.click(within(row("财政局")).getByRole("button", { name: /查看问题/ }));
    expect(within(row("财政局")).getByText(/表三“自然人”列不平衡/)).toBeTruthy();

    expect((await axe(view.container)).violations).toEqual([]);

    // Three departments count; the I3 one only once staff tick it.
    screen.getByRole("button", { name: "生成汇总表（计入 3 个部门）" });
    fireEvent.click(within(row("财政局")).getByRole("checkbox", { name: "仍然计入汇总" }));

    fireEvent.change(screen.getByRole("textbox", { name: /汇总机关名称/ }), { target: { value: "宿迁市" } });
    fireEvent.click(screen.getByRole("button", { name: "生成汇总表（计入 4 个部门）" }));
    await screen.findByText(/汇总表已写入工作表“汇总”，计入 4 个部门/, {}, { timeout: 10000 });
    expect(excel.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "汇总", "教育局", "民政局", "财政局", "交通局"]);
    // The 财政局's imbalance flows into the 汇总 (its totals are formulas there): the finding points into the 汇总.
    // S1 fails in the 自然人 column and in the 总计 column.
    expect(screen.getByText(/汇总表：2 个错误，0 条警告/)).toBeTruthy();
    const findings = screen.getByRole("list", { name: "汇总" });
    const first = within(findings).getAllByRole("button")[0];
    expect(first.getAttribute("aria-label")).toMatch(/表三“自然人”列不平衡.*汇总!/);
    fireEvent.click(first);
    await waitFor(() => expect(excel.state.activeSheetId).toBe(excel.sheet("汇总").id));
    expect(excel.state.selection?.sheetId).toBe(excel.sheet("汇总").id);
  }, 30000);

  it("takes departments' sheets of the open workbook, recognised by their labels", async () => {
    const { excel } = await openConsolidation();
    const [a, b] = splitIntoDepartments(loadFixture("suqian-city-2024"), 2);
    // Each department's tables pasted into a sheet of this workbook, as a published page shows them.
    for (const [name, report] of [
      ["城管局", a],
      ["水利局", b],
    ] as const) {
      const sheet = excel.state.addSheet(name);
      publishedGrid(report, { offset: { row: 1, col: 1 } }).cells.forEach((row, r) =>
        row.forEach((value, c) => value !== null && excel.state.setEntry(sheet, r, c, value)),
      );
    }
    excel.state.addSheet("备注");
    excel.type("备注", "A1", "无关的说明");

    fireEvent.click(screen.getByRole("button", { name: "使用本工作簿中的工作表…" }));
    for (const name of ["城管局", "水利局", "备注"]) fireEvent.click(await screen.findByRole("checkbox", { name }));
    fireEvent.click(screen.getByRole("button", { name: "读取所选工作表" }));
    const list = await screen.findByRole("list", { name: "各部门（3 个）" });
    const row = (name: string) => within(list).getByText(name).closest("li") as HTMLElement;
    expect(within(row("城管局")).getByText("通过")).toBeTruthy();
    expect(within(row("水利局")).getByText("通过")).toBeTruthy();
    expect(within(row("备注")).getByText("无法识别")).toBeTruthy();

    fireEvent.change(screen.getByRole("textbox", { name: /汇总机关名称/ }), { target: { value: "宿迁市" } });
    fireEvent.click(screen.getByRole("button", { name: "生成汇总表（计入 2 个部门）" }));
    await screen.findByText(/汇总表已写入工作表“汇总”，计入 2 个部门/, {}, { timeout: 10000 });
    expect(screen.getByText(/汇总表检查通过/)).toBeTruthy();
    // The pasted sheets stay as they were; the 汇总 adds their normalised copies.
    expect(excel.state.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "城管局",
      "水利局",
      "备注",
      "汇总",
      "城管局（2）",
      "水利局（2）",
    ]);
    // A second 汇总 offers the pasted sheets again, not the 汇总's own.
    fireEvent.click(screen.getByRole("button", { name: "使用本工作簿中的工作表…" }));
    await screen.findByRole("checkbox", { name: "城管局" });
    expect(screen.queryByRole("checkbox", { name: "城管局（2）" })).toBeNull();
    expect(screen.queryByRole("checkbox", { name: "汇总" })).toBeNull();
  }, 30000);
});
