// The assertions and warnings of services.hydra-kanidm, in the order and words of
// hydraKanidm in nix/lib/checks.nix, so a config is refused here as the NixOS module would.

import { REQUIRED_SCOPES } from "../hydra/flavours.js";
import { HYDRA_ROLES } from "../hydra/roles.js";
import { textMessage, type MessageId } from "../modules/messages.js";
import { attrName } from "../nix/index.js";
import { nixNameOrder, type ResolvedOptions } from "./option-kinds.js";
import {
  confValueProblem,
  isConfKey,
  DOMAIN,
  KANIDM_NAME,
  LOOPBACK_HTTP,
  PLAIN_HTTP,
  PROVIDER_NAME,
  SCOPE,
  URL,
} from "./patterns.js";
import { show, type Finding } from "./problem.js";

/** The option prefix the messages name. */
export const OPTION = "services.hydra-kanidm";

/** A finding whose message comes from the module's own template. */
export function finding(
  kind: Finding["kind"],
  path: string,
  value: unknown,
  id: MessageId,
  slots: Readonly<Record<string, string>>,
): Finding {
  return { kind, path, value, message: textMessage(id, slots) };
}

const option = (name: string) => `${OPTION}.${name}`;

/** The groups the settings name: keys of roles and login groups, sorted, each once. */
export function groupNames(s: ResolvedOptions): string[] {
  return [...new Set([...Object.keys(s.roles), ...s.loginGroups])].sort(nixNameOrder);
}

/** Groups that map at least one role, each role once, as kanidm.mappedRoles does. */
export function mappedRoles(roles: ResolvedOptions["roles"]): Record<string, string[]> {
  const mapped: Record<string, string[]> = {};
  for (const group of Object.keys(roles).sort(nixNameOrder)) {
    const list = roles[group]!;
    if (list.length > 0) mapped[group] = [...new Set(list)];
  }
  return mapped;
}

/** For each role, the keys of the mapping that reach it, roles in Nix's name order. */
export function roleOwners(
  mapping: Readonly<Record<string, readonly string[]>>,
): { role: string; keys: string[] }[] {
  const owners = new Map<string, string[]>();
  for (const key of Object.keys(mapping).sort(nixNameOrder)) {
    for (const role of new Set(mapping[key])) {
      owners.set(role, [...(owners.get(role) ?? []), key]);
    }
  }
  return [...owners.keys()].sort(nixNameOrder).map((role) => ({ role, keys: owners.get(role)! }));
}

function urlChecks(name: string, url: string | null, example: string): Finding[] {
  if (url === null) {
    return [finding("error", option(name), url, "urlMissing", { option: option(name), example })];
  }
  if (URL.test(url)) return [];
  return [
    finding("error", option(name), url, "urlInvalid", {
      option: option(name),
      value: show(url),
      example,
    }),
  ];
}

function urlWarnings(name: string, url: string | null): Finding[] {
  if (url === null || !PLAIN_HTTP.test(url) || LOOPBACK_HTTP.test(url)) return [];
  return [
    finding("warning", option(name), url, "urlPlainHttp", {
      option: option(name),
      value: show(url),
    }),
  ];
}

function domainChecks(domain: string | null): Finding[] {
  const at = option("kanidmDomain");
  if (domain === null) return [finding("error", at, domain, "domainMissing", { option: at })];
  if (DOMAIN.test(domain)) return [];
  return [finding("error", at, domain, "domainInvalid", { option: at, value: show(domain) })];
}

function clientChecks(s: ResolvedOptions, groups: readonly string[]): Finding[] {
  const at = option("clientId");
  const found: Finding[] = [];
  if (!KANIDM_NAME.test(s.clientId)) {
    found.push(
      finding("error", at, s.clientId, "kanidmName", { option: at, value: show(s.clientId) }),
    );
  }
  if (groups.includes(s.clientId)) {
    found.push(
      finding("error", at, s.clientId, "clientIsGroup", { option: at, value: show(s.clientId) }),
    );
  }
  if (s.clientSecretFile === null) {
    const secret = option("clientSecretFile");
    found.push(finding("error", secret, null, "secretMissing", { option: secret }));
  }
  return found;
}

/** ners writes the name as a hydra.conf value; pr1568 also puts it in the callback URL. */
function providerNameChecks(s: ResolvedOptions): Finding[] {
  const at = option("providerName");
  if (s.flavour === "ners") {
    const problem = confValueProblem(s.providerName);
    if (problem === null) return [];
    return [
      finding("error", at, s.providerName, "confValue", {
        option: at,
        value: show(s.providerName),
        problem,
      }),
    ];
  }
  if (PROVIDER_NAME.test(s.providerName)) return [];
  return [
    finding("error", at, s.providerName, "providerName", {
      option: at,
      value: show(s.providerName),
    }),
  ];
}

function groupsScopeCheck(s: ResolvedOptions): Finding[] {
  const needed = s.flavour === "ners" && Object.keys(mappedRoles(s.roles)).length > 0;
  if (!needed || s.scopes.includes("groups")) return [];
  return [
    finding("error", option("scopes"), s.scopes, "scopeGroupsForRoles", {
      option: option("scopes"),
    }),
  ];
}

