// What each services.hydra-kanidm option holds at run time, and its default: a config file
// run by tsx carries no types, so the command line checks the values itself.

import { OIDC_FLAVOURS } from "../hydra/flavours.js";
import { DEFAULT_SCOPES } from "../kanidm/names.js";
import type { HydraKanidmOptions } from "../modules/options/hydra-kanidm.js";

/** A kind of value an option may hold. */
export type OptionKind =
  "boolean" | "string" | "string or null" | "list of strings" | "roles" | "flavour";

/** Every option of the interface, so a new one cannot be forgotten here. */
export const OPTION_KINDS: { readonly [K in keyof Required<HydraKanidmOptions>]: OptionKind } = {
  enable: "boolean",
  hydraUrl: "string or null",
  kanidmUrl: "string or null",
  kanidmDomain: "string or null",
  clientId: "string",
  displayName: "string",
  clientSecretFile: "string or null",
  roles: "roles",
  loginGroups: "list of strings",
  scopes: "list of strings",
  passwordLogin: "boolean",
  preferShortUsername: "boolean",
  providerName: "string",
  flavour: "flavour",
};

/** The settings with every default filled in, as the modules see them. */
export interface ResolvedOptions {
  readonly enable: boolean;
  readonly hydraUrl: string | null;
  readonly kanidmUrl: string | null;
  readonly kanidmDomain: string | null;
  readonly clientId: string;
  readonly displayName: string;
  readonly clientSecretFile: string | null;
  readonly roles: Readonly<Record<string, readonly string[]>>;
  readonly loginGroups: readonly string[];
  readonly scopes: readonly string[];
  readonly passwordLogin: boolean;
  readonly preferShortUsername: boolean;
  readonly providerName: string;
  readonly flavour: (typeof OIDC_FLAVOURS)[number];
}

/** Nix's order of attribute names: by bytes, which differs from UTF-16 order past U+D7FF. */
export function nixNameOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * The options with the defaults of the TSDoc `@default` tags (a test keeps them equal). The
 * values the module derives on a host (URLs, domain) stay null: a config must give them.
 */
export function resolveOptions(options: HydraKanidmOptions): ResolvedOptions {
  const roles = options.roles ?? {};
  return {
    enable: options.enable ?? false,
    hydraUrl: options.hydraUrl ?? null,
    kanidmUrl: options.kanidmUrl ?? null,
    kanidmDomain: options.kanidmDomain ?? null,
    clientId: options.clientId ?? "hydra",
    displayName: options.displayName ?? "Hydra",
    clientSecretFile: options.clientSecretFile ?? null,
    roles,
    loginGroups: options.loginGroups ?? Object.keys(roles).sort(nixNameOrder),
    scopes: options.scopes ?? [...DEFAULT_SCOPES],
    passwordLogin: options.passwordLogin ?? false,
    preferShortUsername: options.preferShortUsername ?? true,
    providerName: options.providerName ?? "Kanidm",
    flavour: options.flavour ?? "ners",
  };
}
