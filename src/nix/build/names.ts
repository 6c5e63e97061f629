// Checks on names shared by the builders: identifiers and attribute paths.

import { NixError } from "../error.js";
import { NIX_KEYWORDS, checkText, isBareName } from "../lexical.js";

/** Refuses anything that cannot be a Nix variable or parameter name. */
export function checkIdentifier(name: string, where: string): string {
  if (NIX_KEYWORDS.has(name)) {
    throw new NixError("keyword-identifier", where, `"${name}" is a Nix keyword, not a name`);
  }
  if (!isBareName(name)) {
    throw new NixError(
      "invalid-identifier",
      where,
      `${JSON.stringify(name)} is not a Nix identifier ([A-Za-z_][A-Za-z0-9_'-]*)`,
    );
  }
  return name;
}

/** Splits `"a.b.c"` into segments; only for paths whose segments are all bare names. */
export function splitDotted(dotted: string, where: string): string[] {
  const path = dotted.split(".");
  for (const segment of path) checkIdentifier(segment, where);
  return path;
}

/** Refuses an empty attribute path and names Nix cannot hold. */
export function checkAttrPath(path: readonly string[], where: string): readonly string[] {
  if (path.length === 0) {
    throw new NixError("empty-attribute-path", where, "an attribute path needs a name");
  }
  for (const segment of path) checkText(segment, where);
  return Object.freeze([...path]);
}
