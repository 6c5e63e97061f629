// Every refusal and warning of nix/lib, judged by real Nix, with its exact message.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseHydraConf } from "../support/config-general.js";
import { evalLibrary, message, shown, type Outcome } from "./library.js";

const KANIDM = "services.hydra-kanidm";
const OIDC = "services.hydra-oidc";
const ROLES = "admin, create-projects, restart-jobs, bump-to-front, cancel-build, eval-jobset";

/** A fresh directory; the secret path inside it never exists, so a copy would fail loudly. */
const secretDir = mkdtempSync(join(tmpdir(), "hydra-kanidm-refusals-"));
const MISSING_SECRET = `${secretDir}/hydra-secret`;

/** Settings of services.hydra-oidc for pr1568, as the Hydra half derives them. */
const PR1568_OIDC = `(lib.kanidm.oidcSettings (scenario // { flavour = "pr1568"; }))`;

/** The scenario's two groups with one person each, so no group is emptied by provisioning. */
const GROUPS = `{ "hydra.admins" = { }; "hydra.users" = { }; }`;

function kanidmName(option: string, group: string): string {
  return message("kanidmName", { option: `${KANIDM}.${option}`, value: shown(group) });
}

function confValue(option: string, value: string, problem: string): string {
  return message("confValue", { option, value: shown(value), problem });
}

function providerName(option: string, value: string): string {
  return message("providerName", { option, value: shown(value) });
}

function failing(...failed: string[]): Outcome {
  return { failed, warnings: [] };
}

function warning(...warnings: string[]): Outcome {
  return { failed: [], warnings };
}

let outcomes: Record<string, Outcome>;

beforeAll(() => {
  outcomes = evalLibrary(`
let
  kanidm = changes: kanidmChecks (scenario // changes);
  hydraOidc = changes: oidcChecks (oidc // changes);
  pr1568 = changes: oidcChecks (${PR1568_OIDC} // changes);
  persons = changes: people:
    outcome (lib.checks.persons (scenario // changes) people ${GROUPS});
  twoGroups = {
    roles = {
      "hydra.admins" = [ "admin" ];
      "hydra.users" = [ "admin" "eval-jobset" ];
    };
  };
  inBoth = {
    both = {
      mailAddresses = [ "both@example.com" ];
      groups = [ "hydra.admins" "hydra.users" ];
    };
  };
in
{
  groupWithSpace = kanidm { roles."hydra admins" = [ "admin" ]; };
  groupWithUpperCase = kanidm { loginGroups = [ "Hydra.users" ]; };
  groupWithHash = kanidm { roles."hydra#admins" = [ "admin" ]; };
  groupWithNewline = kanidm { loginGroups = [ "hydra\\nusers" ]; };
  unknownRole = kanidm { roles."hydra.users" = [ "deploy" ]; };
  unknownRoleInMapping = hydraOidc { roleMapping."hydra.users@sso.example.com" = [ "deploy" ]; };
  pathLiteral = kanidm { clientSecretFile = ${MISSING_SECRET}; };
  pathLiteralInOidc = oidcChecks (lib.kanidm.oidcSettings (scenario // {
    clientSecretFile = ${MISSING_SECRET};
  }));
  pathLiteralConf = lib.hydraConf.oidcSection "${OIDC}" (lib.kanidm.oidcSettings (scenario // {
    clientSecretFile = ${MISSING_SECRET};
  }));
  relativeSecret = kanidm { clientSecretFile = "secrets/hydra-oidc"; };
  relativeSecretInOidc = hydraOidc { clientSecretFile = "secrets/hydra-oidc"; };
  hydraUrlWithoutScheme = kanidm { hydraUrl = "hydra.example.com"; };
  kanidmUrlWithoutScheme = kanidm { kanidmUrl = "sso.example.com"; };
  scopesWithoutOpenid = kanidm { scopes = [ "email" "profile" "groups" ]; };
  scopesWithoutEmail = kanidm { scopes = [ "openid" "profile" "groups" ]; };
  oidcScopesWithoutEmail = hydraOidc { scopes = [ "openid" "groups" ]; };
  roleFromTwoGroups = kanidm twoGroups;
  roleFromTwoGroupsInMapping = oidcChecks (lib.kanidm.oidcSettings (scenario // twoGroups));
  roleFromTwoGroupsWithPr1568 = kanidm (twoGroups // { flavour = "pr1568"; });
  clientIdIsGroup = kanidm { clientId = "hydra.users"; };
  commentInProviderName = hydraOidc { providerName = "Kan*/idm"; };
  newlineInProviderName = hydraOidc { providerName = "Kan\\nidm"; };
  pr1568ProviderWithSpace = kanidm { flavour = "pr1568"; providerName = "Kan idm"; };
  pr1568ProviderWithSlash = pr1568 { providerName = "kanidm/sso"; };
  pr1568ProviderWithAngle = pr1568 { providerName = "Kanidm>"; };
  roleMappingWithPr1568 = pr1568 { roleMapping."hydra.users@sso.example.com" = [ "admin" ]; };
  discoveryUrlWithNers = hydraOidc {
    discoveryUrl = "https://sso.example.com/oauth2/openid/hydra/.well-known/openid-configuration";
  };
  personWithoutMail = persons { } {
    somebody = {
      mailAddresses = [ "somebody@example.com" ];
      groups = [ "hydra.admins" ];
    };
    nomail.groups = [ "hydra.users" ];
  };
  personWithPlusMail = persons { } {
    plus = {
      mailAddresses = [ "some+body@example.com" "somebody@example.com" ];
      groups = [ "hydra.admins" "hydra.users" ];
    };
  };
  personInTwoGroupsOfOneRole = persons twoGroups inBoth;
  personInTwoGroupsWithPr1568 = persons (twoGroups // { flavour = "pr1568"; }) inBoth;
  groupsWithoutMembers = persons { } { };
}`) as Record<string, Outcome>;
});

