// One precedence table for Nix, loosest first, and the slot rules that decide parentheses.

import type { BinaryOperator, NixExpr } from "../ast.js";
import { hasFloatLiteral } from "../lexical.js";

/** Binding strength of an expression; a slot asks for at least some level. */
export const Level = {
  /** `if`, functions, `let`, `with`, `assert` and raw text: never bare operands. */
  open: 0,
  implies: 1,
  or: 2,
  and: 3,
  equality: 4,
  comparison: 5,
  update: 6,
  not: 7,
  sum: 8,
  product: 9,
  concat: 10,
  hasAttr: 11,
  negate: 12,
  apply: 13,
  select: 14,
  atom: 15,
} as const;

type Associativity = "left" | "right" | "none";

const BINARY: Record<BinaryOperator, readonly [number, Associativity]> = {
  "->": [Level.implies, "right"],
  "||": [Level.or, "left"],
  "&&": [Level.and, "left"],
  "==": [Level.equality, "none"],
  "!=": [Level.equality, "none"],
  "<": [Level.comparison, "none"],
  ">": [Level.comparison, "none"],
  "<=": [Level.comparison, "none"],
  ">=": [Level.comparison, "none"],
  "//": [Level.update, "right"],
  "+": [Level.sum, "left"],
  "-": [Level.sum, "left"],
  "*": [Level.product, "left"],
  "/": [Level.product, "left"],
  "++": [Level.concat, "right"],
};

const INT_MIN = -(2n ** 63n);

/** How tightly an expression binds when printed bare. */
export function levelOf(expr: NixExpr): number {
  switch (expr.kind) {
    case "binary":
      return BINARY[expr.op][0];
    case "not":
      return Level.not;
    case "negate":
      return Level.negate;
    case "has-attr":
      return Level.hasAttr;
    case "apply":
      return Level.apply;
    case "select":
      return Level.select;
    case "int":
      // The smallest integer has no literal, so it prints as a subtraction.
      if (expr.value === INT_MIN) return Level.sum;
      return expr.value < 0n ? Level.negate : Level.atom;
    case "float":
      // A subnormal float has no literal, so it prints as a division.
      if (!hasFloatLiteral(expr.value)) return Level.product;
      return expr.value < 0 || Object.is(expr.value, -0) ? Level.negate : Level.atom;
    case "if":
    case "function":
    case "let":
    case "with":
    case "assert":
    case "raw":
      return Level.open;
    case "identifier":
    case "null":
    case "string":
    case "indented-string":
    case "path":
    case "attrset":
    case "list":
      return Level.atom;
    default:
      return unreachable(expr);
  }
}

/** The least level each operand of a binary operator needs to stand without parentheses. */
export function operandLevels(op: BinaryOperator): { left: number; right: number } {
  const [level, associativity] = BINARY[op];
  return {
    left: associativity === "left" ? level : level + 1,
    right: associativity === "right" ? level : level + 1,
  };
}

/** Exhaustiveness check: a new node kind fails to compile until every switch handles it. */
export function unreachable(value: never): never {
  throw new Error(`unhandled node ${JSON.stringify(value)}`);
}
