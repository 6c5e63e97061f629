// Telling builder-made nodes from plain data, and the layout invariants the fast printer
// relies on: a copy of a node is data, and block bodies print the same as plain lines would.
import { describe, expect, it } from "vitest";
import {
  attrset,
  binding,
  int,
  isNixExpr,
  item,
  list,
  printNix,
  ref,
  toNixExpr,
} from "../../src/nix/index.js";
import { lines } from "./expected.js";

describe("nodes and plain data", () => {
  it("recognises nodes made by builders and by toNixExpr", () => {
    expect(isNixExpr(int(1))).toBe(true);
    expect(isNixExpr(toNixExpr({ a: [1] }))).toBe(true);
  });

  it("keeps a node inside plain data as it is", () => {
    const node = ref("lib.mkDefault");
    const converted = toNixExpr({ a: node });
    expect(converted.kind === "attrset" && converted.entries[0]).toMatchObject({ value: node });
  });

  it("treats a plain object with a kind field as data", () => {
    const value = { kind: "identifier", name: "x" };
    expect(isNixExpr(value)).toBe(false);
    expect(printNix(toNixExpr(value))).toBe(
      lines("{", '  kind = "identifier";', '  name = "x";', "}"),
    );
  });

  it("treats a spread, JSON or structured copy of a node as data", () => {
    const node = ref("x");
    for (const copy of [{ ...node }, JSON.parse(JSON.stringify(node)), structuredClone(node)]) {
      expect(isNixExpr(copy)).toBe(false);
      expect(printNix(toNixExpr(copy))).toBe(
        lines("{", '  kind = "identifier";', '  name = "x";', "}"),
      );
    }
  });

  it("treats an object without a prototype as data", () => {
    const value = Object.assign(Object.create(null) as object, { kind: "null" });
    expect(isNixExpr(value)).toBe(false);
    expect(printNix(toNixExpr(value))).toBe(lines("{", '  kind = "null";', "}"));
  });

  it("freezes nodes", () => {
    const node = toNixExpr({ a: "b" });
    expect(Object.isFrozen(node)).toBe(true);
    expect(() => Object.assign(node, { kind: "null" })).toThrow(TypeError);
  });
});

describe("block bodies", () => {
  it("trims trailing spaces from comment lines, in sets and in lists", () => {
    const printed = printNix(
      attrset([
        binding("a", list([1, item(2, { comment: "two  " })]), { comment: "a list  \n  " }),
      ]),
    );
    expect(printed).toBe(
      lines("{", "  # a list", "  #", "  a = [", "    1", "    # two", "    2", "  ];", "}"),
    );
  });

  it("leaves blank lines empty at any depth", () => {
    const inner = attrset([
      binding("x", 1),
      binding("y", list([1, item(2, { blankLineBefore: true })]), { blankLineBefore: true }),
    ]);
    const printed = printNix(attrset({ outer: inner }));
    expect(printed).toBe(
      lines(
        "{",
        "  outer = {",
        "    x = 1;",
        "",
        "    y = [",
        "      1",
        "",
        "      2",
        "    ];",
        "  };",
        "}",
      ),
    );
  });
});
