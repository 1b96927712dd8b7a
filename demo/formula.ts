/**
 * A small formula evaluator for the demo page: enough of Excel's language for the formulas the add-in
 * writes (SUM over cells, ranges and other sheets; + − in the S1 balance; IF, AND, N in the ✓/✗ and the
 * conditional formats) and the ones staff commonly type. MIT like the rest of the project, so that the
 * demo never ships HyperFormula (GPL-3); tests check it against HyperFormula.
 */

export type Scalar = number | string | boolean | null;
export interface FormulaError {
  readonly error: string;
}
export type Value = Scalar | FormulaError;

export interface Reference {
  readonly sheet?: string;
  readonly row: number;
  readonly col: number;
  readonly rowEnd: number;
  readonly colEnd: number;
}

type Node =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "ref"; ref: Reference }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "unary"; op: "-" | "+"; operand: Node }
  | { kind: "binary"; op: string; left: Node; right: Node };

/** Where the evaluator reads cells: the engine resolves sheet names and computes referenced formulas. */
export interface CellSource {
  /** The value of a cell; undefined sheet: the formula's own. An unknown sheet gives #REF!. */
  value(sheet: string | undefined, row: number, col: number): Value;
}

export const isError = (value: unknown): value is FormulaError =>
  typeof value === "object" && value !== null && "error" in value;

const ERR = (error: string): FormulaError => ({ error });

const TOKEN =
  /\s*(?:(?<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|"(?<string>(?:[^"]|"")*)"|(?<ref>(?:'(?:[^']|'')+'!|[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![\w(])|(?<name>[A-Za-z_][\w.]*)(?=\s*\()|(?<bool>TRUE|FALSE)\b|(?<op><>|<=|>=|[-+*/&=<>(),:^%]))/iy;

interface Token {
  type: "number" | "string" | "ref" | "name" | "bool" | "op";
  text: string;
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    if (/^\s*$/.test(formula.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(formula);
    if (!match?.groups) throw new SyntaxError(`cannot read the formula at “${formula.slice(at, at + 10)}”`);
    const [type, text] = Object.entries(match.groups).find(([, v]) => v !== undefined) as [Token["type"], string];
    tokens.push({ type, text });
  }
  return tokens;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function parseReference(text: string): Reference {
  const bang = text.lastIndexOf("!");
  let sheet: string | undefined;
  let local = text;
  if (bang >= 0) {
    const raw = text.slice(0, bang);
    sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    local = text.slice(bang + 1);
  }
  const [from, to = from] = local.replace(/\$/g, "").split(":");
  const cell = (a1: string) => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(a1) as RegExpExecArray;
    return { row: Number(m[2]) - 1, col: columnNumber(m[1]) };
  };
  const a = cell(from);
  const b = cell(to);
  return {
    sheet,
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rowEnd: Math.max(a.row, b.row),
    colEnd: Math.max(a.col, b.col),
  };
}

/** Parses `=…` (the leading `=` optional) into a tree, or throws a SyntaxError. */
export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula.replace(/^=/, ""));
  let i = 0;
  const peek = () => tokens[i];
  const take = (text?: string) => {
    const token = tokens[i];
    if (!token || (text !== undefined && token.text !== text)) throw new SyntaxError(`expected ${text ?? "more"}`);
    i++;
    return token;
  };
  const binary = (next: () => Node, ops: string[]) => (): Node => {
    let left = next();
    while (peek()?.type === "op" && ops.includes(peek().text)) {
      const op = take().text;
      left = { kind: "binary", op, left, right: next() };
    }
    return left;
  };
  const primary = (): Node => {
    const token = take();
    switch (token.type) {
      case "number":
        return { kind: "number", value: Number(token.text) };
      case "string":
        return { kind: "string", value: token.text.replace(/""/g, '"') };
      case "bool":
        return { kind: "boolean", value: token.text.toUpperCase() === "TRUE" };
      case "ref":
        return { kind: "ref", ref: parseReference(token.text) };
      case "name": {
        take("(");
        const args: Node[] = [];
        if (peek()?.text !== ")") {
          do args.push(comparison());
          while (peek()?.text === "," && take(","));
        }
        take(")");
        return { kind: "call", name: token.text.toUpperCase(), args };
      }
      default:
        if (token.text === "(") {
          const inner = comparison();
          take(")");
          return inner;
        }
        if (token.text === "-" || token.text === "+") return { kind: "unary", op: token.text, operand: primary() };
        throw new SyntaxError(`unexpected “${token.text}”`);
    }
  };
  const power = binary(primary, ["^"]);
  const multiplicative = binary(power, ["*", "/"]);
  const additive = binary(multiplicative, ["+", "-"]);
  const concatenation = binary(additive, ["&"]);
  const comparison = binary(concatenation, ["=", "<>", "<", ">", "<=", ">="]);
  const tree = comparison();
  if (i < tokens.length) throw new SyntaxError(`unexpected “${tokens[i].text}”`);
  return tree;
}

