/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { Workbook as XlsxWorkbook } from "exceljs";
import { FORMATS, parseA1 } from "../../src/format";
import { NAMES, SHEET_NAMES } from "../../src/excel/plan";
import { App } from "../../src/taskpane/App";
import type { ExportHost } from "../../src/taskpane/useWorkbook";
import { ExcelEmulator } from "../support/excel-emulator";
import { addressOf } from "../support/workbook";

const SHEET3 = SHEET_NAMES["三"];
const at = (id: string) => addressOf(FORMATS["2021"].cellById.get(id)!);

/** Marks the add-in put on the sheets. */
const marks = (excel: ExcelEmulator) =>
  excel.state.sheets.flatMap((sheet) => sheet.conditionalFormats.filter((format) => format.formula.includes("DR-HL")));

async function settle(excel: ExcelEmulator) {
  await act(async () => {
    await excel.state.settle();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await excel.state.settle();
  });
}

async function builtThroughThePane({
  agency = "某某县人民政府办公室",
  exportHost,
}: { agency?: string; exportHost?: ExportHost } = {}) {
  const excel = new ExcelEmulator();
  render(<App run={excel.run} host="excel" language="zh" recheckDelayMs={5} exportHost={exportHost} />);
  await screen.findByText("这个工作簿里还没有年报表格。填写下面的信息，生成表二、表三、表四。");
  fireEvent.change(screen.getByRole("textbox", { name: /机关名称/ }), { target: { value: agency } });
  fireEvent.change(screen.getByRole("spinbutton", { name: /年度/ }), { target: { value: "2023" } });
  fireEvent.click(screen.getByRole("button", { name: "生成表格" }));
  await screen.findByText(/已生成表格：二 主动公开、三 依申请公开、四 复议诉讼/);
  await screen.findByText(`2021 年版格式 · 2023 年度 · ${agency}`);
  return excel;
}

/** Fills every input with 0, as staff would after building, so that only what a test types stands out. */
async function fillZeros(excel: ExcelEmulator) {
  for (const cell of FORMATS["2021"].cells) {
    if (cell.role === "input") excel.type(SHEET_NAMES[cell.table], addressOf(cell), 0);
  }
  await settle(excel);
  await screen.findByText("全部通过：勾稽关系都成立，没有空白或非数字内容。");
}

