// Escaping for indented strings (`'' ... ''`), following the Nix 2.8 lexer and its
// indentation stripping: escapes for `''`, `${`, `\r`, a `'` that would fuse with what
// follows, and leading spaces that Nix would otherwise strip as indentation.

import type { NixExpr, StringPart } from "../ast.js";

/** One printed line: escaped text and interpolated expressions, in order. */
export type IndentedLine = readonly (string | NixExpr)[];

type RawLine = (string | NixExpr)[];

/** Splits the parts into escaped lines; the caller prints each on its own line. */
export function indentedLines(parts: readonly StringPart[]): IndentedLine[] {
  const raw = splitLines(parts);
  const protect = lineNeedingSpaceEscape(raw);

  return raw.map((line, index) =>
    line.map((part, at) => {
      if (typeof part !== "string") return part;
      const next = at + 1 < line.length ? "interpolation" : index + 1 < raw.length ? "line" : "end";
      const escaped = escapeText(part, next);
      return at === 0 && index === protect ? "''\\ " + escaped.slice(1) : escaped;
    }),
  );
}

function splitLines(parts: readonly StringPart[]): RawLine[] {
  const lines: RawLine[] = [[]];
  for (const part of parts) {
    if (typeof part !== "string") {
      lines[lines.length - 1]!.push(part);
      continue;
    }
    part.split("\n").forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece !== "") lines[lines.length - 1]!.push(piece);
    });
  }
  return lines;
}

function isSpaces(part: string | NixExpr | undefined): boolean {
  return typeof part === "string" && /^ +$/.test(part);
}

/**
 * Nix strips the smallest indentation of the lines that hold more than spaces, and drops a
 * last line made only of spaces. When no line starts with non-space content, or the last
 * line is only spaces, escaping one leading space (`''\ `) keeps every space as written.
 */
function lineNeedingSpaceEscape(lines: readonly RawLine[]): number {
  const last = lines.length - 1;
  if (lines[last]!.length === 1 && isSpaces(lines[last]![0])) return last;

  const anchored = lines.some((line) => line.length > 0 && !startsWithSpace(line));
  if (anchored) return -1;
  return lines.findIndex(startsWithSpace);
}

function startsWithSpace(line: RawLine): boolean {
  const first = line[0];
  return typeof first === "string" && first.startsWith(" ");
}

type Following = "interpolation" | "line" | "end";

/** Escapes one run of text within a line; `next` says what is printed right after it. */
function escapeText(text: string, next: Following): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const last = i === text.length - 1;
    if (c === "'" && text[i + 1] === "'") {
      out += "'''";
      i++;
    } else if (c === "'") {
      out += quoteFusesWithNext(text, i, next) ? "''\\'" : "'";
    } else if (c === "$" && text[i + 1] === "{") {
      out += "''${";
      i++;
    } else if (c === "$" && last && next === "interpolation") {
      out += "''$";
    } else if (c === "\r") {
      out += "''\\r";
    } else {
      out += c;
    }
  }
  return out;
}

/** A lone `'` next to anything printed starting with `'` would be read as `''`. */
function quoteFusesWithNext(text: string, i: number, next: Following): boolean {
  const after = text[i + 1];
  if (after === undefined) return next === "end";
  if (after === "\r") return true;
  if (after === "$" && text[i + 2] === "{") return true;
  return after === "$" && i + 2 === text.length && next === "interpolation";
}
