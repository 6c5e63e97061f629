// A problem found in a host config: an error stops generation, a warning is printed and
// generation goes on, as NixOS treats assertions and warnings.

/** One refusal or warning, naming the option by its Nix path and the value it holds. */
export interface ConfigProblem {
  readonly kind: "error" | "warning";
  /** The config file, as the user named it. */
  readonly file: string;
  /** Where the value sits, e.g. `services.hydra-kanidm.roles."a b"`. */
  readonly path: string;
  /** The offending value as the config holds it; undefined when the option is missing. */
  readonly value: unknown;
  /** What is wrong and what to change, the same text the NixOS module would print. */
  readonly message: string;
}

/** A problem without its file, as the rules produce them; the validator adds the file. */
export type Finding = Omit<ConfigProblem, "file">;

/** The value quoted the way Nix's builtins.toJSON quotes it in the module's messages. */
export function show(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "function") return "a function";
  if (typeof value === "bigint") return `${value}`;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined) return String(value);
  // Nix writes these two control characters as \u escapes, JSON.stringify as \b and \f.
  return json.replace(/\\b/g, "\\u0008").replace(/\\f/g, "\\u000c");
}
