// The modules under nixpkgs' real lib.evalModules with stub options; needs NIXPKGS_LIB.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evalNixJson } from "../support/nix.js";
import {
  REPO_ROOT,
  SCENARIO_NERS_CONF,
  SCENARIO_PR1568_CONF,
  SCENARIO_ROLES_NIX,
  message,
} from "./library.js";

const NIXPKGS_LIB = process.env.NIXPKGS_LIB;

if (!NIXPKGS_LIB) {
  console.warn(
    "SKIPPED: nixos-eval tests need NIXPKGS_LIB=<path to nixpkgs lib> " +
      "(a nixpkgs checkout's lib folder); the NixOS module system did not run.",
  );
}

interface Host {
  readonly provision: unknown;
  readonly extraConfig: string;
  readonly failed: readonly string[];
  readonly warnings: readonly string[];
  readonly units: unknown;
}

interface Results {
  readonly script: string;
  readonly oneHost: Host;
  readonly oneHostOldNames: Host;
  readonly hydraHost: Host;
  readonly kanidmHost: Host;
  readonly pr1568: Host;
  readonly handWrittenMapping: Host;
  readonly handWrittenFlatKeys: Host;
  readonly pathLiteral: { readonly failed: readonly string[] };
}

/** The nixpkgs options our modules read or write, declared as nixpkgs does (new names). */
const STUB_OPTIONS = `
  freeform = lib.types.submodule { freeformType = lib.types.attrsOf lib.types.anything; };
  option = type: lib.mkOption { inherit type; };
  withDefault = type: default: lib.mkOption { inherit type default; };
  commonOptions = {
    assertions = withDefault (lib.types.listOf lib.types.unspecified) [ ];
    warnings = withDefault (lib.types.listOf lib.types.str) [ ];
    systemd.services = withDefault (lib.types.attrsOf lib.types.anything) { };
    services.hydra = {
      enable = withDefault lib.types.bool false;
      hydraURL = option lib.types.str;
      extraConfig = withDefault lib.types.lines "";
    };
    services.kanidm.provision = withDefault freeform { };
  };
  stub = {
    options = lib.recursiveUpdate commonOptions {
      services.kanidm.server = {
        enable = withDefault lib.types.bool false;
        settings = withDefault freeform { };
      };
    };
  };
  # NixOS 25.11 names: enableServer and serverSettings.
  oldStub = {
    options = lib.recursiveUpdate commonOptions {
      services.kanidm = {
        enableServer = withDefault lib.types.bool false;
        serverSettings = withDefault freeform { };
      };
    };
  };`;

/** The scenario host and its parts, set the way a NixOS user would. */
const HOSTS = `
  hydra = {
    services.hydra = {
      enable = true;
      hydraURL = "https://hydra.example.com";
    };
  };
  kanidmServer = {
    enable = true;
    settings = {
      origin = "https://sso.example.com";
      domain = "sso.example.com";
    };
  };
  person = {
    services.kanidm.provision.persons.somebody = {
      displayName = "Somebody";
      mailAddresses = [ "somebody@example.com" ];
      groups = [ "hydra.admins" "hydra.users" ];
    };
  };
  sso = extra: {
    services.hydra-kanidm = {
      enable = true;
      clientSecretFile = "/run/secrets/hydra-oidc";
      roles = ${SCENARIO_ROLES_NIX};
      loginGroups = [ "hydra.users" ];
    } // extra;
  };
  oneHost = [
    hydra
    { services.kanidm.server = kanidmServer; }
    person
  ];`;

/**
 * `body` evaluated with the stub, the hosts and helpers bound: `configOf stub modules` is the
 * config of a host, `host stub modules` its summary.
 */
function nixosExpr(nixpkgsLib: string, body: string): string {
  return `
let
  lib = import ${nixpkgsLib};
  modules = ${REPO_ROOT}/nix/modules;
  ${STUB_OPTIONS}
  ${HOSTS}
  configOf = stub: hostModules:
    (lib.evalModules {
      modules = [ stub ] ++ hostModules;
      specialArgs.pkgs.bash = "/bash";
    }).config;
  failedOf = config:
    map (check: check.message) (lib.filter (check: !check.assertion) config.assertions);
  summary = config: {
    provision = config.services.kanidm.provision;
    extraConfig = config.services.hydra.extraConfig;
    failed = failedOf config;
    warnings = config.warnings;
    units = config.systemd.services;
  };
  host = stub: hostModules: summary (configOf stub hostModules);
in
${body}
`;
}

