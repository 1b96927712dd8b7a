import { FORMATS, rectA1, type FormatId, type TableId } from "../../src/format";

/** Merges and cells of the official grids, as format.md §1.4–1.6 and §3.2–3.4 draw them. */
const MERGES: Record<FormatId, Record<TableId, string>> = {
  "2021": {
    二: "A1:D1 A5:D5 A8:D8 A12:D12 B6:D6 B7:D7 B9:D9 B10:D10 B11:D11 B13:D13 B14:D14",
    三: "A1:C3 D1:J1 D2:D3 E2:I2 J2:J3 A4:C4 A5:C5 A28:C28 A6:A27 B6:C6 B7:C7 B27:C27 B8:B15 B16:B18 B19:B23 B24:B26",
    四: "A1:E1 F1:O1 A2:A3 B2:B3 C2:C3 D2:D3 E2:E3 F2:J2 K2:O2",
  },
  "2019": {
    二:
      "A1:E1 C2:D2 C3:D3 C4:D4 A5:E5 C6:D6 C7:D7 C8:D8 A9:E9 C10:D10 C11:D11 C12:D12 " +
      "A13:E13 B14:C14 D14:E14 B15:C15 D15:E15 A16:E16 B17:C17 D17:E17 B18:C18 D18:E18",
    三: "A1:C3 D1:J1 D2:D3 E2:I2 J2:J3 A4:C4 A5:C5 A26:C26 A6:A25 B6:C6 B7:C7 B24:C24 B25:C25 B8:B15 B16:B18 B19:B23",
    四: "A1:E1 F1:O1 A2:A3 B2:B3 C2:C3 D2:D3 E2:E3 F2:J2 K2:O2",
  },
};

const SIZE: Record<FormatId, Record<TableId, [number, number]>> = {
  "2021": { 二: [14, 4], 三: [28, 10], 四: [4, 15] },
  "2019": { 二: [18, 5], 三: [26, 10], 四: [4, 15] },
};

/** Every cell of a rectangle `A1:C3`. */
function expand(range: string): string[] {
  const [from, to = from] = range.split(":");
  const parse = (a: string) => ({ col: a.charCodeAt(0) - 65, row: Number(a.slice(1)) });
  const a = parse(from);
  const b = parse(to);
  const cells: string[] = [];
  for (let row = a.row; row <= b.row; row++) {
    for (let col = a.col; col <= b.col; col++) cells.push(`${String.fromCharCode(65 + col)}${row}`);
  }
  return cells;
}

const INPUTS: Record<FormatId, Record<TableId, string[]>> = {
  "2021": {
    二: "B3 C3 D3 B4 C4 D4 B7 B10 B11 B14".split(" "),
    三: expand("D4:I26").concat(expand("D28:I28")),
    四: expand("A4:D4").concat(expand("F4:I4"), expand("K4:N4")),
  },
  "2019": {
    二: "B3 C3 E3 B4 C4 E4 B7 C7 E7 B8 C8 E8 B11 C11 E11 B12 C12 E12 B15 D15 B18 D18".split(" "),
    三: expand("D4:I24").concat(expand("D26:I26")),
    四: expand("A4:D4").concat(expand("F4:I4"), expand("K4:N4")),
  },
};

const DERIVED: Record<FormatId, Record<TableId, string[]>> = {
  "2021": { 二: [], 三: expand("J4:J28").concat(expand("D27:I27")), 四: ["E4", "J4", "O4"] },
  "2019": { 二: [], 三: expand("J4:J26").concat(expand("D25:I25")), 四: ["E4", "J4", "O4"] },
};

describe.each(["2021", "2019"] as const)("the %s format's grids", (format) => {
  describe.each(["二", "三", "四"] as const)("table %s", (table) => {
    const model = FORMATS[format].tables[table];
    const merged = [...model.labels, ...model.cells].filter((rect) => rect.rowSpan > 1 || rect.colSpan > 1);

    it("has the official size", () => {
      expect([model.rowCount, model.colCount]).toEqual(SIZE[format][table]);
    });

    it("has exactly the official merges", () => {
      expect(merged.map((rect) => rectA1(rect)).sort()).toEqual(MERGES[format][table].split(" ").sort());
    });

    it("has exactly the official input and derived cells", () => {
      const address = (role: string) =>
        model.cells.filter((cell) => cell.role === role).map((cell) => rectA1({ ...cell, rowSpan: 1, colSpan: 1 }));
      expect(address("input").sort()).toEqual([...INPUTS[format][table]].sort());
      expect(address("derived").sort()).toEqual([...DERIVED[format][table]].sort());
    });

    it("covers every grid position exactly once", () => {
      const seen = new Map<string, number>();
      for (const rect of [...model.labels, ...model.cells]) {
        for (let r = rect.row; r < rect.row + rect.rowSpan; r++) {
          for (let c = rect.col; c < rect.col + rect.colSpan; c++)
            seen.set(`${r},${c}`, (seen.get(`${r},${c}`) ?? 0) + 1);
        }
      }
      // Table 四 has no label column, so every position is a label or a value; the others likewise.
      expect(seen.size).toBe(model.rowCount * model.colCount);
      expect([...seen.values()].every((count) => count === 1)).toBe(true);
    });
  });
});

it("gives each cell a unique id that names its table, row and column", () => {
  for (const format of Object.values(FORMATS)) {
    format.cells.forEach((cell, i) => {
      expect(cell.index).toBe(i);
      expect(cell.id).toBe(`${cell.table}:${cell.rowKey}:${cell.columnKey}`);
    });
  }
  expect(FORMATS["2021"].cells).toHaveLength(10 + 175 + 15);
  expect(FORMATS["2019"].cells).toHaveLength(22 + 161 + 15);
});

it("marks the amounts and the signed changes", () => {
  const kinds = (format: FormatId) =>
    FORMATS[format].cells.filter((cell) => cell.kind !== "count").map((cell) => `${cell.id}=${cell.kind}`);
  expect(kinds("2021")).toEqual(["二:行政事业性收费:本年收费金额=amount"]);
  expect(kinds("2019")).toEqual([
    "二:行政许可:本年增/减=change",
    "二:其他对外管理服务事项:本年增/减=change",
    "二:行政处罚:本年增/减=change",
    "二:行政强制:本年增/减=change",
    "二:行政事业性收费:本年增/减=change",
    "二:政府集中采购:采购总金额=amount",
  ]);
});