afterAll(() => {
  rmSync(secretDir, { recursive: true, force: true });
});

describe("Kanidm names", () => {
  it("refuses a group name with a space, naming roles", () => {
    expect(outcomes.groupWithSpace).toEqual(failing(kanidmName("roles", "hydra admins")));
  });

  it("refuses a group name with upper case, naming loginGroups", () => {
    expect(outcomes.groupWithUpperCase).toEqual(failing(kanidmName("loginGroups", "Hydra.users")));
  });

  it("refuses a group name with #", () => {
    expect(outcomes.groupWithHash).toEqual(failing(kanidmName("roles", "hydra#admins")));
  });

  it("refuses a group name with a newline, showing it escaped", () => {
    expect(outcomes.groupWithNewline).toEqual(failing(kanidmName("loginGroups", "hydra\nusers")));
  });

  it("refuses a client id that is also a group name", () => {
    expect(outcomes.clientIdIsGroup).toEqual(
      failing(
        message("clientIsGroup", { option: `${KANIDM}.clientId`, value: shown("hydra.users") }),
      ),
    );
  });
});

describe("hydra.conf keys", () => {
  it.each([
    ["a space", "hydra admins"],
    ["a #", "hydra#admins"],
    ["a newline", "hydra\nadmins"],
  ])("throws when a mapped group name with %s reaches hydra.conf", (_, group) => {
    const settings = `scenario // { roles.${JSON.stringify(group)} = [ "admin" ]; }`;

    expect(() =>
      evalLibrary(`lib.hydraConf.oidcSection "${OIDC}" (lib.kanidm.oidcSettings (${settings}))`),
    ).toThrow(
      message("confKey", {
        option: `${OIDC}.roleMapping`,
        value: shown(`${group}@sso.example.com`),
      }),
    );
  });
});

describe("roles", () => {
  it("refuses an unknown role in roles and in roleMapping", () => {
    expect(outcomes.unknownRole).toEqual(
      failing(
        message("unknownRole", {
          option: `${KANIDM}.roles."hydra.users"`,
          value: shown("deploy"),
          roles: ROLES,
        }),
      ),
    );
    expect(outcomes.unknownRoleInMapping).toEqual(
      failing(
        message("unknownRole", {
          option: `${OIDC}.roleMapping."hydra.users@sso.example.com"`,
          value: shown("deploy"),
          roles: ROLES,
        }),
      ),
    );
  });

  it("throws when an unknown role reaches hydra.conf", () => {
    expect(() =>
      evalLibrary(
        `lib.hydraConf.oidcSection "${OIDC}" (oidc // {
          roleMapping."hydra.users@sso.example.com" = [ "deploy" ];
        })`,
      ),
    ).toThrow(
      message("unknownRole", {
        option: `${OIDC}.roleMapping."hydra.users@sso.example.com"`,
        value: shown("deploy"),
        roles: ROLES,
      }),
    );
  });

  it("refuses with ners a role reached from two groups, in roles and in roleMapping", () => {
    expect(outcomes.roleFromTwoGroups).toEqual(
      failing(
        message("roleFromTwoGroups", {
          option: `${KANIDM}.roles`,
          value: shown("admin"),
          groups: `${shown("hydra.admins")}, ${shown("hydra.users")}`,
        }),
      ),
    );
    expect(outcomes.roleFromTwoGroupsInMapping).toEqual(
      failing(
        message("roleFromTwoGroups", {
          option: `${OIDC}.roleMapping`,
          value: shown("admin"),
          groups: [
            shown("hydra.admins@sso.example.com"),
            shown("hydra.users@sso.example.com"),
          ].join(", "),
        }),
      ),
    );
  });

  it("accepts with pr1568 a role reached from two groups", () => {
    expect(outcomes.roleFromTwoGroupsWithPr1568).toEqual(failing());
  });
});

