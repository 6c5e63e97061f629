// Option declarations: `lib.mkOption { ... }` and `lib.mkEnableOption "..."`.

import { attrset, binding, call, text, type Entry, type NixExpr } from "../nix/index.js";

/** What one `lib.mkOption` call holds; the order is the one nixpkgs modules use. */
export interface OptionDeclaration {
  readonly type: NixExpr;
  readonly default?: NixExpr;
  readonly defaultText?: NixExpr;
  readonly example?: NixExpr;
  readonly description: string;
}

/** `lib.mkOption { type; default; defaultText; example; description; }`. */
export function mkOption(option: OptionDeclaration): NixExpr {
  const entries: Entry[] = [binding("type", option.type)];
  if (option.default !== undefined) entries.push(binding("default", option.default));
  if (option.defaultText !== undefined) entries.push(binding("defaultText", option.defaultText));
  if (option.example !== undefined) entries.push(binding("example", option.example));
  entries.push(binding("description", text(option.description)));
  return call("lib.mkOption", attrset(entries));
}

/** `lib.mkEnableOption "what"`; nixpkgs words the description as "Whether to enable what.". */
export function mkEnableOption(what: string): NixExpr {
  return call("lib.mkEnableOption", what);
}
