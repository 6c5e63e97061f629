// `hydra-kanidm generate <config> [-o file]`: a host's NixOS module from its TypeScript
// config, printed or written whole, and nothing at all when the config has an error.

import { statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { hostModuleText } from "../config/host-module.js";
import type { HostConfig } from "../config/host-config.js";
import { loadConfig } from "../config/load-config.js";
import { validateConfig } from "../config/validate-config.js";
import { EXIT, GENERATE_HELP, parseCommand, UsageError } from "./usage.js";
import { writeAll } from "./write-files.js";

/** Refuses a config path that names nothing, or a folder. */
function checkConfigPath(file: string): void {
  let found;
  try {
    found = statSync(file);
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  if (found.isDirectory()) throw new UsageError(`${file} is a directory, not a config file`);
}

/**
 * Refuses an output the module must not replace: a folder (no file can be renamed over it)
 * or the config itself, under any name (a symbolic or hard link has the config's inode).
 */
function checkOutputPath(file: string, output: string): void {
  let target;
  try {
    target = statSync(output);
  } catch {
    // Nothing there (or nothing reachable): the write creates it or says why it cannot.
    return;
  }
  if (target.isDirectory()) {
    const example = join(output, "sso.nix");
    throw new UsageError(`-o ${output} is a directory; name the file to write, e.g. -o ${example}`);
  }
  const config = statSync(file);
  if (target.dev === config.dev && target.ino === config.ino) {
    throw new UsageError(
      `-o ${output} names the config file ${file}; ` +
        "write the module to another file, e.g. -o sso.nix",
    );
  }
}

/** The summary under a refused config's errors, which are printed one per line above it. */
function nothingWritten(file: string, errors: number): number {
  console.error(`generate: nothing written: ${errors} error${errors === 1 ? "" : "s"} in ${file}`);
  return EXIT.refused;
}

export async function generateCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, {
    output: { type: "string", short: "o" },
  });
  if (values.help === true) {
    process.stdout.write(GENERATE_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    throw new UsageError(`generate takes one config file, got ${positionals.length}`);
  }
  const file = positionals[0]!;
  const output = values.output as string | undefined;
  checkConfigPath(file);
  if (output !== undefined) checkOutputPath(file, output);

  const loaded = await loadConfig(file);
  if (!loaded.ok) {
    console.error(`${file}: error: ${loaded.reason}`);
    return nothingWritten(file, 1);
  }
  const problems = validateConfig(loaded.config, file);
  for (const problem of problems) console.error(`${file}: ${problem.kind}: ${problem.message}`);
  const errors = problems.filter((problem) => problem.kind === "error").length;
  if (errors > 0) return nothingWritten(file, errors);

  // The file name alone: a path would lead nowhere once the module is moved or committed.
  const text = hostModuleText(loaded.config as HostConfig, basename(file));
  if (output === undefined) {
    process.stdout.write(text);
    return EXIT.ok;
  }
  try {
    const [outcome] = writeAll(dirname(resolve(output)), [{ path: basename(output), text }]);
    console.log(outcome!.changed ? `wrote ${output}` : `${output} is up to date`);
  } catch (error) {
    console.error(`${output}: error: cannot be written: ${(error as Error).message}`);
    return EXIT.refused;
  }
  return EXIT.ok;
}
