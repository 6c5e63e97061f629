// Writes a set of files all or nothing: every text is ready before the first write, each
// goes to a temporary file beside its target, and only then are they renamed into place.

import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** A file to write, relative to a root folder. */
export interface FileToWrite {
  readonly path: string;
  readonly text: string;
  /** File mode, e.g. 0o755 for scripts; 0o644 when absent. */
  readonly mode?: number;
}

/** What a write did to one file. */
export interface WriteOutcome {
  readonly path: string;
  readonly changed: boolean;
}

function currentText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Writes the files that differ from what is on disk. A failure before the renames removes
 * every temporary file and leaves the targets as they were; renames are the last step and
 * each is atomic.
 */
export function writeAll(root: string, files: readonly FileToWrite[]): WriteOutcome[] {
  const outcomes = files.map((file) => ({
    file,
    target: join(root, file.path),
    changed: currentText(join(root, file.path)) !== file.text,
  }));
  const staged: { temporary: string; target: string }[] = [];

  try {
    for (const { file, target, changed } of outcomes) {
      if (!changed) continue;
      mkdirSync(dirname(target), { recursive: true });
      const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      staged.push({ temporary, target });
      writeFileSync(temporary, file.text, { mode: file.mode ?? 0o644 });
    }
  } catch (error) {
    for (const { temporary } of staged) rmSync(temporary, { force: true });
    throw error;
  }

  for (const { temporary, target } of staged) renameSync(temporary, target);
  return outcomes.map(({ file, changed }) => ({ path: file.path, changed }));
}
