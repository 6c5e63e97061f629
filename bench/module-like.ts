// Trees shaped like the NixOS modules we generate, covering every node kind and layout rule,
// so that a printer optimisation can be checked byte for byte against the printer before it.

import type { NixExpr } from "../src/nix/index.js";
import {
  apply,
  assertThen,
  attrset,
  binding,
  call,
  float,
  hasAttr,
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
  raw,
  recAttrset,
  ref,
  select,
  string,
  toNixExpr,
  withScope,
} from "../src/nix/index.js";

/** A module in the style of `nix/kanidm.nix`: options, `let cfg`, `mkIf` and assertions. */
function serviceModule(): NixExpr {
  const cfg = ref("cfg");
  const option = (type: NixExpr, fallback: unknown, description: string) =>
    call("lib.mkOption", {
      type,
      default: toNixExpr(fallback),
      description: indentedString(description),
    });

  const options = attrset([
    binding(["enable"], call("lib.mkEnableOption", "Hydra single sign-on through Kanidm")),
    binding(["clientId"], option(ref("lib.types.str"), "hydra", "OAuth2 client name in Kanidm.\n")),
    binding(
      ["scopes"],
      option(call("lib.types.listOf", ref("lib.types.str")), ["openid", "email"], "Scopes.\n"),
      { comment: "Requested and granted.\nEach login group gets all of them." },
    ),
  ]);

  const redirect = string(select(cfg, "hydraUrl"), "/oidc-login");
  const provision = attrset([
    binding(["services", "kanidm", "provision", "enable"], true),
    binding(
      ["services", "kanidm", "provision", "systems", "oauth2"],
      apply(
        ref("lib.genAttrs"),
        list([select(cfg, "clientId")]),
        lambda("name", {
          displayName: select(cfg, "displayName"),
          originUrl: redirect,
          originLanding: string(select(cfg, "hydraUrl"), "/"),
          basicSecretFile: select(cfg, "clientSecretFile"),
          preferShortUsername: select(cfg, ["preferShortUsername"], true),
          scopeMaps: call(
            "lib.genAttrs",
            select(cfg, "loginGroups"),
            lambda("group", select(cfg, "scopes")),
          ),
        }),
      ),
    ),
    binding(
      ["assertions"],
      list([
        {
          assertion: op(
            "||",
            op("==", select(cfg, "clientSecretFile"), nullValue()),
            not(call("lib.isPath", select(cfg, "clientSecretFile"))),
          ),
          message: string(
            "services.hydra-kanidm.clientSecretFile must be a string, not a path: a path ",
            "literal copies the secret ${into} the world-readable store ($",
            select(cfg, "clientId"),
            ")",
          ),
        },
      ]),
      { blankLineBefore: true },
    ),
  ]);

  const body = letIn(
    [
      binding(["cfg"], select(ref("config"), ["services", "hydra-kanidm"])),
      inherit(["mkIf", "mkMerge"], ref("lib")),
    ],
    attrset([
      binding(["options", "services", "hydra-kanidm"], options),
      binding(["config"], call("lib.mkIf", select(cfg, "enable"), provision)),
    ]),
  );
  return lambda(pattern({ fields: ["config", "lib", "pkgs"], ellipsis: true }), body);
}

/** Expressions that exercise parentheses, breaking and every remaining node kind. */
function expressions(): NixExpr {
  const long = (n: number) => ref(`lib.someRatherLongFunctionName${n}`);
  const free = ["lib", "f", "x", "y", "a", "b", "defaults", "interp"];
  const set = recAttrset([
    binding(["numbers"], list([int(-1), float(2), float(1e-7), float(-0.5), int(42)])),
    binding(["single"], list(["only"])),
    binding(["singleLong"], list(["x".repeat(95)])),
    binding(["empty"], attrset()),
    binding(["emptyList"], list()),
    binding(["nested"], list([list([1, 2]), list([]), attrset({ a: 1 }), attrset()])),
    binding(["commented"], list([item("a", { comment: "first" }), item("b", { comment: "" })])),
    binding(["quoted"], attrset({ "a b": 1, "with.dot": 2, or: 3, 'x"y': "${z}", if: null })),
    binding(["cond"], ifThenElse(hasAttr(ref("x"), ["a", "b c"]), 1, ifThenElse(false, 2, 3))),
    binding(
      ["longCond"],
      ifThenElse(
        op(
          "&&",
          call("builtins.elem", "someValue", long(1)),
          call("builtins.hasAttr", "k", long(2)),
        ),
        string("a rather long string on the then branch"),
        string("and another rather long string on the else branch"),
      ),
    ),
    binding(["ops"], op("-", op("-", 1, 2), op("-", 3, 4))),
    binding(["power"], op("++", op("++", list([1]), list([2])), list([3]))),
    binding(["neg"], negate(apply(ref("f"), 1))),
    binding(["notNot"], not(not(true))),
    binding(["sel"], select(apply(ref("f"), 1), ["a"], negate(int(2)))),
    binding(["numSel"], select(int(3), "x")),
    binding(["pathSel"], select(path("./a.nix"), "x")),
    binding(["withs"], withScope(ref("lib"), list([ref("a"), ref("b")]))),
    binding(["asserted"], assertThen(op(">", 1, 0), "yes")),
    binding(["rawText"], list([raw('builtins.currentSystem or "x"')])),
    binding(["paths"], list([path("./module.nix"), path("<nixpkgs>"), path("/etc/hosts")])),
    binding(["longApply"], apply(long(3), long(4), long(5), string("an argument"), op("+", 1, 2))),
    binding(["lastParens"], apply(ref("lib.mkDefault"), op("//", ref("a"), ref("b")))),
    binding(
      ["lastParensLong"],
      apply(ref("lib.mkDefault"), op("//", long(6), op("//", long(7), long(8)))),
    ),
    binding(["fn"], lambda("x", lambda("y", op("+", ref("x"), ref("y"))))),
    binding(
      ["patterns"],
      list([
        lambda(pattern({ fields: ["a", { name: "b", default: 1 }] }), ref("a")),
        lambda(pattern({ fields: [], ellipsis: true, bind: "args" }), ref("args")),
      ]),
    ),
    binding(["updateBlock"], op("//", ref("defaults"), attrset({ a: 1, b: 2 }))),
    binding(["letInList"], list([letIn({ a: 1 }, ref("a"))])),
    inherit(["version"], ref("lib"), { comment: "again", blankLineBefore: true }),
    binding(
      ["script"],
      indentedString(
        "#!/bin/sh\n  indented ''quoted'' ${not} $",
        ref("interp"),
        "\n\ttab\r\nend '\n",
      ),
    ),
    binding(["spaces"], indentedString("   all spaced\n   lines\n")),
    binding(["oneLine"], string('tab\there "quoted" \\ back ${x} $', ref("y"))),
  ]);
  // Nix 2.8's parser refuses free variables, so the names used above become arguments.
  return lambda(pattern({ fields: free, ellipsis: true }), set);
}

/** The trees `snapshot.ts` prints, by file name. */
export function moduleLikeTrees(): Record<string, NixExpr> {
  return {
    "service-module.nix": serviceModule(),
    "expressions.nix": expressions(),
    "plain-data.nix": toNixExpr({
      "odd key": { "": [], "a.b": [[1, [2.5, -3]], { x: { y: { z: "deep" } } }] },
      text: "multi\nline\n",
      flags: [true, false, null],
      long: Array.from({ length: 4 }, (_, i) => `item number ${i} `.repeat(4)),
      huge: 9223372036854775807n,
      tiny: -9223372036854775808n,
    }),
  };
}
