import { createRoot } from "react-dom/client";
import { useState } from "react";
import { App } from "../src/taskpane/App";
import { ExcelEmulator } from "../test/support/excel-emulator/core";
import { demoEngine } from "./engine";
import { Grid } from "./Grid";
import { SAMPLE, typeReport } from "./sample";

/**
 * The demo page: the real task pane beside a workbook held in the browser (the tests' Excel emulator,
 * with the demo's own formula engine), so that anyone can build the tables, type, see and click the
 * findings, fix and export without Excel. The add-in itself never loads this page.
 */
const excel = new ExcelEmulator(demoEngine());

// For the browser tests and the curious: the workbook behind the page.
(window as unknown as { demo: unknown }).demo = { excel, typeReport, SAMPLE };

function Demo() {
  const [note, setNote] = useState("");
  return (
    <div style={{ display: "grid", gridTemplateColumns: "1fr 380px", height: "100%" }}>
      <div style={{ display: "grid", gridTemplateRows: "auto 1fr", minWidth: 0, minHeight: 0 }}>
        <header
          style={{
            display: "flex",
            gap: 12,
            alignItems: "center",
            padding: "6px 8px",
            background: "#217346",
            color: "#fff",
          }}
        >
          <strong>演示工作簿</strong>
          <span>在浏览器中模拟的工作簿，不是 Excel。右侧是真实的任务窗格。</span>
          <button
            onClick={() => {
              const typed = typeReport(excel, SAMPLE);
              setNote(
                typed
                  ? `已填入 ${SAMPLE.agency?.split("（")[0]} ${SAMPLE.year} 年报的 ${typed} 个数字（照原样）。`
                  : "请先在右侧生成表格。",
              );
            }}
          >
            填入示例年报
          </button>
          <span role="status">{note}</span>
        </header>
        <Grid excel={excel} />
      </div>
      <aside aria-label="任务窗格" style={{ borderLeft: "1px solid #ccc", overflow: "auto" }}>
        <App
          run={excel.run}
          host="excel"
          language="zh"
          exportHost={{ fileSource: undefined, downloadsBlocked: false }}
        />
      </aside>
    </div>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<Demo />);
