// Option declarations: `lib.mkOption { ... }` and `lib.mkEnableOption "..."`.

import {
  attrset,
  binding,
  call,
  indentedString,
  text,
  type Entry,
  type NixExpr,
} from "../nix/index.js";

/** What one `lib.mkOption` call holds; the order is the one nixpkgs modules use. */
export interface OptionDeclaration {
  readonly type: NixExpr;
  readonly default?: NixExpr;
  readonly defaultText?: NixExpr;
  readonly example?: NixExpr;
  /** Hidden from the manual: for modules talking to each other, not for users. */
  readonly internal?: boolean;
  readonly description: string;
}

/** `lib.mkOption { type; default; defaultText; example; description; }`. */
export function mkOption(option: OptionDeclaration): NixExpr {
  const entries: Entry[] = [binding("type", option.type)];
  if (option.default !== undefined) entries.push(binding("default", option.default));
  if (option.defaultText !== undefined) entries.push(binding("defaultText", option.defaultText));
  if (option.example !== undefined) entries.push(binding("example", option.example));
  if (option.internal) entries.push(binding("internal", true));
  entries.push(binding("description", description(option.description)));
  return call("lib.mkOption", attrset(entries));
}

/** `lib.mkEnableOption "what"`; nixpkgs words the description as "Whether to enable what.". */
export function mkEnableOption(what: string): NixExpr {
  return call("lib.mkEnableOption", what);
}

/** Descriptions are Markdown: a long one reads better wrapped in an indented string. */
function description(markdown: string): NixExpr {
  if (markdown.includes("\n") || markdown.length <= 72) return text(markdown);

  const lines: string[] = [];
  let current = "";
  for (const word of markdown.split(" ")) {
    if (current !== "" && current.length + 1 + word.length > 80) {
      lines.push(current);
      current = word;
    } else {
      current = current === "" ? word : `${current} ${word}`;
    }
  }
  lines.push(current);
  return indentedString(lines.join("\n") + "\n");
}
