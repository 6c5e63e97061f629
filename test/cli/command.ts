// Runs the `hydra-kanidm` command as a user would, through bin/hydra-kanidm.js, and makes
// scratch folders inside the repository, where configs can import "hydra-kanidm" by name.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));

const BIN = join(REPOSITORY, "bin/hydra-kanidm.js");

/** What one run of the command did. */
export interface CommandRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `hydra-kanidm args...` in `cwd` (the repository root unless given). */
export function hydraKanidm(args: readonly string[], cwd = REPOSITORY): CommandRun {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  if (run.error !== undefined) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * A fresh folder under the repository's ignored tmp/: a config there resolves
 * "hydra-kanidm" to this package, as one in a clone of it does.
 */
export function scratchFolder(prefix: string): string {
  const parent = join(REPOSITORY, "tmp");
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, `${prefix}-`));
}