function groupNameChecks(s: ResolvedOptions, groups: readonly string[]): Finding[] {
  return groups
    .filter((group) => !KANIDM_NAME.test(group))
    .map((group) => {
      const inRoles = Object.hasOwn(s.roles, group);
      const at = option(inRoles ? "roles" : "loginGroups");
      const path = inRoles ? `${at}.${attrName(group)}` : at;
      return finding("error", path, group, "kanidmName", { option: at, value: show(group) });
    });
}

function scopeChecks(scopes: readonly string[]): Finding[] {
  const at = option("scopes");
  const invalid = scopes
    .filter((scope) => !SCOPE.test(scope))
    .map((scope) =>
      finding("error", at, scope, "scopeInvalid", { option: at, value: show(scope) }),
    );
  const missing = REQUIRED_SCOPES.filter((scope) => !scopes.includes(scope)).map((scope) =>
    finding("error", at, scopes, "scopeRequired", { option: at, value: show(scope) }),
  );
  return [...invalid, ...missing];
}

function secretChecks(file: string | null): Finding[] {
  const at = option("clientSecretFile");
  if (file === null || /^\/[^\x00-\x1f\x7f]*$/.test(file)) return [];
  return [finding("error", at, file, "secretRelative", { option: at, value: show(file) })];
}

/** The store is world-readable: a secret there is already exposed. */
function secretWarnings(file: string | null): Finding[] {
  const at = option("clientSecretFile");
  if (file === null || !file.startsWith("/nix/store/")) return [];
  return [finding("warning", at, file, "secretInStore", { option: at, value: show(file) })];
}

function roleChecks(roles: ResolvedOptions["roles"]): Finding[] {
  const known: readonly string[] = HYDRA_ROLES;
  return Object.keys(roles)
    .sort(nixNameOrder)
    .flatMap((group) =>
      roles[group]!.filter((role) => !known.includes(role)).map((role) =>
        finding("error", `${option("roles")}.${attrName(group)}`, role, "unknownRole", {
          option: `${option("roles")}.${show(group)}`,
          value: show(role),
          roles: HYDRA_ROLES.join(", "),
        }),
      ),
    );
}

function roleOwnerChecks(s: ResolvedOptions): Finding[] {
  if (s.flavour !== "ners") return [];
  const at = option("roles");
  return roleOwners(s.roles)
    .filter((owner) => owner.keys.length !== 1)
    .map((owner) =>
      finding("error", at, owner.role, "roleFromTwoGroups", {
        option: at,
        value: show(owner.role),
        groups: owner.keys.map(show).join(", "),
      }),
    );
}

/** The assertions of hydraKanidm, in its order, then its warnings. */
export function moduleRules(s: ResolvedOptions): Finding[] {
  const groups = groupNames(s);
  return [
    ...urlChecks("hydraUrl", s.hydraUrl, "https://hydra.example.com"),
    ...urlChecks("kanidmUrl", s.kanidmUrl, "https://sso.example.com"),
    ...kanidmUrlValueCheck(s.kanidmUrl),
    ...domainChecks(s.kanidmDomain),
    ...clientChecks(s, groups),
    ...providerNameChecks(s),
    ...groupsScopeCheck(s),
    ...groupNameChecks(s, groups),
    ...scopeChecks(s.scopes),
    ...secretChecks(s.clientSecretFile),
    ...roleChecks(s.roles),
    ...roleOwnerChecks(s),
    ...mappingKeyChecks(s),
    ...secretWarnings(s.clientSecretFile),
    ...urlWarnings("hydraUrl", s.hydraUrl),
    ...urlWarnings("kanidmUrl", s.kanidmUrl),
    ...(s.loginGroups.length === 0
      ? [
          finding("warning", option("loginGroups"), [], "noLoginGroups", {
            option: option("loginGroups"),
          }),
        ]
      : []),
  ];
}

/** The Kanidm origin starts every endpoint URL hydra.conf holds. */
function kanidmUrlValueCheck(url: string | null): Finding[] {
  const problem = url === null ? null : confValueProblem(url);
  if (problem === null) return [];
  const at = option("kanidmUrl");
  return [finding("error", at, url, "confValue", { option: at, value: show(url), problem })];
}

/** With ners, each mapped group becomes the hydra.conf key `<group>@<domain>`. */
function mappingKeyChecks(s: ResolvedOptions): Finding[] {
  if (s.flavour !== "ners" || s.kanidmDomain === null || !DOMAIN.test(s.kanidmDomain)) return [];
  const at = option("roles");
  return Object.keys(mappedRoles(s.roles))
    .filter((group) => KANIDM_NAME.test(group))
    .map((group) => `${group}@${s.kanidmDomain}`)
    .filter((key) => !isConfKey(key))
    .map((key) => finding("error", at, key, "confKey", { option: at, value: show(key) }));
}
