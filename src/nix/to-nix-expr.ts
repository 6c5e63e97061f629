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

function convert(value: unknown, where: string, open: Set<object>): NixExpr {
  if (isNixExpr(value)) return value;

  switch (typeof value) {
    case "string":
      return text(value, where);
    case "boolean":
      return bool(value);
    case "bigint":
      return int(value, where);
    case "number":
      return Number.isInteger(value) ? int(value, where) : float(value, where);
    case "object":
      return value === null ? nullValue() : convertObject(value, where, open);
    default:
      throw new NixError(
        "unsupported-value",
        where,
        `${describe(value)} has no Nix equivalent; give a string, number, boolean, ` +
          "null, array or plain object",
      );
  }
}

function convertObject(value: object, where: string, open: Set<object>): NixExpr {
  if (open.has(value)) {
    throw new NixError("cycle", where, "value refers to itself; Nix data cannot be cyclic");
  }
  open.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.map((item, i) => ({ value: convert(item, `${where}[${i}]`, open) }));
      return node({ kind: "list", items });
    }

    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      const name = (value.constructor as { name?: string } | undefined)?.name ?? "unknown";
      throw new NixError(
        "unsupported-value",
        where,
        `an instance of ${name} is not plain data; convert it to an object first`,
      );
    }

    const entries: Binding[] = Object.entries(value).map(([name, inner]) => {
      const at = childPath(where, name);
      // A name is Nix text too, so it cannot hold NUL either.
      checkText(name, at);
      return { kind: "binding", path: [name], value: convert(inner, at, open) };
    });
    // No duplicate check: the keys of one object differ, each is a one-name path, and sets
    // inside were checked when they were made; checking again re-walks every subtree.
    return node({ kind: "attrset", rec: false, entries });
  } finally {
    open.delete(value);
  }
}

function childPath(where: string, name: string): string {
  const segment = attrName(name);
  return where === "<root>" ? segment : `${where}.${segment}`;
}

function describe(value: unknown): string {
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return `the symbol ${String(value)}`;
  return String(value);
}
