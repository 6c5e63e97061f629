// The printer: each node becomes a prettier document, and prettier's layout engine fits the
// documents to the width. The rules follow nixfmt (RFC 166 style) as DESIGN.md describes.

import { builders, printer } from "prettier/doc";
import type { Entry, ListItem, NixExpr, NodeOf, Parameter } from "../ast.js";
import { attrName, attrPathText } from "../lexical.js";
import { joined, printFloat, printIndentedString, printInt, printString } from "./literals.js";
import { Level, levelOf, operandLevels, unreachable } from "./precedence.js";

type Doc = builders.Doc;
const { group, indent, line, softline, hardline, join, markAsRoot } = builders;
const { breakParent, hardlineWithoutBreakParent: newline } = builders;
const { literallineWithoutBreakParent: entryLine } = builders;

/** Layout settings; the defaults are nixfmt's. */
export interface PrintOptions {
  /** Columns a line may use, indentation included. */
  readonly width?: number;
}

/** Nix source for `expr`, ending in exactly one newline. */
export function printNix(expr: NixExpr, options: PrintOptions = {}): string {
  const { formatted } = printer.printDocToString(print(expr), {
    printWidth: options.width ?? 100,
    tabWidth: 2,
    useTabs: false,
  });
  return formatted + "\n";
}

/** An interpolation's contents on one line, as nixfmt keeps them, whatever the width. */
function printFlat(expr: NixExpr): string {
  return printer.printDocToString(print(expr), {
    printWidth: Number.POSITIVE_INFINITY,
    tabWidth: 2,
    useTabs: false,
  }).formatted;
}

/** The document for an expression standing where any expression may stand. */
function print(expr: NixExpr): Doc {
  switch (expr.kind) {
    case "identifier":
      return expr.name;
    case "int":
      return printInt(expr.value);
    case "float":
      return printFloat(expr.value);
    case "null":
      return "null";
    case "string":
      return printString(expr.parts, printFlat);
    case "indented-string":
      return printIndentedString(expr.parts, printFlat);
    case "path":
      return expr.text;
    case "attrset":
      return printAttrset(expr);
    case "list":
      return printList(expr.items);
    case "function":
      return printFunction(expr);
    case "apply":
      return printApply(expr);
    case "select":
      return printSelect(expr);
    case "has-attr":
      return [slot(expr.target, Level.negate), " ? ", attrPathText(expr.path)];
    case "not":
      return ["!", slot(expr.operand, Level.not)];
    case "negate":
      return ["-", slot(expr.operand, Level.select)];
    case "binary":
      return printBinary(expr);
    case "let":
      return printLet(expr);
    case "with":
      return group(["with ", print(expr.scope), ";", line, print(expr.body)]);
    case "if":
      return printIf(expr);
    case "assert":
      return ["assert ", print(expr.condition), ";", hardline, print(expr.body)];
    case "raw":
      return expr.text;
    default:
      return unreachable(expr);
  }
}

/** `expr` in a slot that needs at least `level`, parenthesised when it binds looser. */
function slot(expr: NixExpr, level: number): Doc {
  return levelOf(expr) >= level ? print(expr) : parenthesised(expr);
}

/**
 * `( ... )`: hugging the contents when they end in a block that opens on this line
 * (`(lib.mkIf c {`), else breaking inside the parentheses when too long.
 */
function parenthesised(expr: NixExpr): Doc {
  if (endsInBlock(expr)) return ["(", print(expr), ")"];
  return group(["(", indent([softline, print(expr)]), softline, ")"]);
}

/** Sets, lists and indented strings open on the current line and may span many lines. */
function isBlock(expr: NixExpr): boolean {
  switch (expr.kind) {
    case "attrset":
    case "list":
    case "indented-string":
      return true;
    default:
      return false;
  }
}

/** True for a block, or an application whose last argument is one. */
function endsInBlock(expr: NixExpr): boolean {
  if (isBlock(expr)) return true;
  if (expr.kind === "function") return expr.parameter.kind === "name" && bodyEndsInBlock(expr);
  if (expr.kind === "apply") return isBlock(expr.args[expr.args.length - 1]!);
  return false;
}

/**
 * The body of a set, list or `let`, one level in. Its entries start on `entryLine`s, literal
 * lines that take this indentation from `markAsRoot`. Unlike a plain line, a literal line
 * does not trim trailing spaces from the line it ends, which cost a copy of every printed
 * line; an entry never ends in a space, and a comment line is still ended by a plain line.
 */
function body(docs: Doc[]): Doc {
  return indent(markAsRoot(docs));
}

/**
 * The entries of a set or `let`, each after a new line, as one flat array. A block always
 * breaks, so one `breakParent` for the block breaks the enclosing groups just as a
 * `hardline` per line would, with a third of the pieces for prettier to walk.
 */