/** Every host of the tests in one nix-instantiate run; `secret` is a path literal. */
function allHosts(secret: string): string {
  return `{
  script = "\${${REPO_ROOT}/nix/lib/write-secret.sh}";
  oneHost = host stub ([ (modules + "/default.nix") (sso { }) ] ++ oneHost);
  oneHostOldNames = host oldStub [
    (modules + "/default.nix")
    (sso { })
    hydra
    { services.kanidm = { enableServer = true; serverSettings = kanidmServer.settings; }; }
    person
  ];
  hydraHost = host stub [
    (modules + "/hydra.nix")
    (sso {
      kanidmUrl = "https://sso.example.com";
      kanidmDomain = "sso.example.com";
    })
    hydra
  ];
  kanidmHost = host stub [
    (modules + "/kanidm.nix")
    (sso { hydraUrl = "https://hydra.example.com"; })
    { services.kanidm.server = kanidmServer; }
    person
  ];
  pr1568 = host stub ([ (modules + "/default.nix") (sso { flavour = "pr1568"; }) ] ++ oneHost);
  handWrittenMapping = host stub ([
    (modules + "/default.nix")
    (sso { })
    {
      services.hydra.extraConfig = ''
        <oidc_role_mapping>
          hydra.admins@sso.example.com = admin
        </oidc_role_mapping>
      '';
    }
  ] ++ oneHost);
  handWrittenFlatKeys = host stub ([
    (modules + "/default.nix")
    (sso { })
    { services.hydra.extraConfig = "enable_oidc_login = 1"; }
  ] ++ oneHost);
  pathLiteral = {
    failed = failedOf (configOf stub ([
      (modules + "/default.nix")
      (sso { clientSecretFile = ${secret}; })
    ] ++ oneHost));
  };
}`;
}

const SCENARIO_PROVISION = {
  enable: true,
  groups: { "hydra.admins": {}, "hydra.users": {} },
  persons: {
    somebody: {
      displayName: "Somebody",
      mailAddresses: ["somebody@example.com"],
      groups: ["hydra.admins", "hydra.users"],
    },
  },
  systems: {
    oauth2: {
      hydra: {
        allowInsecureClientDisablePkce: true,
        basicSecretFile: "/run/secrets/hydra-oidc",
        displayName: "Hydra",
        originLanding: "https://hydra.example.com/",
        originUrl: "https://hydra.example.com/oidc-login",
        preferShortUsername: true,
        scopeMaps: { "hydra.users": ["openid", "email", "profile", "groups"] },
      },
    },
  },
};

/** The secret unit, for the script at store path `script`. */
function secretUnit(script: string, format: string, target: string) {
  return {
    "hydra-oidc-secret": {
      description: "Copy the OIDC client secret where Hydra can read it",
      requiredBy: ["hydra-init.service"],
      before: ["hydra-init.service"],
      serviceConfig: {
        Type: "oneshot",
        RemainAfterExit: true,
        RuntimeDirectory: "hydra-oidc",
        RuntimeDirectoryMode: "0755",
        RuntimeDirectoryPreserve: true,
        ExecStart: [
          "/bash/bin/bash",
          script,
          format,
          "/run/secrets/hydra-oidc",
          target,
          "hydra",
          "hydra",
        ].join(" "),
      },
    },
  };
}

function twoSections(count: number): string {
  return message("twoOidcSections", { count: String(count) });
}

