import type { CellValue } from "../report/types";

/** A merged area, 0-based. */
export interface Area {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

/** One sheet as the recogniser sees it: what each cell shows, and the merged areas. */
export interface SheetGrid {
  readonly name: string;
  readonly cells: readonly (readonly CellValue[])[];
  readonly merges: readonly Area[];
}

/** Lookups over a grid: text of a cell, the merged area a cell belongs to. */
export class GridView {
  private readonly areaOf = new Map<string, Area>();

  constructor(readonly grid: SheetGrid) {
    for (const area of grid.merges) {
      for (let r = area.row; r < area.row + area.rowCount; r++) {
        for (let c = area.col; c < area.col + area.colCount; c++) this.areaOf.set(`${r},${c}`, area);
      }
    }
  }

  get rowCount(): number {
    return this.grid.cells.length;
  }

  columnCount(row: number): number {
    return this.grid.cells[row]?.length ?? 0;
  }

  value(row: number, col: number): CellValue {
    return this.grid.cells[row]?.[col] ?? null;
  }

  /** The text of a cell that holds text, else undefined. */
  text(row: number, col: number): string | undefined {
    const value = this.value(row, col);
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  }

  area(row: number, col: number): Area {
    return this.areaOf.get(`${row},${col}`) ?? { row, col, rowCount: 1, colCount: 1 };
  }

  /** Inside a merged area but not its top-left cell: it shows nothing of its own. */
  covered(row: number, col: number): boolean {
    const area = this.areaOf.get(`${row},${col}`);
    return Boolean(area && (area.row !== row || area.col !== col));
  }

  /** The cells of a row from `fromCol` on that show something of their own, left to right. */
  slots(row: number, fromCol: number): number[] {
    const cols: number[] = [];
    const last = Math.max(this.columnCount(row), ...this.grid.merges.map((m) => m.col + m.colCount));
    for (let c = fromCol; c < last; c++) if (!this.covered(row, c)) cols.push(c);
    return cols;
  }
}