function printEntries(entries: readonly Entry[]): Doc[] {
  const docs: Doc[] = [breakParent];
  entries.forEach((entry, i) => {
    // Plain lines here: the second trims the indentation the first wrote on the empty line.
    if (entry.blankLineBefore && i > 0) docs.push(newline, newline);
    else docs.push(entryLine);
    pushComment(docs, entry.comment);
    const printed =
      entry.kind === "binding" ? printBinding(entry.path, entry.value) : printInherit(entry);
    pushPiece(docs, printed);
  });
  return docs;
}

/** Adds `# ...` lines to a block whose `breakParent` is already in `docs`. */
function pushComment(docs: Doc[], text: string | undefined): void {
  if (text === undefined) return;
  for (const lineText of text.split("\n")) {
    docs.push(lineText === "" ? "#" : `# ${lineText}`, newline);
  }
}

/** Adds `doc` to a block's pieces, splicing an array in: arrays only group pieces. */
function pushPiece(docs: Doc[], doc: Doc): void {
  // A loop, not `push(...doc)`: a long indented string is an array of many lines.
  if (Array.isArray(doc)) for (const piece of doc) docs.push(piece);
  else docs.push(doc);
}

/** After `=`: blocks open on the same line, anything else moves down when it is too long. */
function printBinding(path: readonly string[], value: NixExpr): Doc {
  const name = attrPathText(path);
  if (absorbsOnLine(value)) return around(name + " = ", print(value), ";");
  return [name + " =", group(indent([line, print(value)])), ";"];
}

/**
 * `[before, doc, after]`, with the text merged into `doc` when it is a string or an array
 * that starts or ends with one. Adjacent strings print the same either way; merged, the
 * layout engine has fewer pieces to walk on large sets. Text that cannot break may also
 * move inside a plain group: the group then measures the same line, from further left.
 */
function around(before: string, doc: Doc, after: string): Doc {
  if (typeof doc === "string") return joined(before, doc, after);
  if (isPlainGroup(doc)) return group(around(before, doc.contents, after));
  if (!Array.isArray(doc) || doc.length === 0) return [before, doc, after];
  const merged: Doc[] = [...doc];
  const first = merged[0];
  if (typeof first === "string") merged[0] = joined(before, first);
  else merged.unshift(before);
  const last = merged.length - 1;
  const end = merged[last];
  // Closing text is short, and V8 writes a short result of `+` flat, with no array to join.
  if (typeof end === "string") merged[last] = end + after;
  else merged.push(after);
  return merged;
}

function isPlainGroup(doc: Doc): doc is builders.Group {
  if (typeof doc !== "object" || Array.isArray(doc) || doc.type !== "group") return false;
  return doc.id === undefined && doc.expandedStates === undefined && !doc.break;
}

function absorbsOnLine(value: NixExpr): boolean {
  if (isBlock(value) || value.kind === "string") return true;
  if (value.kind === "apply") return lastArgumentAbsorbs(value);
  if (value.kind === "function") {
    // `add = x: y: {`: names stay on the `=` line when the innermost body is a block.
    const body = value.body;
    const chained = body.kind === "function" && absorbsOnLine(body);
    return value.parameter.kind === "name" && (isBlock(body) || chained);
  }
  return false;
}

function lastArgumentAbsorbs(expr: NodeOf<"apply">): boolean {
  const last = expr.args[expr.args.length - 1]!;
  return isBlock(last) || levelOf(last) < Level.select;
}

function printInherit(entry: Extract<Entry, { kind: "inherit" }>): Doc {
  const from = entry.from === undefined ? "" : ["(", print(entry.from), ") "];
  return ["inherit ", from, entry.names.map(attrName).join(" "), ";"];
}

function printAttrset(expr: NodeOf<"attrset">): Doc {
  const open = expr.rec ? "rec {" : "{";
  if (expr.entries.length === 0) return `${open} }`;
  return [open, body(printEntries(expr.entries)), newline, "}"];
}

function printList(items: readonly ListItem[]): Doc {
  if (items.length === 0) return "[ ]";
  if (items.length === 1 && items[0]!.comment === undefined) {
    return group(["[", indent([line, slot(items[0]!.value, Level.select)]), line, "]"]);
  }

  // Two or more items, or a comment, always break: a group would only be broken anyway,
  // so the block gets one `breakParent` and plain newlines, as sets do.
  const docs: Doc[] = [breakParent];
  items.forEach((item, i) => {
    if (item.blankLineBefore && i > 0) docs.push(newline, newline);
    else docs.push(entryLine);
    pushComment(docs, item.comment);
    pushPiece(docs, slot(item.value, Level.select));
  });
  return ["[", body(docs), newline, "]"];
}

function printParameter(parameter: Parameter): Doc {
  if (parameter.kind === "name") return parameter.name;

  const fields: Doc[] = parameter.fields.map((field) =>
    field.default === undefined ? field.name : [field.name, " ? ", print(field.default)],
  );
  if (parameter.ellipsis) fields.push("...");
  const bind = parameter.bind === undefined ? "" : `@${parameter.bind}`;
  if (fields.length === 0) return ["{ }", bind];
  if (fields.length >= 3) {
    // Every name ends in a comma; `...` is always last and takes none.
    const lines = fields.map((field, i) => [
      hardline,
      field,
      i === fields.length - 1 && parameter.ellipsis ? "" : ",",
    ]);
    return ["{", indent(lines), hardline, "}", bind];
  }
  return group(["{ ", join(", ", fields), " }", bind]);
}