describe("the task pane", () => {
  it("builds the tables from the form and lists every blank as a warning", async () => {
    const excel = await builtThroughThePane();
    expect(excel.state.sheets.map((sheet) => sheet.name)).toEqual([
      "Sheet1",
      "二 主动公开",
      "三 依申请公开",
      "四 复议诉讼",
    ]);
    expect(await screen.findByText(/0 个错误，166 条警告/)).toBeTruthy();
    expect(screen.getByRole("heading", { name: /表三 依申请公开/ })).toBeTruthy();
  });

  it("re-checks as staff type: S1, I1 and V1 findings appear without pressing anything", async () => {
    const excel = await builtThroughThePane();
    await fillZeros(excel);

    excel.type(SHEET3, at("三:一:自然人"), 10); // 10 received, nothing handled: S1
    excel.type(SHEET3, at("三:二:科研机构"), "２５"); // full-width digits: V1
    excel.sheet(SHEET3).protected = false;
    excel.type(SHEET3, at("三:三.一:总计"), 7); // a total typed over its formula: I1
    await settle(excel);

    await screen.findByText(/表三“自然人”列不平衡/);
    expect(screen.getByText(/表三“二、上年结转政府信息公开申请数量”行“科研机构”列是文本“２５”/)).toBeTruthy();
    expect(screen.getByText(/表三“（一）予以公开”行“总计”列应为 0/)).toBeTruthy();
    expect(marks(excel).length).toBeGreaterThan(3);
  });

  it("selects a finding's cell when it is clicked", async () => {
    const excel = await builtThroughThePane();
    await fillZeros(excel);
    excel.type(SHEET_NAMES["四"], at("四:复议后起诉:结果维持"), "五");
    await settle(excel);
    fireEvent.click(await screen.findByRole("button", { name: /复议后起诉”的“结果维持”是文本“五”/ }));
    await waitFor(() => expect(excel.state.selection?.rect).toMatchObject({ row: 5, col: 10 }));
    expect(excel.state.activeSheetId).toBe(excel.sheet(SHEET_NAMES["四"]).id);
  });

  it("asks to confirm a fee amount that looks typed in 元, without counting it as an error or marking it", async () => {
    const excel = await builtThroughThePane();
    await fillZeros(excel);
    const fee = FORMATS["2021"].cellById.get("二:行政事业性收费:本年收费金额")!;
    const marked = marks(excel).length;
    excel.type(SHEET_NAMES["二"], addressOf(fee), 2510000);
    await settle(excel);
    const doubts = await screen.findByRole("region", { name: /请核对/ });
    const button = within(doubts).getByRole("button", {
      name: /本年收费金额（单位：万元）”为 2510000.*应改为 251；请核对/,
    });
    // Still “all passed”: a figure to confirm is not a finding, and the sheet gets no mark for it.
    expect(screen.getByText("全部通过：勾稽关系都成立，没有空白或非数字内容。")).toBeTruthy();
    expect(marks(excel)).toHaveLength(marked);
    fireEvent.click(button);
    await waitFor(() => expect(excel.state.activeSheetId).toBe(excel.sheet(SHEET_NAMES["二"]).id));
    expect(excel.state.selection?.rect).toMatchObject(parseA1(addressOf(fee)));

    excel.type(SHEET_NAMES["二"], addressOf(fee), 251);
    await settle(excel);
    await waitFor(() => expect(screen.queryByRole("region", { name: /请核对/ })).toBeNull());
  });

  it("applies each kind of fix after saying what it will change, and only that", async () => {
    const excel = await builtThroughThePane();
    await fillZeros(excel);
    excel.type(SHEET3, at("三:一:自然人"), "２５");
    excel.type(SHEET3, at("三:一:商业企业"), "/");
    excel.sheet(SHEET3).protected = false;
    excel.type(SHEET3, at("三:三.七:总计"), 99);
    excel.sheet(SHEET3).protected = true;
    await settle(excel);

    fireEvent.click(await screen.findByRole("button", { name: "把文本改为数字（1 处）" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText(/“２５” 改为 25/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "修正" }));
    await screen.findByText("已修正 1 处。");
    expect(excel.value(SHEET3, at("三:一:自然人"))).toBe(25);
    expect(excel.value(SHEET3, at("三:一:商业企业"))).toBe("/"); // not part of this fix

    fireEvent.click(await screen.findByRole("button", { name: "空白和“/”等填 0（1 处）" }));
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "修正" }));
    await waitFor(() => expect(excel.value(SHEET3, at("三:一:商业企业"))).toBe(0));

    fireEvent.click(await screen.findByRole("button", { name: "恢复被改写的总计公式（1 处）" }));
    const restore = await screen.findByRole("alertdialog");
    expect(within(restore).getByText(/手填的 99 恢复为求和公式/)).toBeTruthy();
    fireEvent.click(within(restore).getByRole("button", { name: "修正" }));
    await waitFor(() => expect(excel.formula(SHEET3, at("三:三.七:总计"))).toBe("=SUM(D29:I29)"));
    expect(excel.sheet(SHEET3).protected).toBe(true);
  });

  it("cancelling a fix changes nothing", async () => {
    const excel = await builtThroughThePane();
    const before = JSON.stringify(excel.snapshot());
    fireEvent.click(await screen.findByRole("button", { name: /空白和“\/”等填 0（166 处）/ }));
    fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "取消" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(JSON.stringify(excel.snapshot())).toBe(before);
  });

  it("clears every mark with 清除标记", async () => {
    const excel = await builtThroughThePane();
    expect(marks(excel).length).toBe(FORMATS["2021"].cells.filter((cell) => cell.role === "input").length);
    fireEvent.click(screen.getByRole("button", { name: "清除标记" }));
    await screen.findByText("已清除表格上的全部标记。");
    expect(marks(excel)).toEqual([]);
  });

  it("checks against last year's workbook chosen as a file (Y1), and keeps it with the workbook", async () => {
    const excel = await builtThroughThePane();
    await fillZeros(excel);

    // Last year's workbook as the add-in built it: its 结转下年度 row says 3 natural persons.
    const last = new XlsxWorkbook();
    const sheet = last.addWorksheet(SHEET3);
    const names = NAMES["2021"]["三"];
    const carry = FORMATS["2021"].cellById.get("三:四:自然人")!;
    last.definedNames.add(`'${SHEET3}'!$A$3:$J$30`, names.table);
    last.definedNames.add(`'${SHEET3}'!$A$${3 + carry.row}:$J$${3 + carry.row}`, names.rows.get(carry.row)!);
    last.definedNames.add(`'${SHEET3}'!$D$3:$D$30`, names.columns.get(carry.col)!);
    sheet.getCell(addressOf(carry)).value = 3;
    const buffer = await last.xlsx.writeBuffer();
    const file = new File([new Uint8Array(buffer as ArrayBuffer)], "2022年报.xlsx");

    fireEvent.change(screen.getByLabelText("选择上年的工作簿或报表 JSON"), { target: { files: [file] } });
    await screen.findByText(
      /与上年年报不衔接：表三“二、上年结转政府信息公开申请数量”行“自然人”列应为 3/,
      {},
      { timeout: 5000 },
    );
    expect(excel.state.settings.get("disclosureReport.previous")).toContain('"format": "2021"');
  });

  it("takes last year's figures typed in", async () => {
    const excel = await builtThroughThePane();
    await fillZeros(excel);
    fireEvent.click(screen.getByRole("button", { name: "手动填写上年数字" }));
    fireEvent.change(screen.getByRole("spinbutton", { name: "总计" }), { target: { value: "4" } });
    fireEvent.click(screen.getByRole("button", { name: "保存上年数字" }));
    await screen.findByText(/行“总计”列应为 4（上年结转下年度 4），表中为 0/);
  });

  it("says so outside Excel and in an Excel that is too old", () => {
    const excel = new ExcelEmulator();
    const { unmount } = render(<App run={excel.run} host="outside-office" language="zh" />);
    expect(screen.getByText(/年报表格助手需要在 Excel 中使用/)).toBeTruthy();
    unmount();
    render(<App run={excel.run} host="old-excel" language="en" />);
    expect(screen.getByText(/This version of Excel is too old/)).toBeTruthy();
  });

  it("speaks English where Office runs in English", async () => {
    const excel = new ExcelEmulator();
    render(<App run={excel.run} host="excel" language="en" recheckDelayMs={5} />);
    expect(await screen.findByRole("button", { name: "Build tables" })).toBeTruthy();
  });

  it("says which cells lost their row when a row is deleted inside a table", async () => {
    const excel = await builtThroughThePane();
    const row = FORMATS["2021"].cellById.get("三:三.一:自然人")!;
    excel.state.remove(excel.sheet(SHEET3), "row", parseA1(addressOf(row)).row, 1);
    await settle(excel);
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    const said =
      "表三“（一）予以公开”行“自然人”列等 7 个单元格所在的行或列已被删除，检查时按空白计。请撤销对行列的删除。";
    await screen.findByText(said);
    // Its findings are listed; clicking one says the same instead of failing.
    fireEvent.click(await screen.findByRole("button", { name: /（一）予以公开”行“自然人”列为空白/ }));
    await settle(excel);
    await screen.findByText(said);
    expect(screen.queryByText(/找不到表格所在的工作表/)).toBeNull();
  });

  it("says what to do when a table's sheet is deleted, and goes on working", async () => {
    const excel = await builtThroughThePane();
    excel.state.deleteSheet(excel.sheet(SHEET_NAMES["二"]));
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    await screen.findByText(/找不到表二 主动公开：所在工作表可能已被删除/);
    expect(screen.getByRole("button", { name: "检查" })).toBeTruthy();
  });

  it("has no accessibility violations with findings listed", async () => {
    await builtThroughThePane();
    const results = await axe(document.body);
    expect(results.violations).toEqual([]);
  }, 30000);

  it("works from the keyboard: the form, focus after building, a finding opened with Enter", async () => {
    // Tab order across Fluent's focus manager needs layout, which jsdom lacks: the browser tests cover it.
    const user = userEvent.setup();
    const excel = new ExcelEmulator();
    render(<App run={excel.run} host="excel" language="zh" recheckDelayMs={5} />);
    const agency = await screen.findByRole("textbox", { name: /机关名称/ });
    await user.tab();
    expect(document.activeElement).toBe(agency);
    await user.keyboard("某某局{Enter}");
    await screen.findByText(/已生成表格/);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "检查" })));
    const first = (await screen.findAllByRole("button", { name: /为空白，没有的应填 0/ }))[0];
    first.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(excel.state.selection).toBeDefined());
  }, 30000);
});

