import { FORMATS } from "../../src/format";
import { checkReport, findDoubts } from "../../src/rules";
import { asksForWanYuan, DOUBTFUL_GROWTH, DOUBTFUL_WAN_YUAN } from "../../src/rules/plausibility";
import type { CellValue } from "../../src/report/types";
import { FIXTURE_NAMES, loadFixture } from "../support/fixtures";
import { withCells, zeroReport } from "../support/reports";

const FEE = "二:行政事业性收费:本年收费金额";
const PURCHASE = "二:政府集中采购:采购总金额";

const thisYear = (fee: CellValue) => withCells(zeroReport("2021"), { [FEE]: fee });

describe("figures to confirm: an amount that looks typed in 元 where 万元 is asked", () => {
  it("concerns only the cells whose label asks for 万元", () => {
    expect(FORMATS["2021"].cells.filter(asksForWanYuan).map((cell) => cell.id)).toEqual([FEE]);
    // The trial format prints no unit for 采购总金额: nothing to compare a figure with.
    expect(FORMATS["2019"].cells.filter(asksForWanYuan)).toEqual([]);
    expect(findDoubts(withCells(zeroReport("2019"), { [PURCHASE]: 75394432.52 }))).toEqual([]);
  });

  it("asks from 1,000,000 万元 (100 亿元) on, with the figure in 万元 if it was typed in 元", () => {
    expect(findDoubts(thisYear(DOUBTFUL_WAN_YUAN - 1))).toEqual([]);
    expect(findDoubts(thisYear(DOUBTFUL_WAN_YUAN))).toEqual([
      {
        kind: "yuan-in-wan-yuan",
        target: FEE,
        actual: 1_000_000,
        suggested: 100,
        message:
          "表二“行政事业性收费”的“本年收费金额（单位：万元）”为 1000000，即 100 亿元，大得少见；本栏单位是万元，若填的是元，应改为 100；请核对",
      },
    ]);
    expect(findDoubts(thisYear(727012578))[0].suggested).toBe(72701.2578);
  });

  it("asks when the figure is a thousand times last year's or more", () => {
    const lastYear = thisYear(52.5);
    expect(findDoubts(thisYear(52.5 * DOUBTFUL_GROWTH), lastYear)).toHaveLength(1);
    expect(findDoubts(thisYear(52.5 * DOUBTFUL_GROWTH - 1), lastYear)).toEqual([]);
    expect(findDoubts(thisYear(525000), lastYear)[0].message).toBe(
      "表二“行政事业性收费”的“本年收费金额（单位：万元）”为 525000，是上年（52.5 万元）的 10000 倍；本栏单位是万元，若填的是元，应改为 52.5；请核对",
    );
    // Small figures grow a lot from almost nothing: 5 万元 after 0.004 is no sign of 元.
    expect(findDoubts(thisYear(5), thisYear(0.004))).toEqual([]);
    // Without a usable figure last year, only the size counts.
    for (const last of [0, null, "/", "无"]) expect(findDoubts(thisYear(525000), thisYear(last))).toEqual([]);
    // Last year in the trial format, which has no 本年收费金额.
    expect(findDoubts(thisYear(525000), zeroReport("2019"))).toEqual([]);
  });

  it("leaves to V1 and B1 what is not a positive number", () => {
    for (const value of [null, "/", "2510000元", "2510000", -2510000, 0])
      expect(findDoubts(thisYear(value))).toEqual([]);
  });

  it("does not change the findings", () => {
    expect(checkReport(thisYear(2510000))).toEqual([]);
  });

  it("finds nothing to confirm in the real reports", () => {
    for (const name of FIXTURE_NAMES) expect(findDoubts(loadFixture(name))).toEqual([]);
  });
});
