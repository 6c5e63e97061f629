// The client secret never enters an evaluated value or the Nix store: a secret file given as a
// string stays a path string, and a Nix path literal is refused before anything copies it.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textMessage } from "../../src/modules/messages.js";
import { evalNixExprJson } from "../support/nix.js";
import { LIBRARY } from "./batch.js";

const MODULES = LIBRARY.replace(/\/lib$/, "/modules");

const NIXPKGS_LIB = process.env.NIXPKGS_LIB;

if (!NIXPKGS_LIB) {
  console.warn(
    "SKIPPED: the secret-store tests of the NixOS modules need NIXPKGS_LIB=<nixpkgs lib folder> " +
      "(a nixpkgs checkout's lib folder); only the pure library was checked.",
  );
}

/** The FACTS.md scenario as services.hydra-kanidm settings; `secret` is Nix source. */
function scenario(secret: string, flavour: string): string {
  return `{
    hydraUrl = "https://hydra.example.com";
    kanidmUrl = "https://sso.example.com";
    kanidmDomain = "sso.example.com";
    clientId = "hydra";
    displayName = "Hydra";
    clientSecretFile = ${secret};
    roles = {
      "hydra.admins" = [ "admin" "bump-to-front" ];
      "hydra.users" = [ "cancel-build" "eval-jobset" "create-projects" "restart-jobs" ];
    };
    loginGroups = [ "hydra.users" ];
    scopes = [ "openid" "email" "profile" "groups" ];
    passwordLogin = false;
    preferShortUsername = true;
    providerName = "Kanidm";
    flavour = "${flavour}";
  }`;
}

/** `body` with `lib` (nix/lib) and `settings flavour` (the scenario with `secret`) bound. */
function libraryExpr(secret: string, body: string): string {
  return `let
  lib = import ${LIBRARY};
  settings = flavour: ${scenario(secret, "${flavour}")};
  failed = s:
    lib.checks.failures (
      (lib.checks.hydraKanidm "services.hydra-kanidm" s).assertions
      ++ (lib.checks.hydraOidc "services.hydra-oidc" (lib.kanidm.oidcSettings s)).assertions
    );
in
${body}
`;
}

/** Every string in a JSON value, keys included. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsIn(inner)]);
}

/** Nix's message when evaluating `expr` fails; fails the test when it does not. */
function evalError(expr: string): string {
  try {
    evalNixExprJson(expr);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("evaluation succeeded, but it had to fail");
}

const STORE_PATH = /\/nix\/store\/[0-9a-z]{32}-[^\s'"]*/g;

let dir = "";
let secretFile = "";
let secret = "";
/** Where a copy of the secret file would land; read-only evaluation computes it, never writes. */
let secretStorePath = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hydra-kanidm-secret-"));
  secret = `hydra-kanidm-secret-${randomBytes(24).toString("hex")}`;
  secretFile = join(dir, "client-secret");
  writeFileSync(secretFile, `${secret}\n`, { mode: 0o600 });
  secretStorePath = evalNixExprJson(`"\${${secretFile}}"`) as string;
});

