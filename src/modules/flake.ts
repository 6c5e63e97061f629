// flake.nix: the modules as nixosModules.<name>, the pure library as lib, and a starter
// flake for `nix flake init -t`; no inputs.

import { attrset, binding, call, lambda, path, pattern } from "../nix/index.js";
import type { NixFile } from "./lib/shared.js";

/** The names under which the flake exposes each module file. */
export const FLAKE_MODULES = {
  default: "./nix/modules/default.nix",
  hydra: "./nix/modules/hydra.nix",
  kanidm: "./nix/modules/kanidm.nix",
  "hydra-oidc": "./nix/modules/hydra-oidc.nix",
} as const;

export const flakeFile: NixFile = {
  path: "../flake.nix",
  header:
    "Single sign-on for Hydra through Kanidm, as NixOS modules.\n" +
    "Generated from src/modules/flake.ts by `npm run build:nix`; do not edit.",
  expr: attrset([
    binding("description", "NixOS modules: Hydra single sign-on through Kanidm (OpenID Connect)"),
    binding(
      "outputs",
      lambda(
        pattern({ fields: ["self"], ellipsis: true }),
        attrset([
          binding(
            "nixosModules",
            attrset(Object.entries(FLAKE_MODULES).map(([name, file]) => binding(name, path(file)))),
          ),
          binding("lib", call("import", path("./nix/lib"))),
          binding(["templates", "default"], {
            path: path("./templates/default"),
            description: "A NixOS host running Hydra with single sign-on through Kanidm",
          }),
        ]),
      ),
      { blankLineBefore: true },
    ),
  ]),
};