describe("the client secret file", () => {
  const pathLiteral = (option: string) =>
    message("secretPathLiteral", { option: `${option}.clientSecretFile`, value: MISSING_SECRET });

  it("refuses a Nix path literal, showing the path and not a store path", () => {
    expect(outcomes.pathLiteral).toEqual(failing(pathLiteral(KANIDM)));
    expect(outcomes.pathLiteralInOidc).toEqual(failing(pathLiteral(OIDC)));
  });

  it("writes hydra.conf for a path literal without copying the file", () => {
    expect(outcomes.pathLiteralConf).toContain("\ninclude /run/hydra-oidc/client-secret.conf\n");
  });

  it("throws, without copying, when a path literal reaches the Kanidm provisioning", () => {
    let stderr = "";
    try {
      evalLibrary(`lib.kanidm.provision (scenario // { clientSecretFile = ${MISSING_SECRET}; })`);
    } catch (error) {
      stderr = (error as Error).message;
    }

    expect(stderr).toContain(pathLiteral(KANIDM));
    expect(stderr).not.toContain("/nix/store");
    expect(stderr).not.toContain("getting status");
  });

  it("refuses a relative path", () => {
    const relative = (option: string) =>
      message("secretRelative", {
        option: `${option}.clientSecretFile`,
        value: shown("secrets/hydra-oidc"),
      });

    expect(outcomes.relativeSecret).toEqual(failing(relative(KANIDM)));
    expect(outcomes.relativeSecretInOidc).toEqual(failing(relative(OIDC)));
  });
});

describe("URLs and scopes", () => {
  it("refuses a hydraUrl or kanidmUrl without a scheme", () => {
    expect(outcomes.hydraUrlWithoutScheme).toEqual(
      failing(
        message("urlInvalid", {
          option: `${KANIDM}.hydraUrl`,
          value: shown("hydra.example.com"),
          example: "https://hydra.example.com",
        }),
      ),
    );
    expect(outcomes.kanidmUrlWithoutScheme).toEqual(
      failing(
        message("urlInvalid", {
          option: `${KANIDM}.kanidmUrl`,
          value: shown("sso.example.com"),
          example: "https://sso.example.com",
        }),
      ),
    );
  });

  it("refuses scopes lacking openid or email", () => {
    const lacks = (option: string, scope: string) =>
      message("scopeRequired", { option: `${option}.scopes`, value: shown(scope) });

    expect(outcomes.scopesWithoutOpenid).toEqual(failing(lacks(KANIDM, "openid")));
    expect(outcomes.scopesWithoutEmail).toEqual(failing(lacks(KANIDM, "email")));
    expect(outcomes.oidcScopesWithoutEmail).toEqual(failing(lacks(OIDC, "email")));
  });
});

describe("values written into hydra.conf", () => {
  const COMMENT = "holds /* or */, which Config::General reads as a C comment";
  const NEWLINE = "holds a line break or another control character";

  it("refuses a providerName holding */ or a newline", () => {
    expect(outcomes.commentInProviderName).toEqual(
      failing(confValue(`${OIDC}.providerName`, "Kan*/idm", COMMENT)),
    );
    expect(outcomes.newlineInProviderName).toEqual(
      failing(confValue(`${OIDC}.providerName`, "Kan\nidm", NEWLINE)),
    );
  });

  it.each([
    ["*/", "Kan*/idm", COMMENT],
    ["a newline", "Kan\\nidm", NEWLINE],
    ["<.../>", "<Kanidm/>", "ends in /> after a <, which Config::General reads as a block"],
  ])("throws when a providerName holding %s reaches oidcSection", (_, nixValue, problem) => {
    const value = JSON.parse(`"${nixValue}"`) as string;

    expect(() =>
      evalLibrary(
        `lib.hydraConf.oidcSection "${OIDC}" (oidc // { providerName = "${nixValue}"; })`,
      ),
    ).toThrow(confValue(`${OIDC}.providerName`, value, problem));
  });
});

describe("values Config::General must read back", () => {
  it("escapes #, $, \\ and quotes, and quotes outer spaces", () => {
    const values = ["Kanidm #1", " Kanidm ", 'say "hi"', "cost $5 \\ more", "x = y", "a<b>"];
    const lines = values.map(
      (value, index) =>
        `(lib.hydraConf.line "o" "k${index}" ${shown(value).replace(/\$/g, "\\$")})`,
    );
    const text = evalLibrary(`builtins.concatStringsSep "\\n" [ ${lines.join(" ")} ]`) as string;

    expect(text.split("\n")).toEqual([
      "k0 = Kanidm \\#1",
      'k1 = " Kanidm "',
      'k2 = say \\"hi\\"',
      "k3 = cost \\$5 \\\\ more",
      "k4 = x = y",
      "k5 = a<b>",
    ]);
    expect(parseHydraConf(text)).toEqual(
      Object.fromEntries(values.map((value, index) => [`k${index}`, value])),
    );
  });
});

