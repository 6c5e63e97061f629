// What the provisioned persons reveal, in the order and words of `persons` in
// nix/lib/checks.nix, plus the Kanidm name rule for persons and their groups.

import { attrName } from "../nix/index.js";
import type { PersonConfig } from "./host-config.js";
import { finding, groupNames, mappedRoles, roleOwners } from "./module-rules.js";
import { nixNameOrder, type ResolvedOptions } from "./option-kinds.js";
import { KANIDM_NAME } from "./patterns.js";
import { show, type Finding } from "./problem.js";

const PERSONS = "services.kanidm.provision.persons";

type Persons = Readonly<Record<string, PersonConfig>>;

/** A person's name as the messages write it, like strings.attrName: bare, else quoted. */
function personName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_'-]*$/.test(name) ? name : show(name);
}

/** Every person present; the generated module provisions each one it lists. */
function names(persons: Persons): string[] {
  return Object.keys(persons).sort(nixNameOrder);
}

/** Kanidm refuses persons and member groups whose names break its pattern. */
function nameChecks(persons: Persons): Finding[] {
  return names(persons).flatMap((name) => {
    const at = `${PERSONS}.${attrName(name)}`;
    const own = KANIDM_NAME.test(name)
      ? []
      : [finding("error", at, name, "kanidmName", { option: PERSONS, value: show(name) })];
    const groups = (persons[name]!.groups ?? [])
      .filter((group) => !KANIDM_NAME.test(group))
      .map((group) =>
        finding("error", `${at}.groups`, group, "kanidmName", {
          option: `${at}.groups`,
          value: show(group),
        }),
      );
    return [...own, ...groups];
  });
}

/** With ners, a person in two groups that map one role cannot log in. */
function roleTwiceChecks(s: ResolvedOptions, persons: Persons): Finding[] {
  if (s.flavour !== "ners") return [];
  const mapped = mappedRoles(s.roles);
  return names(persons).flatMap((name) => {
    const groups = persons[name]!.groups ?? [];
    const reaching = Object.fromEntries(
      Object.entries(mapped).filter(([group]) => groups.includes(group)),
    );
    return roleOwners(reaching)
      .filter((owner) => owner.keys.length !== 1)
      .map((owner) =>
        finding("error", `${PERSONS}.${attrName(name)}.groups`, groups, "personRoleTwice", {
          person: personName(name),
          groups: owner.keys.map(show).join(", "),
          value: show(owner.role),
        }),
      );
  });
}

function mailWarnings(s: ResolvedOptions, persons: Persons): Finding[] {
  return names(persons).flatMap((name) => {
    const person = persons[name]!;
    const at = `${PERSONS}.${attrName(name)}.mailAddresses`;
    const mails = person.mailAddresses ?? [];
    const loginGroups = (person.groups ?? []).filter((group) => s.loginGroups.includes(group));
    const withoutMail =
      mails.length > 0
        ? []
        : loginGroups.map((group) =>
            finding("warning", at, mails, "personWithoutMail", {
              person: personName(name),
              value: show(group),
            }),
          );
    const plus =
      loginGroups.length > 0 && mails.length > 0 && mails[0]!.includes("+")
        ? [
            finding("warning", at, mails[0], "personPlusMail", {
              person: personName(name),
              value: show(mails[0]),
            }),
          ]
        : [];
    return [...withoutMail, ...plus];
  });
}

/** The module declares each group with overwriteMembers, so a group nobody is in is emptied. */
function emptiedWarnings(s: ResolvedOptions, persons: Persons): Finding[] {
  const members = new Set(Object.values(persons).flatMap((person) => person.groups ?? []));
  return groupNames(s)
    .filter((group) => !members.has(group))
    .map((group) =>
      finding(
        "warning",
        `services.kanidm.provision.groups.${attrName(group)}`,
        group,
        "groupEmptied",
        {
          value: show(group),
        },
      ),
    );
}

/** The persons checks of the Kanidm half: refusals, then warnings, as checks.nix orders them. */
export function personRules(s: ResolvedOptions, persons: Persons): Finding[] {
  return [
    ...roleTwiceChecks(s, persons),
    ...mailWarnings(s, persons),
    ...emptiedWarnings(s, persons),
  ];
}

/** Names Kanidm would refuse; the NixOS module leaves these to Kanidm's provisioning. */
export function personNameRules(persons: Persons): Finding[] {
  return nameChecks(persons);
}
