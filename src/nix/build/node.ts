// Marks the nodes our builders made, so plain data and tree nodes can be mixed safely:
// a user object that happens to have a `kind` field is still data, never a node.

import type { NixExpr } from "../ast.js";

/**
 * A non-enumerable, module-private mark. Unlike a WeakSet it costs the garbage collector
 * nothing extra, which matters for trees of hundreds of thousands of nodes; being hidden,
 * it stays out of `Object.keys`, JSON and spreads, so a copy of a node is plain data again.
 */
const BUILT = Symbol("nix node");
const MARK: PropertyDescriptor = { value: true };

/** Freezes and registers a node; every builder returns through here. */
export function node<T extends NixExpr>(value: T): T {
  Object.defineProperty(value, BUILT, MARK);
  return Object.freeze(value);
}

/** True for nodes made by the builders. */
export function isNixExpr(value: unknown): value is NixExpr {
  return typeof value === "object" && value !== null && Object.hasOwn(value, BUILT);
}
