// The FACTS.md scenario as Nix settings, and real-Nix evaluation against nix/lib with it.
import { fileURLToPath } from "node:url";
import { textMessage, type MessageId } from "../../src/modules/messages.js";
import { evalNixExprJson } from "../support/nix.js";

/** The repository root, absolute, with no trailing slash. */
export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url)).replace(/\/$/, "");

/** The generated pure library, as Nix imports it. */
export const LIBRARY = `${REPO_ROOT}/nix/lib`;

/** The scenario's Kanidm groups and the Hydra roles each one maps. */
export const SCENARIO_ROLES_NIX = `{
      "hydra.admins" = [ "admin" "bump-to-front" ];
      "hydra.users" = [ "cancel-build" "eval-jobset" "create-projects" "restart-jobs" ];
    }`;

/** The complete services.hydra-kanidm settings of the scenario, as the pure functions take them. */
export const SCENARIO_NIX = `{
    hydraUrl = "https://hydra.example.com";
    kanidmUrl = "https://sso.example.com";
    kanidmDomain = "sso.example.com";
    clientId = "hydra";
    displayName = "Hydra";
    clientSecretFile = "/run/secrets/hydra-oidc";
    roles = ${SCENARIO_ROLES_NIX};
    loginGroups = [ "hydra.users" ];
    scopes = [ "openid" "email" "profile" "groups" ];
    passwordLogin = false;
    preferShortUsername = true;
    providerName = "Kanidm";
    flavour = "ners";
  }`;

/**
 * A Nix expression with `lib` (nix/lib), `scenario` (the settings above) and helpers bound:
 * `kanidmChecks s` and `oidcChecks o` give `{ failed; warnings; }` for settings `s` of
 * services.hydra-kanidm and `o` of services.hydra-oidc; `oidc` is the scenario's hydra-oidc
 * settings.
 */
export function libraryExpr(body: string): string {
  return `let
  lib = import ${LIBRARY};
  scenario = ${SCENARIO_NIX};
  oidc = lib.kanidm.oidcSettings scenario;
  outcome = checks: {
    failed = lib.checks.failures checks.assertions;
    warnings = checks.warnings;
  };
  kanidmChecks = s: outcome (lib.checks.hydraKanidm "services.hydra-kanidm" s);
  oidcChecks = o: outcome (lib.checks.hydraOidc "services.hydra-oidc" o);
in
${body}
`;
}

/** Evaluates `body` (see `libraryExpr`) strictly and returns it as JSON. */
export function evalLibrary(body: string): unknown {
  return evalNixExprJson(libraryExpr(body));
}

/** A message of src/modules/messages.ts with its slots filled. */
export function message(id: MessageId, slots: Readonly<Record<string, string>>): string {
  return textMessage(id, slots);
}

/** A value as the Nix messages show it: JSON-quoted. */
export function shown(value: string): string {
  return JSON.stringify(value);
}

/** What the checks of one set of settings gave. */
export interface Outcome {
  readonly failed: readonly string[];
  readonly warnings: readonly string[];
}

/** The scenario's hydra.conf section with the pr1568 flavour, as the library prints it. */
export const SCENARIO_PR1568_CONF = [
  "# OpenID Connect login, written by hydra-kanidm (pr1568 flavour).",
  "<oidc>",
  "  <provider Kanidm>",
  "    display_name = Kanidm",
  "    discovery_url = " +
    "https://sso.example.com/oauth2/openid/hydra/.well-known/openid-configuration",
  "    client_id = hydra",
  "    client_secret_file = /run/hydra-oidc/client-secret",
  "    extra_scopes = groups",
  "  </provider>",
  "</oidc>",
  "",
].join("\n");

/** The scenario's hydra.conf section with the ners flavour, as the library prints it. */
export const SCENARIO_NERS_CONF = [
  "# OpenID Connect login, written by hydra-kanidm (ners flavour).",
  "enable_hydra_login = 0",
  "enable_oidc_login = 1",
  "oidc_client_id = hydra",
  "oidc_scope = openid email profile groups",
  "oidc_auth_uri = https://sso.example.com/ui/oauth2",
  "oidc_token_uri = https://sso.example.com/oauth2/token",
  "oidc_userinfo_uri = https://sso.example.com/oauth2/openid/hydra/userinfo",
  "oidc_name = Kanidm",
  "include /run/hydra-oidc/client-secret.conf",
  "<oidc_role_mapping>",
  "  hydra.admins@sso.example.com = admin",
  "  hydra.admins@sso.example.com = bump-to-front",
  "  hydra.users@sso.example.com = cancel-build",
  "  hydra.users@sso.example.com = eval-jobset",
  "  hydra.users@sso.example.com = create-projects",
  "  hydra.users@sso.example.com = restart-jobs",
  "</oidc_role_mapping>",
  "",
].join("\n");