function printFunction(expr: NodeOf<"function">): Doc {
  const head = [printParameter(expr.parameter), ":"];
  const body = expr.body;

  if (expr.parameter.kind === "name" && isBlock(body)) return [head, " ", print(body)];
  if (expr.parameter.kind === "pattern" && (isBlock(body) || body.kind === "let")) {
    return [head, hardline, print(body)];
  }
  if (body.kind === "function") return [head, " ", print(body)];
  // As nixfmt does, a body that moves to its own line is not indented.
  return group([head, line, print(body)]);
}

/**
 * `f a b`: blocks and lambdas with block bodies open on this line and hug (`map (x: {`);
 * other arguments move to the next line, indented, only when they do not fit. A last
 * argument that needs parentheses opens `(` here and closes `)` on its own line.
 */
function printApply(expr: NodeOf<"apply">): Doc {
  const docs: Doc[] = [slot(expr.fn, Level.apply)];
  expr.args.forEach((arg, i) => {
    const last = i === expr.args.length - 1;
    if (hugs(arg)) docs.push(" ", slot(arg, Level.select));
    else if (last && levelOf(arg) < Level.select) {
      docs.push(" ", group(["(", indent([softline, print(arg)]), softline, ")"]));
    } else docs.push(indent(group([line, slot(arg, Level.select)])));
  });
  return docs;
}

/** Arguments that open a block on the current line and close it on a line of their own. */
function hugs(arg: NixExpr): boolean {
  if (isBlock(arg)) return true;
  return arg.kind === "function" && arg.parameter.kind === "name" && bodyEndsInBlock(arg);
}

function bodyEndsInBlock(fn: NodeOf<"function">): boolean {
  const body = fn.body;
  if (body.kind === "function") return body.parameter.kind === "name" && bodyEndsInBlock(body);
  return isBlock(body);
}

function printSelect(expr: NodeOf<"select">): Doc {
  const target = expr.target;
  const flat = target.kind === "select" && target.default === undefined;
  const base = flat ? print(target) : slot(target, Level.atom);
  // A path or number followed by `.name` would lex as one token; keep them apart.
  const wrapped = target.kind === "path" || isNumber(target) ? parenthesised(target) : base;
  const selected = [wrapped, ".", attrPathText(expr.path)];
  if (expr.default === undefined) return selected;
  return [selected, " or ", slot(expr.default, Level.select)];
}

function isNumber(expr: NixExpr): boolean {
  return expr.kind === "int" || expr.kind === "float";
}

/**
 * `a + b`; a chain of one operator (`a ++ b ++ c`) breaks before every operator at once,
 * and a block on the right opens on the operator's line (`cfg.settings // {`).
 */
function printBinary(expr: NodeOf<"binary">): Doc {
  const operands = chainOperands(expr);
  const levels = operandLevels(expr.op);
  // An operand inside the chain sat on the tighter side of its own operator.
  const inner = Math.max(levels.left, levels.right);
  const docs = operands.map((operand, i) =>
    slot(operand, i === 0 ? levels.left : i === operands.length - 1 ? levels.right : inner),
  );
  const last = operands[operands.length - 1]!;
  if (operands.length === 2 && isBlock(last)) {
    return [group(docs[0]!), " ", expr.op, " ", docs[1]!];
  }
  return group([docs[0]!, ...docs.slice(1).map((doc) => [line, expr.op, " ", doc])]);
}

/** The operands of a chain of one associative operator, in order. */
function chainOperands(expr: NodeOf<"binary">): NixExpr[] {
  const levels = operandLevels(expr.op);
  const sameOp = (side: NixExpr): side is NodeOf<"binary"> =>
    side.kind === "binary" && side.op === expr.op;
  const left =
    sameOp(expr.left) && levels.left === levelOf(expr) ? chainOperands(expr.left) : [expr.left];
  const right =
    sameOp(expr.right) && levels.right === levelOf(expr) ? chainOperands(expr.right) : [expr.right];
  return [...left, ...right];
}

function printLet(expr: NodeOf<"let">): Doc {
  return ["let", body(printEntries(expr.entries)), hardline, "in", hardline, print(expr.body)];
}

/** `if a then x else if b then y else z`: one line when it fits, else the whole chain breaks. */
function printIf(expr: NodeOf<"if">): Doc {
  const docs: Doc[] = [];
  let branch: NixExpr = expr;
  while (branch.kind === "if") {
    docs.push(docs.length === 0 ? "if " : [line, "else if "]);
    docs.push(print(branch.condition), " then", indent([line, print(branch.then)]));
    branch = branch.else;
  }
  docs.push(line, "else", indent([line, print(branch)]));
  return group(docs);
}
