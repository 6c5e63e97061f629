// Nix's lexical rules: which names may stand bare, and how text is escaped in both kinds of
// string. Written against the Nix 2.8 lexer, which is the oldest Nix we promise to satisfy.

import { NixError } from "./error.js";

/** Words the Nix lexer reserves; `or` counts, since it cannot be an attribute name bare. */
export const NIX_KEYWORDS: ReadonlySet<string> = new Set([
  "if",
  "then",
  "else",
  "assert",
  "with",
  "let",
  "in",
  "rec",
  "inherit",
  "or",
]);

const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_'-]*$/;

/** True when `name` can be written without quotes as an identifier or attribute name. */
export function isBareName(name: string): boolean {
  return BARE_NAME.test(name) && !NIX_KEYWORDS.has(name);
}

/** Refuses text Nix cannot hold: Nix strings are C strings, so NUL cannot be represented. */
export function checkText(text: string, path: string): void {
  if (text.includes("\0")) {
    throw new NixError("nul-in-string", path, `text ${JSON.stringify(text)} holds a NUL byte`);
  }
}

const NEEDS_ESCAPE = /[\\"$\n\r\t]/;

/**
 * Escapes literal text for a double-quoted string. `beforeInterpolation` says an
 * interpolation follows, so a trailing `$` must not fuse with it into `$${`.
 */
export function escapeDoubleQuoted(text: string, beforeInterpolation: boolean): string {
  // Most text needs no escape; one scan then spares the six replacements below.
  if (!NEEDS_ESCAPE.test(text)) return text;
  let out = text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\$\{/g, "\\${")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r")
    .replace(/\t/g, "\\t");
  // Decided on the text, not the output: in `\\$` the backslash is escaped, not the `$`.
  if (beforeInterpolation && text.endsWith("$")) {
    out = out.slice(0, -1) + "\\$";
  }
  return out;
}

/**
 * False for the subnormal floats: Nix 2.8 reads float literals with `strtod` and rejects any
 * that set `ERANGE`, which every subnormal does. Those are printed as a division instead.
 */
export function hasFloatLiteral(value: number): boolean {
  return value === 0 || Math.abs(value) >= 2 ** -1022;
}

/** An attribute name as Nix source: bare when it may be, else a double-quoted string. */
export function attrName(name: string): string {
  return isBareName(name) ? name : `"${escapeDoubleQuoted(name, false)}"`;
}

/** An attribute path as Nix source, quoting each segment on its own (`a."b c".d`). */
export function attrPathText(path: readonly string[]): string {
  // Most paths have one segment; this spares an array and a join per binding.
  if (path.length === 1) return attrName(path[0]!);
  return path.map(attrName).join(".");
}
