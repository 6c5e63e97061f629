// Builders for attribute sets, bindings and `inherit`, with the duplicate check Nix would
// otherwise only report at parse time.

import type { Binding, Entry, Inherit, NixExpr, NodeOf } from "../ast.js";
import { NixError } from "../error.js";
import { attrPathText } from "../lexical.js";
import { checkAttrPath } from "./names.js";
import { isNixExpr, node } from "./node.js";
import { lift, type Nixable } from "./lift.js";

/** Extra layout for one entry: a comment above it, an empty line before it. */
export interface EntryOptions {
  readonly comment?: string;
  readonly blankLineBefore?: boolean;
}

/** `a.b.c = value;`; the path is given as segments, each quoted on printing if needed. */
export function binding(
  path: string | readonly string[],
  value: Nixable,
  options: EntryOptions = {},
): Binding {
  const segments = typeof path === "string" ? [path] : path;
  const where = segments.length > 0 ? attrPathText(segments) : "<binding>";
  return Object.freeze({
    kind: "binding",
    path: checkAttrPath(segments, where),
    value: lift(value, where),
    ...options,
  });
}

/** `inherit a b;` or, with `from`, `inherit (from) a b;`. */
export function inherit(
  names: readonly string[],
  from?: NixExpr,
  options: EntryOptions = {},
): Inherit {
  checkAttrPath(names, "inherit");
  return Object.freeze({ kind: "inherit", names: Object.freeze([...names]), from, ...options });
}

/** What a set literal is made from: entries in order, or a record of one name per key. */
export type EntrySource = readonly Entry[] | { readonly [name: string]: Nixable };

function toEntries(source: EntrySource): readonly Entry[] {
  if (Array.isArray(source)) return source as readonly Entry[];
  return Object.entries(source).map(([name, value]) => binding([name], value));
}

/** `{ ... }`; refuses two bindings of one attribute, also across `a.b` and `a = { }`. */
export function attrset(source: EntrySource = []): NodeOf<"attrset"> {
  const entries = Object.freeze([...toEntries(source)]);
  checkDuplicates(entries, []);
  return node({ kind: "attrset", rec: false, entries });
}

/** `rec { ... }`. */
export function recAttrset(source: EntrySource = []): NodeOf<"attrset"> {
  const entries = Object.freeze([...toEntries(source)]);
  checkDuplicates(entries, []);
  return node({ kind: "attrset", rec: true, entries });
}

/** A tree of the names a set defines: a leaf is a value, a branch a set literal Nix merges. */
type Defined = Map<string, Defined | "leaf">;

/** Refuses entries that define one attribute twice. `prefix` names where they sit. */
export function checkDuplicates(entries: readonly Entry[], prefix: readonly string[]): void {
  const root: Defined = new Map();
  for (const entry of entries) {
    if (entry.kind === "inherit") {
      for (const name of entry.names) define(root, [name], null, prefix);
    } else {
      define(root, entry.path, entry.value, prefix);
    }
  }
}

function define(
  tree: Defined,
  path: readonly string[],
  value: NixExpr | null,
  prefix: readonly string[],
): void {
  let level = tree;
  for (let i = 0; i < path.length - 1; i++) {
    level = branch(level, path[i]!, [...prefix, ...path.slice(0, i + 1)]);
  }

  const last = path[path.length - 1]!;
  const full = [...prefix, ...path];
  const mergeable = value !== null && value.kind === "attrset" && !value.rec;
  if (!mergeable) {
    if (level.has(last)) duplicate(full);
    level.set(last, "leaf");
    return;
  }

  // Nix merges `a = { b = 1; }` with `a.c = 2`, so the inner names join the same tree.
  const inner = branch(level, last, full);
  for (const entry of value.entries) {
    if (entry.kind === "inherit") {
      for (const name of entry.names) define(inner, [name], null, full);
    } else {
      define(inner, entry.path, entry.value, full);
    }
  }
}

function branch(level: Defined, name: string, full: readonly string[]): Defined {
  const existing = level.get(name);
  if (existing === "leaf") duplicate(full);
  if (existing !== undefined) return existing;
  const created: Defined = new Map();
  level.set(name, created);
  return created;
}

function duplicate(path: readonly string[]): never {
  throw new NixError(
    "duplicate-attribute",
    attrPathText(path),
    "attribute is defined more than once",
  );
}

export { isNixExpr };
