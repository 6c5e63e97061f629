// The NixOS module `hydra-kanidm generate` prints for a host config: the flake's module
// imported from the host's inputs, and only the settings the config gives.

import {
  attrset,
  binding,
  lambda,
  list,
  pattern,
  printNix,
  ref,
  select,
  toNixExpr,
  type Entry,
  type NixExpr,
} from "../nix/index.js";
import { DEFAULT_FLAKE_INPUT, hostModules, type HostConfig } from "./host-config.js";

/** A copy without the keys set to undefined, which mean "not set" and have no Nix value. */
function setKeys<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/** `{ inputs, ... }: { imports = [ ... ]; services.hydra-kanidm = { ... }; ... }`. */
export function hostModule(config: HostConfig): NixExpr {
  const input = config.flakeInput ?? DEFAULT_FLAKE_INPUT;
  const imports = hostModules(config).map((name) =>
    select(ref("inputs"), [input, "nixosModules", name]),
  );
  const entries: Entry[] = [
    binding("imports", list(imports)),
    binding(
      ["services", "hydra-kanidm"],
      toNixExpr(setKeys(config.hydraKanidm), "services.hydra-kanidm"),
      { blankLineBefore: true },
    ),
  ];
  if (config.persons !== undefined) {
    const persons = Object.fromEntries(
      Object.entries(config.persons).map(([name, person]) => [name, setKeys(person)]),
    );
    entries.push(
      binding(
        ["services", "kanidm", "provision", "persons"],
        toNixExpr(persons, "services.kanidm.provision.persons"),
        { blankLineBefore: true },
      ),
    );
  }
  return lambda(pattern({ fields: ["inputs"], ellipsis: true }), attrset(entries));
}

/**
 * The module as a file, headed by where it comes from. `source` is the config's path as the
 * reader of the module finds it (relative to the module's folder, with `/`).
 */
export function hostModuleText(config: HostConfig, source: string): string {
  const name = source.replace(/[\x00-\x1f\x7f]/g, "?");
  return (
    `# Hydra single sign-on through Kanidm, generated from ${name} by \`hydra-kanidm generate\`.\n` +
    `# Do not edit: change ${name} and generate again.\n` +
    "# Needs the flake inputs as a module argument: nixosSystem { specialArgs = { inherit inputs; }; }.\n" +
    printNix(hostModule(config))
  );
}
