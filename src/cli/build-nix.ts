// `npm run build:nix`: prints every generated file and writes those that changed, all or
// nothing, one line per file written and a summary.

import { fileURLToPath } from "node:url";
import { generatedFiles } from "../generate.js";
import { writeAll } from "./write-files.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

function main(): number {
  let files;
  try {
    files = generatedFiles().map((file) => ({
      ...file,
      ...(file.path.endsWith(".sh") ? { mode: 0o755 } : {}),
    }));
  } catch (error) {
    console.error(`build:nix: nothing written: ${(error as Error).message}`);
    return 1;
  }

  const outcomes = writeAll(root, files);
  for (const outcome of outcomes) {
    if (outcome.changed) console.log(`wrote ${outcome.path}`);
  }
  const written = outcomes.filter((outcome) => outcome.changed).length;
  console.log(`build:nix: ${written} written, ${outcomes.length - written} unchanged`);
  return 0;
}

process.exitCode = main();
