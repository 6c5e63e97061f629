// Paths of the generated files, relative to nix/, so modules can refer to each other.

/** The pure library, imported by every module. */
export const LIBRARY = "../lib";

/** The script the secret unit runs, next to the library. */
export const SECRET_SCRIPT_PATH = "../lib/write-secret.sh";
