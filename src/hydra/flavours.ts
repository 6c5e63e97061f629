// The two lines of Hydra that speak OpenID Connect, and the facts that differ between them.

/** `ners`: the `oidc` branch of ners/hydra; `pr1568`: NixOS/hydra pull request 1568. */
export const OIDC_FLAVOURS = ["ners", "pr1568"] as const;

/** Which Hydra OIDC implementation runs. */
export type OidcFlavour = (typeof OIDC_FLAVOURS)[number];

/** The `ners` callback, which the provider must allow exactly. */
export const NERS_CALLBACK_PATH = "/oidc-login";

/** The `pr1568` callback is this prefix followed by the provider name. */
export const PR1568_CALLBACK_PREFIX = "/oidc-callback/";

/** Scopes `pr1568` always requests; `extra_scopes` only adds to them. */
export const PR1568_FIXED_SCOPES = ["openid", "profile", "email"] as const;

/** Scopes every login needs: `openid` for OIDC itself, `email` for the Hydra user name. */
export const REQUIRED_SCOPES = ["openid", "email"] as const;

/** The id_token claim `pr1568` reads roles from. */
export const PR1568_ROLES_CLAIM = "hydra_roles";

/** A provider name must be a URL path segment and a Config::General block label. */
export const PROVIDER_NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]*";