describe("the pr1568 provider name", () => {
  it("refuses a space, a slash or a > in the name", () => {
    expect(outcomes.pr1568ProviderWithSpace).toEqual(
      failing(providerName(`${KANIDM}.providerName`, "Kan idm")),
    );
    expect(outcomes.pr1568ProviderWithSlash).toEqual(
      failing(providerName(`${OIDC}.providerName`, "kanidm/sso")),
    );
    expect(outcomes.pr1568ProviderWithAngle).toEqual(
      failing(providerName(`${OIDC}.providerName`, "Kanidm>")),
    );
  });

  it("throws when such a name reaches oidcSection", () => {
    expect(() =>
      evalLibrary(`lib.hydraConf.oidcSection "${OIDC}" (${PR1568_OIDC} // {
        providerName = "Kanidm>";
      })`),
    ).toThrow(providerName(`${OIDC}.providerName`, "Kanidm>"));
  });
});

describe("options of one flavour", () => {
  it("refuses roleMapping with pr1568 and discoveryUrl with ners", () => {
    expect(outcomes.roleMappingWithPr1568).toEqual(
      failing(message("flavourOnly", { option: `${OIDC}.roleMapping`, flavour: "ners" })),
    );
    expect(outcomes.discoveryUrlWithNers).toEqual(
      failing(message("flavourOnly", { option: `${OIDC}.discoveryUrl`, flavour: "pr1568" })),
    );
  });
});

describe("provisioned persons", () => {
  it("warns of a person in a login group without a mail address", () => {
    expect(outcomes.personWithoutMail).toEqual(
      warning(message("personWithoutMail", { person: "nomail", value: shown("hydra.users") })),
    );
  });

  it("warns of a person whose first mail address holds a +", () => {
    expect(outcomes.personWithPlusMail).toEqual(
      warning(message("personPlusMail", { person: "plus", value: shown("some+body@example.com") })),
    );
  });

  it("refuses with ners a person in two groups mapping the same role, naming the person", () => {
    expect(outcomes.personInTwoGroupsOfOneRole).toEqual(
      failing(
        message("personRoleTwice", {
          person: "both",
          groups: `${shown("hydra.admins")}, ${shown("hydra.users")}`,
          value: shown("admin"),
        }),
      ),
    );
    expect(outcomes.personInTwoGroupsWithPr1568).toEqual(failing());
  });

  it("warns of each group that provisioning would empty", () => {
    expect(outcomes.groupsWithoutMembers).toEqual(
      warning(
        message("groupEmptied", { value: shown("hydra.admins") }),
        message("groupEmptied", { value: shown("hydra.users") }),
      ),
    );
  });
});

describe("what the Hydra half derives, named by the option the user set", () => {
  it("refuses a kanidmUrl that hydra.conf cannot hold, as kanidmUrl", () => {
    const url = "https://sso.example.com/a*/b";
    expect(evalLibrary(`kanidmChecks (scenario // { kanidmUrl = "${url}"; })`)).toEqual(
      failing(
        confValue(
          `${KANIDM}.kanidmUrl`,
          url,
          "holds /* or */, which Config::General reads as a C comment",
        ),
      ),
    );
  });

  it("refuses a group whose mapping key would read as an include line, as roles", () => {
    expect(
      evalLibrary(`kanidmChecks (scenario // {
        roles = { "include.me" = [ "admin" ]; };
        loginGroups = [ "include.me" ];
      })`),
    ).toEqual(
      failing(
        message("confKey", {
          option: `${KANIDM}.roles`,
          value: shown("include.me@sso.example.com"),
        }),
      ),
    );
  });
});

describe("secret files", () => {
  it("warns of a secret that already lies in the Nix store", () => {
    const file = "/nix/store/0000000000000000000000000000000a-secret";
    expect(evalLibrary(`kanidmChecks (scenario // { clientSecretFile = "${file}"; })`)).toEqual(
      warning(
        message("secretInStore", { option: `${KANIDM}.clientSecretFile`, value: shown(file) }),
      ),
    );
  });

  it("refuses a secret path holding a line break", () => {
    expect(evalLibrary(`kanidmChecks (scenario // { clientSecretFile = "/run/a\\nb"; })`)).toEqual(
      failing(
        message("secretRelative", {
          option: `${KANIDM}.clientSecretFile`,
          value: shown("/run/a\nb"),
        }),
      ),
    );
  });
});
