import { isDateFormat, toCellValue } from "../../src/excel/cell-value";

describe("numbers Excel shows as dates", () => {
  it.each([
    ["yyyy/m/d", true],
    ['yyyy"年"m"月"d"日"', true],
    ["[$-804]yyyy年m月d日", true],
    ["m/d/yy h:mm", true],
    ["h:mm:ss", true],
    ["General", false],
    ["0", false],
    ["#,##0.00", false],
    ["0.00E+00", false],
    ["0%", false],
    ['0"件"', false],
    ['0" days"', false],
    ["0;[Red]-0", false],
    ["\\d0", false],
    [undefined, false],
  ])("%s is a date format: %s", (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });

  it("reads a serial shown as a date as that date, and leaves other numbers alone", () => {
    expect(toCellValue(45047, "yyyy/m/d")).toBe("2023-05-01");
    expect(toCellValue(45047.75, "yyyy/m/d h:mm")).toBe("2023-05-01");
    expect(toCellValue(61, "yyyy/m/d")).toBe("1900-03-01");
    expect(toCellValue(45047, "0")).toBe(45047);
    expect(toCellValue(45047)).toBe(45047);
    expect(toCellValue("2023/5/1", "yyyy/m/d")).toBe("2023/5/1");
    expect(toCellValue("", "yyyy/m/d")).toBeNull();
  });
});
