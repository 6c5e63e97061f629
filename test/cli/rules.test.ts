// validateConfig against the NixOS modules' own checks: real Nix evaluates nix/lib/checks.nix
// on the same settings and must refuse and warn with the same messages, in the same order.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../../examples/index.js";
import type { HostConfig } from "../../src/config/host-config.js";
import type { HydraRole } from "../../src/hydra/roles.js";
import type { HydraKanidmOptions } from "../../src/modules/options/hydra-kanidm.js";
import { moduleRules } from "../../src/config/module-rules.js";
import { OPTION_KINDS, resolveOptions } from "../../src/config/option-kinds.js";
import { personRules } from "../../src/config/person-rules.js";
import { validateConfig } from "../../src/config/validate-config.js";
import { MESSAGES, type MessageId } from "../../src/modules/messages.js";
import { readOptions } from "../../src/modules/options/schema.js";
import { printNix, toNixExpr } from "../../src/nix/index.js";
import { evalNixExprJson } from "../support/nix.js";
import { REPOSITORY } from "./command.js";

const SCENARIO = EXAMPLES[0]!.host;

/** A role Hydra does not know, which only a config that escapes the types can hold. */
const NOT_A_ROLE = "root" as HydraRole;

/** A config whose settings may lack what the types require, as only the rules refuse it. */
type LooseConfig = Omit<HostConfig, "hydraKanidm"> & { readonly hydraKanidm: HydraKanidmOptions };

/** Configs that break many rules at once; each rule of checks.nix is met at least once. */
const BROKEN: readonly LooseConfig[] = [
  {
    hydraKanidm: {
      kanidmUrl: "sso.example.com",
      kanidmDomain: "SSO.example.com",
      clientId: "hydra.users",
      clientSecretFile: "run/secrets/hydra-oidc",
      providerName: "Kanidm /* login */",
      roles: { "Hydra Admins": ["admin", NOT_A_ROLE], "hydra.users": ["admin", "admin"] },
      scopes: ["openid", "bad scope"],
    },
    persons: {
      somebody: { displayName: "Somebody", groups: ["Hydra Admins", "hydra.users"] },
      "other.person": {
        displayName: "Other",
        mailAddresses: ["a+b@example.com"],
        groups: ["hydra.users"],
      },
    },
  },
  {
    hydraKanidm: {
      hydraUrl: "http://hydra.example.com",
      kanidmUrl: "http://127.0.0.1:8443",
      clientId: "Hydra",
      flavour: "pr1568",
      providerName: "Kanidm login",
      roles: { "hydra.admins": ["admin"], "hydra.ops": ["admin"] },
      loginGroups: [],
      scopes: ["profile"],
    },
  },
];

/** Every message of hydraKanidm and persons in checks.nix; only Nix can give a path literal. */
const RULES_MET: readonly MessageId[] = [
  "urlMissing",
  "urlInvalid",
  "urlPlainHttp",
  "domainMissing",
  "domainInvalid",
  "kanidmName",
  "clientIsGroup",
  "unknownRole",
  "roleFromTwoGroups",
  "personRoleTwice",
  "scopeInvalid",
  "scopeRequired",
  "scopeGroupsForRoles",
  "secretMissing",
  "secretRelative",
  "confValue",
  "providerName",
  "noLoginGroups",
  "personWithoutMail",
  "personPlusMail",
  "groupEmptied",
];

/** A message template as a pattern, each slot standing for any text. */
function template(id: MessageId): RegExp {
  const parts = MESSAGES[id].text.split(/\{[a-z]+\}/);
  return new RegExp(
    `^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`,
    "s",
  );
}

/** The modules' verdict on each config, from nix/lib evaluated by Nix. */
function nixVerdicts(configs: readonly LooseConfig[]): unknown {
  const cases = configs.map((config) => ({
    settings: { ...resolveOptions(config.hydraKanidm) },
    persons: config.persons ?? {},
  }));
  return evalNixExprJson(`
    let
      lib = import ${join(REPOSITORY, "nix/lib")};
      judge = case:
        let
          module = lib.checks.hydraKanidm "services.hydra-kanidm" case.settings;
          persons = lib.checks.persons case.settings case.persons { };
        in
        {
          errors = lib.checks.failures (module.assertions ++ persons.assertions);
          warnings = module.warnings ++ persons.warnings;
        };
    in
    map judge (${printNix(toNixExpr(cases))})
  `);
}

/** The same verdict from the TypeScript rules. */
function tsVerdict(config: LooseConfig) {
  const settings = resolveOptions(config.hydraKanidm);
  const found = [...moduleRules(settings), ...personRules(settings, config.persons ?? {})];
  const messages = (kind: string) => found.filter((f) => f.kind === kind).map((f) => f.message);
  return { errors: messages("error"), warnings: messages("warning") };
}

