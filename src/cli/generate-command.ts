// `hydra-kanidm generate <config> [-o file]`: a host's NixOS module from its TypeScript
// config, printed or written whole, and nothing at all when the config has an error.

import { existsSync } from "node:fs";
import { basename, dirname, relative, resolve, sep } from "node:path";
import { hostModuleText } from "../config/host-module.js";
import type { HostConfig } from "../config/host-config.js";
import { loadConfig } from "../config/load-config.js";
import { validateConfig } from "../config/validate-config.js";
import { EXIT, GENERATE_HELP, parseCommand, UsageError } from "./usage.js";
import { writeAll } from "./write-files.js";

/** The config's path as seen from the folder the module lands in, so the header leads to it. */
function sourceName(config: string, output: string | undefined): string {
  const from = output === undefined ? process.cwd() : dirname(resolve(output));
  return relative(from, resolve(config)).split(sep).join("/");
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
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);

  const loaded = await loadConfig(file);
  if (!loaded.ok) {
    console.error(`${file}: ${loaded.reason}`);
    return EXIT.refused;
  }
  const problems = validateConfig(loaded.config, file);
  for (const problem of problems) console.error(`${file}: ${problem.kind}: ${problem.message}`);
  const errors = problems.filter((problem) => problem.kind === "error").length;
  if (errors > 0) {
    console.error(
      `generate: nothing written: ${errors} error${errors === 1 ? "" : "s"} in ${file}`,
    );
    return EXIT.refused;
  }

  const text = hostModuleText(loaded.config as HostConfig, sourceName(file, output));
  if (output === undefined) {
    process.stdout.write(text);
    return EXIT.ok;
  }
  try {
    const [outcome] = writeAll(dirname(resolve(output)), [{ path: basename(output), text }]);
    console.log(outcome!.changed ? `wrote ${output}` : `${output} is up to date`);
  } catch (error) {
    console.error(`${output}: cannot be written: ${(error as Error).message}`);
    return EXIT.refused;
  }
  return EXIT.ok;
}
