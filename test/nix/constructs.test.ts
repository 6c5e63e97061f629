// One printed example per syntax-tree construct: exact text, parsed by real Nix.
import { describe, expect, it } from "vitest";
import {
  apply,
  assertThen,
  attrset,
  binding,
  bool,
  call,
  float,
  hasAttr,
  identifier,
  ifThenElse,
  indentedString,
  inherit,
  int,
  item,
  lambda,
  letIn,
  list,
  negate,
  not,
  nullValue,
  op,
  path,
  pattern,
  printNix,
  raw,
  recAttrset,
  ref,
  select,
  string,
  withScope,
  type BinaryOperator,
  type NixExpr,
} from "../../src/nix/index.js";
import { parseOpen } from "./evaluate.js";
import { lines } from "./expected.js";

/** Asserts the exact text and that Nix itself parses it. */
function expectPrinted(expr: NixExpr, text: string): void {
  const printed = printNix(expr);
  expect(printed).toBe(text);
  parseOpen(printed);
}

describe("atoms", () => {
  it("prints an identifier bare", () => {
    expectPrinted(identifier("pkgs"), "pkgs\n");
  });

  it("prints an integer in decimal", () => {
    expectPrinted(int(8080), "8080\n");
  });

  it("prints a float with a dot", () => {
    expectPrinted(float(0.25), "0.25\n");
  });

  it("prints booleans as the identifiers true and false", () => {
    expectPrinted(list([bool(true), bool(false)]), lines("[", "  true", "  false", "]"));
  });

  it("prints null", () => {
    expectPrinted(nullValue(), "null\n");
  });

  it("prints a double-quoted string with an interpolation", () => {
    const port = call("toString", ref("cfg.port"));
    expectPrinted(string("listening on ", port, "."), '"listening on ${toString cfg.port}."\n');
  });

  it("prints an indented string one content line per line", () => {
    expectPrinted(
      indentedString("first line\n", ref("pkgs.hello"), "/bin/hello\n"),
      lines("''", "  first line", "  ${pkgs.hello}/bin/hello", "''"),
    );
  });

  it("prints relative, absolute, home and search-path paths as written", () => {
    expectPrinted(
      list([path("./module.nix"), path("/etc/hydra"), path("~/x.nix"), path("<nixpkgs>")]),
      lines("[", "  ./module.nix", "  /etc/hydra", "  ~/x.nix", "  <nixpkgs>", "]"),
    );
  });

  it("prints raw text as given", () => {
    expectPrinted(raw("builtins.currentSystem"), "builtins.currentSystem\n");
  });
});

describe("sets and bindings", () => {
  it("prints an attribute set one binding per line", () => {
    expectPrinted(attrset({ a: 1, b: "x" }), lines("{", "  a = 1;", '  b = "x";', "}"));
  });

  it("prints a recursive set with rec", () => {
    expectPrinted(recAttrset({ a: 1, b: ref("a") }), lines("rec {", "  a = 1;", "  b = a;", "}"));
  });

  it("prints a binding with an attribute path on one line", () => {
    expectPrinted(
      attrset([binding(["services", "hydra", "enable"], true)]),
      lines("{", "  services.hydra.enable = true;", "}"),
    );
  });

  it("prints inherit with its names on one line", () => {
    expectPrinted(attrset([inherit(["lib", "pkgs"])]), lines("{", "  inherit lib pkgs;", "}"));
  });

  it("prints inherit (from) with the source in parentheses", () => {
    expectPrinted(
      attrset([inherit(["mkIf", "types"], ref("lib"))]),
      lines("{", "  inherit (lib) mkIf types;", "}"),
    );
  });

  it("prints a comment above a binding, one # line per line of text", () => {
    expectPrinted(
      attrset([binding("a", 1, { comment: "why a is one\n\nsee below" }), binding("b", 2)]),
      lines("{", "  # why a is one", "  #", "  # see below", "  a = 1;", "  b = 2;", "}"),
    );
  });

  it("prints an empty line before a binding only when the tree asks for it", () => {
    expectPrinted(
      attrset([
        binding("a", 1),
        binding("b", 2, { blankLineBefore: true }),
        binding("c", 3, { blankLineBefore: true, comment: "c" }),
      ]),
      lines("{", "  a = 1;", "", "  b = 2;", "", "  # c", "  c = 3;", "}"),
    );
  });

  it("never prints an empty line before the first binding", () => {
    expectPrinted(
      attrset([binding("a", 1, { blankLineBefore: true }), binding("b", 2)]),
      lines("{", "  a = 1;", "  b = 2;", "}"),
    );
  });
});

