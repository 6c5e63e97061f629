// Literals as documents: numbers, and strings of both kinds with their escapes. An
// interpolation's contents come from the caller, which prints whole expressions.

import { builders } from "prettier/doc";
import type { NixExpr, StringPart } from "../ast.js";
import { escapeDoubleQuoted, hasFloatLiteral } from "../lexical.js";
import { indentedLines } from "./indented.js";

type Doc = builders.Doc;
const { indent, literalline, markAsRoot } = builders;

/** Prints an interpolated expression on one line. */
export type Interpolate = (expr: NixExpr) => string;

export function printInt(value: bigint): Doc {
  if (value === -(2n ** 63n)) return "-9223372036854775807 - 1";
  return value.toString();
}

/** Shortest round-tripping digits, always with a dot: `2.0`, `1.0e-9`, `3.0e30`. */
export function printFloat(value: number): Doc {
  // Scaling by a power of two is exact, and so is the division that undoes it.
  if (!hasFloatLiteral(value)) return `${printFloat(value * 2 ** 64)} / 18446744073709551616.0`;
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  const [mantissa, exponent] = Math.abs(value).toString().split("e");
  const withDot = mantissa!.includes(".") ? mantissa! : `${mantissa}.0`;
  return exponent === undefined
    ? sign + withDot
    : `${sign}${withDot}e${exponent.replace(/^\+/, "")}`;
}

export function printString(parts: readonly StringPart[], interpolate: Interpolate): Doc {
  // Plain text is one piece, so the layout engine has one string to walk instead of three.
  if (parts.length === 1 && typeof parts[0] === "string") {
    return joined('"', escapeDoubleQuoted(parts[0], false), '"');
  }
  const docs: Doc[] = ['"'];
  parts.forEach((part, i) => {
    if (typeof part === "string") {
      docs.push(escapeDoubleQuoted(part, i + 1 < parts.length));
    } else {
      docs.push("${", interpolate(part), "}");
    }
  });
  docs.push('"');
  return docs;
}

/**
 * Content lines are written with literal line breaks so that prettier never trims their
 * trailing spaces; `markAsRoot` gives them the indentation of the enclosing block.
 */
export function printIndentedString(parts: readonly StringPart[], interpolate: Interpolate): Doc {
  const lines = indentedLines(parts);
  const body = lines.map((content, i) => {
    const last = i === lines.length - 1;
    if (content.length === 0) return last ? [] : literalline;
    const docs = content.map((part) =>
      typeof part === "string" ? part : ["${", interpolate(part), "}"],
    );
    return indent(markAsRoot([literalline, ...docs]));
  });

  const endsWithNewline = lines[lines.length - 1]!.length === 0;
  const closing = endsWithNewline ? markAsRoot([literalline, "''"]) : "''";
  return ["''", ...body, closing];
}

/**
 * One flat string of `pieces`. V8 keeps the result of `+` as a rope, and prettier measures
 * every piece with a regular expression, which must first copy a rope into a flat string:
 * on large sets that copying was a tenth of the printing. `join` writes a flat string once.
 */
export function joined(...pieces: string[]): string {
  return pieces.join("");
}
