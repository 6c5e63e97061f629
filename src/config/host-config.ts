// The shape of a TypeScript host config: the services.hydra-kanidm settings, the persons to
// provision, and which modules of the flake the generated NixOS module imports.

import type { HydraKanidmOptions } from "../modules/options/hydra-kanidm.js";

/** The flake's modules a host config may import: both halves, or one of them. */
export const HOST_MODULES = ["default", "hydra", "kanidm"] as const;

/** `default` for Hydra and Kanidm on one host; `hydra` or `kanidm` for one half of two hosts. */
export type HostModule = (typeof HOST_MODULES)[number];

/** A person Kanidm provisions (`services.kanidm.provision.persons.<name>`). */
export interface PersonConfig {
  /** The name Kanidm shows for the person. */
  readonly displayName: string;
  /** Mail addresses, the first one primary; Hydra names users by it, so it must have no `+`. */
  readonly mailAddresses?: readonly string[];
  /** Kanidm groups the person is a member of, e.g. `["hydra.admins", "hydra.users"]`. */
  readonly groups?: readonly string[];
}

/** The settings the generated module states outright: it cannot derive them on the host. */
type StatedOption = "hydraUrl" | "kanidmUrl" | "kanidmDomain" | "clientSecretFile";

/**
 * The options K of T, required and not null. The keys run over a parameter bounded by
 * `keyof T`, as in Pick, so editors still show each option's TSDoc; a plain union would not.
 */
type Stated<T, K extends keyof T> = { readonly [P in K]-?: NonNullable<T[P]> };

/**
 * The `services.hydra-kanidm` settings of a host config: `hydraUrl`, `kanidmUrl`,
 * `kanidmDomain` and `clientSecretFile` are required, the others keep their defaults.
 */
export interface HostOptions
  extends Omit<HydraKanidmOptions, StatedOption>, Stated<HydraKanidmOptions, StatedOption> {}

/** One host's part in Hydra single sign-on through Kanidm, as `hydra-kanidm generate` reads it. */
export interface HostConfig {
  /**
   * The `services.hydra-kanidm` settings. `hydraUrl`, `kanidmUrl`, `kanidmDomain` and
   * `clientSecretFile` are required here, since the generated module states them outright.
   */
  readonly hydraKanidm: HostOptions;
  /** Persons to provision in Kanidm, by their Kanidm name; needs the `kanidm` half. */
  readonly persons?: Readonly<Record<string, PersonConfig>>;
  /**
   * Which modules of the flake the generated module imports.
   * @default ["default"]
   */
  readonly imports?: readonly HostModule[];
  /**
   * The name of this repository's input in the host's flake.
   * @default "hydra-kanidm"
   */
  readonly flakeInput?: string;
}

/** The flake input name when the config gives none. */
export const DEFAULT_FLAKE_INPUT = "hydra-kanidm";

/** The modules imported when the config names none. */
export const DEFAULT_HOST_MODULES: readonly HostModule[] = ["default"];

/** The modules a config imports, each once, in the order given. */
export function hostModules(config: HostConfig): HostModule[] {
  return [...new Set(config.imports ?? DEFAULT_HOST_MODULES)];
}
