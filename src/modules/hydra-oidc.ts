// nix/modules/hydra-oidc.nix: OIDC login for Hydra with any provider. It writes one OIDC
// section into services.hydra.extraConfig and a oneshot unit that copies the client secret
// to /run before hydra-init.service, so the secret never enters the Nix store.

import {
  attrset,
  binding,
  call,
  ifThenElse,
  list,
  op,
  path,
  ref as v,
  string,
  toNixExpr,
  type NixExpr,
} from "../nix/index.js";
import { SECRET_INCLUDE_FILE, SECRET_RAW_FILE, SECRET_UNIT } from "../hydra/conf.js";
import { nixosModule, mkIf, mkMerge, mkOption, assertion, types } from "../nixos/index.js";
import { nixMessage } from "./messages.js";
import { declareOptions } from "./options/declare.js";
import { readOptions } from "./options/schema.js";
import { builtin, type NixFile } from "./lib/shared.js";
import { LIBRARY, SECRET_SCRIPT_PATH } from "./files.js";

const OPTION = "services.hydra-oidc";

/** `bash write-secret.sh FORMAT SOURCE DEST hydra hydra`, as systemd's ExecStart. */
const secretCommand = string(
  v("pkgs.bash"),
  "/bin/bash ",
  path(SECRET_SCRIPT_PATH),
  " ",
  v("secretCopy.format"),
  " ",
  // systemd reads % as a specifier even inside quotes, so it is doubled.
  builtin(
    "replaceStrings",
    list([string("%")]),
    list([string("%%")]),
    call(
      "lib.escapeShellArg",
      call(
        "hydraKanidm.strings.secretFile",
        `${OPTION}.clientSecretFile`,
        v("cfg.clientSecretFile"),
      ),
    ),
  ),
  " ",
  v("secretCopy.target"),
  " hydra hydra",
);

/** `pr1568` reads the bare secret itself; `ners` takes it from an included hydra.conf line. */
const secretCopy = ifThenElse(
  op("==", v("cfg.flavour"), "pr1568"),
  attrset({ format: "raw", target: SECRET_RAW_FILE }),
  attrset({ format: "conf", target: SECRET_INCLUDE_FILE }),
);

const secretUnit = attrset([
  binding("description", "Copy the OIDC client secret where Hydra can read it"),
  // hydra.conf includes the copy and Hydra stops when an include is missing, so Hydra
  // starts only after a copy succeeded, and restarting this unit restarts Hydra too.
  binding("requiredBy", list(["hydra-init.service"])),
  binding("before", list(["hydra-init.service"])),
  binding(
    "serviceConfig",
    attrset({
      Type: "oneshot",
      RemainAfterExit: true,
      RuntimeDirectory: "hydra-oidc",
      RuntimeDirectoryMode: "0755",
      RuntimeDirectoryPreserve: true,
      ExecStart: secretCommand,
    }),
  ),
]);

/**
 * services.hydra-kanidm checks the settings it derives these from, with messages naming the
 * options the user set; it sets this so the same mistake is not reported twice.
 */
const reportChecksOption = mkOption({
  type: types.enum(["all", "assertions", "none"]),
  default: toNixExpr("all"),
  internal: true,
  description:
    "Which of its checks this module reports: services.hydra-kanidm reports its own " +
    "warnings, and its assertions while any of them fails.",
});

const config = mkIf(
  v("cfg.enable"),
  mkMerge([
    attrset([
      binding(
        "assertions",
        op(
          "++",
          ifThenElse(op("==", v("cfg.reportChecks"), "none"), list([]), v("checks.assertions")),
          list([
            assertion(
              op("<=", v("sections"), 1),
              nixMessage("twoOidcSections", { count: call("toString", v("sections")) }),
            ),
          ]),
        ),
      ),
      binding(
        "warnings",
        ifThenElse(op("==", v("cfg.reportChecks"), "all"), v("checks.warnings"), list([])),
      ),
      binding(
        ["services", "hydra", "extraConfig"],
        // Only a section that passed the checks is printed, so that a refused value
        // shows its assertion rather than a throw from deep inside the text.
        ifThenElse(
          op("==", call("hydraKanidm.checks.failures", v("checks.assertions")), list([])),
          call("hydraKanidm.hydraConf.oidcSection", OPTION, v("cfg")),
          "",
        ),
      ),
    ]),
    mkIf(
      op("!=", v("cfg.clientSecretFile"), null),
      attrset([binding(["systemd", "services", SECRET_UNIT], secretUnit)]),
    ),
  ]),
);

/** The module file, printed from the option interface and the config above. */
export function hydraOidcModule(): NixFile {
  return {
    path: "modules/hydra-oidc.nix",
    header:
      "OpenID Connect login for Hydra with any identity provider (services.hydra-oidc).\n" +
      "Generated from src/modules/hydra-oidc.ts by `npm run build:nix`; do not edit.",
    expr: nixosModule({
      args: ["config", "lib", "pkgs"],
      let: [
        binding("cfg", v("config.services.hydra-oidc")),
        binding("hydraKanidm", call("import", path(LIBRARY))),
        binding("checks", call("hydraKanidm.checks.hydraOidc", OPTION, v("cfg"))),
        binding(
          "sections",
          call("hydraKanidm.checks.sectionCount", v("config.services.hydra.extraConfig")),
        ),
        binding("secretCopy", secretCopy),
      ],
      options: {
        at: ["services", "hydra-oidc"],
        declarations: declareOptions(readOptions("HydraOidcOptions"), {}, [
          binding("reportChecks", reportChecksOption, { blankLineBefore: true }),
        ]),
      },
      config,
    }),
  };
}
