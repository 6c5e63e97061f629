// The options of services.hydra-oidc: OIDC login for Hydra with any provider, written once
// for the NixOS declarations, docs/options.md and TypeScript configs.

import type { HydraRole } from "../../hydra/roles.js";
import type { OidcFlavour } from "../../hydra/flavours.js";
import type { AbsolutePath, HttpUrl, ScopeName } from "./kinds.js";

/** OpenID Connect login for Hydra, for any identity provider. */
export interface HydraOidcOptions {
  /**
   * Whether to enable OpenID Connect login for Hydra.
   * @default false
   */
  readonly enable?: boolean;

  /**
   * Which Hydra OIDC implementation runs: `ners` or `pr1568`. The Hydra package must be
   * built from it; this option only decides what is written.
   * @default "ners"
   */
  readonly flavour?: OidcFlavour;

  /**
   * Label of the sign-in entry (`oidc_name` with `ners`); with `pr1568` also the provider
   * block's name and the last segment of the callback URL.
   * @default "OIDC"
   */
  readonly providerName?: string;

  /**
   * Client id registered with the identity provider.
   * @example "hydra"
   */
  readonly clientId: string;

  /**
   * File holding only the client secret, as an absolute path string; a unit copies it for
   * Hydra at boot, so it never enters the Nix store.
   * @default null
   * @example "/run/secrets/hydra-oidc"
   */
  readonly clientSecretFile?: AbsolutePath | null;

  /**
   * A ready Config::General file holding `oidc_client_secret = ...`, included as it is,
   * instead of `clientSecretFile` (`ners` only).
   * @default null
   */
  readonly secretIncludeFile?: AbsolutePath | null;

  /**
   * Scopes Hydra requests; `openid` and `email` are needed for every login.
   * @default ["openid", "email", "profile", "groups"]
   */
  readonly scopes?: readonly ScopeName[];

  /**
   * The provider's authorization endpoint (`ners` only).
   * @default null
   * @example "https://sso.example.com/ui/oauth2"
   */
  readonly authorizationEndpoint?: HttpUrl | null;

  /**
   * The provider's token endpoint (`ners` only).
   * @default null
   * @example "https://sso.example.com/oauth2/token"
   */
  readonly tokenEndpoint?: HttpUrl | null;

  /**
   * The provider's userinfo endpoint (`ners` only).
   * @default null
   * @example "https://sso.example.com/oauth2/openid/hydra/userinfo"
   */
  readonly userinfoEndpoint?: HttpUrl | null;

  /**
   * The provider's OpenID discovery document (`pr1568` only).
   * @default null
   * @example "https://sso.example.com/oauth2/openid/hydra/.well-known/openid-configuration"
   */
  readonly discoveryUrl?: HttpUrl | null;

  /**
   * Values of the userinfo `groups` claim and the Hydra roles they grant (`ners` only).
   * With `pr1568`, roles come from the id token's `hydra_roles` claim instead.
   * @default {}
   * @example { "hydra.admins@sso.example.com" = [ "admin" ]; }
   */
  readonly roleMapping?: Readonly<Record<string, readonly HydraRole[]>>;

  /**
   * Keep Hydra's own password entry in its login menu (`ners`). Hiding it does not turn
   * password logins off.
   * @default false
   */
  readonly passwordLogin?: boolean;
}
