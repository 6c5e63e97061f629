// References to the module arguments and nixpkgs `lib` functions, so module code reads like
// a module: `mkIf(cfg("enable"), ...)`, `libRef("types.str")`.

import { attrset, call, ref, select, type NixExpr, type Nixable } from "../nix/index.js";

/** `lib.<dotted>`, e.g. `libRef("types.str")`. */
export function libRef(dotted: string): NixExpr {
  return ref(`lib.${dotted}`);
}

/** `config.<dotted>`. */
export function configRef(dotted: string): NixExpr {
  return ref(`config.${dotted}`);
}

/** `options.<dotted>`. */
export function optionsRef(dotted: string): NixExpr {
  return ref(`options.${dotted}`);
}

/** `pkgs.<dotted>`. */
export function pkgsRef(dotted: string): NixExpr {
  return ref(`pkgs.${dotted}`);
}

/** An attribute path below a node, for names that need quoting: `at(cfg, "hydra-oidc")`. */
export function at(target: NixExpr, ...path: string[]): NixExpr {
  return select(target, path);
}

/** `lib.mkIf condition body`. */
export function mkIf(condition: Nixable, body: Nixable): NixExpr {
  return call("lib.mkIf", condition, body);
}

/** `lib.mkMerge [ ... ]`. */
export function mkMerge(parts: readonly Nixable[]): NixExpr {
  return call("lib.mkMerge", [...parts]);
}

/** `lib.mkDefault value`. */
export function mkDefault(value: Nixable): NixExpr {
  return call("lib.mkDefault", value);
}

/** `lib.mkAfter value`, for text appended after what other modules write. */
export function mkAfter(value: Nixable): NixExpr {
  return call("lib.mkAfter", value);
}

/** `lib.literalExpression "..."`, for option defaults and examples shown in the manual. */
export function literalExpression(text: string): NixExpr {
  return call("lib.literalExpression", text);
}

/** `lib.literalMD "..."`, for a default the manual describes in words. */
export function literalMD(text: string): NixExpr {
  return call("lib.literalMD", text);
}

/** `{ assertion = ...; message = ...; }`, an entry of `assertions`. */
export function assertion(condition: Nixable, message: Nixable): NixExpr {
  return attrset({ assertion: condition, message });
}
