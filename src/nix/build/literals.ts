// Builders for atoms: identifiers, numbers, booleans, null, strings, paths and raw text.

import type { NixExpr, NodeOf, StringPart } from "../ast.js";
import { NixError } from "../error.js";
import { checkText } from "../lexical.js";
import { checkIdentifier } from "./names.js";
import { node } from "./node.js";

const INT_MIN = -(2n ** 63n);
const INT_MAX = 2n ** 63n - 1n;

/** A variable reference such as `lib` or `config`. */
export function identifier(name: string): NodeOf<"identifier"> {
  return node({ kind: "identifier", name: checkIdentifier(name, "<identifier>") });
}

/** A 64-bit integer, from a whole JS number or a bigint. */
export function int(value: number | bigint, where = "<int>"): NodeOf<"int"> {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new NixError("non-finite-number", where, `${value} is not a finite number`);
    }
    if (!Number.isInteger(value)) {
      throw new NixError("unsupported-value", where, `${value} is not an integer`);
    }
  }
  const big = BigInt(value);
  if (big < INT_MIN || big > INT_MAX) {
    throw new NixError(
      "integer-out-of-range",
      where,
      `${big} does not fit Nix's 64-bit integers; use float() for a floating-point value`,
    );
  }
  return node({ kind: "int", value: big });
}

/** A float; always printed with a dot, so `float(2)` stays `2.0`. */
export function float(value: number, where = "<float>"): NodeOf<"float"> {
  if (!Number.isFinite(value)) {
    throw new NixError("non-finite-number", where, `${value} is not a finite number`);
  }
  return node({ kind: "float", value });
}

/** `true` or `false`, which Nix spells as ordinary identifiers. */
export function bool(value: boolean): NodeOf<"identifier"> {
  return node({ kind: "identifier", name: value ? "true" : "false" });
}

/** The `null` literal. */
export function nullValue(): NodeOf<"null"> {
  return node({ kind: "null" });
}

function pushPart(merged: StringPart[], part: StringPart): void {
  const last = merged.length - 1;
  if (typeof part === "string" && typeof merged[last] === "string") {
    merged[last] = merged[last] + part;
  } else {
    merged.push(part);
  }
}

function checkParts(parts: readonly StringPart[], where: string): readonly StringPart[] {
  const merged: StringPart[] = [];
  for (const part of parts) {
    if (typeof part === "string") {
      checkText(part, where);
      if (part === "") continue;
      pushPart(merged, part);
    } else if (part.kind === "string") {
      // A plain string inside an interpolation reads better spliced into this one.
      for (const inner of part.parts) pushPart(merged, inner);
    } else {
      merged.push(part);
    }
  }
  return Object.freeze(merged);
}

/** A double-quoted string of text and interpolations: `string("v", ref("x"))` is `"v${x}"`. */
export function string(...parts: StringPart[]): NodeOf<"string"> {
  return node({ kind: "string", parts: checkParts(parts, "<string>") });
}

/** An indented string (`'' ... ''`), for multi-line text. */
export function indentedString(...parts: StringPart[]): NodeOf<"indented-string"> {
  return node({ kind: "indented-string", parts: checkParts(parts, "<indented string>") });
}

/** Text as the string kind a person would pick: indented when it spans lines. */
export function text(value: string, where = "<string>"): NixExpr {
  checkText(value, where);
  // One line is the common case, and every string of `toNixExpr` passes here: this is what
  // `string(value)` makes, without the split below or checking the text a second time.
  if (!value.includes("\n")) {
    return node({ kind: "string", parts: Object.freeze(value === "" ? [] : [value]) });
  }
  // Text that is only line breaks, or one line and a break, reads better as "...\n".
  const lines = value.split("\n");
  const multiLine = lines.slice(0, -1).some((line) => line !== "") && lines.length > 2;
  return multiLine ? indentedString(value) : string(value);
}

const PATH_LITERAL =
  /^(?:\.{0,2}\/|~\/)?[A-Za-z0-9._+-]+(?:\/[A-Za-z0-9._+-]+)*$|^<[A-Za-z0-9._+/-]+>$/;

/** A path literal (`./file.nix`, `/etc/x`, `<nixpkgs>`); a bare word is not a path. */
export function path(text: string): NodeOf<"path"> {
  const usable = PATH_LITERAL.test(text) && (text.includes("/") || text.startsWith("<"));
  if (!usable) {
    throw new NixError("invalid-path-literal", "<path>", `${JSON.stringify(text)} is no path`);
  }
  return node({ kind: "path", text });
}

/** Nix source the tree cannot express; printed inside parentheses wherever that matters. */
export function raw(text: string): NodeOf<"raw"> {
  return node({ kind: "raw", text });
}