afterAll(() => {
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

describe("a secret file given as a string", () => {
  it("stays a plain path in provision, settings and section, and its content stays out", () => {
    const result = evalNixExprJson(
      libraryExpr(
        JSON.stringify(secretFile),
        `builtins.listToAttrs (map (flavour: {
  name = flavour;
  value = rec {
    s = settings flavour;
    provision = lib.kanidm.provision s;
    oidc = lib.kanidm.oidcSettings s;
    section = lib.hydraConf.oidcSection "services.hydra-oidc" oidc;
    failures = failed s;
  };
}) [ "ners" "pr1568" ])`,
      ),
    ) as Record<string, Record<string, unknown>>;

    const printed = JSON.stringify(result);
    expect(printed).not.toContain(secret);
    expect(printed).not.toContain("/nix/store/");
    for (const flavour of ["ners", "pr1568"]) {
      const run = result[flavour]!;
      expect(run.failures).toEqual([]);
      const client = (run.provision as { systems: { oauth2: Record<string, unknown> } }).systems
        .oauth2.hydra as Record<string, unknown>;
      expect(client.basicSecretFile).toBe(secretFile);
      expect((run.oidc as Record<string, unknown>).clientSecretFile).toBe(secretFile);
    }
    // Hydra reads the secret at run time, from a copy the unit writes under /run.
    expect(result.ners!.section).toContain("\ninclude /run/hydra-oidc/client-secret.conf\n");
    expect(result.pr1568!.section).toContain(
      "\n    client_secret_file = /run/hydra-oidc/client-secret\n",
    );
    // The path appears only as itself: settings, oidcSettings and provision of both flavours.
    const naming = stringsIn(result).filter((text) => text.includes("client-secret"));
    expect(naming.filter((text) => text.includes(dir))).toEqual(Array(6).fill(secretFile));
    expect(existsSync(secretStorePath)).toBe(false);
  });
});

describe("a secret file given as a Nix path literal", () => {
  const literalMessage = (option: string): string =>
    textMessage("secretPathLiteral", { option, value: secretFile });

  it("fails both sets of checks with the path-literal message, copying nothing", () => {
    const result = evalNixExprJson(
      libraryExpr(
        secretFile,
        `{ ners = failed (settings "ners"); pr1568 = failed (settings "pr1568"); }`,
      ),
    ) as Record<string, string[]>;

    for (const failures of Object.values(result)) {
      expect(failures).toEqual([
        literalMessage("services.hydra-kanidm.clientSecretFile"),
        literalMessage("services.hydra-oidc.clientSecretFile"),
      ]);
    }
    expect(JSON.stringify(result)).not.toContain("/nix/store/");
    // Read-only evaluation names the store path a copy would get without making the copy.
    expect(secretStorePath).toMatch(/^\/nix\/store\/[0-9a-z]{32}-client-secret$/);
    expect(existsSync(secretStorePath)).toBe(false);
  });

  it("makes lib.kanidm.provision throw that message in read-only mode, not a store error", () => {
    for (const flavour of ["ners", "pr1568"]) {
      const error = evalError(
        libraryExpr(secretFile, `lib.kanidm.provision (settings "${flavour}")`),
      );
      expect(error).toContain(`error: ${literalMessage("services.hydra-kanidm.clientSecretFile")}`);
      expect(error).not.toContain("/nix/store/");
      expect(error).not.toMatch(/is not valid|read-only|cannot open|while (copying|adding)/);
    }
    expect(existsSync(secretStorePath)).toBe(false);
  });
});

/** `body` with the NixOS modules evaluated by nixpkgs' lib over stub nixpkgs options. */
function modulesExpr(nixpkgsLib: string, secretNix: string, flavour: string, body: string): string {
  return `let
  lib = import ${nixpkgsLib};
  mkOpt = type: default: lib.mkOption { inherit type default; };
  freeform = lib.types.submodule { freeformType = lib.types.attrsOf lib.types.anything; };
  stub = {
    options = {
      assertions = mkOpt (lib.types.listOf lib.types.unspecified) [ ];
      warnings = mkOpt (lib.types.listOf lib.types.str) [ ];
      systemd.services = mkOpt (lib.types.attrsOf lib.types.anything) { };
      services.hydra = {
        enable = mkOpt lib.types.bool false;
        hydraURL = lib.mkOption { type = lib.types.str; };
        extraConfig = mkOpt lib.types.lines "";
      };
      services.kanidm.server = {
        enable = mkOpt lib.types.bool false;
        settings = mkOpt freeform { };
      };
      services.kanidm.provision = mkOpt freeform { };
    };
  };
  host = {
    services.hydra = {
      enable = true;
      hydraURL = "https://hydra.example.com";
    };
    services.kanidm.server = {
      enable = true;
      settings = {
        origin = "https://sso.example.com";
        domain = "sso.example.com";
      };
    };
    services.hydra-kanidm = {
      enable = true;
      flavour = "${flavour}";
      clientSecretFile = ${secretNix};
      roles = {
        "hydra.admins" = [ "admin" "bump-to-front" ];
        "hydra.users" = [ "cancel-build" "eval-jobset" "create-projects" "restart-jobs" ];
      };
      loginGroups = [ "hydra.users" ];
    };
  };
  config =
    (lib.evalModules {
      modules = [ stub ${MODULES}/default.nix host ];
      specialArgs.pkgs.bash = "/bash";
    }).config;
  failed = map (check: check.message) (lib.filter (check: !check.assertion) config.assertions);
in
${body}
`;
}

describe.skipIf(!NIXPKGS_LIB)("the NixOS modules under nixpkgs lib.evalModules", () => {
  const nixpkgsLib = NIXPKGS_LIB ?? "";

  it("keep the secret out of provision, hydra.conf and the units; store paths are scripts", () => {
    for (const flavour of ["ners", "pr1568"]) {
      const result = evalNixExprJson(
        modulesExpr(
          nixpkgsLib,
          JSON.stringify(secretFile),
          flavour,
          `{
  inherit failed;
  provision = config.services.kanidm.provision;
  extraConfig = config.services.hydra.extraConfig;
  units = config.systemd.services;
}`,
        ),
      ) as {
        failed: string[];
        provision: { systems: { oauth2: { hydra: { basicSecretFile: string } } } };
        extraConfig: string;
        units: { "hydra-oidc-secret": { serviceConfig: { ExecStart: string } } };
      };

      const printed = JSON.stringify(result);
      expect(result.failed).toEqual([]);
      expect(printed).not.toContain(secret);
      expect(result.provision.systems.oauth2.hydra.basicSecretFile).toBe(secretFile);
      expect(result.extraConfig).not.toContain(dir);
      const execStart = result.units["hydra-oidc-secret"].serviceConfig.ExecStart;
      // lib.escapeShellArg leaves a path of safe characters bare.
      expect(execStart.split(" ")).toContain(secretFile);
      // The one store path is the copying script; nothing of the secret is in the store.
      const storePaths = printed.match(STORE_PATH) ?? [];
      expect(storePaths.length).toBeGreaterThan(0);
      for (const path of storePaths) expect(path).toMatch(/-write-secret\.sh$/);
      expect(printed).not.toContain(secretStorePath);
    }
    expect(existsSync(secretStorePath)).toBe(false);
  });

  it("refuse a path literal by assertions, and never reach the path for provision or units", () => {
    const option = (name: string): string =>
      textMessage("secretPathLiteral", { option: name, value: secretFile });
    const failed = evalNixExprJson(modulesExpr(nixpkgsLib, secretFile, "ners", "failed"));
    // Reported once, for the option the user set; services.hydra-oidc stays quiet then.
    expect(failed).toEqual([option("services.hydra-kanidm.clientSecretFile")]);
    expect(JSON.stringify(failed)).not.toContain("/nix/store/");

    const provision = evalError(
      modulesExpr(nixpkgsLib, secretFile, "ners", "config.services.kanidm.provision"),
    );
    expect(provision).toContain(`error: ${option("services.hydra-kanidm.clientSecretFile")}`);
    const units = evalError(modulesExpr(nixpkgsLib, secretFile, "ners", "config.systemd.services"));
    expect(units).toContain(`error: ${option("services.hydra-oidc.clientSecretFile")}`);
    for (const error of [provision, units]) expect(error).not.toContain(secretStorePath);
    expect(existsSync(secretStorePath)).toBe(false);
  });
});
