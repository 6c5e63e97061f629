// The one error class of the Nix builder: a stable code, the path to the bad value, a message.

/** Stable codes, so callers and tests can tell refusals apart without parsing messages. */
export type NixErrorCode =
  | "invalid-identifier"
  | "keyword-identifier"
  | "duplicate-attribute"
  | "empty-attribute-path"
  | "non-finite-number"
  | "integer-out-of-range"
  | "unsupported-value"
  | "cycle"
  | "nul-in-string"
  | "invalid-path-literal"
  | "invalid-operator"
  | "duplicate-parameter";

/** Raised by builders, `toNixExpr` and the printer when a value cannot become valid Nix. */
export class NixError extends Error {
  readonly code: NixErrorCode;
  /** Where the value sits, as a Nix attribute path (`roles."a b"`) or `<root>`. */
  readonly path: string;

  constructor(code: NixErrorCode, path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = "NixError";
    this.code = code;
    this.path = path;
  }
}
