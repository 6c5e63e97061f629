// Plain JSON-like data to a syntax tree, refusing anything Nix could not hold as written.

import type { Binding, NixExpr } from "./ast.js";
import { NixError } from "./error.js";
import { attrName, checkText } from "./lexical.js";
import { float, int, bool, nullValue, text } from "./build/literals.js";
import { isNixExpr, node } from "./build/node.js";

/**
 * Converts strings, finite numbers, booleans, null, bigint within 64 bits, arrays and plain
 * objects. Nodes made by the builders may appear inside and are kept as they are.
 * `root` names the value in error messages.
 */
export function toNixExpr(value: unknown, root = "<root>"): NixExpr {
  return convert(value, root, new Set());
}

/**
 * Where a value sits: the root's name, or a parent and a key. It is spelled out as a path
 * only for an error message; spelling it for every value cost more than the conversion.
 */
type Trail = string | { readonly parent: Trail; readonly key: string | number };

function spell(trail: Trail): string {
  if (typeof trail === "string") return trail;
  const parent = spell(trail.parent);
  if (typeof trail.key === "number") return `${parent}[${trail.key}]`;
  const segment = attrName(trail.key);
  return parent === "<root>" ? segment : `${parent}.${segment}`;
}

/**
 * `check(value, path)` with a placeholder path; only when it refuses the value is the real
 * path spelled out and the check run again, so that its error names the right place.
 */
function at<V, R>(check: (value: V, where: string) => R, value: V, trail: Trail): R {
  if (typeof trail === "string") return check(value, trail);
  try {
    return check(value, "<value>");
  } catch (error) {
    if (error instanceof NixError) return check(value, spell(trail));
    throw error;
  }
}

function convert(value: unknown, where: Trail, open: Set<object>): NixExpr {
  if (isNixExpr(value)) return value;

  switch (typeof value) {
    case "string":
      return at(text, value, where);
    case "boolean":
      return bool(value);
    case "bigint":
      return at(int, value, where);
    case "number":
      return Number.isInteger(value) ? at(int, value, where) : at(float, value, where);
    case "object":
      return value === null ? nullValue() : convertObject(value, where, open);
    default:
      throw new NixError(
        "unsupported-value",
        spell(where),
        `${describe(value)} has no Nix equivalent; give a string, number, boolean, ` +
          "null, array or plain object",
      );
  }
}

function convertObject(value: object, where: Trail, open: Set<object>): NixExpr {
  if (open.has(value)) {
    throw new NixError("cycle", spell(where), "value refers to itself; Nix data cannot be cyclic");
  }
  open.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.map((item, i) => ({
        value: convert(item, { parent: where, key: i }, open),
      }));
      return node({ kind: "list", items });
    }

    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      const name = (value.constructor as { name?: string } | undefined)?.name ?? "unknown";
      throw new NixError(
        "unsupported-value",
        spell(where),
        `an instance of ${name} is not plain data; convert it to an object first`,
      );
    }

    const entries: Binding[] = Object.entries(value).map(([name, inner]) => {
      const trail = { parent: where, key: name };
      // A name is Nix text too, so it cannot hold NUL either.
      at(checkText, name, trail);
      return { kind: "binding", path: [name], value: convert(inner, trail, open) };
    });
    // No duplicate check: the keys of one object differ, each is a one-name path, and sets
    // inside were checked when they were made; checking again re-walks every subtree.
    return node({ kind: "attrset", rec: false, entries });
  } finally {
    open.delete(value);
  }
}

function describe(value: unknown): string {
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return `the symbol ${String(value)}`;
  return String(value);
}
