// Evaluates printed Nix with real Nix, so tests prove that printed values mean what was built.
import { evalNixJson, parseNix } from "../support/nix.js";

/**
 * Evaluates the printed source `printed` strictly, with `scope` (name to Nix source) bound
 * around it in a `let`, and returns the value as Nix writes it in JSON.
 */
export function evalPrinted(
  printed: string,
  scope: Readonly<Record<string, string>> = {},
): unknown {
  const names = Object.entries(scope);
  if (names.length === 0) return evalNixJson(printed);
  const bindings = names.map(([name, source]) => `  ${name} = ${source};\n`).join("");
  return evalNixJson(`let\n${bindings}in\n(\n${printed})\n`);
}

/** Evaluates `expr` (Nix source) with `printed` bound to `value`; for checks JSON cannot make. */
export function evalAbout(printed: string, expr: string): unknown {
  return evalNixJson(`let\n  value =\n(\n${printed});\nin\n${expr}\n`);
}

/**
 * Parses printed text that may name free variables. Nix 2.8's `--parse` refuses undefined
 * variables, except under a `with`, where they are looked up only at evaluation time.
 */
export function parseOpen(printed: string): void {
  parseNix(`with { };\n(\n${printed})\n`);
}
