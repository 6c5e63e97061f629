// services.hydra-oidc on its own: a provider that is not Kanidm, given by endpoints (ners) or
// by a discovery URL (pr1568), through the pure functions and Config::General.
import { beforeAll, describe, expect, it } from "vitest";
import { parseHydraConf } from "../support/config-general.js";
import { evalLibrary, message, type Outcome } from "./library.js";

const PROVIDER = "https://id.example.org/realms/ci/protocol/openid-connect";

/** hydra-oidc settings as a user writes them for a generic provider, per flavour. */
const SETTINGS = `
  base = {
    providerName = "Company-SSO";
    clientId = "hydra-ci";
    clientSecretFile = "/run/secrets/hydra-oidc";
    secretIncludeFile = null;
    scopes = [ "openid" "email" "profile" "roles" ];
    passwordLogin = true;
    authorizationEndpoint = null;
    tokenEndpoint = null;
    userinfoEndpoint = null;
    discoveryUrl = null;
    roleMapping = { };
  };
  ners = base // {
    flavour = "ners";
    authorizationEndpoint = "${PROVIDER}/auth";
    tokenEndpoint = "${PROVIDER}/token";
    userinfoEndpoint = "${PROVIDER}/userinfo";
    roleMapping = {
      ci-admins = [ "admin" ];
      "ci developers#1" = [ "bump-to-front" ];
      ci-developers = [ "restart-jobs" "cancel-build" ];
    };
  };
  pr1568 = base // {
    flavour = "pr1568";
    discoveryUrl = "https://id.example.org/realms/ci/.well-known/openid-configuration";
  };`;

interface Flavours {
  readonly ners: { readonly conf: string; readonly checks: Outcome };
  readonly pr1568: { readonly conf: string; readonly checks: Outcome };
  readonly nersFixed: { readonly conf: string; readonly checks: Outcome };
}

let results: Flavours;

beforeAll(() => {
  results = evalLibrary(`
let
  ${SETTINGS}
  render = s: {
    conf =
      if (oidcChecks s).failed == [ ]
      then lib.hydraConf.oidcSection "services.hydra-oidc" s
      else "";
    checks = oidcChecks s;
  };
  fixed = ners // { roleMapping = builtins.removeAttrs ners.roleMapping [ "ci developers#1" ]; };
in
{
  ners = render ners;
  pr1568 = render pr1568;
  nersFixed = render fixed;
}`) as Flavours;
});

describe("services.hydra-oidc with hand-given endpoints (ners)", () => {
  it("refuses a groups claim value that cannot be a hydra.conf key", () => {
    expect(results.ners.checks.failed).toEqual([
      message("confKey", {
        option: "services.hydra-oidc.roleMapping",
        value: JSON.stringify("ci developers#1"),
      }),
    ]);
    expect(results.ners.conf).toBe("");
  });

  it("writes the endpoints, the menu label and the mapping Config::General reads back", () => {
    expect(results.nersFixed.checks).toEqual({ failed: [], warnings: [] });
    const conf = results.nersFixed.conf.replace(/^include .*$/m, "");
    expect(parseHydraConf(conf)).toEqual({
      enable_hydra_login: "1",
      enable_oidc_login: "1",
      oidc_client_id: "hydra-ci",
      oidc_scope: "openid email profile roles",
      oidc_auth_uri: `${PROVIDER}/auth`,
      oidc_token_uri: `${PROVIDER}/token`,
      oidc_userinfo_uri: `${PROVIDER}/userinfo`,
      oidc_name: "Company-SSO",
      oidc_role_mapping: {
        "ci-admins": "admin",
        "ci-developers": ["restart-jobs", "cancel-build"],
      },
    });
    expect(results.nersFixed.conf).toContain("\ninclude /run/hydra-oidc/client-secret.conf\n");
  });
});

describe("services.hydra-oidc with a discovery URL (pr1568)", () => {
  it("writes one provider block with the extra scopes and the run-time secret file", () => {
    expect(results.pr1568.checks).toEqual({ failed: [], warnings: [] });
    expect(parseHydraConf(results.pr1568.conf)).toEqual({
      oidc: {
        provider: {
          "Company-SSO": {
            display_name: "Company-SSO",
            discovery_url: "https://id.example.org/realms/ci/.well-known/openid-configuration",
            client_id: "hydra-ci",
            client_secret_file: "/run/hydra-oidc/client-secret",
            extra_scopes: "roles",
          },
        },
      },
    });
  });
});