describe.skipIf(!NIXPKGS_LIB)("the modules under the NixOS module system", () => {
  const secretDir = mkdtempSync(join(tmpdir(), "hydra-kanidm-nixos-"));
  const missingSecret = `${secretDir}/hydra-secret`;
  const nixpkgsLib = resolve(NIXPKGS_LIB ?? "");
  let results: Results;

  beforeAll(() => {
    results = evalNixJson(nixosExpr(nixpkgsLib, allHosts(missingSecret))) as Results;
  });

  afterAll(() => {
    rmSync(secretDir, { recursive: true, force: true });
  });

  it("provisions the scenario with URLs and domain taken from services.hydra and kanidm", () => {
    expect(results.oneHost.provision).toEqual(SCENARIO_PROVISION);
    expect(results.oneHost.extraConfig).toBe(SCENARIO_NERS_CONF);
  });

  it("fails no assertion and warns of nothing for the scenario", () => {
    expect(results.oneHost.failed).toEqual([]);
    expect(results.oneHost.warnings).toEqual([]);
  });

  it("adds a oneshot unit copying the secret into an include file before hydra-init", () => {
    expect(results.script).toMatch(/^\/nix\/store\/[0-9a-z]{32}-write-secret\.sh$/);
    expect(results.oneHost.units).toEqual(
      secretUnit(results.script, "conf", "/run/hydra-oidc/client-secret.conf"),
    );
  });

  it("gives the same result with the old enableServer and serverSettings names", () => {
    expect(results.oneHostOldNames).toEqual(results.oneHost);
  });

  it("splits across a Hydra host and a Kanidm host sharing the settings", () => {
    expect(results.hydraHost).toEqual({
      provision: {},
      extraConfig: SCENARIO_NERS_CONF,
      failed: [],
      warnings: [],
      units: results.oneHost.units,
    });
    expect(results.kanidmHost).toEqual({
      provision: SCENARIO_PROVISION,
      extraConfig: "",
      failed: [],
      warnings: [],
      units: {},
    });
  });

  it("doubles a % in the secret path, which systemd would read as a specifier", () => {
    const unit = evalNixJson(
      nixosExpr(
        nixpkgsLib,
        `(configOf stub ([
          (modules + "/default.nix")
          (sso { clientSecretFile = "/run/secrets/hydra%i"; })
        ] ++ oneHost)).systemd.services.hydra-oidc-secret.serviceConfig.ExecStart`,
      ),
    );
    // lib.escapeShellArg quotes the path or not depending on the nixpkgs version.
    expect(unit).toMatch(
      new RegExp(
        `^/bash/bin/bash ${results.script} conf '?/run/secrets/hydra%%i'? ` +
          "/run/hydra-oidc/client-secret.conf hydra hydra$",
      ),
    );
  });

  it("writes the pr1568 provider block and copies the bare secret for it", () => {
    expect(results.pr1568.extraConfig).toBe(SCENARIO_PR1568_CONF);
    expect(results.pr1568.units).toEqual(
      secretUnit(results.script, "raw", "/run/hydra-oidc/client-secret"),
    );
    expect(results.pr1568.failed).toEqual([]);
    expect(results.pr1568.warnings).toEqual([]);
  });

  it("refuses hand-written flat oidc keys next to ours as a second OIDC section", () => {
    expect(results.handWrittenFlatKeys.failed).toEqual([twoSections(2)]);
  });

  it("refuses a hand-written <oidc_role_mapping> block next to ours", () => {
    expect(results.handWrittenMapping.failed).toEqual([twoSections(2)]);
  });

  // hydra.conf is printed only when the checks pass, so reading config.assertions (which
  // counts the OIDC sections in it) cannot throw before this assertion is shown.
  it("refuses a group name with a space through its assertion, naming roles", () => {
    const failed = evalNixJson(
      nixosExpr(
        nixpkgsLib,
        `failedOf (configOf stub ([
          (modules + "/default.nix")
          (sso { roles."hydra admins" = [ "admin" ]; })
        ] ++ oneHost))`,
      ),
    );

    expect(failed).toContain(
      message("kanidmName", {
        option: "services.hydra-kanidm.roles",
        value: JSON.stringify("hydra admins"),
      }),
    );
  });

  describe("with a Nix path literal as clientSecretFile", () => {
    const pathLiteral = (option: string) =>
      message("secretPathLiteral", {
        option: `${option}.clientSecretFile`,
        value: missingSecret,
      });

    it("fails the assertion of the option the user set, once, showing the path", () => {
      // services.hydra-oidc holds the same value, but stays quiet while ours fails.
      expect(results.pathLiteral.failed).toEqual([pathLiteral("services.hydra-kanidm")]);
    });

    it.each([
      ["services.kanidm.provision", "services.hydra-kanidm"],
      ["systemd.services", "services.hydra-oidc"],
      ["services.hydra.extraConfig", null],
    ])("never copies the secret when %s is evaluated", (attribute, refusedBy) => {
      const expr = nixosExpr(
        nixpkgsLib,
        `(configOf stub ([
          (modules + "/default.nix")
          (sso { clientSecretFile = ${missingSecret}; })
        ] ++ oneHost)).${attribute}`,
      );
      let outcome: unknown;
      let stderr = "";
      try {
        outcome = evalNixJson(expr);
      } catch (error) {
        stderr = (error as Error).message;
      }

      // A copy would fail on the missing file ("getting status") or show a store path.
      expect(stderr).not.toContain("getting status");
      expect(JSON.stringify(outcome) ?? "").not.toContain("/nix/store");
      if (refusedBy === null) {
        // A refused setting prints no OIDC section at all; the assertions say why.
        expect(outcome).toBe("");
      } else {
        expect(stderr).toContain(pathLiteral(refusedBy));
      }
    });
  });
});
