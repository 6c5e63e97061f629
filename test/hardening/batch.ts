// Judges many hydra-oidc cases at once: one nix-instantiate run checks and renders them all,
// one Perl run reads every rendered section back with Config::General, as Hydra would.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { evalNixJson } from "../support/nix.js";
import type { ResolvedOptions } from "../../src/config/option-kinds.js";

/** The generated pure library, as Nix imports it. */
export const LIBRARY = fileURLToPath(new URL("../../nix/lib", import.meta.url)).replace(/\/$/, "");

/** The include line every section with a client secret file holds; /run may not exist here. */
export const RUNTIME_INCLUDE = "include /run/hydra-oidc/client-secret.conf";

/**
 * Where a test's own include files live, in the settings; the reader puts its temporary
 * directory there, so a hostile file name is read by Config::General as Hydra would read it.
 */
export const INCLUDE_DIR = "/hydra-kanidm-include-dir/";

/** What the stand-in include files give Config::General. */
export const INCLUDED_SECRET = "included-secret-stand-in";

/** services.hydra-oidc settings, as the pure functions take them. */
export interface OidcSettings {
  readonly flavour: "ners" | "pr1568";
  readonly providerName: string;
  readonly clientId: string;
  readonly clientSecretFile: string | null;
  readonly secretIncludeFile: string | null;
  readonly scopes: readonly string[];
  readonly authorizationEndpoint: string | null;
  readonly tokenEndpoint: string | null;
  readonly userinfoEndpoint: string | null;
  readonly discoveryUrl: string | null;
  readonly roleMapping: Readonly<Record<string, readonly string[]>>;
  readonly passwordLogin: boolean;
}

/** services.hydra-kanidm settings, as the pure functions take them. */
export type KanidmSettings = Omit<ResolvedOptions, "enable">;

/**
 * A case: hydra-oidc settings checked and rendered as they are, or hydra-kanidm settings
 * checked, turned into hydra-oidc settings by `lib.kanidm.oidcSettings`, checked and rendered.
 */
export type Case =
  | { readonly via: "oidc"; readonly settings: OidcSettings }
  | { readonly via: "kanidm"; readonly settings: KanidmSettings };

/** What Nix made of a case. */
export type Outcome =
  | { readonly kind: "refused"; readonly messages: readonly string[] }
  | { readonly kind: "text"; readonly text: string }
  /** The checks passed, yet `oidcSection` threw: a refusal in the wrong place. */
  | { readonly kind: "threw" }
  /** The checks themselves threw. */
  | { readonly kind: "checksThrew" };

/** What Config::General made of one file. */
export interface Reading {
  readonly config: Record<string, unknown> | null;
  readonly warnings: readonly string[];
  readonly error: string | null;
}

// tryEval only keeps one throwing case from hiding the verdicts on the others; a case that
// throws is reported as such, never counted as refused.
function batchExpr(casesFile: string): string {
  return `let
  lib = import ${LIBRARY};
  cases = builtins.fromJSON (builtins.readFile ${JSON.stringify(casesFile)});
  forced = value: builtins.deepSeq value value;
  judge =
    case:
    let
      kanidm = case.via == "kanidm";
      oidc = if kanidm then lib.kanidm.oidcSettings case.settings else case.settings;
      kanidmChecks = lib.checks.hydraKanidm "services.hydra-kanidm" case.settings;
      checks =
        (if kanidm then kanidmChecks.assertions else [ ])
        ++ (lib.checks.hydraOidc "services.hydra-oidc" oidc).assertions;
      failed = builtins.tryEval (forced (lib.checks.failures checks));
      section = builtins.tryEval (forced (lib.hydraConf.oidcSection "services.hydra-oidc" oidc));
    in
    if !failed.success then
      { checksThrew = true; }
    else if failed.value != [ ] then
      { refused = failed.value; }
    else if section.success then
      { text = section.value; }
    else
      { threw = true; };
in
map judge cases
`;
}

/** Runs `use` on a fresh temporary directory, then removes it. */
export function withTempDir<T>(prefix: string, use: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Checks and renders every case in one nix-instantiate run. */
export function judgeCases(cases: readonly Case[]): Outcome[] {
  return withTempDir("hydra-kanidm-cases-", (dir) => {
    const casesFile = join(dir, "cases.json");
    writeFileSync(casesFile, JSON.stringify(cases));
    const raw = evalNixJson(batchExpr(casesFile)) as Record<string, unknown>[];
    return raw.map((result): Outcome => {
      if (typeof result.text === "string") return { kind: "text", text: result.text };
      if (Array.isArray(result.refused)) {
        return { kind: "refused", messages: result.refused as string[] };
      }
      if (result.threw === true) return { kind: "threw" };
      return { kind: "checksThrew" };
    });
  });
}

/** Nix's own message when one case is rendered without the safety net; for reports. */
export function renderError(testCase: Case): string {
  try {
    withTempDir("hydra-kanidm-case-", (dir) => {
      const file = join(dir, "case.json");
      writeFileSync(file, JSON.stringify(testCase));
      evalNixJson(`let
  lib = import ${LIBRARY};
  case = builtins.fromJSON (builtins.readFile ${JSON.stringify(file)});
  oidc = if case.via == "kanidm" then lib.kanidm.oidcSettings case.settings else case.settings;
in
lib.hydraConf.oidcSection "services.hydra-oidc" oidc
`);
    });
    return "(no error)";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Reads every text as hydra.conf in one Perl run. The runtime include line and include lines
 * under INCLUDE_DIR point at stand-ins holding `oidc_client_secret = ${INCLUDED_SECRET}`.
 */
export function readSections(texts: readonly string[]): Reading[] {
  if (texts.length === 0) return [];
  return withTempDir("hydra-kanidm-confs-", (dir) => {
    const standInText = `oidc_client_secret = ${INCLUDED_SECRET}\n`;
    const standIn = (name: string): string => {
      // Only a plain name inside the temporary directory; anything else stays unreadable.
      if (name.includes("/") || name === "" || name === "." || name === "..") return name;
      writeFileSync(join(dir, name), standInText);
      return join(dir, name);
    };
    const redirected = (line: string): string => {
      if (line === RUNTIME_INCLUDE) return `include ${standIn("client-secret.conf")}`;
      const prefix = `include ${INCLUDE_DIR}`;
      return line.startsWith(prefix) ? `include ${standIn(line.slice(prefix.length))}` : line;
    };
    const files = texts.map((text, index) => {
      const file = join(dir, `case-${index}.conf`);
      writeFileSync(file, text.split("\n").map(redirected).join("\n"));
      return file;
    });
    const script = fileURLToPath(new URL("./config-general-batch.pl", import.meta.url));
    const run = spawnSync("perl", [script, ...files], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error !== undefined || run.status !== 0) {
      throw new Error(`perl failed: ${run.error?.message ?? run.stderr}`);
    }
    return JSON.parse(run.stdout) as Reading[];
  });
}
