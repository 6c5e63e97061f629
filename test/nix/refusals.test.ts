// What builders and toNixExpr refuse: a NixError with a stable code, path and message.
import { describe, expect, it } from "vitest";
import {
  NixError,
  attrset,
  binding,
  hasAttr,
  identifier,
  indentedString,
  inherit,
  int,
  lambda,
  letIn,
  op,
  path,
  pattern,
  printNix,
  ref,
  select,
  string,
  toNixExpr,
  type BinaryOperator,
} from "../../src/nix/index.js";
import { evalPrinted } from "./evaluate.js";
import { lines } from "./expected.js";

/** The NixError `make` throws, as [code, path, message]. */
function refusal(make: () => unknown): [string, string, string] {
  try {
    make();
  } catch (error) {
    if (error instanceof NixError) return [error.code, error.path, error.message];
    throw error;
  }
  throw new Error("expected a NixError, but nothing was thrown");
}

const notData =
  "has no Nix equivalent; give a string, number, boolean, null, array or plain object";

describe("toNixExpr refuses what is not plain data", () => {
  it("refuses undefined at the root", () => {
    expect(refusal(() => toNixExpr(undefined))).toEqual([
      "unsupported-value",
      "<root>",
      `<root>: undefined ${notData}`,
    ]);
  });

  it("refuses undefined deep inside, naming its attribute path", () => {
    expect(refusal(() => toNixExpr({ roles: { "a b": undefined } }))).toEqual([
      "unsupported-value",
      'roles."a b"',
      `roles."a b": undefined ${notData}`,
    ]);
  });

  it("refuses a function", () => {
    expect(refusal(() => toNixExpr({ f: () => 1 }))).toEqual([
      "unsupported-value",
      "f",
      `f: a function ${notData}`,
    ]);
  });

  it("refuses a symbol in a list, naming its index", () => {
    expect(refusal(() => toNixExpr([Symbol("s")]))).toEqual([
      "unsupported-value",
      "<root>[0]",
      `<root>[0]: the symbol Symbol(s) ${notData}`,
    ]);
  });

  it("refuses NaN", () => {
    expect(refusal(() => toNixExpr({ x: NaN }))).toEqual([
      "non-finite-number",
      "x",
      "x: NaN is not a finite number",
    ]);
  });

  it("refuses Infinity and -Infinity", () => {
    expect(refusal(() => toNixExpr([Infinity]))).toEqual([
      "non-finite-number",
      "<root>[0]",
      "<root>[0]: Infinity is not a finite number",
    ]);
    expect(refusal(() => toNixExpr(-Infinity))).toEqual([
      "non-finite-number",
      "<root>",
      "<root>: -Infinity is not a finite number",
    ]);
  });

  it("refuses integers beyond 64 bits, as numbers and as bigints", () => {
    const tooBig = "does not fit Nix's 64-bit integers; use float() for a floating-point value";
    expect(refusal(() => toNixExpr({ n: 2 ** 64 }))).toEqual([
      "integer-out-of-range",
      "n",
      `n: 18446744073709551616 ${tooBig}`,
    ]);
    expect(refusal(() => toNixExpr([-(2n ** 63n) - 1n]))).toEqual([
      "integer-out-of-range",
      "<root>[0]",
      `<root>[0]: -9223372036854775809 ${tooBig}`,
    ]);
  });

  it("refuses a cycle, naming where it closes", () => {
    const config: { services: { hydra: { back?: unknown } } } = { services: { hydra: {} } };
    config.services.hydra.back = [config];
    expect(refusal(() => toNixExpr(config))).toEqual([
      "cycle",
      "services.hydra.back[0]",
      "services.hydra.back[0]: value refers to itself; Nix data cannot be cyclic",
    ]);
  });

  it("accepts one object reached twice without a cycle", () => {
    const shared = { s: 1 };
    const printed = printNix(toNixExpr({ a: shared, b: [shared] }));
    expect(evalPrinted(printed)).toEqual({ a: { s: 1 }, b: [{ s: 1 }] });
  });

  it("refuses class instances such as a Date and a Map", () => {
    const instance = (name: string) => `an instance of ${name} is not plain data`;
    expect(refusal(() => toNixExpr({ when: new Date(0) }))).toEqual([
      "unsupported-value",
      "when",
      `when: ${instance("Date")}; convert it to an object first`,
    ]);
    expect(refusal(() => toNixExpr([new Map()]))).toEqual([
      "unsupported-value",
      "<root>[0]",
      `<root>[0]: ${instance("Map")}; convert it to an object first`,
    ]);
  });

  it("refuses NUL in a string, which Nix strings cannot hold", () => {
    expect(refusal(() => toNixExpr({ a: "x\0y" }))).toEqual([
      "nul-in-string",
      "a",
      'a: text "x\\u0000y" holds a NUL byte',
    ]);
  });

  it("refuses NUL in an attribute name", () => {
    expect(refusal(() => toNixExpr({ "a\0b": 1 }))).toEqual([
      "nul-in-string",
      '"a\0b"',
      '"a\0b": text "a\\u0000b" holds a NUL byte',
    ]);
  });

  it("names the path through builders that were given plain data", () => {
    expect(
      refusal(() => binding(["services", "hydra-kanidm"], { roles: { "a b": [NaN] } })),
    ).toEqual([
      "non-finite-number",
      'services.hydra-kanidm.roles."a b"[0]',
      'services.hydra-kanidm.roles."a b"[0]: NaN is not a finite number',
    ]);
  });
});

