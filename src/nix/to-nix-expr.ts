// Plain JSON-like data to a syntax tree, refusing anything Nix could not hold as written.

import type { Binding, ListItem, NixExpr } from "./ast.js";
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
  try {
    return convert(value, UNTRACKED, []);
  } catch (error) {
    if (!(error instanceof NixError)) throw error;
    // Refusals are rare, so the first pass keeps no trail; this one spells the path of every
    // value it meets, finds the same refusal again and names where it sits.
    return convert(value, root, []);
  }
}

/**
 * Where a value sits: the root's name, or a parent and a key, spelled out as a path only in
 * error messages. The first pass tracks nothing, since a trail per value cost about as much
 * as the conversion itself.
 */
type Trail = string | { readonly parent: Trail; readonly key: string | number };
type Place = Trail | typeof UNTRACKED;
const UNTRACKED = null;

function within(place: Place, key: string | number): Place {
  return place === UNTRACKED ? UNTRACKED : { parent: place, key };
}

/** The path an error names; the first pass only needs to know that there is an error. */
function spell(place: Place): string {
  if (place === UNTRACKED) return "<value>";
  if (typeof place === "string") return place;
  const parent = spell(place.parent);
  if (typeof place.key === "number") return `${parent}[${place.key}]`;
  const segment = attrName(place.key);
  return parent === "<root>" ? segment : `${parent}.${segment}`;
}

function convert(value: unknown, place: Place, open: object[]): NixExpr {
  if (isNixExpr(value)) return value;

  switch (typeof value) {
    case "string":
      return text(value, spell(place));
    case "boolean":
      return bool(value);
    case "bigint":
      return int(value, spell(place));
    case "number":
      return Number.isInteger(value) ? int(value, spell(place)) : float(value, spell(place));
    case "object":
      return value === null ? nullValue() : convertObject(value, place, open);
    default:
      throw new NixError(
        "unsupported-value",
        spell(place),
        `${describe(value)} has no Nix equivalent; give a string, number, boolean, ` +
          "null, array or plain object",
      );
  }
}

/**
 * `open` holds the objects being converted, outermost first. A cycle must pass through one
 * of them, and data is shallow, so a scan of them is cheaper than a Set. A refusal abandons
 * the whole pass, so nothing needs removing when one is thrown.
 */
function convertObject(value: object, place: Place, open: object[]): NixExpr {
  if (open.includes(value)) {
    throw new NixError("cycle", spell(place), "value refers to itself; Nix data cannot be cyclic");
  }
  open.push(value);
  const converted = Array.isArray(value)
    ? convertList(value, place, open)
    : convertSet(value, place, open);
  open.pop();
  return converted;
}

function convertList(values: readonly unknown[], place: Place, open: object[]): NixExpr {
  // `map` sizes the array exactly; growing it by `push` would leave room for 17 items.
  const items = values.map((item, i): ListItem => ({
    value: convert(item, within(place, i), open),
  }));
  return node({ kind: "list", items });
}

function convertSet(value: object, place: Place, open: object[]): NixExpr {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const name = (value.constructor as { name?: string } | undefined)?.name ?? "unknown";
    throw new NixError(
      "unsupported-value",
      spell(place),
      `an instance of ${name} is not plain data; convert it to an object first`,
    );
  }

  const fields = value as Record<string, unknown>;
  // `Object.keys` gives the order `Object.entries` would, without a pair per key.
  const entries = Object.keys(fields).map((name): Binding => {
    const inner = within(place, name);
    // A name is Nix text too, so it cannot hold NUL either.
    checkText(name, spell(inner));
    return { kind: "binding", path: [name], value: convert(fields[name], inner, open) };
  });
  // No duplicate check: the keys of one object differ, each is a one-name path, and sets
  // inside were checked when they were made; checking again re-walks every subtree.
  return node({ kind: "attrset", rec: false, entries });
}

function describe(value: unknown): string {
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return `the symbol ${String(value)}`;
  return String(value);
}
