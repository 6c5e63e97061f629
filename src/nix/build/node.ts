// Marks the nodes our builders made, so plain data and tree nodes can be mixed safely:
// a user object that happens to have a `kind` field is still data, never a node.

import type { NixExpr } from "../ast.js";

/**
 * The prototype of every node, and of nothing else. One prototype comparison then tells a
 * node from data: plain objects have `Object.prototype` or none, and a copy of a node
 * (`{ ...node }`, JSON) is a plain object again. Unlike a WeakSet it costs the garbage
 * collector nothing; a hidden symbol property did the same job, but defining it on each
 * node cost more than building the node, on trees of hundreds of thousands of nodes.
 */
class NixNode {}
const NODE: object = NixNode.prototype;

/** A frozen node with the fields of `fields`; every builder returns through here. */
export function node<T extends NixExpr>(fields: T): T {
  return Object.freeze(Object.assign(Object.create(NODE) as T, fields));
}

/** True for nodes made by the builders. */
export function isNixExpr(value: unknown): value is NixExpr {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === NODE;
}