describe("builders refuse what Nix would reject", () => {
  it("refuses two bindings of one attribute", () => {
    expect(refusal(() => attrset([binding("a", 1), binding("a", 2)]))).toEqual([
      "duplicate-attribute",
      "a",
      "a: attribute is defined more than once",
    ]);
  });

  it("refuses a.b next to a = { b = ...; }, in either order", () => {
    const nested = attrset({ b: 2 });
    const expected = ["duplicate-attribute", "a.b", "a.b: attribute is defined more than once"];
    expect(refusal(() => attrset([binding(["a", "b"], 1), binding("a", nested)]))).toEqual(
      expected,
    );
    expect(refusal(() => attrset([binding("a", nested), binding(["a", "b"], 1)]))).toEqual(
      expected,
    );
  });

  it("refuses a.b next to a = 1", () => {
    expect(refusal(() => attrset([binding(["a", "b"], 1), binding("a", 1)]))).toEqual([
      "duplicate-attribute",
      "a",
      "a: attribute is defined more than once",
    ]);
  });

  it("refuses an inherited name bound again, and a let name bound twice", () => {
    expect(refusal(() => attrset([inherit(["lib"]), binding("lib", 1)]))[0]).toBe(
      "duplicate-attribute",
    );
    expect(refusal(() => letIn([binding("x", 1), binding("x", 2)], ref("x")))).toEqual([
      "duplicate-attribute",
      "x",
      "x: attribute is defined more than once",
    ]);
  });

  it("accepts a.b next to a = { c = ...; }, which Nix merges", () => {
    const printed = printNix(attrset([binding(["a", "b"], 1), binding("a", attrset({ c: 2 }))]));
    expect(printed).toBe(lines("{", "  a.b = 1;", "  a = {", "    c = 2;", "  };", "}"));
    expect(evalPrinted(printed)).toEqual({ a: { b: 1, c: 2 } });
  });

  it("refuses a keyword as an identifier, a function argument or a pattern name", () => {
    expect(refusal(() => identifier("rec"))).toEqual([
      "keyword-identifier",
      "<identifier>",
      '<identifier>: "rec" is a Nix keyword, not a name',
    ]);
    expect(refusal(() => lambda("in", 1))[0]).toBe("keyword-identifier");
    expect(refusal(() => pattern({ fields: ["let"] }))[0]).toBe("keyword-identifier");
    expect(refusal(() => ref("cfg.or"))).toEqual([
      "keyword-identifier",
      "cfg.or",
      'cfg.or: "or" is a Nix keyword, not a name',
    ]);
  });

  it("refuses an identifier that is not a Nix name", () => {
    expect(refusal(() => identifier("a b"))).toEqual([
      "invalid-identifier",
      "<identifier>",
      `<identifier>: "a b" is not a Nix identifier ([A-Za-z_][A-Za-z0-9_'-]*)`,
    ]);
  });

  it("refuses an empty attribute path in a binding, a select and a has-attribute test", () => {
    const empty = "an attribute path needs a name";
    expect(refusal(() => binding([], 1))).toEqual([
      "empty-attribute-path",
      "<binding>",
      `<binding>: ${empty}`,
    ]);
    expect(refusal(() => select(ref("x"), []))).toEqual([
      "empty-attribute-path",
      "<select>",
      `<select>: ${empty}`,
    ]);
    expect(refusal(() => hasAttr(ref("x"), []))[0]).toBe("empty-attribute-path");
  });

  it("refuses NUL in both string kinds and in a binding name", () => {
    expect(refusal(() => string("a\0"))).toEqual([
      "nul-in-string",
      "<string>",
      '<string>: text "a\\u0000" holds a NUL byte',
    ]);
    expect(refusal(() => indentedString("a\0\n"))[0]).toBe("nul-in-string");
    expect(refusal(() => binding(["a\0"], 1))[0]).toBe("nul-in-string");
  });

  it.each(["foo", "./a/", "./a b", "", "<a b>", "./${x}"])(
    "refuses the bad path literal %j",
    (text) => {
      expect(refusal(() => path(text))).toEqual([
        "invalid-path-literal",
        "<path>",
        `<path>: ${JSON.stringify(text)} is no path`,
      ]);
    },
  );

  it("refuses a pattern that names an argument twice, or binds @ to one of them", () => {
    expect(refusal(() => pattern({ fields: ["a", "a"] }))).toEqual([
      "duplicate-parameter",
      "a",
      "a: a pattern names this argument twice",
    ]);
    expect(refusal(() => pattern({ fields: ["a"], bind: "a" }))[0]).toBe("duplicate-parameter");
  });

  it("refuses an operator Nix does not have", () => {
    expect(refusal(() => op("%" as BinaryOperator, 1, 2))).toEqual([
      "invalid-operator",
      "%",
      "%: is not a Nix binary operator",
    ]);
  });

  it("refuses a float in int()", () => {
    expect(refusal(() => int(1.5))).toEqual([
      "unsupported-value",
      "<int>",
      "<int>: 1.5 is not an integer",
    ]);
  });
});
