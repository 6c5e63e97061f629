// `validateConfig`: every refusal and warning a host config would meet, from its shape to the
// rules the NixOS modules assert, with the same messages.

import { hostModules, type HostConfig, type HostModule } from "./host-config.js";
import { moduleRules } from "./module-rules.js";
import { resolveOptions } from "./option-kinds.js";
import { KANIDM_NAME } from "./patterns.js";
import { personNameRules, personRules } from "./person-rules.js";
import type { ConfigProblem, Finding } from "./problem.js";
import { configShape } from "./shape.js";

/** Where the warnings about provisioned groups point. */
const GROUPS = "services.kanidm.provision.groups.";

/** Whether the host runs the Kanidm half, which provisions persons and checks them. */
function runsKanidm(modules: readonly HostModule[]): boolean {
  return modules.includes("default") || modules.includes("kanidm");
}

function personsWithoutKanidm(config: HostConfig): Finding[] {
  return [
    {
      kind: "error",
      path: "persons",
      value: config.persons,
      message:
        `persons are provisioned by Kanidm, but imports = ${JSON.stringify(hostModules(config))} ` +
        'has no Kanidm half; add "kanidm" to imports or move the persons to the Kanidm host.',
    },
  ];
}

/**
 * Whether a warning is about a group whose name Kanidm cannot hold: an error already refuses
 * that name, and a warning that the group would be emptied only distracts from renaming it.
 */
function aboutInvalidGroup(warning: Finding): boolean {
  const { path, value } = warning;
  return path.startsWith(GROUPS) && typeof value === "string" && !KANIDM_NAME.test(value);
}

function findings(config: unknown): Finding[] {
  const shape = configShape(config);
  if (shape.length > 0) return shape;

  const host = config as HostConfig;
  const settings = resolveOptions(host.hydraKanidm);
  const modules = hostModules(host);
  const persons = host.persons ?? {};
  const kanidm = runsKanidm(modules);
  const all = [
    ...moduleRules(settings),
    ...(kanidm ? personRules(settings, persons) : []),
    ...personNameRules(persons),
    ...(host.persons !== undefined && !kanidm ? personsWithoutKanidm(host) : []),
  ];
  const warnings = all.filter((f) => f.kind === "warning" && !aboutInvalidGroup(f));
  // Errors first: they decide whether anything is written.
  return [...all.filter((f) => f.kind === "error"), ...warnings];
}

/**
 * The problems of a host config, errors before warnings; `file` names the config in each.
 * The config is checked at run time too, so plain JavaScript and `as any` are caught.
 */
export function validateConfig(config: unknown, file: string): ConfigProblem[] {
  return findings(config).map((f) => ({ file, ...f }));
}

/** Thrown by `checkedConfig` with every error of the config in its message, one per line. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(problems.map((p) => `${p.file}: ${p.message}`).join("\n"));
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** The config, typed, when it has no errors; warnings are ignored here. */
export function checkedConfig(config: unknown, file: string): HostConfig {
  const errors = validateConfig(config, file).filter((p) => p.kind === "error");
  if (errors.length > 0) throw new ConfigError(errors);
  return config as HostConfig;
}
