// Parentheses from precedence and slots: exact text, and the value Nix computes from it.
import { describe, expect, it } from "vitest";
import {
  apply,
  hasAttr,
  ifThenElse,
  lambda,
  list,
  negate,
  not,
  op,
  printNix,
  ref,
  select,
  type NixExpr,
} from "../../src/nix/index.js";
import { evalPrinted } from "./evaluate.js";
import { lines } from "./expected.js";

const a = ref("a");
const b = ref("b");
const c = ref("c");
const d = ref("d");
const f = ref("f");
const x = ref("x");

function expectRoundTrip(
  expr: NixExpr,
  text: string,
  scope: Record<string, string>,
  value: unknown,
): void {
  const printed = printNix(expr);
  expect(printed).toBe(text);
  expect(evalPrinted(printed, scope)).toEqual(value);
}

describe("associativity", () => {
  const numbers = { a: "10", b: "4", c: "3", d: "2" };

  it("parenthesises a - (b - c) and not (a - b) - c", () => {
    expectRoundTrip(op("-", a, op("-", b, c)), "a - (b - c)\n", numbers, 9);
    expectRoundTrip(op("-", op("-", a, b), c), "a - b - c\n", numbers, 3);
  });

  it("keeps parentheses inside a chain of subtractions", () => {
    expectRoundTrip(op("-", op("-", a, op("-", b, c)), d), "a - (b - c) - d\n", numbers, 7);
  });

  it("subtracts a negative number without parentheses", () => {
    expectRoundTrip(op("-", a, -3), "a - -3\n", numbers, 13);
  });

  const sets = { a: "{ x = 1; }", b: "{ x = 2; y = 2; }", c: "{ y = 3; }" };

  it("parenthesises (a // b) // c, since // groups to the right", () => {
    expectRoundTrip(op("//", op("//", a, b), c), "(a // b) // c\n", sets, { x: 2, y: 3 });
  });

  it("prints a // (b // c) without parentheses", () => {
    expectRoundTrip(op("//", a, op("//", b, c)), "a // b // c\n", sets, { x: 2, y: 3 });
  });

  it("keeps parentheses inside a chain of updates", () => {
    const expr = op("//", a, op("//", op("//", b, c), d));
    const scope = { ...sets, d: "{ z = 4; }" };
    expectRoundTrip(expr, "a // (b // c) // d\n", scope, { x: 2, y: 3, z: 4 });
  });

  it("parenthesises (a ++ b) ++ c, since ++ groups to the right", () => {
    const lists = { a: "[ 1 ]", b: "[ 2 ]", c: "[ 3 ]" };
    expectRoundTrip(op("++", op("++", a, b), c), "(a ++ b) ++ c\n", lists, [1, 2, 3]);
  });

  it("parenthesises a chain of comparisons, which Nix does not associate", () => {
    const bools = { a: "1", b: "1", c: "true" };
    expectRoundTrip(op("==", op("==", a, b), c), "(a == b) == c\n", bools, true);
  });

  it("prints a comparison inside an equality bare, since it binds tighter", () => {
    const bools = { a: "1", b: "2", c: "true" };
    expectRoundTrip(op("==", op("<", a, b), c), "a < b == c\n", bools, true);
  });
});

describe("unary operators", () => {
  const bools = { a: "true", b: "false" };

  it("parenthesises !(a && b)", () => {
    expectRoundTrip(not(op("&&", a, b)), "!(a && b)\n", bools, true);
  });

  it("prints (!a) && b without parentheses", () => {
    expectRoundTrip(op("&&", not(a), b), "!a && b\n", bools, false);
  });

  it("prints !(a ? b) without parentheses, since ? binds tighter than !", () => {
    expectRoundTrip(not(hasAttr(a, "b")), "!a ? b\n", { a: "{ }" }, true);
  });

  it("parenthesises -(f x)", () => {
    expectRoundTrip(negate(apply(f, x)), "-(f x)\n", { f: "x: x * 2", x: "3" }, -6);
  });
});

describe("application and selection", () => {
  it("parenthesises (f x).y", () => {
    expectRoundTrip(select(apply(f, x), "y"), "(f x).y\n", { f: "x: { y = x; }", x: "5" }, 5);
  });

  it("parenthesises a function as an argument: f (x: x)", () => {
    expectRoundTrip(apply(f, lambda("x", x)), "f (x: x)\n", { f: "g: g 7" }, 7);
  });

  it("parenthesises an application in a list: [ (f x) y ]", () => {
    const scope = { f: "x: x + 1", x: "1", y: "5" };
    expectRoundTrip(
      list([apply(f, x), ref("y")]),
      lines("[", "  (f x)", "  y", "]"),
      scope,
      [2, 5],
    );
  });

  it("parenthesises an application as an or default: a.b or (c d)", () => {
    const scope = { a: "{ }", c: "x: x + 1", d: "1" };
    expectRoundTrip(select(a, "b", apply(c, d)), "a.b or (c d)\n", scope, 2);
  });

  it("parenthesises an application as the function of another", () => {
    const scope = { f: "x: y: x - y", x: "5" };
    expectRoundTrip(apply(lambda("y", apply(f, x, ref("y"))), 2), "(y: f x y) 2\n", scope, 3);
  });
});

describe("statements as operands", () => {
  it("parenthesises (if c then a else b) + 1", () => {
    const scope = { a: "1", b: "2", c: "true" };
    expectRoundTrip(op("+", ifThenElse(c, a, b), 1), "(if c then a else b) + 1\n", scope, 2);
  });

  it("leaves an if bare on the right of an operator only when parenthesised", () => {
    const scope = { a: "1", b: "2", c: "false" };
    expectRoundTrip(op("+", 1, ifThenElse(c, a, b)), "1 + (if c then a else b)\n", scope, 3);
  });
});
