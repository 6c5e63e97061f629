// Names for the string kinds the option interfaces use; each maps to one NixOS type.

/** An http(s) URL such as `https://hydra.example.com`. */
export type HttpUrl = string;

/** A Kanidm group name: lowercase, `^[a-z][a-z0-9_.-]{0,63}$`. */
export type KanidmName = string;

/** An absolute path given as a string, e.g. `"/run/secrets/hydra-oidc"`, never a Nix path. */
export type AbsolutePath = string;

/** An OAuth2 scope name (`[0-9a-zA-Z_]+`). */
export type ScopeName = string;
