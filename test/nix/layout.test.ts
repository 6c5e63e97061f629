// The nixfmt layout rules DESIGN.md names: expansion, open blocks, width, determinism.
import { describe, expect, it } from "vitest";
import {
  apply,
  attrset,
  call,
  ifThenElse,
  lambda,
  letIn,
  list,
  op,
  pattern,
  printNix,
  ref,
  string,
  toNixExpr,
  type NixExpr,
} from "../../src/nix/index.js";
import { lines } from "./expected.js";
import { parseOpen } from "./evaluate.js";

function expectPrinted(expr: NixExpr, text: string, width?: number): void {
  const printed = printNix(expr, width === undefined ? {} : { width });
  expect(printed).toBe(text);
  parseOpen(printed);
}

describe("lists and sets", () => {
  it("keeps a list of one short item on one line", () => {
    expectPrinted(list(["multi-user.target"]), '[ "multi-user.target" ]\n');
  });

  it("puts each item of a list of two short items on its own line", () => {
    expectPrinted(list([1, 2]), lines("[", "  1", "  2", "]"));
  });

  it("puts each binding of a set of two on its own line", () => {
    expectPrinted(attrset({ a: 1, b: 2 }), lines("{", "  a = 1;", "  b = 2;", "}"));
  });

  it("expands a set on the right of = even with one entry", () => {
    expectPrinted(
      attrset({ set: { inner: 1 } }),
      lines("{", "  set = {", "    inner = 1;", "  };", "}"),
    );
  });

  it("prints empty sets and lists as { } and [ ]", () => {
    expectPrinted(attrset({ a: [], b: {} }), lines("{", "  a = [ ];", "  b = { };", "}"));
  });

  it("prints an empty set and list at the top as { } and [ ]", () => {
    expect([printNix(attrset()), printNix(list())]).toEqual(["{ }\n", "[ ]\n"]);
  });

  it("prints the LAYOUT.md forms that always break", () => {
    const value = toNixExpr({
      list: ["a", "b"],
      set: { inner: 1 },
      text: "first line\nsecond line\n",
      negative: [-1, 2],
    });
    expectPrinted(
      value,
      lines(
        "{",
        "  list = [",
        '    "a"',
        '    "b"',
        "  ];",
        "  set = {",
        "    inner = 1;",
        "  };",
        "  text = ''",
        "    first line",
        "    second line",
        "  '';",
        "  negative = [",
        "    (-1)",
        "    2",
        "  ];",
        "}",
      ),
    );
  });
});

describe("let", () => {
  it("breaks a short let over lines with the body unindented", () => {
    expectPrinted(letIn({ x: 1 }, ref("x")), lines("let", "  x = 1;", "in", "x"));
  });

  it("moves a let on the right of = to the next line, indented once", () => {
    expectPrinted(
      attrset({ a: letIn({ x: 1 }, ref("x")) }),
      lines("{", "  a =", "    let", "      x = 1;", "    in", "    x;", "}"),
    );
  });
});

describe("set patterns", () => {
  it("keeps a pattern of two names on one line", () => {
    expectPrinted(lambda(pattern({ fields: ["lib", "pkgs"] }), ref("lib")), "{ lib, pkgs }: lib\n");
  });

  it("puts three or more names one per line, each with a trailing comma", () => {
    expectPrinted(
      lambda(pattern({ fields: ["a", { name: "b", default: 1 }, "c"] }), ref("a")),
      lines("{", "  a,", "  b ? 1,", "  c,", "}:", "a"),
    );
  });

  it("puts ... last without a comma", () => {
    expectPrinted(
      lambda(pattern({ fields: ["config", "lib", "pkgs"], ellipsis: true }), ref("lib")),
      lines("{", "  config,", "  lib,", "  pkgs,", "  ...", "}:", "lib"),
    );
  });

  it("starts the body of a pattern function on its own line, not indented", () => {
    expectPrinted(
      lambda(pattern({ fields: ["a", "b", "c"] }), call("stdenv.mkDerivation", { a: 1 })),
      lines("{", "  a,", "  b,", "  c,", "}:", "stdenv.mkDerivation {", "  a = 1;", "}"),
    );
  });

  it("keeps a short pattern on the line of the @ name and its set body below", () => {
    expectPrinted(
      lambda(pattern({ fields: ["a"], ellipsis: true, bind: "args" }), { x: ref("a") }),
      lines("{ a, ... }@args:", "{", "  x = a;", "}"),
    );
  });

  it("moves a pattern function on the right of = to the next line", () => {
    expectPrinted(
      attrset({ split: lambda(pattern({ fields: ["x"], ellipsis: true }), { inc: 1, dec: 2 }) }),
      lines(
        "{",
        "  split =",
        "    { x, ... }:",
        "    {",
        "      inc = 1;",
        "      dec = 2;",
        "    };",
        "}",
      ),
    );
  });
});

