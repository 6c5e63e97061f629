// nix/lib/default.nix and the list of the library's files, in the order they are written.

import { attrset, binding } from "../../nix/index.js";
import { checksFile } from "./checks.js";
import { constantsFile } from "./constants.js";
import { hydraConfFile } from "./hydra-conf.js";
import { kanidmFile } from "./kanidm.js";
import { importSibling, type NixFile } from "./shared.js";
import { stringsFile } from "./strings.js";

const defaultFile: NixFile = {
  path: "lib/default.nix",
  header:
    "The pure functions behind the hydra-kanidm modules. They need only builtins, so plain\n" +
    "Nix can evaluate them: `import ./nix/lib`.",
  expr: attrset([
    binding("constants", importSibling("constants.nix")),
    binding("strings", importSibling("strings.nix")),
    binding("hydraConf", importSibling("hydra-conf.nix")),
    binding("kanidm", importSibling("kanidm.nix")),
    binding("checks", importSibling("checks.nix")),
  ]),
};

/** Every file of nix/lib. */
export const libraryFiles: readonly NixFile[] = [
  defaultFile,
  constantsFile,
  stringsFile,
  hydraConfFile,
  kanidmFile,
  checksFile,
];

export type { NixFile };
