// `hydra-kanidm check [--root dir]`: lists the generated files that are out of date, so a
// change to the generator cannot be committed without its output.

import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { staleFiles } from "./stale-files.js";
import { CHECK_HELP, EXIT, parseCommand, UsageError } from "./usage.js";

const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export async function checkCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { root: { type: "string" } });
  if (values.help === true) {
    process.stdout.write(CHECK_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`check takes no file, got ${positionals[0]}`);
  const root = (values.root as string | undefined) ?? REPOSITORY;
  // Without this, every generated file would be listed as missing.
  if (!isDirectory(root)) {
    throw new UsageError(`--root ${root} is not a directory`);
  }

  // Loaded here, not at the top: the generator reads the option interfaces with ts-morph,
  // which `generate` and `init` have no need to load.
  const { generatedFiles } = await import("../generate.js");
  let files;
  try {
    files = generatedFiles();
  } catch (error) {
    console.error(`check: the generator failed: ${(error as Error).message}`);
    return EXIT.refused;
  }

  const stale = staleFiles(root, files);
  for (const file of stale) console.error(`${file.reason}: ${file.path}`);
  if (stale.length > 0) {
    console.error(
      `check: ${stale.length} of ${files.length} generated files out of date; ` +
        "run `npm run build:nix` and commit",
    );
    return EXIT.refused;
  }
  console.log(`check: all ${files.length} generated files up to date`);
  return EXIT.ok;
}
