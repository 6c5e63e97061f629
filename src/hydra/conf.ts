// What `hydra.conf` (read by Perl's Config::General) accepts, and what the NixOS module for
// Hydra already writes, so that we never write it twice.

/** Keys nixpkgs writes into hydra.conf itself; a second line would turn them into lists. */
export const HYDRA_MODULE_KEYS = [
  "using_frontend_proxy",
  "base_uri",
  "notification_sender",
  "max_servers",
  "hydra_logo",
  "gc_roots_dir",
  "use-substitutes",
] as const;

/** Characters Config::General unescapes in values, each written with a backslash. */
export const HYDRA_CONF_ESCAPED = ["\\", "#", '"', "$"] as const;

/** Where the client secret lands at run time; `/run` keeps it out of the Nix store. */
export const SECRET_RUNTIME_DIRECTORY = "/run/hydra-oidc";

/** The include file holding `oidc_client_secret = ...` for the `ners` flavour. */
export const SECRET_INCLUDE_FILE = `${SECRET_RUNTIME_DIRECTORY}/client-secret.conf`;

/** The bare secret, which the `pr1568` flavour reads through `client_secret_file`. */
export const SECRET_RAW_FILE = `${SECRET_RUNTIME_DIRECTORY}/client-secret`;

/** The systemd unit that copies the secret there before `hydra-init.service`. */
export const SECRET_UNIT = "hydra-oidc-secret";
