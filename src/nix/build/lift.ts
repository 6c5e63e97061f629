// Lets builders take plain data where a node is expected: nodes pass through, data is
// converted by the same rules as `toNixExpr`.

import type { NixExpr } from "../ast.js";
import { toNixExpr } from "../to-nix-expr.js";
import { isNixExpr } from "./node.js";

/** Plain data, a node, or plain data with nodes inside it. */
export type Nixable =
  | NixExpr
  | string
  | number
  | bigint
  | boolean
  | null
  | readonly Nixable[]
  | { readonly [name: string]: Nixable };

/** A node as given, or the node for plain data; `where` names it in errors. */
export function lift(value: Nixable, where: string): NixExpr {
  return isNixExpr(value) ? value : toNixExpr(value, where);
}
