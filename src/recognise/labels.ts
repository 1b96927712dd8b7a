import { FORMATS } from "../format";

/**
 * Comparing a label as printed with the format's label: what people really do to labels (line breaks,
 * spaces, half-width punctuation, Traditional characters, a typo) is folded away before comparing, and
 * each fold is remembered so that it can be reported.
 */

export type LabelQuirk = "traditional" | "halfWidth" | "spacing" | "typo" | "variant";

/** Traditional forms of the characters the labels use, and their Simplified forms. */
const TRADITIONAL: ReadonlyMap<string, string> = new Map(
  (
    (
      "開开 請请 數数 處处 結结 轉转 規规 範范 機机 關关 訴诉 訟讼" +
      "復复 複复 議议 維维 糾纠 審审 總总 計计 與与 資资 訊讯 無无" +
      "須须 確确 認认 書书 執执 檔档 詢询 項项 護护 權权 屬属 國国" +
      "險险 內内 務务 過过 現现 製制 補补 應应 報报 費费 繳缴 納纳" +
      "據据 條条 發发 廢废 許许 罰罚 強强 徵征 採采 購购 額额 單单" +
      "萬万 經经 後后 訪访 舉举 類类 門门 營营 業业 構构 會会 組组" +
      "織织 達达 當当 產产 證证 並并 種种 實实 驗验 區区 縣县 對对" +
      "為为 從从 間间 獲获 錄录 濟济 級级 個个 們们 來来 時时 說说" +
      "該该 將将 還还 進进 題题 態态 頁页 點点 歸归 檢检 職职 備备" +
      "統统 當当 題题 領领 導导 盡尽 責责 辦办 於于 讓让 戶户 陳陈" +
      "訂订 號号 稱称 團团 體体 農农 醫医 療疗 衛卫 環环 參参 視视" +
      "網网 絡络 遞递 註注 冊册 決决 價价 標标 準准 勞劳 動动 這这" +
      "寫写 辭辞 聯联 繫系 涉涉"
    )
      .replace(/\s+/g, "")
      .match(/../gu) ?? []
  )
    .map((pair) => [pair[0], pair[1]] as [string, string])
    .filter(([from, to]) => from !== to),
);

const HALF_TO_FULL: Readonly<Record<string, string>> = { "(": "（", ")": "）", ":": "：", ",": "，", '"': "”" };

export interface Folded {
  readonly key: string;
  readonly quirks: ReadonlySet<LabelQuirk>;
}

/** The comparable form of a label, and what had to be folded to get it. */
export function fold(text: string): Folded {
  const quirks = new Set<LabelQuirk>();
  let key = text.replace(/<br\s*\/?>/gi, "");
  const compact = key.replace(/[\s\u00a0\u3000]+/g, "");
  if (compact !== key) quirks.add("spacing");
  key = compact;
  let simplified = "";
  for (const ch of key) {
    const mapped = TRADITIONAL.get(ch);
    if (mapped && mapped !== ch) quirks.add("traditional");
    simplified += mapped ?? ch;
  }
  key = simplified;
  let punctuated = "";
  for (const ch of key) {
    const full = HALF_TO_FULL[ch];
    if (full) quirks.add("halfWidth");
    punctuated += full ?? ch;
  }
  // Quotes: “ ” and ASCII " all compare alike; so do 、 and ，, which transcriptions mix.
  key = punctuated.replace(/[“”"]/g, "”").replace(/[，]/g, "、");
  return { key, quirks };
}

/** Edit distance, for telling a typo from another label. */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** Every label of both formats, folded: text equal to one of these is that label, never a typo of another. */
const KNOWN: ReadonlySet<string> = new Set(
  Object.values(FORMATS).flatMap((format) =>
    Object.values(format.tables).flatMap((table) => [
      ...table.labels.map((label) => fold(label.text).key),
      ...table.cells.map((cell) => fold(cell.columnName).key),
    ]),
  ),
);

export interface LabelMatch {
  readonly quirks: ReadonlySet<LabelQuirk>;
}

/**
 * Whether printed text is this label: equal once folded, or off by a typo (at most one edit in four
 * characters; never for short labels, nor for text that is exactly another label of the format).
 */
export function matchLabel(printed: string, canonical: string): LabelMatch | undefined {
  const a = fold(printed);
  const b = fold(canonical);
  if (a.key === b.key) return { quirks: a.quirks };
  if (b.key.length < 6 || KNOWN.has(a.key)) return undefined;
  const allowed = Math.max(1, Math.floor(b.key.length / 4));
  if (Math.abs(a.key.length - b.key.length) > allowed) return undefined;
  if (distance(a.key, b.key) > allowed) return undefined;
  return { quirks: new Set([...a.quirks, "typo"]) };
}
