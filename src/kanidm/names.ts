// What Kanidm accepts as names and scopes, and where its OAuth2 endpoints live.

/** Names of groups, persons and OAuth2 clients (POSIX ERE, matched whole). */
export const KANIDM_NAME_PATTERN = "[a-z][a-z0-9_.-]{0,63}";

/** OAuth2 scope names. */
export const SCOPE_PATTERN = "[0-9a-zA-Z_]+";

/** A DNS domain as Kanidm's `domain` setting holds it. */
export const DOMAIN_PATTERN = "[a-z0-9]([a-z0-9.-]*[a-z0-9])?";

/** An http(s) URL: scheme, authority, then an optional path without query or fragment. */
export const URL_PATTERN = "(https?)://([^/?#@ ]+)(/[^?# ]*)?";

/** Scopes granted to login groups unless the user says otherwise. */
export const DEFAULT_SCOPES = ["openid", "email", "profile", "groups"] as const;

/** Endpoint paths below the Kanidm origin; `{client}` stands for the client name. */
export const KANIDM_ENDPOINTS = {
  authorization: "/ui/oauth2",
  token: "/oauth2/token",
  userinfo: "/oauth2/openid/{client}/userinfo",
  discovery: "/oauth2/openid/{client}/.well-known/openid-configuration",
  issuer: "/oauth2/openid/{client}",
} as const;
