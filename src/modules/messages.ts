// Every refusal and warning the modules give, written once. The Nix checks interpolate the
// slots at evaluation time; TypeScript configs and docs/errors.md use the same templates.

import { string, type NixExpr, type StringPart } from "../nix/index.js";

/** A message with `{slot}` placeholders; `fix` says what the user should do. */
export interface MessageTemplate {
  readonly kind: "assertion" | "warning";
  readonly text: string;
}

function assertion(text: string): MessageTemplate {
  return { kind: "assertion", text };
}

function warning(text: string): MessageTemplate {
  return { kind: "warning", text };
}

/** The messages, by a stable id. */
export const MESSAGES = {
  urlMissing: assertion('{option} is not set; set it to the public base URL, e.g. "{example}".'),
  urlInvalid: assertion(
    "{option} = {value} is not an http:// or https:// URL with a host and no query; " +
      'write it like "{example}".',
  ),
  urlPlainHttp: warning(
    "{option} = {value} uses http://; browsers send the login code in clear text and " +
      "Kanidm allows http redirects only for localhost. Use https:// in production.",
  ),
  domainMissing: assertion(
    "{option} is not set and cannot be derived (no Kanidm server on this host, no valid " +
      'kanidmUrl); set it to Kanidm\'s domain setting, e.g. "sso.example.com".',
  ),
  domainInvalid: assertion(
    "{option} = {value} is not a DNS domain (lowercase letters, digits, dots, dashes).",
  ),
  kanidmName: assertion(
    "{option}: {value} is not a Kanidm name; use lowercase letters, digits and _ . - " +
      "starting with a letter, at most 64 characters (^[a-z][a-z0-9_.-]{0,63}$).",
  ),
  clientIsGroup: assertion(
    "{option} = {value} is also a group name; Kanidm names are unique across groups, " +
      "persons and clients. Rename the client or the group.",
  ),
  unknownRole: assertion("{option} lists {value}, which is not a Hydra role; use one of {roles}."),
  roleFromTwoGroups: assertion(
    "{option}: role {value} is mapped from more than one group ({groups}); Hydra inserts " +
      "the role twice for a user in both and the login fails. Map each role from one group.",
  ),
  personRoleTwice: assertion(
    "services.kanidm.provision.persons.{person} is in {groups}, which all map role " +
      "{value}; every login of this person would fail. Map the role from one group only.",
  ),
  scopeInvalid: assertion(
    "{option} lists {value}, which is not an OAuth2 scope name ([0-9a-zA-Z_]+).",
  ),
  scopeRequired: assertion(
    '{option} lacks {value}; every login needs "openid" and "email" (Hydra names users ' +
      "by their email). Add it to the list.",
  ),
  scopeGroupsForRoles: assertion(
    '{option} lacks "groups" while roles are mapped; without it Hydra sees no group and ' +
      'grants no role. Add "groups" to the list.',
  ),
  secretMissing: assertion(
    "{option} is not set; give the path of a file holding only the client secret, e.g. " +
      '"/run/secrets/hydra-oidc", readable by root (and by kanidm on the Kanidm host).',
  ),
  secretPathLiteral: assertion(
    "{option} is the Nix path {value}; a path literal copies the secret into the " +
      'world-readable Nix store. Write it as a string, e.g. "/run/secrets/hydra-oidc".',
  ),
  secretRelative: assertion(
    "{option} = {value} is not an absolute path free of control characters; write it " +
      'like "/run/secrets/hydra-oidc".',
  ),
  secretTwice: assertion(
    "{option} and {other} are both set; give the bare secret in one or a ready include " +
      "file in the other, not both.",
  ),
  confValue: assertion(
    "{option} = {value} cannot be written into hydra.conf: it {problem}. Remove those " +
      "characters.",
  ),
  confKey: assertion(
    "{option}: {value} cannot be a hydra.conf key; keys hold only letters, digits and " +
      "_ . @ + - (no spaces, =, # or quotes) and do not start with include.",
  ),
  providerName: assertion(
    "{option} = {value} must be usable as a URL path segment and a hydra.conf block " +
      "label: letters, digits and _ . - starting with a letter or digit.",
  ),
  flavourOnly: assertion(
    "{option} is only read by the {flavour} flavour; remove it or set " +
      'services.hydra-oidc.flavour = "{flavour}".',
  ),
  endpointMissing: assertion(
    "{option} is not set; the {flavour} flavour needs it (the provider's endpoint URL).",
  ),
  twoOidcSections: assertion(
    "services.hydra.extraConfig holds {count} OIDC sections; Hydra reads only one and dies " +
      "on a second <oidc_role_mapping>. Remove the hand-written one and keep " +
      "services.hydra-oidc.",
  ),
  secretInStore: warning(
    "{option} = {value} lies in the Nix store, which every local user can read; keep the " +
      "secret outside it (sops-nix, agenix, a file under /run/secrets) and rotate it.",
  ),
  noLoginGroups: warning(
    "{option} is empty, so nobody is granted the scopes to log in to Hydra; list the " +
      "groups whose members may log in, or add groups to services.hydra-kanidm.roles.",
  ),
  personWithoutMail: warning(
    "services.kanidm.provision.persons.{person} is in login group {value} but has no " +
      "mailAddresses; Hydra names users by email, so this person cannot log in. Add one.",
  ),
  personPlusMail: warning(
    "services.kanidm.provision.persons.{person} has the mail address {value} with a +, " +
      "which Hydra refuses as a user name; put an address without + first.",
  ),
  groupEmptied: warning(
    "services.kanidm.provision.groups.{value} has no members declared in Nix and " +
      "overwriteMembers = true, so every provisioning run empties it. Declare its members " +
      "or set services.kanidm.provision.groups.{value}.overwriteMembers = false.",
  ),
} as const satisfies Record<string, MessageTemplate>;

/** The id of a message. */
export type MessageId = keyof typeof MESSAGES;

const SLOT = /\{([a-z]+)\}/g;

/** The message as a Nix string, each slot an interpolated expression. */
export function nixMessage(id: MessageId, slots: Readonly<Record<string, NixExpr>>): NixExpr {
  const parts: StringPart[] = [];
  let last = 0;
  const template = MESSAGES[id].text;
  for (const match of template.matchAll(SLOT)) {
    const slot = slots[match[1]!];
    if (slot === undefined) continue;
    parts.push(template.slice(last, match.index), slot);
    last = match.index + match[0].length;
  }
  parts.push(template.slice(last));
  return string(...parts);
}

/** The message as text, for TypeScript configs. */
export function textMessage(id: MessageId, slots: Readonly<Record<string, string>>): string {
  return MESSAGES[id].text.replace(SLOT, (whole, name: string) => slots[name] ?? whole);
}
