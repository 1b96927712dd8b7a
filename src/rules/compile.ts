import {
  cellId,
  FORMATS,
  perTable,
  TABLE_IDS,
  type CellId,
  type FormatId,
  type FormatModel,
  type TableId,
  type ValueCell,
} from "../format";
import { blankJudgment, cellFinding } from "./cell-messages";
import { describeCell } from "./describe";
import { AMOUNT_TOLERANCE, PLACEHOLDERS, RULES, type LinearRule, type RelativeCell, type SumRule } from "./definitions";
import { compileEvaluator, type Evaluator, type Failures, type RelationArrays } from "./evaluate";
import { compileLoader, emptySlots, type Loader, type RowReader, type Slots } from "./loader";
import type { Finding, RuleId, Severity } from "./types";

/**
 * The rules compiled against one format (and, for the cross-year rules, last year's format) into flat
 * arrays, so that checking a report is a pass over numbers with no lookups by name.
 *
 * Slots: this year's cells are slots 0..N-1 (slot = cell.index); last year's are N + its cell.index.
 */

export interface CompiledRelation {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly target: ValueCell;
  readonly targetSlot: number;
  readonly operandSlots: Int32Array;
  readonly signs: Float64Array;
  readonly tolerance: number;
  /** This year's cells of the relation, the target last. Frozen: shared by every finding of it. */
  readonly cells: readonly CellId[];
  /** `intro + 表三“…”行“…”列应为 ` */
  readonly lead: string;
  /** Each term's name in the sum, e.g. `自然人`, `（三）1`, `上年结转下年度`. */
  readonly termNames: readonly string[];
  /** What precedes each term's figure when it is the first written (`自然人 `, `−（七）总计 `)… */
  readonly firstLeads: readonly string[];
  /** …and when it follows another (` + 自然人 `, ` − （七）总计 `); built once, not per finding. */
  readonly nextLeads: readonly string[];
  /** Short sums are written out in full; long ones name only the non-zero terms. */
  readonly listAll: boolean;
}

export interface Program {
  readonly format: FormatModel;
  readonly previous: FormatModel | undefined;
  readonly slotCount: number;
  readonly currentRows: readonly RowReader[];
  readonly previousRows: readonly RowReader[];
  readonly loadCurrent: Loader;
  readonly loadPrevious: Loader;
  /** Per table, in table order: its relations (errors' rules first) flattened for one tight loop. */
  readonly relations: Readonly<Record<TableId, RelationBlock>>;
  /** The same blocks in table order, each with the end of its table's slots: what the checker walks. */
  readonly tables: readonly TableProgram[];
  /** The checker's working memory, reused: checking is synchronous, one report at a time. */
  readonly scratch: Scratch;
  /** Per cell (by index): `[cell.id]`, frozen, the `cells` of its V1/B1 findings. */
  readonly singleCells: readonly (readonly CellId[])[];
  /**
   * Per cell (by index): the B1 finding of a blank cell, and per placeholder (`/`, `无`…) the finding of
   * a cell holding exactly that. Frozen and shared by every report: they never change.
   */
  readonly blankFindings: readonly Finding[];
  readonly placeholderFindings: readonly ReadonlyMap<string, Finding>[];
  /** V1 (values that are not usable numbers) and B1 (blanks and placeholders). */
  readonly valueRule: RuleAndSeverity;
  readonly blankRule: RuleAndSeverity;
}

type RuleAndSeverity = { readonly id: RuleId; readonly severity: Severity };

export interface TableProgram {
  readonly relations: RelationBlock;
  /** The end of the table's cells' slots (cells are numbered table by table). */
  readonly cellsEnd: number;
}

export interface Scratch {
  readonly slots: Slots;
  readonly failures: Failures;
}

/** The relations of one table, flattened for one tight loop (evaluate.ts), and evaluated. */
export interface RelationBlock extends RelationArrays {
  readonly list: readonly CompiledRelation[];
  /** Evaluates the block, text read as 0; the checker then drops the failures that involve text. */
  readonly evaluate: Evaluator;
}

function relationBlock(list: readonly CompiledRelation[]): RelationBlock {
  const starts = new Int32Array(list.length + 1);
  list.forEach((relation, r) => (starts[r + 1] = starts[r] + relation.operandSlots.length));
  const operandSlots = new Int32Array(starts[list.length]);
  const signs = new Float64Array(starts[list.length]);
  list.forEach((relation, r) => {
    operandSlots.set(relation.operandSlots, starts[r]);
    signs.set(relation.signs, starts[r]);
  });
  const arrays: RelationArrays = {
    targets: Int32Array.from(list, (relation) => relation.targetSlot),
    tolerances: Float64Array.from(list, (relation) => relation.tolerance),
    starts,
    operandSlots,
    signs,
  };
  return { ...arrays, list, evaluate: compileEvaluator(arrays) };
}

