// Attribute names: bare when Nix allows, else quoted per segment, read back unchanged.
import { describe, expect, it } from "vitest";
import {
  NIX_KEYWORDS,
  attrset,
  binding,
  hasAttr,
  inherit,
  printNix,
  ref,
  select,
  toNixExpr,
} from "../../src/nix/index.js";
import { evalPrinted } from "./evaluate.js";
import { lines } from "./expected.js";

const cases: readonly [name: string, printed: string][] = [
  ["1x", '"1x"'],
  ["a.b", '"a.b"'],
  ["a b", '"a b"'],
  ["", '""'],
  ["x'y", "x'y"],
  ["a-b", "a-b"],
  ["_private", "_private"],
  ["hydra.users@idm.example.com", '"hydra.users@idm.example.com"'],
  ["${x}", '"\\${x}"'],
  ['say "hi"', '"say \\"hi\\""'],
  ["ünïcode", '"ünïcode"'],
  ...[...NIX_KEYWORDS].map((keyword): [string, string] => [keyword, `"${keyword}"`]),
];

describe("attribute names", () => {
  it("treats exactly the ten Nix keywords as reserved, or included", () => {
    expect([...NIX_KEYWORDS].sort()).toEqual(
      ["assert", "else", "if", "in", "inherit", "let", "or", "rec", "then", "with"].sort(),
    );
  });

  it.each(cases)("prints the name %j as %s and Nix reads it back", (name, printedName) => {
    const printed = printNix(toNixExpr({ [name]: 1 }));
    expect(printed).toBe(lines("{", `  ${printedName} = 1;`, "}"));
    expect(evalPrinted(printed)).toEqual({ [name]: 1 });
  });

  it("quotes each segment of a binding path on its own", () => {
    const printed = printNix(attrset([binding(["roles", "hydra.admins", "or", "x"], true)]));
    expect(printed).toBe(lines("{", '  roles."hydra.admins"."or".x = true;', "}"));
    expect(evalPrinted(printed)).toEqual({ roles: { "hydra.admins": { or: { x: true } } } });
  });

  it("quotes awkward names in a select, its or default and a has-attribute test", () => {
    const roles = ref("roles");
    const printed = printNix(
      attrset({
        picked: select(roles, ["a b", "in"], "none"),
        has: hasAttr(roles, ["a b", "in"]),
        hasNot: hasAttr(roles, "1x"),
      }),
    );
    expect(printed).toBe(
      lines(
        "{",
        '  picked = roles."a b"."in" or "none";',
        '  has = roles ? "a b"."in";',
        '  hasNot = roles ? "1x";',
        "}",
      ),
    );
    const scope = { roles: '{ "a b"."in" = "found"; }' };
    expect(evalPrinted(printed, scope)).toEqual({ picked: "found", has: true, hasNot: false });
  });

  it("quotes awkward names in inherit (from)", () => {
    const printed = printNix(attrset([inherit(["a b", "ok", "if"], ref("source"))]));
    expect(printed).toBe(lines("{", '  inherit (source) "a b" ok "if";', "}"));
    const scope = { source: '{ "a b" = 1; ok = 2; "if" = 3; }' };
    expect(evalPrinted(printed, scope)).toEqual({ "a b": 1, ok: 2, if: 3 });
  });
});
