// Writes the printed provisioning tree, the module-like trees and the generated files into a
// directory, so the bytes before and after a printer change can be compared with `diff -r`.

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatedFiles } from "../src/generate.js";
import { printNix, toNixExpr } from "../src/nix/index.js";
import { moduleLikeTrees } from "./module-like.js";
import { provisioningTree } from "./provisioning.js";

const dir = process.argv[2];
if (dir === undefined) {
  console.error("usage: tsx bench/snapshot.ts <output directory>");
  process.exit(2);
}
mkdirSync(dir, { recursive: true });

const files: Record<string, string> = {};
for (const persons of [2_000, 20_000]) {
  files[`provision-${persons}.nix`] = printNix(toNixExpr(provisioningTree(persons)));
}
for (const [name, tree] of Object.entries(moduleLikeTrees())) {
  files[name] = printNix(tree);
  files[name.replace(/\.nix$/, "-width-40.nix")] = printNix(tree, { width: 40 });
}

// The real modules, flattened to one directory; their text holds the printed Nix.
for (const file of generatedFiles())
  files[`generated-${file.path.replaceAll("/", "-")}`] = file.text;

for (const [name, text] of Object.entries(files)) {
  writeFileSync(join(dir, name), text);
  console.log(`${name}: ${text.length} bytes`);
}