const LIST_ALL_UP_TO = 6;

/** Readers in ascending slot order, so that the loader lists blank and doubtful slots in order. */
function rowReaders(format: FormatModel, offset: number): RowReader[] {
  const readers: RowReader[] = [];
  let next = offset;
  for (const table of Object.values(format.tables)) {
    for (const rowKey of table.rowKeys) {
      const cells = table.cells.filter((cell) => cell.rowKey === rowKey);
      const slots = Int32Array.from(cells, (cell) => offset + cell.index);
      if (slots.some((slot) => slot !== next++)) throw new Error(`format ${format.id}: cells not numbered row by row`);
      readers.push({
        table: table.id,
        rowKey,
        columnKeys: cells.map((cell) => cell.columnKey),
        slots,
        fractions: Uint8Array.from(cells, (cell) => (cell.kind === "amount" ? 1 : 0)),
      });
    }
  }
  return readers;
}

/**
 * The readers narrowed to the slots in `used`: of last year's report only the cells that the cross-year
 * rules name are read (a few of some 200), the rest of its slots stay 0 and are never looked at.
 */
function onlySlots(readers: readonly RowReader[], used: ReadonlySet<number>): RowReader[] {
  return readers.flatMap((reader) => {
    const kept = reader.columnKeys.flatMap((_, i) => (used.has(reader.slots[i]) ? [i] : []));
    if (kept.length === 0) return [];
    return [
      {
        ...reader,
        columnKeys: kept.map((i) => reader.columnKeys[i]),
        slots: Int32Array.from(kept, (i) => reader.slots[i]),
        fractions: Uint8Array.from(kept, (i) => reader.fractions[i]),
      },
    ];
  });
}

interface Operand {
  cell: ValueCell;
  slot: number;
  sign: number;
  previous: boolean;
}

function relation(
  rule: { id: RuleId; severity: Severity },
  target: ValueCell,
  operands: readonly Operand[],
  intro: string,
): CompiledRelation {
  const termNames = operands.map(({ cell, previous }) => {
    const name = cell.rowKey === target.rowKey ? cell.columnName : cell.rowShort;
    return previous ? `上年${name}` : name;
  });
  const current = operands.filter((operand) => !operand.previous).map((operand) => operand.cell.id);
  return {
    rule: rule.id,
    severity: rule.severity,
    target,
    targetSlot: target.index,
    operandSlots: Int32Array.from(operands, (operand) => operand.slot),
    signs: Float64Array.from(operands, (operand) => operand.sign),
    tolerance: target.kind === "amount" ? AMOUNT_TOLERANCE : 0,
    cells: Object.freeze([...current, target.id]),
    lead: `${intro}${describeCell(target)}应为 `,
    termNames,
    firstLeads: operands.map((operand, i) => `${operand.sign < 0 ? "−" : ""}${termNames[i]} `),
    nextLeads: operands.map((operand, i) => `${operand.sign < 0 ? " − " : " + "}${termNames[i]} `),
    listAll: operands.length <= LIST_ALL_UP_TO,
  };
}

function compileSums(rule: SumRule, format: FormatModel): CompiledRelation[] {
  return format.sums
    .filter((sum) => sum.along === rule.along && format.cellById.get(sum.target)?.table === rule.table)
    .map((sum) => {
      const target = format.cellById.get(sum.target) as ValueCell;
      const operands = sum.terms.map((id) => {
        const cell = format.cellById.get(id) as ValueCell;
        return { cell, slot: cell.index, sign: 1, previous: false };
      });
      return relation(rule, target, operands, "");
    });
}

