// The FACTS.md scenario: our provisioning and hydra.conf equal the write-up's hand-written setup.
import { beforeAll, describe, expect, it } from "vitest";
import { parseHydraConf } from "../support/config-general.js";
import { SCENARIO_NERS_CONF, SCENARIO_PR1568_CONF, evalLibrary, type Outcome } from "./library.js";

interface ScenarioResults {
  readonly provision: unknown;
  readonly conf: string;
  readonly kanidm: Outcome;
  readonly oidc: Outcome;
  readonly persons: Outcome;
  readonly handWritten: unknown;
  readonly ours: unknown;
  readonly pr1568: {
    readonly provision: unknown;
    readonly conf: string;
    readonly kanidm: Outcome;
    readonly oidc: Outcome;
  };
}

const SECRET_INCLUDE = "include /run/hydra-oidc/client-secret.conf";

const NO_COMPLAINT: Outcome = { failed: [], warnings: [] };

/** The Kanidm side as the write-up configures it by hand, person included. */
const HAND_WRITTEN_PROVISION = `{
    groups."hydra.admins" = { };
    groups."hydra.users" = { };
    persons.somebody = {
      displayName = "Somebody";
      mailAddresses = [ "somebody@example.com" ];
      groups = [ "hydra.admins" "hydra.users" ];
    };
    systems.oauth2.hydra = {
      displayName = "Hydra";
      allowInsecureClientDisablePkce = true;
      originUrl = "https://hydra.example.com/oidc-login";
      originLanding = "https://hydra.example.com/";
      basicSecretFile = "/run/secrets/hydra-oidc";
      preferShortUsername = true;
      scopeMaps."hydra.users" = [ "openid" "email" "profile" "groups" ];
    };
  }`;

