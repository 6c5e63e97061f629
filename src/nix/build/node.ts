// Marks the nodes our builders made, so plain data and tree nodes can be mixed safely:
// a user object that happens to have a `kind` field is still data, never a node.

import type { NixExpr } from "../ast.js";

const built = new WeakSet<object>();

/** Freezes and registers a node; every builder returns through here. */
export function node<T extends NixExpr>(value: T): T {
  built.add(value);
  return Object.freeze(value);
}

/** True for nodes made by the builders. */
export function isNixExpr(value: unknown): value is NixExpr {
  return typeof value === "object" && value !== null && built.has(value);
}
