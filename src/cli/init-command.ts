// `hydra-kanidm init [file]`: writes the starter config, never over an existing file.

import { randomBytes } from "node:crypto";
import { linkSync, rmSync, writeFileSync } from "node:fs";
import { STARTER_CONFIG } from "./starter-config.js";
import { EXIT, INIT_HELP, parseCommand, UsageError } from "./usage.js";

const DEFAULT_FILE = "hydra-kanidm.config.ts";

/**
 * Writes `text` to `file` only if no file is there. The text goes to a temporary file first
 * and is hard-linked into place: the link fails when the name is taken, and a reader never
 * sees half a file.
 */
function createWhole(file: string, text: string): void {
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(temporary, text, { flag: "wx" });
  try {
    linkSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export async function initCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, {});
  if (values.help === true) {
    process.stdout.write(INIT_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 1) {
    throw new UsageError(`init takes one file, got ${positionals.length}`);
  }
  const file = positionals[0] ?? DEFAULT_FILE;

  try {
    createWhole(file, STARTER_CONFIG);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    console.error(
      code === "EEXIST"
        ? `${file} already exists; nothing written. Name another file: hydra-kanidm init other.ts`
        : `${file}: cannot be written: ${message}`,
    );
    return EXIT.refused;
  }
  console.log(`wrote ${file}`);
  console.log(`next: edit it, then run npx hydra-kanidm generate ${file} -o sso.nix`);
  return EXIT.ok;
}
