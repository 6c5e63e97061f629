// The options of services.hydra-kanidm, written once: ts-morph reads this interface to print
// the NixOS option declarations and docs/options.md, and TypeScript configs are typed by it.

import type { HydraRole } from "../../hydra/roles.js";
import type { OidcFlavour } from "../../hydra/flavours.js";
import type { AbsolutePath, HttpUrl, KanidmName, ScopeName } from "./kinds.js";

/** Single sign-on for Hydra through Kanidm: both halves read these settings. */
export interface HydraKanidmOptions {
  /**
   * Whether to enable single sign-on for Hydra through Kanidm.
   * @default false
   */
  readonly enable?: boolean;

  /**
   * Public base URL of Hydra, as users open it. The redirect URL that Kanidm allows is
   * derived from it, so it must match what browsers see exactly (scheme, host, port).
   * @defaultText `services.hydra.hydraURL` on the Hydra host
   * @example "https://hydra.example.com"
   */
  readonly hydraUrl?: HttpUrl | null;

  /**
   * Origin of the Kanidm server, as browsers reach it.
   * @defaultText the Kanidm server's `origin` on its host
   * @example "https://sso.example.com"
   */
  readonly kanidmUrl?: HttpUrl | null;

  /**
   * Kanidm's domain: the part after `@` in the group names Kanidm sends to Hydra. It is
   * Kanidm's `domain` setting, which may differ from the host of `kanidmUrl`.
   * @defaultText the server's `domain`, else the host of `kanidmUrl`
   * @example "sso.example.com"
   */
  readonly kanidmDomain?: string | null;

  /**
   * Name of the OAuth2 client in Kanidm, which is also Hydra's client id. Kanidm names are
   * unique across groups, persons and clients.
   * @default "hydra"
   */
  readonly clientId?: KanidmName;

  /**
   * Name Kanidm shows for the client in its application list.
   * @default "Hydra"
   */
  readonly displayName?: string;

  /**
   * File holding only the client secret, as an absolute path string. Kanidm reads it when
   * provisioning (so the `kanidm` user must be able to read it) and a unit copies it for
   * Hydra at boot; it never enters the Nix store. Do not use a Nix path literal.
   * @default null
   * @example "/run/secrets/hydra-oidc"
   */
  readonly clientSecretFile?: AbsolutePath | null;

  /**
   * Kanidm groups and the Hydra roles their members get. Valid roles are `admin`,
   * `create-projects`, `restart-jobs`, `bump-to-front`, `cancel-build` and `eval-jobset`.
   * With the `ners` flavour, map each role from one group only.
   * @default {}
   * @example { "hydra.admins" = [ "admin" ]; "hydra.users" = [ "cancel-build" "restart-jobs" ]; }
   */
  readonly roles?: Readonly<Record<KanidmName, readonly HydraRole[]>>;

  /**
   * Groups whose members may log in to Hydra: each gets a scope map granting `scopes`.
   * @defaultText the names in `roles`
   * @example [ "hydra.users" ]
   */
  readonly loginGroups?: readonly KanidmName[];

  /**
   * OAuth2 scopes Hydra requests and the login groups are granted. `openid` and `email` are
   * needed for every login, `groups` whenever roles are mapped.
   * @default ["openid", "email", "profile", "groups"]
   */
  readonly scopes?: readonly ScopeName[];

  /**
   * Keep Hydra's own password entry in its login menu. Hiding it does not turn password
   * logins off: Hydra still accepts them at `/login`.
   * @default false
   */
  readonly passwordLogin?: boolean;

  /**
   * Whether Kanidm sends the short user name (`name`) rather than `name@domain` as
   * `preferred_username`.
   * @default true
   */
  readonly preferShortUsername?: boolean;

  /**
   * Label of the sign-in entry in Hydra's menu; with `pr1568` also the provider's name in
   * the callback URL, so letters, digits and `_ . -` only.
   * @default "Kanidm"
   */
  readonly providerName?: string;

  /**
   * Which Hydra OIDC implementation runs: `ners` (the `oidc` branch of ners/hydra) or
   * `pr1568` (NixOS/hydra pull request 1568). The Hydra package must be built from it.
   * @default "ners"
   */
  readonly flavour?: OidcFlavour;
}
