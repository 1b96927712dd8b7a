import type { BlockTableSpec, CrossTableSpec, FormatSpec, HeaderNode, TableSpec } from "./spec-types";
import {
  cellId,
  type CellId,
  type CellRole,
  type FormatModel,
  type LabelCell,
  type SumRelation,
  type TableId,
  type TableModel,
  type ValueCell,
  type ValueKind,
} from "./types";

/** A value cell before it is numbered in the format's flat list. */
type DraftCell = Omit<ValueCell, "index">;

interface DraftTable {
  model: Omit<TableModel, "cells"> & { cells: DraftCell[] };
  sums: SumRelation[];
}

const keyOf = (node: HeaderNode): string => node.key ?? node.label;

function depth(nodes: readonly HeaderNode[]): number {
  return nodes.reduce((max, node) => Math.max(max, 1 + (node.children ? depth(node.children) : 0)), 0);
}

function leafCount(node: HeaderNode): number {
  return node.children ? node.children.reduce((n, child) => n + leafCount(child), 0) : 1;
}

/** A leaf of a header tree with what the layout needs to know about its ancestors. */
interface Leaf {
  node: HeaderNode;
  parent: HeaderNode | undefined;
  /** Every group above the leaf, nearest last. Nodes may be shared between groups (table 四), so identity of the path matters. */
  ancestors: readonly HeaderNode[];
  /** The nearest ancestor marked `namesRow`, if any. */
  rowGroup: HeaderNode | undefined;
}

/**
 * Lays a header tree out along one axis. `along` is the axis the tree runs on (columns for a column
 * tree); `across` is where its depth goes (header rows for a column tree).
 */
function layoutTree(
  nodes: readonly HeaderNode[],
  treeDepth: number,
  place: (node: HeaderNode, along: number, across: number, alongSpan: number, acrossSpan: number) => void,
): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (level: readonly HeaderNode[], at: number, ancestors: readonly HeaderNode[], rowGroup?: HeaderNode) => {
    let position = at;
    const d = ancestors.length;
    for (const node of level) {
      const span = leafCount(node);
      if (node.children) {
        place(node, position, d, span, 1);
        walk(node.children, position, [...ancestors, node], node.namesRow ? node : rowGroup);
      } else {
        place(node, position, d, 1, treeDepth - d);
        leaves.push({ node, parent: ancestors[d - 1], ancestors, rowGroup });
      }
      position += span;
    }
  };
  walk(nodes, 0, []);
  return leaves;
}

/** The other leaves under a total's parent: what the total adds up. */
function summands(total: Leaf, leaves: readonly Leaf[]): Leaf[] {
  const depthOfParent = total.ancestors.length - 1;
  const samePath = (leaf: Leaf) => total.ancestors.every((node, i) => leaf.ancestors[i] === node);
  if (depthOfParent < 0) throw new Error(`total ${total.node.label} has no group to add up`);
  return leaves.filter((leaf) => leaf !== total && samePath(leaf));
}

function layoutCross(spec: CrossTableSpec): DraftTable {
  const labels: LabelCell[] = [];
  const headerRows = depth(spec.columns);
  const labelCols = spec.rows ? depth(spec.rows) : 0;

  if (spec.corner !== undefined && labelCols > 0) {
    labels.push({ row: 0, col: 0, rowSpan: headerRows, colSpan: labelCols, text: spec.corner, role: "corner" });
  }
  const columnLeaves = layoutTree(spec.columns, headerRows, (node, along, across, alongSpan, acrossSpan) =>
    labels.push({
      row: across,
      col: labelCols + along,
      rowSpan: acrossSpan,
      colSpan: alongSpan,
      text: node.label,
      role: "columnHeader",
    }),
  );
  const rowLeaves: (Leaf | undefined)[] = spec.rows
    ? layoutTree(spec.rows, labelCols, (node, along, across, alongSpan, acrossSpan) =>
        labels.push({
          row: headerRows + along,
          col: across,
          rowSpan: alongSpan,
          colSpan: acrossSpan,
          text: node.label,
          role: "rowHeader",
        }),
      )
    : [undefined];

  const rowKeyOf = (rowLeaf: Leaf | undefined, columnLeaf: Leaf): string => {
    if (rowLeaf) return keyOf(rowLeaf.node);
    if (!columnLeaf.rowGroup) throw new Error(`table ${spec.id}: column ${columnLeaf.node.label} names no row`);
    return keyOf(columnLeaf.rowGroup);
  };
  const id = (rowLeaf: Leaf | undefined, columnLeaf: Leaf): CellId =>
    cellId(spec.id, rowKeyOf(rowLeaf, columnLeaf), keyOf(columnLeaf.node));

  const cells: DraftCell[] = [];
  rowLeaves.forEach((rowLeaf, r) => {
    columnLeaves.forEach((columnLeaf, c) => {
      const rowNode = rowLeaf?.node ?? columnLeaf.rowGroup;
      const derived = Boolean(rowLeaf?.node.total || columnLeaf.node.total);
      cells.push({
        id: id(rowLeaf, columnLeaf),
        table: spec.id,
        rowKey: rowKeyOf(rowLeaf, columnLeaf),
        columnKey: keyOf(columnLeaf.node),
        rowName: rowNode?.name ?? rowNode?.label ?? "",
        rowShort: rowNode?.short ?? rowNode?.name ?? rowNode?.label ?? "",
        columnName: columnLeaf.node.label,
        kind: "count",
        role: derived ? "derived" : "input",
        row: headerRows + r,
        col: labelCols + c,
        rowSpan: 1,
        colSpan: 1,
      });
    });
  });

  const sums: SumRelation[] = [];
  for (const columnLeaf of columnLeaves.filter((leaf) => leaf.node.total)) {
    const parts = summands(columnLeaf, columnLeaves);
    for (const rowLeaf of rowLeaves) {
      sums.push({
        target: id(rowLeaf, columnLeaf),
        terms: parts.map((part) => id(rowLeaf, part)),
        along: "row",
      });
    }
  }
  for (const rowLeaf of rowLeaves.filter((leaf): leaf is Leaf => Boolean(leaf?.node.total))) {
    const parts = summands(
      rowLeaf,
      rowLeaves.filter((leaf): leaf is Leaf => leaf !== undefined),
    );
    for (const columnLeaf of columnLeaves) {
      sums.push({
        target: id(rowLeaf, columnLeaf),
        terms: parts.map((part) => id(part, columnLeaf)),
        along: "column",
      });
    }
  }

  return {
    model: {
      id: spec.id,
      heading: spec.heading,
      rowCount: headerRows + rowLeaves.length,
      colCount: labelCols + columnLeaves.length,
      headerRows,
      labels,
      cells,
      rowKeys: unique(cells.map((cell) => cell.rowKey)),
      columnKeys: unique(cells.map((cell) => cell.columnKey)),
    },
    sums,
  };
}

