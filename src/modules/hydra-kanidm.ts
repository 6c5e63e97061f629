// The modules of services.hydra-kanidm: the shared options (nix/modules/options.nix), the
// Hydra half, the Kanidm half, and `default`, which imports both for a single host.

import {
  attrset,
  binding,
  call,
  hasAttr,
  ifThenElse,
  list,
  op,
  path,
  ref as v,
  select,
  type NixExpr,
} from "../nix/index.js";
import { mkDefault, mkIf, nixosModule } from "../nixos/index.js";
import { declareOptions } from "./options/declare.js";
import { readOptions } from "./options/schema.js";
import type { NixFile } from "./lib/shared.js";
import { LIBRARY } from "./files.js";

const OPTION = "services.hydra-kanidm";
const GENERATED = "Generated from src/modules/hydra-kanidm.ts by `npm run build:nix`; do not edit.";

/**
 * The Kanidm server of this host under either option name: nixpkgs renamed
 * `enableServer`/`serverSettings` to `server.enable`/`server.settings` in 2026.
 */
const kanidmServer = ifThenElse(
  hasAttr(select(v("options.services"), "kanidm", attrset()), "server"),
  attrset({
    enable: v("config.services.kanidm.server.enable"),
    settings: v("config.services.kanidm.server.settings"),
  }),
  attrset({
    enable: select(v("config.services.kanidm"), "enableServer", false),
    settings: select(v("config.services.kanidm"), "serverSettings", attrset()),
  }),
);

/** Defaults taken from what this host runs; the TSDoc `@defaultText` describes each. */
const computedDefaults: Record<string, NixExpr> = {
  hydraUrl: ifThenElse(
    select(v("options.services"), ["hydra", "hydraURL", "isDefined"], false),
    v("config.services.hydra.hydraURL"),
    null,
  ),
  kanidmUrl: ifThenElse(v("server.enable"), select(v("server.settings"), "origin", null), null),
  kanidmDomain: ifThenElse(
    op("&&", v("server.enable"), op("!=", select(v("server.settings"), "domain", null), null)),
    v("server.settings.domain"),
    ifThenElse(
      op("==", v("cfg.kanidmUrl"), null),
      null,
      call("hydraKanidm.strings.hostOf", v("cfg.kanidmUrl")),
    ),
  ),
  loginGroups: call("builtins.attrNames", v("cfg.roles")),
};

const commonLet = [
  binding("cfg", v("config.services.hydra-kanidm")),
  binding("hydraKanidm", call("import", path(LIBRARY))),
];

/** The options both halves read, and the checks of them, declared once. */
function optionsModule(): NixFile {
  return {
    path: "modules/options.nix",
    header:
      "The options of services.hydra-kanidm, shared by the Hydra and Kanidm halves.\n" + GENERATED,
    expr: nixosModule({
      args: ["config", "lib", "options"],
      let: [
        ...commonLet,
        binding("checks", call("hydraKanidm.checks.hydraKanidm", OPTION, v("cfg"))),
        binding("server", kanidmServer, {
          comment: "nixpkgs renamed enableServer and serverSettings in 2026; read either.",
        }),
      ],
      options: {
        at: ["services", "hydra-kanidm"],
        declarations: declareOptions(readOptions("HydraKanidmOptions"), computedDefaults),
      },
      config: mkIf(
        v("cfg.enable"),
        attrset({ assertions: v("checks.assertions"), warnings: v("checks.warnings") }),
      ),
    }),
  };
}

/** The Hydra half: services.hydra-oidc pointed at the Kanidm client. */
function hydraModule(): NixFile {
  return {
    path: "modules/hydra.nix",
    header: `The Hydra half of single sign-on through Kanidm.\n${GENERATED}`,
    expr: nixosModule({
      args: ["config", "lib"],
      let: [
        ...commonLet,
        binding("checks", call("hydraKanidm.checks.hydraKanidm", OPTION, v("cfg"))),
      ],
      imports: [path("./options.nix"), path("./hydra-oidc.nix")],
      config: mkIf(
        v("cfg.enable"),
        attrset([
          binding(
            ["services", "hydra-oidc"],
            op(
              "//",
              call("hydraKanidm.kanidm.oidcSettings", v("cfg")),
              attrset({
                enable: true,
                // Our checks name the options the user set; say each problem once.
                reportChecks: ifThenElse(
                  op("==", call("hydraKanidm.checks.failures", v("checks.assertions")), list([])),
                  "assertions",
                  "none",
                ),
              }),
            ),
          ),
        ]),
      ),
    }),
  };
}

/** The Kanidm half: the groups and the OAuth2 client, and what provisioned persons reveal. */
function kanidmModule(): NixFile {
  return {
    path: "modules/kanidm.nix",
    header:
      "The Kanidm half of single sign-on for Hydra: groups and the OAuth2 client.\n" + GENERATED,
    expr: nixosModule({
      args: ["config", "lib"],
      let: [
        ...commonLet,
        binding("provisioned", v("config.services.kanidm.provision")),
        binding(
          "personChecks",
          call(
            "hydraKanidm.checks.persons",
            v("cfg"),
            select(v("provisioned"), "persons", attrset()),
            select(v("provisioned"), "groups", attrset()),
          ),
        ),
      ],
      imports: [path("./options.nix")],
      config: mkIf(
        v("cfg.enable"),
        attrset([
          binding("assertions", v("personChecks.assertions")),
          binding("warnings", v("personChecks.warnings")),
          binding(
            ["services", "kanidm", "provision"],
            op(
              "//",
              call("hydraKanidm.kanidm.provision", v("cfg")),
              attrset({ enable: mkDefault(true) }),
            ),
          ),
        ]),
      ),
    }),
  };
}

const defaultModule: NixFile = {
  path: "modules/default.nix",
  header: `Both halves, for Hydra and Kanidm on one host.\n${GENERATED}`,
  expr: attrset({ imports: list([path("./hydra.nix"), path("./kanidm.nix")]) }),
};

/** Every module file of services.hydra-kanidm. */
export function hydraKanidmModules(): NixFile[] {
  return [optionsModule(), hydraModule(), kanidmModule(), defaultModule];
}
