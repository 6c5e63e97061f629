// A whole NixOS module: the argument pattern, a `let` with `cfg`, imports, options before
// config, in the order nixpkgs modules use.

import {
  attrset,
  binding,
  lambda,
  letIn,
  list,
  pattern,
  type Entry,
  type NixExpr,
} from "../nix/index.js";

/** The parts of a module; absent parts are left out of the printed file. */
export interface ModuleParts {
  /** Module arguments besides `...`, e.g. `["config", "lib", "pkgs"]`. */
  readonly args: readonly string[];
  /** Bindings of the top `let`, such as `cfg = config.services.x;`. */
  readonly let?: readonly Entry[];
  readonly imports?: readonly NixExpr[];
  /** Option declarations and where they sit: `options.<at> = declarations;`. */
  readonly options?: { readonly at: readonly string[]; readonly declarations: NixExpr };
  readonly config?: NixExpr;
}

/** `{ config, lib, ... }: let ... in { imports; options; config; }`. */
export function nixosModule(parts: ModuleParts): NixExpr {
  const entries: Entry[] = [];
  if (parts.imports !== undefined) entries.push(binding("imports", list(parts.imports)));
  if (parts.options !== undefined) {
    const { at, declarations } = parts.options;
    entries.push(binding(["options", ...at], declarations, { blankLineBefore: true }));
  }
  if (parts.config !== undefined) {
    entries.push(binding("config", parts.config, { blankLineBefore: true }));
  }

  const body = attrset(entries);
  const withLet = parts.let === undefined || parts.let.length === 0 ? body : letIn(parts.let, body);
  return lambda(pattern({ fields: parts.args, ellipsis: true }), withLet);
}