describe("last year's workbook in another layout", () => {
  it("is recognised by its labels (a department's own workbook), and its carry-over checked", async () => {
    const { gridsToXlsx } = await import("../support/xlsx-files");
    const { publishedGrid } = await import("../support/published");
    const { loadFixture } = await import("../support/fixtures");
    const excel = await builtThroughThePane();
    await fillZeros(excel);
    const bytes = await gridsToXlsx([publishedGrid(loadFixture("suqian-city-2023"), { offset: { row: 5, col: 1 } })]);
    const file = new File([bytes as Uint8Array<ArrayBuffer>], "宿迁2023.xlsx");
    fireEvent.change(screen.getByLabelText("选择上年的工作簿或报表 JSON"), { target: { files: [file] } });
    // suqian 2023 carried 118 requests of natural persons into 2024.
    await screen.findByText(/行“自然人”列应为 118（上年结转下年度 118），表中为 0/, {}, { timeout: 5000 });
  });
});

describe("tables pasted anywhere on the active sheet", () => {
  it("are checked where they stand, their differences said, and converted keeping every value", async () => {
    const { publishedGrid } = await import("../support/published");
    const { loadFixture } = await import("../support/fixtures");
    const { checkReport } = await import("../../src/rules");
    const huaian = loadFixture("huaian-hongze-district-2023");
    const excel = new ExcelEmulator();
    const grid = publishedGrid(huaian, { table3Format: "2019", offset: { row: 2, col: 1 } });
    const sheet = excel.sheet("Sheet1");
    grid.cells.forEach((row, r) =>
      row.forEach((value, c) => value !== null && excel.state.setEntry(sheet, r, c, value)),
    );
    const pastedBefore = JSON.stringify(excel.snapshot());

    render(<App run={excel.run} host="excel" language="zh" recheckDelayMs={5} />);
    fireEvent.click(await screen.findByRole("button", { name: "检查当前工作表" }));
    await screen.findByText(
      /在“Sheet1”中找到表二 主动公开、表三 依申请公开、表四 复议诉讼，按2021 年版格式检查：2 个错误，21 条警告。/,
    );
    expect(screen.getByText(/“（六）其他处理”只印了一行/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: /表四“行政复议”的“总计”应为 11/ }));
    await waitFor(() => expect(excel.state.selection).toBeDefined());
    expect(
      excel.value(
        "Sheet1",
        `${String.fromCharCode(65 + excel.state.selection!.rect.col)}${excel.state.selection!.rect.row + 1}`,
      ),
    ).toBe(0);

    fireEvent.change(screen.getAllByRole("textbox", { name: /机关名称/ })[1], {
      target: { value: "淮安市洪泽区人民政府" },
    });
    fireEvent.change(screen.getAllByRole("spinbutton", { name: /年度/ })[1], { target: { value: "2023" } });
    fireEvent.click(screen.getByRole("button", { name: "转换为标准表格" }));
    await screen.findByText(/已生成标准表格并填入 \d+ 个数字，原工作表未改动。/);
    // The pasted sheet is as it was; the built tables hold every input figure, totals as formulas.
    const sheets = JSON.parse(JSON.stringify(excel.snapshot()));
    expect(JSON.stringify(sheets[0])).toBe(JSON.stringify(JSON.parse(pastedBefore)[0]));
    for (const cell of FORMATS["2021"].cells.filter((c) => c.role === "input")) {
      const value = huaian.tables[cell.table]?.[cell.rowKey]?.[cell.columnKey] ?? null;
      expect([cell.id, excel.value(SHEET_NAMES[cell.table], addressOf(cell))]).toEqual([cell.id, value ?? ""]);
    }
    // The totals now compute, so the I3 errors of the printed page are gone; the blank （六） items remain,
    // 6 inputs each (their totals are formulas now, giving 0 instead of blank).
    await screen.findByText(/0 个错误，18 条警告/);
    expect(checkReport(huaian).some((f) => f.rule === "I3")).toBe(true);
  });
});

