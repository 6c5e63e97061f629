// Writes a set of files all or nothing: every text is ready before the first write, each
// goes to a temporary file beside its target, and only then are they renamed into place.
// A writer killed outright cannot clean up, so the next one removes what it left behind.

import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

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

/** `<target>.<pid>.<random>.tmp`: the pid tells a live writer's file from an abandoned one. */
const TEMPORARY = /^(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/;

function temporaryFor(target: string): string {
  return `${target}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temporaries of these targets whose writer no longer runs (killed before renaming). */
function removeAbandoned(targets: readonly string[]): void {
  const byFolder = new Map<string, Set<string>>();
  for (const target of targets) {
    const names = byFolder.get(dirname(target)) ?? new Set<string>();
    byFolder.set(dirname(target), names.add(basename(target)));
  }
  for (const [folder, names] of byFolder) {
    let entries: string[];
    try {
      entries = readdirSync(folder);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const match = TEMPORARY.exec(entry);
      if (match === null || !names.has(match[1]!)) continue;
      if (!isRunning(Number(match[2]))) rmSync(join(folder, entry), { force: true });
    }
  }
}

/**
 * Writes the files that differ from what is on disk. A failure before the renames removes
 * every temporary file and leaves the targets as they were; renames are the last step and
 * each is atomic, so even a writer killed outright leaves every target whole, old or new.
 * A failed rename removes the temporary files not yet renamed and throws its error.
 */
export function writeAll(root: string, files: readonly FileToWrite[]): WriteOutcome[] {
  const outcomes = files.map((file) => ({
    file,
    target: join(root, file.path),
    changed: currentText(join(root, file.path)) !== file.text,
  }));
  removeAbandoned(outcomes.map(({ target }) => target));
  const staged: { temporary: string; target: string }[] = [];

  try {
    for (const { file, target, changed } of outcomes) {
      if (!changed) continue;
      mkdirSync(dirname(target), { recursive: true });
      const temporary = temporaryFor(target);
      staged.push({ temporary, target });
      writeFileSync(temporary, file.text, { mode: file.mode ?? 0o644 });
    }
  } catch (error) {
    for (const { temporary } of staged) rmSync(temporary, { force: true });
    throw error;
  }

  // A rename that fails (the target became a folder, say) leaves the targets before it new
  // and the rest old; their temporary files must not stay behind.
  for (const [index, { temporary, target }] of staged.entries()) {
    try {
      renameSync(temporary, target);
    } catch (error) {
      for (const left of staged.slice(index)) rmSync(left.temporary, { force: true });
      throw error;
    }
  }
  return outcomes.map(({ file, changed }) => ({ path: file.path, changed }));
}