describe("the rules of a TypeScript config", () => {
  it("refuse and warn exactly as nix/lib/checks.nix does", () => {
    const configs = [SCENARIO, ...BROKEN];
    const verdicts = configs.map(tsVerdict);

    expect(verdicts).toEqual(nixVerdicts(configs));
    expect(verdicts[0]).toEqual({ errors: [], warnings: [] });
    const messages = verdicts.flatMap((v) => [...v.errors, ...v.warnings]);
    expect(RULES_MET.filter((id) => !messages.some((m) => template(id).test(m)))).toEqual([]);
  });

  it("keep the defaults of the option interface's @default tags", () => {
    const resolved: Record<string, unknown> = { ...resolveOptions({}) };
    const documented = readOptions("HydraKanidmOptions").filter((o) => "default" in o);

    expect(Object.keys(OPTION_KINDS)).toEqual(readOptions("HydraKanidmOptions").map((o) => o.name));
    for (const option of documented)
      expect([option.name, resolved[option.name]]).toEqual([option.name, option.default]);
  });

  it("meet each refusal of the Hydra half's derived settings, named by our options", () => {
    const config: HostConfig = {
      ...SCENARIO,
      hydraKanidm: {
        ...SCENARIO.hydraKanidm,
        kanidmUrl: "https://sso.example.com/*",
        providerName: "Kanidm << login",
        roles: { "include.admins": ["admin"], "hydra.users": ["eval-jobset"] },
      },
    };
    const settings = printNix(toNixExpr({ ...resolveOptions(config.hydraKanidm) }));
    const nix = evalNixExprJson(`
      let
        lib = import ${join(REPOSITORY, "nix/lib")};
        oidc = lib.kanidm.oidcSettings (${settings});
      in
      lib.checks.failures (lib.checks.hydraOidc "services.hydra-oidc" oidc).assertions
    `) as string[];
    const ours = validateConfig(config, "config.ts")
      .filter((p) => p.kind === "error")
      .map((p) => p.message);
    // The option and value lead each message; what follows says what is wrong.
    const reasons = (messages: readonly string[]) =>
      new Set(messages.map((m) => m.replace(/^\S+(: | = )"[^"]*" /, "")));

    expect(nix).toHaveLength(5);
    expect(reasons(ours)).toEqual(reasons(nix));
    expect(ours).toContain(
      'services.hydra-kanidm.roles: "include.admins@sso.example.com" cannot be a hydra.conf ' +
        "key; keys hold only letters, digits and _ . @ + - (no spaces, =, # or quotes) and do " +
        "not start with include.",
    );
  });

  it("also refuse what Kanidm or hydra.conf would refuse later, naming the option", () => {
    const problems = validateConfig(
      {
        ...SCENARIO,
        hydraKanidm: { ...SCENARIO.hydraKanidm, kanidmUrl: "https://sso.example.com/*" },
        persons: { "Some Body": { displayName: "Somebody", groups: ["hydra.users", "Ops"] } },
      },
      "config.ts",
    );

    expect(problems.filter((p) => p.kind === "error")).toEqual([
      {
        kind: "error",
        file: "config.ts",
        path: "services.hydra-kanidm.kanidmUrl",
        value: "https://sso.example.com/*",
        message:
          'services.hydra-kanidm.kanidmUrl = "https://sso.example.com/*" cannot be written into ' +
          "hydra.conf: it holds /* or */, which Config::General reads as a C comment. Remove " +
          "those characters.",
      },
      {
        kind: "error",
        file: "config.ts",
        path: 'services.kanidm.provision.persons."Some Body"',
        value: "Some Body",
        message:
          'services.kanidm.provision.persons: "Some Body" is not a Kanidm name; use lowercase ' +
          "letters, digits and _ . - starting with a letter, at most 64 characters " +
          "(^[a-z][a-z0-9_.-]{0,63}$).",
      },
      {
        kind: "error",
        file: "config.ts",
        path: 'services.kanidm.provision.persons."Some Body".groups',
        value: "Ops",
        message:
          'services.kanidm.provision.persons."Some Body".groups: "Ops" is not a Kanidm name; ' +
          "use lowercase letters, digits and _ . - starting with a letter, at most 64 " +
          "characters (^[a-z][a-z0-9_.-]{0,63}$).",
      },
    ]);
  });

  it("refuse persons on a host without the Kanidm half", () => {
    const problems = validateConfig({ ...SCENARIO, imports: ["hydra"] }, "config.ts");

    expect(problems.map((p) => [p.kind, p.path, p.message])).toEqual([
      [
        "error",
        "persons",
        'persons are provisioned by Kanidm, but imports = ["hydra"] has no Kanidm half; add ' +
          '"kanidm" to imports or move the persons to the Kanidm host.',
      ],
    ]);
  });

  it("refuse a missing setting the generated module must state", () => {
    const { hydraUrl: _, ...withoutUrl } = SCENARIO.hydraKanidm;
    const problems = validateConfig({ ...SCENARIO, hydraKanidm: withoutUrl }, "config.ts");

    expect(problems.map((p) => p.message)).toEqual([
      "services.hydra-kanidm.hydraUrl is not set; set it to the public base URL, e.g. " +
        '"https://hydra.example.com".',
    ]);
  });
});
