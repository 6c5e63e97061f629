// A trailing slash on hydraUrl or kanidmUrl still gives clean redirect and endpoint URLs.
import { beforeAll, describe, expect, it } from "vitest";
import { evalLibrary, message, shown, type Outcome } from "./library.js";

interface Client {
  readonly originUrl: string;
  readonly originLanding: string;
}

interface Endpoints {
  readonly authorizationEndpoint: string | null;
  readonly tokenEndpoint: string | null;
  readonly userinfoEndpoint: string | null;
  readonly discoveryUrl: string | null;
}

interface UrlResults {
  readonly slashedHydra: Client & { readonly checks: Outcome };
  readonly slashedHydraPr1568: Client;
  readonly hydraUnderPath: Client;
  readonly slashedKanidm: Endpoints & { readonly conf: string; readonly checks: Outcome };
  readonly slashedKanidmPr1568: Endpoints;
}

let results: UrlResults;

beforeAll(() => {
  results = evalLibrary(`
let
  client = s: {
    inherit ((lib.kanidm.provision s).systems.oauth2.hydra) originUrl originLanding;
  };
  endpoints = s: {
    inherit (lib.kanidm.oidcSettings s)
      authorizationEndpoint tokenEndpoint userinfoEndpoint discoveryUrl;
  };
  slashedHydra = scenario // { hydraUrl = "https://hydra.example.com/"; };
  slashedKanidm = scenario // { kanidmUrl = "https://sso.example.com/"; };
in
{
  slashedHydra = client slashedHydra // { checks = kanidmChecks slashedHydra; };
  slashedHydraPr1568 = client (slashedHydra // { flavour = "pr1568"; });
  hydraUnderPath = client (scenario // { hydraUrl = "https://example.com/hydra/"; });
  slashedKanidm = endpoints slashedKanidm // {
    conf = lib.hydraConf.oidcSection "services.hydra-oidc" (lib.kanidm.oidcSettings slashedKanidm);
    checks = kanidmChecks slashedKanidm;
  };
  slashedKanidmPr1568 = endpoints (slashedKanidm // { flavour = "pr1568"; });
}`) as UrlResults;
});

describe("a trailing slash on hydraUrl", () => {
  it("gives the /oidc-login redirect without a double slash, and the landing URL", () => {
    expect(results.slashedHydra).toEqual({
      originUrl: "https://hydra.example.com/oidc-login",
      originLanding: "https://hydra.example.com/",
      checks: { failed: [], warnings: [] },
    });
  });

  it("gives the pr1568 callback without a double slash", () => {
    expect(results.slashedHydraPr1568).toEqual({
      originUrl: "https://hydra.example.com/oidc-callback/Kanidm",
      originLanding: "https://hydra.example.com/",
    });
  });

  it("keeps the path of a Hydra served below the root", () => {
    expect(results.hydraUnderPath).toEqual({
      originUrl: "https://example.com/hydra/oidc-login",
      originLanding: "https://example.com/hydra/",
    });
  });
});

describe("a trailing slash on kanidmUrl", () => {
  it("gives clean ners endpoints in the settings and in hydra.conf", () => {
    const { conf, checks, ...endpoints } = results.slashedKanidm;

    expect(endpoints).toEqual({
      authorizationEndpoint: "https://sso.example.com/ui/oauth2",
      tokenEndpoint: "https://sso.example.com/oauth2/token",
      userinfoEndpoint: "https://sso.example.com/oauth2/openid/hydra/userinfo",
      discoveryUrl: null,
    });
    expect(
      conf.split("\n").filter((line) => line.startsWith("oidc_") && line.includes("_uri")),
    ).toEqual([
      "oidc_auth_uri = https://sso.example.com/ui/oauth2",
      "oidc_token_uri = https://sso.example.com/oauth2/token",
      "oidc_userinfo_uri = https://sso.example.com/oauth2/openid/hydra/userinfo",
    ]);
    expect(checks).toEqual({ failed: [], warnings: [] });
  });

  it("gives a clean pr1568 discovery URL", () => {
    expect(results.slashedKanidmPr1568).toEqual({
      authorizationEndpoint: null,
      tokenEndpoint: null,
      userinfoEndpoint: null,
      discoveryUrl: "https://sso.example.com/oauth2/openid/hydra/.well-known/openid-configuration",
    });
  });
});

describe("plain http", () => {
  it("warns for a public host and stays quiet for localhost", () => {
    const checks = (url: string) =>
      evalLibrary(`kanidmChecks (scenario // { hydraUrl = "${url}"; })`) as Outcome;

    expect(checks("http://hydra.example.com")).toEqual({
      failed: [],
      warnings: [
        message("urlPlainHttp", {
          option: "services.hydra-kanidm.hydraUrl",
          value: shown("http://hydra.example.com"),
        }),
      ],
    });
    expect(checks("http://localhost:3000")).toEqual({ failed: [], warnings: [] });
  });
});

describe("hosts and sections", () => {
  it("keeps the brackets of an IPv6 host and drops the port of any host", () => {
    expect(
      evalLibrary(`[
        (lib.strings.hostOf "http://[::1]:80/")
        (lib.strings.hostOf "https://sso.example.com:8443/x")
        (lib.strings.hostOf "sso.example.com")
      ]`),
    ).toEqual(["[::1]", "sso.example.com", null]);
  });

  it("counts flat keys with their mapping block as one OIDC section, extra blocks apart", () => {
    const ours = "enable_oidc_login = 1\n<oidc_role_mapping>\n</oidc_role_mapping>\n";
    const extraBlock = "<oidc_role_mapping>\n  a@b = admin\n</oidc_role_mapping>\n";
    const provider = "<oidc>\n  <provider x>\n  </provider>\n</oidc>\n";
    expect(
      evalLibrary(`map lib.checks.sectionCount [
        ${JSON.stringify(ours)}
        ${JSON.stringify(ours + extraBlock)}
        ${JSON.stringify(ours + provider)}
        ""
      ]`),
    ).toEqual([1, 2, 2, 0]);
  });
});