/** The cells of a reference, row by row. */
function cellsOf(ref: Reference, source: CellSource): Value[] {
  const values: Value[] = [];
  for (let row = ref.row; row <= ref.rowEnd; row++) {
    for (let col = ref.col; col <= ref.colEnd; col++) values.push(source.value(ref.sheet, row, col));
  }
  return values;
}

/** Excel's coercion of a value to a number in arithmetic: blank 0, TRUE 1, numeric text its number. */
function toNumber(value: Value): number | FormulaError {
  if (isError(value)) return value;
  if (value === null) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  const text = value.trim();
  if (text !== "" && Number.isFinite(Number(text))) return Number(text);
  return ERR("#VALUE!");
}

function toText(value: Scalar): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function toBoolean(value: Value): boolean | FormulaError {
  if (isError(value)) return value;
  if (typeof value === "string") {
    const upper = value.toUpperCase();
    return upper === "TRUE" ? true : upper === "FALSE" ? false : ERR("#VALUE!");
  }
  return Boolean(value);
}

function compare(op: string, a: Scalar, b: Scalar): boolean {
  // Blank compares as 0 with a number, as "" with text; text compares without case.
  const left = a === null ? (typeof b === "string" ? "" : typeof b === "boolean" ? false : 0) : a;
  const right = b === null ? (typeof a === "string" ? "" : typeof a === "boolean" ? false : 0) : b;
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let order: number;
  if (rank(left) !== rank(right)) order = rank(left) - rank(right);
  else if (typeof left === "string") order = left.toLowerCase().localeCompare(String(right).toLowerCase());
  else order = Number(left) - Number(right);
  switch (op) {
    case "=":
      return order === 0;
    case "<>":
      return order !== 0;
    case "<":
      return order < 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    default:
      return order >= 0;
  }
}

/** An argument of a function: a reference gives its cells (where text and blanks are skipped), else one value. */
type Argument = { values: Value[]; fromReference: boolean };

const FUNCTIONS: Record<string, (args: Argument[]) => Value> = {
  SUM: (args) => aggregate(args, (numbers) => numbers.reduce((a, b) => a + b, 0)),
  MIN: (args) => aggregate(args, (numbers) => (numbers.length ? Math.min(...numbers) : 0)),
  MAX: (args) => aggregate(args, (numbers) => (numbers.length ? Math.max(...numbers) : 0)),
  COUNT: (args) => args.flatMap((a) => a.values).filter((v) => typeof v === "number").length,
  ABS: ([a]) => unaryNumber(a, Math.abs),
  ROUND: ([a, digits]) => {
    const n = toNumber(single(a));
    const d = digits ? toNumber(single(digits)) : 0;
    if (isError(n)) return n;
    if (isError(d)) return d;
    const factor = 10 ** d;
    return (Math.sign(n) * Math.round(Math.abs(n) * factor + 1e-9)) / factor;
  },
  N: ([a]) => {
    const v = single(a);
    return isError(v) ? v : typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : 0;
  },
  NOT: ([a]) => {
    const b = toBoolean(single(a));
    return isError(b) ? b : !b;
  },
  AND: (args) => logical(args, (values) => values.every(Boolean)),
  OR: (args) => logical(args, (values) => values.some(Boolean)),
};

