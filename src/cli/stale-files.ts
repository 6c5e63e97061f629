// Which generated files on disk differ from what the generator prints: the check behind
// `hydra-kanidm check`, and what CI fails on.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { GeneratedFile } from "../generate.js";

/** A generated file that is out of date, and how. */
export interface StaleFile {
  readonly path: string;
  readonly reason: "differs" | "missing" | "not generated";
}

function textOf(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** Every file below `dir`, relative to `root` with `/`; none when `dir` does not exist. */
function filesBelow(root: string, dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

/**
 * The files under `root` that differ from `files`, are missing, or look generated (under
 * nix/, or a .nix file under examples/) without being generated any more.
 */
export function staleFiles(root: string, files: readonly GeneratedFile[]): StaleFile[] {
  const generated = new Set(files.map((file) => file.path));
  const stale: StaleFile[] = files.flatMap((file): StaleFile[] => {
    const text = textOf(join(root, file.path));
    if (text === undefined) return [{ path: file.path, reason: "missing" }];
    return text === file.text ? [] : [{ path: file.path, reason: "differs" }];
  });
  const leftovers = [
    ...filesBelow(root, "nix"),
    ...filesBelow(root, "examples").filter((path) => path.endsWith(".nix")),
  ]
    .filter((path) => !generated.has(path))
    .sort()
    .map((path): StaleFile => ({ path, reason: "not generated" }));
  return [...stale, ...leftovers];
}
