// Run-time checks of a config's shape: known keys only, and values of the right kind. A
// config run by tsx is not type-checked, so a typo would otherwise vanish silently.

import { OIDC_FLAVOURS } from "../hydra/flavours.js";
import { attrName } from "../nix/index.js";
import { HOST_MODULES } from "./host-config.js";
import { OPTION } from "./module-rules.js";
import { OPTION_KINDS, type OptionKind } from "./option-kinds.js";
import { show, type Finding } from "./problem.js";

const EXPECTED: Readonly<Record<OptionKind, string>> = {
  boolean: "true or false",
  string: "a string",
  "string or null": "a string",
  "list of strings": "a list of strings",
  roles: "an object mapping group names to lists of roles",
  flavour: OIDC_FLAVOURS.map(show).join(" or "),
};

const HOST_KEYS = ["hydraKanidm", "persons", "imports", "flakeInput"] as const;
const PERSON_KEYS = ["displayName", "mailAddresses", "groups"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function wrong(path: string, value: unknown, expected: string): Finding {
  const message =
    value === undefined
      ? `${path} is missing; set it to ${expected}.`
      : `${path} = ${show(value)} is not ${expected}; change it to ${expected}.`;
  return { kind: "error", path, value, message };
}

function unknownKeys(
  record: Record<string, unknown>,
  known: readonly string[],
  prefix: string,
): Finding[] {
  return Object.keys(record)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const path = prefix === "" ? key : `${prefix}.${attrName(key)}`;
      const where = prefix === "" ? "a host config" : prefix;
      return {
        kind: "error",
        path,
        value: record[key],
        message:
          `${path} is not a setting of ${where}; check its spelling. ` +
          `Known: ${known.join(", ")}.`,
      };
    });
}

function fits(kind: OptionKind, value: unknown): boolean {
  switch (kind) {
    case "boolean":
      return typeof value === "boolean";
    case "string":
      return typeof value === "string";
    case "string or null":
      return typeof value === "string" || value === null;
    case "list of strings":
      return isStringList(value);
    case "roles":
      return isRecord(value) && Object.values(value).every(isStringList);
    case "flavour":
      return (OIDC_FLAVOURS as readonly unknown[]).includes(value);
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** Each group of a roles object whose value is no list, named alone: the object may be long. */
function roleListShape(roles: Record<string, unknown>): Finding[] {
  return Object.entries(roles)
    .filter(([, list]) => !isStringList(list))
    .map(([group, list]) => {
      const path = `${OPTION}.roles.${attrName(group)}`;
      // A lone role is the likely slip; the fix is the same role in a list.
      const fix = typeof list === "string" ? show([list]) : 'a list of roles, e.g. ["admin"]';
      return {
        kind: "error",
        path,
        value: list,
        message: `${path} = ${show(list)} is not a list of roles; write ${fix}.`,
      };
    });
}

function optionShape(options: unknown): Finding[] {
  if (!isRecord(options)) return [wrong("hydraKanidm", options, "an object of options")];
  const known = Object.keys(OPTION_KINDS) as (keyof typeof OPTION_KINDS)[];
  const misfits = known.filter(
    (name) => options[name] !== undefined && !fits(OPTION_KINDS[name], options[name]),
  );
  return [
    ...unknownKeys(options, known, OPTION),
    ...misfits.flatMap((name) => {
      const value = options[name];
      if (name === "roles" && isRecord(value)) return roleListShape(value);
      return [wrong(`${OPTION}.${name}`, value, EXPECTED[OPTION_KINDS[name]])];
    }),
  ];
}

function personShape(name: string, person: unknown): Finding[] {
  const path = `services.kanidm.provision.persons.${attrName(name)}`;
  if (!isRecord(person)) return [wrong(path, person, "an object with displayName")];
  return [
    ...unknownKeys(person, PERSON_KEYS, path),
    ...(typeof person.displayName === "string"
      ? []
      : [wrong(`${path}.displayName`, person.displayName, "a string")]),
    ...(["mailAddresses", "groups"] as const)
      .filter((key) => person[key] !== undefined && !isStringList(person[key]))
      .map((key) => wrong(`${path}.${key}`, person[key], "a list of strings")),
  ];
}

function hostShape(config: Record<string, unknown>): Finding[] {
  const { persons, imports, flakeInput } = config;
  const found: Finding[] = [];
  if (persons !== undefined) {
    if (isRecord(persons)) {
      found.push(...Object.entries(persons).flatMap(([name, person]) => personShape(name, person)));
    } else {
      found.push(wrong("persons", persons, "an object of persons by name"));
    }
  }
  const modules: readonly unknown[] = HOST_MODULES;
  if (
    imports !== undefined &&
    !(Array.isArray(imports) && imports.every((m) => modules.includes(m)))
  ) {
    found.push(wrong("imports", imports, `a list of ${HOST_MODULES.map(show).join(", ")}`));
  }
  if (flakeInput !== undefined && (typeof flakeInput !== "string" || flakeInput === "")) {
    found.push(wrong("flakeInput", flakeInput, "the name of a flake input"));
  }
  return found;
}

/** Shape errors of a whole config; the rules run only when there are none. */
export function configShape(config: unknown): Finding[] {
  if (!isRecord(config)) {
    return [wrong("<config>", config, "an object made by defineConfig({ hydraKanidm: { ... } })")];
  }
  return [
    ...unknownKeys(config, HOST_KEYS, ""),
    ...optionShape(config.hydraKanidm),
    ...hostShape(config),
  ];
}