function compileLinear(rule: LinearRule, format: FormatModel, previous: FormatModel | undefined): CompiledRelation[] {
  const usesPrevious = rule.terms.some((term) => term.previous);
  if (usesPrevious && !previous) return [];
  const table = format.tables[rule.table];
  const keys = rule.over === "columns" ? table.columnKeys : table.rowKeys;
  const locate = (cell: RelativeCell, key: string): CellId =>
    rule.over === "columns"
      ? cellId(rule.table, cell.row ?? "", cell.column ?? key)
      : cellId(rule.table, cell.row ?? key, cell.column ?? "");

  const compiled: CompiledRelation[] = [];
  for (const key of keys) {
    const target = format.cellById.get(locate(rule.target, key));
    if (!target) continue;
    const operands: Operand[] = [];
    for (const term of rule.terms) {
      const source = term.previous ? (previous as FormatModel) : format;
      const cell = source.cellById.get(locate(term, key));
      if (!cell) break;
      const slot = term.previous ? format.cells.length + cell.index : cell.index;
      operands.push({ cell, slot, sign: term.sign ?? 1, previous: Boolean(term.previous) });
    }
    // A term the format lacks (e.g. 现行有效件数 in a 2019 table 二) means the rule does not apply here.
    if (operands.length === rule.terms.length) compiled.push(relation(rule, target, operands, rule.intro?.(key) ?? ""));
  }
  return compiled;
}

/**
 * This year's loader depends on the format alone: one per format, shared by its programs with and
 * without last year's, so that checking with and without last year's runs (and warms) the same code.
 */
const currentLoaders = new Map<FormatId, Loader>();

function currentLoader(format: FormatModel, rows: readonly RowReader[]): Loader {
  let loader = currentLoaders.get(format.id);
  if (!loader) currentLoaders.set(format.id, (loader = compileLoader(rows, true)));
  return loader;
}

function compile(format: FormatModel, previous: FormatModel | undefined): Program {
  const errorRelations = perTable((): CompiledRelation[] => []);
  const warningRelations = perTable((): CompiledRelation[] => []);
  let valueRule: Program["valueRule"] | undefined;
  let blankRule: RuleAndSeverity | undefined;
  for (const rule of RULES) {
    if (rule.kind === "cell") {
      if (rule.judges === "unusable") valueRule = rule;
      else blankRule = rule;
      continue;
    }
    const relations = rule.kind === "sum" ? compileSums(rule, format) : compileLinear(rule, format, previous);
    for (const compiled of relations) {
      (compiled.severity === "error" ? errorRelations : warningRelations)[compiled.target.table].push(compiled);
    }
  }
  if (!valueRule || !blankRule) throw new Error("the rules lack V1 or B1");
  const relations = perTable((id) => relationBlock([...errorRelations[id], ...warningRelations[id]]));
  const currentRows = rowReaders(format, 0);
  const usedPrevious = new Set<number>();
  for (const id of TABLE_IDS) {
    for (const slot of relations[id].operandSlots) if (slot >= format.cells.length) usedPrevious.add(slot);
  }
  const previousRows = previous ? onlySlots(rowReaders(previous, format.cells.length), usedPrevious) : [];
  const slotCount = format.cells.length + (previous?.cells.length ?? 0);
  const mostRelations = Math.max(...TABLE_IDS.map((id) => relations[id].targets.length));
  const singleCells = format.cells.map((cell) => Object.freeze([cell.id]));
  const blankFinding = (cell: ValueCell, text: string | null): Finding =>
    Object.freeze(cellFinding(blankRule as RuleAndSeverity, singleCells[cell.index], blankJudgment(cell, text), text));
  return {
    format,
    previous,
    slotCount,
    currentRows,
    previousRows,
    loadCurrent: currentLoader(format, currentRows),
    loadPrevious: compileLoader(previousRows, false),
    relations,
    tables: TABLE_IDS.map((id) => {
      const cells = format.tables[id].cells;
      return { relations: relations[id], cellsEnd: cells[cells.length - 1].index + 1 };
    }),
    scratch: {
      slots: emptySlots(slotCount),
      failures: { relations: new Int32Array(mostRelations), expected: new Float64Array(mostRelations) },
    },
    singleCells,
    blankFindings: format.cells.map((cell) => blankFinding(cell, null)),
    placeholderFindings: format.cells.map(
      (cell) => new Map([...PLACEHOLDERS].map((text) => [text, blankFinding(cell, text)])),
    ),
    valueRule,
    blankRule,
  };
}

/** Per this year's format, per last year's ("" without one): built on first use. */
const programs = new Map<FormatId, Map<FormatId | "", Program>>();

/** The compiled rules for a report of `format`, checked against last year's report of `previous`. */
export function programFor(format: FormatId, previous?: FormatId): Program {
  let byPrevious = programs.get(format);
  if (!byPrevious) programs.set(format, (byPrevious = new Map()));
  let program = byPrevious.get(previous ?? "");
  if (!program) {
    program = compile(FORMATS[format], previous ? FORMATS[previous] : undefined);
    byPrevious.set(previous ?? "", program);
  }
  return program;
}
