import { Body1, Caption1, FluentProvider, Spinner, Title3, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { detectHost, type HostState } from "./host";

const MESSAGES: Record<HostState, string> = {
  excel: "已在 Excel 中运行。生成表格与检查功能即将在此提供。",
  "outside-office":
    "年报表格助手需要在 Excel 中使用：请在 Excel 中通过“插入 › 加载项 › 上传我的加载项”选择 manifest.xml。",
  "old-excel": "此版本的 Excel 过旧（需要 ExcelApi 1.8，即 Excel 2019 零售版、Microsoft 365 或 Excel 网页版）。",
};

export function App() {
  const [host, setHost] = useState<HostState | undefined>();
  useEffect(() => {
    detectHost().then(setHost, () => setHost("outside-office"));
  }, []);
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16, display: "grid", gap: 8 }}>
        <Title3 as="h1">年报表格助手</Title3>
        <Caption1>政府信息公开工作年度报告 · 表二、表三、表四</Caption1>
        {host ? <Body1 role="status">{MESSAGES[host]}</Body1> : <Spinner size="tiny" label="正在连接 Excel…" />}
      </main>
    </FluentProvider>
  );
}