function layoutBlocks(spec: BlockTableSpec): DraftTable {
  const labels: LabelCell[] = [];
  const cells: DraftCell[] = [];
  const width = 1 + spec.valueWidth;
  let row = 0;
  for (const block of spec.blocks) {
    const spans = spec.spans[block.columns.length];
    if (!spans || spans.reduce((a, b) => a + b, 0) !== spec.valueWidth) {
      throw new Error(`table ${spec.id}: no column spans for ${block.columns.length} values in ${block.title}`);
    }
    const starts = spans.map((_, i) => 1 + spans.slice(0, i).reduce((a, b) => a + b, 0));
    labels.push({ row, col: 0, rowSpan: 1, colSpan: width, text: block.title, role: "blockTitle" });
    row += 1;
    labels.push({ row, col: 0, rowSpan: 1, colSpan: 1, text: spec.rowHeader, role: "columnHeader" });
    block.columns.forEach((column, i) =>
      labels.push({
        row,
        col: starts[i],
        rowSpan: 1,
        colSpan: spans[i],
        text: column.label ?? column.key,
        role: "columnHeader",
      }),
    );
    row += 1;
    for (const rowLabel of block.rows) {
      labels.push({ row, col: 0, rowSpan: 1, colSpan: 1, text: rowLabel, role: "rowHeader" });
      block.columns.forEach((column, i) =>
        cells.push({
          id: cellId(spec.id, rowLabel, column.key),
          table: spec.id,
          rowKey: rowLabel,
          columnKey: column.key,
          rowName: rowLabel,
          rowShort: rowLabel,
          columnName: column.label ?? column.key,
          kind: column.kind ?? ("count" satisfies ValueKind),
          role: "input" satisfies CellRole,
          row,
          col: starts[i],
          rowSpan: 1,
          colSpan: spans[i],
        }),
      );
      row += 1;
    }
  }
  return {
    model: {
      id: spec.id,
      heading: spec.heading,
      rowCount: row,
      colCount: width,
      headerRows: 0,
      labels,
      cells,
      rowKeys: unique(cells.map((cell) => cell.rowKey)),
      columnKeys: unique(cells.map((cell) => cell.columnKey)),
    },
    sums: [],
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function layoutTable(spec: TableSpec): DraftTable {
  return spec.shape === "blocks" ? layoutBlocks(spec) : layoutCross(spec);
}

/** Builds the complete model of a format from its declarative spec. */
export function buildFormat(spec: FormatSpec): FormatModel {
  const drafts = spec.tables.map(layoutTable);
  const cells: ValueCell[] = [];
  const tables = {} as Record<TableId, TableModel>;
  for (const draft of drafts) {
    const first = cells.length;
    const numbered = draft.model.cells.map((cell, i) => Object.freeze({ ...cell, index: first + i }));
    cells.push(...numbered);
    tables[draft.model.id] = Object.freeze({ ...draft.model, cells: numbered });
  }
  const cellById = new Map(cells.map((cell) => [cell.id, cell]));
  if (cellById.size !== cells.length) throw new Error(`format ${spec.id}: two cells share an id`);
  return Object.freeze({
    id: spec.id,
    document: spec.document,
    title: spec.title,
    tables,
    cells,
    cellById,
    sums: drafts.flatMap((draft) => draft.sums),
  });
}