function single(argument: Argument | undefined): Value {
  if (!argument) return null;
  return argument.values.length === 1 ? argument.values[0] : ERR("#VALUE!");
}

function unaryNumber(argument: Argument | undefined, f: (n: number) => number): Value {
  const n = toNumber(single(argument));
  return isError(n) ? n : f(n);
}

function aggregate(args: Argument[], f: (numbers: number[]) => number): Value {
  const numbers: number[] = [];
  for (const argument of args) {
    for (const value of argument.values) {
      if (isError(value)) return value;
      if (argument.fromReference) {
        if (typeof value === "number") numbers.push(value);
      } else {
        const n = toNumber(value);
        if (isError(n)) return n;
        numbers.push(n);
      }
    }
  }
  return f(numbers);
}

function logical(args: Argument[], f: (values: boolean[]) => boolean): Value {
  const values: boolean[] = [];
  for (const argument of args) {
    for (const value of argument.values) {
      if (isError(value)) return value;
      if (argument.fromReference && (value === null || typeof value === "string")) continue;
      const b = toBoolean(value);
      if (isError(b)) return b;
      values.push(b);
    }
  }
  return values.length === 0 ? ERR("#VALUE!") : f(values);
}

/** Evaluates a parsed formula; a reference to more than one cell outside a function is #VALUE!. */
export function evaluate(node: Node, source: CellSource): Value {
  switch (node.kind) {
    case "number":
    case "string":
    case "boolean":
      return node.value;
    case "ref": {
      const values = cellsOf(node.ref, source);
      return values.length === 1 ? values[0] : ERR("#VALUE!");
    }
    case "unary": {
      const n = toNumber(evaluate(node.operand, source));
      return isError(n) ? n : node.op === "-" ? -n : n;
    }
    case "binary": {
      const left = evaluate(node.left, source);
      if (isError(left)) return left;
      const right = evaluate(node.right, source);
      if (isError(right)) return right;
      if (node.op === "&") return toText(left) + toText(right);
      if (["=", "<>", "<", ">", "<=", ">="].includes(node.op)) return compare(node.op, left, right);
      const a = toNumber(left);
      if (isError(a)) return a;
      const b = toNumber(right);
      if (isError(b)) return b;
      switch (node.op) {
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "*":
          return a * b;
        case "/":
          return b === 0 ? ERR("#DIV/0!") : a / b;
        default:
          return a ** b;
      }
    }
    case "call": {
      if (node.name === "IF") {
        const condition = toBoolean(evaluate(node.args[0], source));
        if (isError(condition)) return condition;
        const branch = condition ? node.args[1] : node.args[2];
        return branch ? evaluate(branch, source) : condition;
      }
      const f = FUNCTIONS[node.name];
      if (!f) return ERR("#NAME?");
      return f(
        node.args.map((arg) =>
          arg.kind === "ref"
            ? { values: cellsOf(arg.ref, source), fromReference: true }
            : { values: [evaluate(arg, source)], fromReference: false },
        ),
      );
    }
  }
}

/** Rewrites the sheet name in every reference of a formula's text (a sheet renamed). */
export function renameInFormula(formula: string, from: string, to: string): string {
  const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
  const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return formula
    .replace(new RegExp(`${escaped(quoted(from))}!`, "gi"), `${quoted(to)}!`)
    .replace(new RegExp(`(^|[^\\w'])${escaped(from)}!`, "gi"), `$1${quoted(to)}!`);
}