describe("exporting from the pane", () => {
  /** Captures what the pane would download: file names and their contents. */
  function captureDownloads() {
    const saved: { name: string; blob: Blob }[] = [];
    const blobs = new Map<string, Blob>();
    let next = 0;
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${next++}`;
      blobs.set(url, blob);
      return url;
    };
    URL.revokeObjectURL = () => undefined;
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, blob: blobs.get(this.href)! });
    });
    return saved;
  }
  const textOf = (blob: Blob) =>
    new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blob);
    });

  afterEach(() => jest.restoreAllMocks());

  it("holds an export with errors until 仍然导出, then saves the figures as the tables hold them", async () => {
    const saved = captureDownloads();
    const { fakeDocument } = await import("../support/office-document");
    const excel = await builtThroughThePane({
      agency: "<b>某局</b>",
      exportHost: { fileSource: fakeDocument(new Uint8Array([80, 75, 3, 4])).document, downloadsBlocked: false },
    });
    await fillZeros(excel);
    excel.type(SHEET3, at("三:一:自然人"), 12); // S1 breaks: an error

    fireEvent.click(screen.getByRole("button", { name: "保存 HTML 文件" }));
    await screen.findByText("检查发现 2 个错误，导出的表格会带着这些错误。请先改正，或确认：");
    expect(saved).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "仍然导出" }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe("_b_某局__b_-2023-政府信息公开年报表格.html");
    const html = await textOf(saved[0].blob);
    expect(html).toContain("&lt;b&gt;某局&lt;/b&gt;");
    expect(html).toContain("<td>12</td>");

    fireEvent.click(screen.getByRole("button", { name: "保存当前工作簿（.xlsx）" }));
    fireEvent.click(await screen.findByRole("button", { name: "仍然导出" }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1].name).toMatch(/政府信息公开年报表格\.xlsx$/);
  });

  it("exports at once with warnings only, and says what to do where downloads are blocked (Mac)", async () => {
    const saved = captureDownloads();
    const excel = new ExcelEmulator();
    render(
      <App
        run={excel.run}
        host="excel"
        language="zh"
        recheckDelayMs={5}
        exportHost={{ fileSource: undefined, downloadsBlocked: true }}
      />,
    );
    fireEvent.change(await screen.findByRole("textbox", { name: /机关名称/ }), { target: { value: "某局" } });
    fireEvent.click(screen.getByRole("button", { name: "生成表格" }));
    await screen.findByText(/已生成表格/);
    fireEvent.click(screen.getByRole("button", { name: "保存 Word 文件" }));
    await screen.findByText(/Excel for Mac 不能从任务窗格保存文件/);
    fireEvent.click(screen.getByRole("button", { name: "保存当前工作簿（.xlsx）" }));
    await screen.findByText(/这个 Excel 不能把工作簿交给加载项/);
    expect(saved).toEqual([]);
  });
});

describe("more exports and failures", () => {
  afterEach(() => jest.restoreAllMocks());

  it("copies the tables to the clipboard as HTML and as text", async () => {
    const written: Record<string, Blob>[] = [];
    class FakeClipboardItem {
      constructor(readonly items: Record<string, Blob>) {}
    }
    Object.assign(globalThis, { ClipboardItem: FakeClipboardItem });
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { write: async (items: FakeClipboardItem[]) => void written.push(items[0].items) },
    });
    const excel = await builtThroughThePane({ exportHost: { fileSource: undefined, downloadsBlocked: false } });
    fireEvent.click(screen.getByRole("button", { name: "复制表格（网页格式）" }));
    await screen.findByText("已复制表格，可直接粘贴到网站编辑器或 Word。");
    expect(Object.keys(written[0])).toEqual(["text/html", "text/plain"]);
    expect(excel.state.sheets.length).toBe(4);
  });

  it("saves the submission workbook with its 校验记录", async () => {
    const saved: string[] = [];
    URL.createObjectURL = () => "blob:test/submission";
    URL.revokeObjectURL = () => undefined;
    jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    await builtThroughThePane({ exportHost: { fileSource: undefined, downloadsBlocked: false } });
    fireEvent.click(screen.getByRole("button", { name: "保存提交用工作簿" }));
    await screen.findByText("已导出 某某县人民政府办公室-2023-政府信息公开年报表格-提交版.xlsx。");
    expect(saved).toEqual(["某某县人民政府办公室-2023-政府信息公开年报表格-提交版.xlsx"]);
  });

  it("says what happened when a sync fails, and the next action works", async () => {
    const excel = await builtThroughThePane();
    excel.failSyncAt = 1;
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    await screen.findByText(/与 Excel 通信失败：The request failed \(injected by the test\)。请再试一次/);
    fireEvent.click(screen.getByRole("button", { name: "检查" }));
    await waitFor(() => expect(screen.queryByText(/与 Excel 通信失败/)).toBeNull());
  });

  it("names the protected sheet or the missing sheet in its message", async () => {
    const { describeFailure } = await import("../../src/taskpane/errors");
    const { stringsFor } = await import("../../src/taskpane/strings");
    const zh = stringsFor("zh");
    expect(describeFailure({ code: "AccessDenied" }, zh)).toBe(
      "工作表受保护，无法写入。请在“审阅 › 撤销工作表保护”后再试。",
    );
    expect(describeFailure({ code: "ItemNotFound" }, zh)).toContain("找不到表格所在的工作表");
  });
});
