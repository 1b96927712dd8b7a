/**
 * Reads the intent of text typed into a number cell: full-width digits, units, thousands separators,
 * a leading apostrophe. Used to say what the cell should hold, and by the fix that converts it.
 */

export type TextQuirk = "fullWidth" | "unit" | "separators" | "apostrophe" | "numberAsText";

export interface NumberReading {
  /** The number the text plainly means. */
  readonly value: number;
  /** What was odd about the text, for the message. */
  readonly quirks: readonly TextQuirk[];
  /** The unit that was typed, e.g. `元`, `件`, `万元`. */
  readonly unit?: string;
}

const UNITS = ["万元", "元", "件", "个", "项", "次", "条", "份", "家", "人"];
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

const FULL_WIDTH = /[０-９．－＋，]/;
const FULL_WIDTH_ALL = /[０-９．－＋，]/g;

/** Full-width digits and signs to ASCII (NFKC would also fold other characters we want to see). */
function toHalfWidth(text: string): string {
  // Tested first: a replace with a callback costs far more than a test, and most text has none.
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH_ALL, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** The number that text plainly means, or undefined when its intent is not clear. */
export function readNumberText(text: string): NumberReading | undefined {
  const quirks: TextQuirk[] = [];
  let rest = text.trim();
  if (rest.startsWith("'")) {
    quirks.push("apostrophe");
    rest = rest.slice(1).trim();
  }
  const halfWidth = toHalfWidth(rest);
  if (halfWidth !== rest) quirks.push("fullWidth");
  rest = halfWidth;
  let unit: string | undefined;
  for (const candidate of UNITS) {
    if (rest.endsWith(candidate)) {
      unit = candidate;
      quirks.push("unit");
      rest = rest.slice(0, -candidate.length).trim();
      break;
    }
  }
  if (rest.includes(",") && GROUPED_NUMBER.test(rest)) {
    quirks.push("separators");
    rest = rest.replace(/,/g, "");
  }
  if (!PLAIN_NUMBER.test(rest)) return undefined;
  if (quirks.length === 0) quirks.push("numberAsText");
  return { value: Number(rest), quirks, unit };
}

const QUIRK_WORDS: Record<TextQuirk, string> = {
  fullWidth: "全角数字",
  unit: "带单位",
  separators: "带千位分隔符",
  apostrophe: "前面有撇号",
  numberAsText: "数字存成了文本",
};

/** `全角数字、带单位“件”` */
export function describeQuirks(reading: NumberReading): string {
  return reading.quirks.map((quirk) => (quirk === "unit" ? `带单位“${reading.unit}”` : QUIRK_WORDS[quirk])).join("、");
}