describe("lists", () => {
  it("prints a list one item per line", () => {
    expectPrinted(list([1, "a"]), lines("[", "  1", '  "a"', "]"));
  });

  it("prints a comment above a list item, which expands even a one-item list", () => {
    expectPrinted(
      list([item("openid", { comment: "always granted" })]),
      lines("[", "  # always granted", '  "openid"', "]"),
    );
  });

  it("prints an empty line before a list item when the tree asks for it", () => {
    expectPrinted(list([1, item(2, { blankLineBefore: true })]), lines("[", "  1", "", "  2", "]"));
  });
});

describe("functions", () => {
  it("prints a function of a name", () => {
    expectPrinted(lambda("x", op("+", ref("x"), 1)), "x: x + 1\n");
  });

  it("prints a set pattern with a default", () => {
    expectPrinted(
      lambda(pattern({ fields: ["a", { name: "b", default: 2 }] }), op("+", ref("a"), ref("b"))),
      "{ a, b ? 2 }: a + b\n",
    );
  });

  it("prints a set pattern with an ellipsis last", () => {
    expectPrinted(
      lambda(pattern({ fields: ["lib"], ellipsis: true }), ref("lib")),
      "{ lib, ... }: lib\n",
    );
  });

  it("prints the @ name right after the pattern", () => {
    expectPrinted(
      lambda(pattern({ fields: ["a"], bind: "args" }), ref("args")),
      "{ a }@args: args\n",
    );
  });

  it("prints a pattern without names as { }", () => {
    expectPrinted(lambda(pattern({ fields: [] }), 1), "{ }: 1\n");
  });

  it("prints chained functions on one line", () => {
    expectPrinted(lambda("a", lambda("b", ref("a"))), "a: b: a\n");
  });
});

describe("application and selection", () => {
  it("prints an application with its arguments separated by spaces", () => {
    expectPrinted(apply(ref("lib.max"), 1, 2), "lib.max 1 2\n");
  });

  it("keeps an application of an application flat", () => {
    expectPrinted(apply(apply(ref("f"), ref("a")), ref("b")), "f a b\n");
  });

  it("prints a select with a dotted path", () => {
    expectPrinted(select(ref("config"), ["services", "hydra"]), "config.services.hydra\n");
  });

  it("prints a select with an or default", () => {
    expectPrinted(select(ref("cfg"), "port", 80), "cfg.port or 80\n");
  });

  it("prints a has-attribute test", () => {
    expectPrinted(
      hasAttr(ref("options.services.kanidm"), "server"),
      "options.services.kanidm ? server\n",
    );
  });
});

describe("operators", () => {
  it("prints not", () => {
    expectPrinted(not(ref("cfg.enable")), "!cfg.enable\n");
  });

  it("prints negation", () => {
    expectPrinted(negate(ref("x")), "-x\n");
  });

  const examples: readonly [BinaryOperator, string][] = [
    ["->", "a -> b\n"],
    ["||", "a || b\n"],
    ["&&", "a && b\n"],
    ["==", "a == b\n"],
    ["!=", "a != b\n"],
    ["<", "a < b\n"],
    [">", "a > b\n"],
    ["<=", "a <= b\n"],
    [">=", "a >= b\n"],
    ["//", "a // b\n"],
    ["+", "a + b\n"],
    ["-", "a - b\n"],
    ["*", "a * b\n"],
    ["/", "a / b\n"],
    ["++", "a ++ b\n"],
  ];
  it.each(examples)("prints the binary operator %s with a space on each side", (operator, text) => {
    expectPrinted(op(operator, ref("a"), ref("b")), text);
  });
});

describe("statements", () => {
  it("prints let with its bindings indented and the body not", () => {
    expectPrinted(letIn({ x: 1 }, op("+", ref("x"), 1)), lines("let", "  x = 1;", "in", "x + 1"));
  });

  it("prints a short with on one line", () => {
    expectPrinted(withScope(ref("lib"), ref("types.str")), "with lib; types.str\n");
  });

  it("prints a short if on one line", () => {
    expectPrinted(ifThenElse(ref("cfg.enable"), 1, 2), "if cfg.enable then 1 else 2\n");
  });

  it("prints assert with the body on the next line", () => {
    expectPrinted(assertThen(ref("cfg.enable"), 1), lines("assert cfg.enable;", "1"));
  });
});
