// `lib.types` as typed builders: `types.listOf(types.str)` prints `lib.types.listOf lib.types.str`.

import { apply, list, type NixExpr, type Nixable } from "../nix/index.js";
import { libRef } from "./lib.js";

function combinator(name: string, ...args: Nixable[]): NixExpr {
  return apply(libRef(`types.${name}`), ...args);
}

/** The option types the modules use, named as in nixpkgs. */
export const types = {
  bool: libRef("types.bool"),
  str: libRef("types.str"),
  int: libRef("types.int"),
  path: libRef("types.path"),
  lines: libRef("types.lines"),
  port: libRef("types.port"),
  nonEmptyStr: libRef("types.nonEmptyStr"),
  nullOr: (inner: NixExpr) => combinator("nullOr", inner),
  listOf: (inner: NixExpr) => combinator("listOf", inner),
  attrsOf: (inner: NixExpr) => combinator("attrsOf", inner),
  either: (a: NixExpr, b: NixExpr) => combinator("either", a, b),
  enum: (values: readonly string[]) => combinator("enum", list(values)),
  strMatching: (pattern: string) => combinator("strMatching", pattern),
  submodule: (module: NixExpr) => combinator("submodule", module),
};