describe("functions of names", () => {
  it("keeps chained names and a set body on the = line", () => {
    expectPrinted(
      attrset({ add: lambda("x", lambda("y", { result: op("+", ref("x"), ref("y")) })) }),
      lines("{", "  add = x: y: {", "    result = x + y;", "  };", "}"),
    );
  });

  it("moves a long body to its own line without indenting it", () => {
    const body = op("&&", ref("a".repeat(60)), ref("b".repeat(60)));
    expectPrinted(
      attrset({ check: lambda("x", body) }),
      lines("{", "  check =", "    x:", `    ${"a".repeat(60)}`, `    && ${"b".repeat(60)};`, "}"),
    );
  });
});

describe("applications whose last argument opens a block", () => {
  it("absorbs lib.mkIf x { on the = line", () => {
    expectPrinted(
      attrset({ config: call("lib.mkIf", ref("cfg.enable"), { a: 1 }) }),
      lines("{", "  config = lib.mkIf cfg.enable {", "    a = 1;", "  };", "}"),
    );
  });

  it("keeps a parenthesised last argument that fits on the line", () => {
    expectPrinted(
      attrset({ config: call("lib.mkIf", ref("cfg.enable"), call("lib.mkDefault", 1)) }),
      lines("{", "  config = lib.mkIf cfg.enable (lib.mkDefault 1);", "}"),
    );
  });

  it("opens a breaking parenthesised last argument at the line end and closes it alone", () => {
    const merged = call("lib.mkMerge", [{ a: 1 }, { b: 2 }]);
    expectPrinted(
      attrset({ config: call("lib.mkIf", ref("cfg.enable"), merged) }),
      lines(
        "{",
        "  config = lib.mkIf cfg.enable (",
        "    lib.mkMerge [",
        "      {",
        "        a = 1;",
        "      }",
        "      {",
        "        b = 2;",
        "      }",
        "    ]",
        "  );",
        "}",
      ),
    );
  });

  it("hugs a parenthesised application ending in a set inside a list", () => {
    expectPrinted(
      list([call("lib.mkIf", ref("c"), { a: 1 }), ref("d")]),
      lines("[", "  (lib.mkIf c {", "    a = 1;", "  })", "  d", "]"),
    );
  });
});

describe("width", () => {
  it("keeps a line of exactly 100 columns", () => {
    const text = "x".repeat(94);
    expectPrinted(list([text]), `[ "${text}" ]\n`);
  });

  it("breaks a line that would take 101 columns", () => {
    const text = "x".repeat(95);
    expectPrinted(list([text]), lines("[", `  "${text}"`, "]"));
  });

  it("fits as many arguments on the first line as the width allows, then indents", () => {
    expectPrinted(
      apply(ref("f"), ref("alpha"), ref("beta"), ref("gamma")),
      lines("f alpha beta", "  gamma"),
      15,
    );
  });

  it("moves a long chain below the = and breaks before each operator", () => {
    const value = op("&&", op("&&", ref("a".repeat(40)), ref("b".repeat(40))), ref("c".repeat(40)));
    expectPrinted(
      attrset({ ok: value }),
      lines(
        "{",
        "  ok =",
        `    ${"a".repeat(40)}`,
        `    && ${"b".repeat(40)}`,
        `    && ${"c".repeat(40)};`,
        "}",
      ),
    );
  });

  it("breaks a long if into then and else lines", () => {
    const expr = ifThenElse(ref("c".repeat(40)), ref("a".repeat(40)), ref("b".repeat(40)));
    expectPrinted(
      expr,
      lines(`if ${"c".repeat(40)} then`, `  ${"a".repeat(40)}`, "else", `  ${"b".repeat(40)}`),
    );
  });

  it("keeps a long string on the = line rather than moving it", () => {
    const text = "y".repeat(100);
    expectPrinted(attrset({ s: string(text) }), lines("{", `  s = "${text}";`, "}"));
  });
});

describe("output", () => {
  it("ends in exactly one newline", () => {
    const printed = [
      printNix(ref("x")),
      printNix(attrset({ a: 1 })),
      printNix(letIn({ a: 1 }, ref("a"))),
    ];
    expect(printed.map((text) => text.match(/\n*$/)![0])).toEqual(["\n", "\n", "\n"]);
  });

  it("prints the same tree to the same bytes every time, and equal trees alike", () => {
    const build = (): NixExpr => toNixExpr({ b: [1, "two", { c: null }], a: "x\ny\n", "d e": 1.5 });
    const first = printNix(build());
    const again = [printNix(build()), printNix(build())];
    expect(again).toEqual([first, first]);
    expect(first).toBe(
      lines(
        "{",
        "  b = [",
        "    1",
        '    "two"',
        "    {",
        "      c = null;",
        "    }",
        "  ];",
        "  a = ''",
        "    x",
        "    y",
        "  '';",
        '  "d e" = 1.5;',
        "}",
      ),
    );
  });
});
