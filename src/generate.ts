// Every generated file as { path, text }, relative to the repository root; the build writes
// them and the checks compare them, so there is one list.

import { printNix } from "./nix/index.js";
import { SECRET_SCRIPT } from "./hydra/secret-script.js";
import { flakeFile } from "./modules/flake.js";
import { hydraKanidmModules } from "./modules/hydra-kanidm.js";
import { hydraOidcModule } from "./modules/hydra-oidc.js";
import { libraryFiles } from "./modules/lib/index.js";
import type { NixFile } from "./modules/lib/shared.js";
import { optionsMarkdown } from "./modules/options/docs.js";
import { errorsMarkdown } from "./modules/errors-doc.js";
import { posix } from "node:path";
import { checkedConfig } from "./config/validate-config.js";
import { hostModuleText } from "./config/host-module.js";
// The example configs import this package by name, and so index.ts and this file again; the
// cycle is safe because index.ts makes defineConfig ready before it reaches this file.
import { EXAMPLES, type Example } from "../examples/index.js";

/** A file the build writes. */
export interface GeneratedFile {
  /** Relative to the repository root, with `/` separators. */
  readonly path: string;
  readonly text: string;
}

function nixText(file: NixFile): GeneratedFile {
  const header = file.header
    .split("\n")
    .map((line) => `# ${line}`)
    .join("\n");
  const root = file.path.startsWith("../") ? file.path.slice(3) : `nix/${file.path}`;
  return { path: root, text: `${header}\n${printNix(file.expr)}` };
}

/** An example's module, refused when its config has an error. */
function exampleModule(example: Example): GeneratedFile {
  const source = posix.relative(posix.dirname(example.module), example.config);
  const host = checkedConfig(example.host, example.config);
  return { path: example.module, text: hostModuleText(host, source) };
}

/** All generated files, in a stable order. */
export function generatedFiles(): GeneratedFile[] {
  const nix = [...libraryFiles, hydraOidcModule(), ...hydraKanidmModules(), flakeFile];
  return [
    ...nix.map(nixText),
    { path: "nix/lib/write-secret.sh", text: SECRET_SCRIPT },
    { path: "docs/options.md", text: optionsMarkdown() },
    { path: "docs/errors.md", text: errorsMarkdown() },
    ...EXAMPLES.map(exampleModule),
  ];
}