/** The Hydra side as the write-up writes it by hand; `{secret}` is the include's target. */
const HAND_WRITTEN_HYDRA_CONF = [
  "enable_hydra_login = 0",
  "enable_oidc_login = 1",
  "oidc_client_id = hydra",
  "oidc_scope = openid email profile groups",
  "oidc_auth_uri = https://sso.example.com/ui/oauth2",
  "oidc_token_uri = https://sso.example.com/oauth2/token",
  "oidc_userinfo_uri = https://sso.example.com/oauth2/openid/hydra/userinfo",
  "include {secret}",
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

/**
 * Parses hydra.conf text with the secret include pointed at a temporary file holding a
 * known secret, as /run/hydra-oidc/client-secret.conf would at run time.
 */
function parseWithSecret(text: string): unknown {
  return parseHydraConf(
    (dir) => {
      const rewritten = text.replace(SECRET_INCLUDE, `include ${dir}/client-secret.conf`);
      if (rewritten === text) throw new Error(`no "${SECRET_INCLUDE}" line to rewrite`);
      return rewritten;
    },
    { files: { "client-secret.conf": 'oidc_client_secret = "s3cret"\n' } },
  );
}

let results: ScenarioResults;

beforeAll(() => {
  results = evalLibrary(`
let
  handWritten = ${HAND_WRITTEN_PROVISION};
  pr1568 = scenario // { flavour = "pr1568"; };
  pr1568Oidc = lib.kanidm.oidcSettings pr1568;
in
{
  provision = lib.kanidm.provision scenario;
  conf = lib.hydraConf.oidcSection "services.hydra-oidc" oidc;
  kanidm = kanidmChecks scenario;
  oidc = oidcChecks oidc;
  persons = outcome (lib.checks.persons scenario handWritten.persons handWritten.groups);
  inherit handWritten;
  ours = lib.kanidm.provision scenario // { inherit (handWritten) persons; };
  pr1568 = {
    provision = lib.kanidm.provision pr1568;
    conf = lib.hydraConf.oidcSection "services.hydra-oidc" pr1568Oidc;
    kanidm = kanidmChecks pr1568;
    oidc = oidcChecks pr1568Oidc;
  };
}`) as ScenarioResults;
});

describe("the FACTS.md scenario, ners flavour", () => {
  it("provisions the two groups and a PKCE-less client redirecting to /oidc-login", () => {
    expect(results.provision).toEqual({
      groups: { "hydra.admins": {}, "hydra.users": {} },
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
    });
  });

  it("writes flat oidc_* keys, the secret include and one role mapping block", () => {
    expect(results.conf).toBe(SCENARIO_NERS_CONF);
  });

  it("reads back through Config::General with the secret and a list of roles per group", () => {
    expect(parseWithSecret(results.conf)).toEqual({
      enable_hydra_login: "0",
      enable_oidc_login: "1",
      oidc_client_id: "hydra",
      oidc_client_secret: "s3cret",
      oidc_scope: "openid email profile groups",
      oidc_auth_uri: "https://sso.example.com/ui/oauth2",
      oidc_token_uri: "https://sso.example.com/oauth2/token",
      oidc_userinfo_uri: "https://sso.example.com/oauth2/openid/hydra/userinfo",
      oidc_name: "Kanidm",
      oidc_role_mapping: {
        "hydra.admins@sso.example.com": ["admin", "bump-to-front"],
        "hydra.users@sso.example.com": [
          "cancel-build",
          "eval-jobset",
          "create-projects",
          "restart-jobs",
        ],
      },
    });
  });

  it("provisions exactly what the hand-written setup does, once the person is added", () => {
    expect(results.ours).toEqual(results.handWritten);
  });

  it("gives Hydra what the hand-written hydra.conf does, plus the menu label oidc_name", () => {
    // The write-up leaves Hydra's menu label at its default; providerName = "Kanidm" sets it.
    const handWritten = parseWithSecret(
      HAND_WRITTEN_HYDRA_CONF.replace("{secret}", "/run/hydra-oidc/client-secret.conf"),
    );

    expect(parseWithSecret(results.conf)).toEqual({
      ...(handWritten as object),
      oidc_name: "Kanidm",
    });
  });

  it("fails no assertion and warns of nothing, for the settings or for the person", () => {
    expect(results.kanidm).toEqual(NO_COMPLAINT);
    expect(results.oidc).toEqual(NO_COMPLAINT);
    expect(results.persons).toEqual(NO_COMPLAINT);
  });
});

describe("the FACTS.md scenario, pr1568 flavour", () => {
  it("provisions a PKCE client with the /oidc-callback/Kanidm redirect and hydra_roles", () => {
    expect(results.pr1568.provision).toEqual({
      groups: { "hydra.admins": {}, "hydra.users": {} },
      systems: {
        oauth2: {
          hydra: {
            basicSecretFile: "/run/secrets/hydra-oidc",
            claimMaps: {
              hydra_roles: {
                joinType: "array",
                valuesByGroup: {
                  "hydra.admins": ["admin", "bump_to_front"],
                  "hydra.users": ["cancel_build", "eval_jobset", "create_projects", "restart_jobs"],
                },
              },
            },
            displayName: "Hydra",
            originLanding: "https://hydra.example.com/",
            originUrl: "https://hydra.example.com/oidc-callback/Kanidm",
            preferShortUsername: true,
            scopeMaps: { "hydra.users": ["openid", "email", "profile", "groups"] },
          },
        },
      },
    });
  });

  it("writes one <oidc> block with a Kanidm provider that Config::General reads back", () => {
    expect(results.pr1568.conf).toBe(SCENARIO_PR1568_CONF);
    expect(parseHydraConf(results.pr1568.conf)).toEqual({
      oidc: {
        provider: {
          Kanidm: {
            display_name: "Kanidm",
            discovery_url:
              "https://sso.example.com/oauth2/openid/hydra/.well-known/openid-configuration",
            client_id: "hydra",
            client_secret_file: "/run/hydra-oidc/client-secret",
            extra_scopes: "groups",
          },
        },
      },
    });
  });

  it("fails no assertion and warns of nothing", () => {
    expect(results.pr1568.kanidm).toEqual(NO_COMPLAINT);
    expect(results.pr1568.oidc).toEqual(NO_COMPLAINT);
  });
});
