// Short names for building the pure Nix library: `builtins.*` calls, sibling imports,
// curried functions and string concatenation.

import {
  apply,
  call,
  lambda,
  path,
  ref,
  string,
  type Entry,
  type NixExpr,
  type Nixable,
} from "../../nix/index.js";

/** `builtins.<name> args...`. */
export function builtin(name: string, ...args: Nixable[]): NixExpr {
  return call(`builtins.${name}`, ...args);
}

/** `import ./<file>`, for files that sit next to each other. */
export function importSibling(file: string): NixExpr {
  return apply(ref("import"), path(`./${file}`));
}

/** A curried function: `curried(["a", "b"], body)` is `a: b: body`. */
export function curried(names: readonly string[], body: NixExpr): NixExpr {
  return names.reduceRight((inner, name) => lambda(name, inner), body);
}

/** `"${a}${b}..."`: text and expressions joined into one string. */
export function concat(...parts: (string | NixExpr)[]): NixExpr {
  return string(...parts);
}

/** `builtins.concatStringsSep separator items`. */
export function joinWith(separator: Nixable, items: Nixable): NixExpr {
  return builtin("concatStringsSep", separator, items);
}

/** A generated file: where it goes below nix/, a header comment, and its expression. */
export interface NixFile {
  readonly path: string;
  readonly header: string;
  readonly expr: NixExpr;
}

/** The bindings of a library file, an empty line between each two, as the files read. */
export function spaced(entries: readonly Entry[]): Entry[] {
  return entries.map((entry, i) => ({ ...entry, blankLineBefore: i > 0 }));
}
