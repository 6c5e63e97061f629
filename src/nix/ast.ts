// The Nix syntax tree: one readonly node kind per construct. Builders in `build/` make these;
// the printer in `print/` turns them into source.

/** A piece of a string: literal text or an interpolated expression. */
export type StringPart = string | NixExpr;

/** A comment printed as `# ...` lines above a binding or list item. */
export interface Commented {
  readonly comment?: string;
  /** Print an empty line before this entry; the printer never invents one. */
  readonly blankLineBefore?: boolean;
}

export interface Binding extends Commented {
  readonly kind: "binding";
  readonly path: readonly string[];
  readonly value: NixExpr;
}

export interface Inherit extends Commented {
  readonly kind: "inherit";
  readonly from?: NixExpr;
  readonly names: readonly string[];
}

/** What a set or a `let` holds. */
export type Entry = Binding | Inherit;

export interface ListItem extends Commented {
  readonly value: NixExpr;
}

export interface PatternField {
  readonly name: string;
  readonly default?: NixExpr;
}

/** `x:` or `{ a, b ? 1, ... }@args:`. */
export type Parameter =
  | { readonly kind: "name"; readonly name: string }
  | {
      readonly kind: "pattern";
      readonly fields: readonly PatternField[];
      readonly ellipsis: boolean;
      readonly bind?: string;
    };

export type BinaryOperator =
  "->" | "||" | "&&" | "==" | "!=" | "<" | ">" | "<=" | ">=" | "//" | "+" | "-" | "*" | "/" | "++";

export type NixExpr =
  | { readonly kind: "identifier"; readonly name: string }
  | { readonly kind: "int"; readonly value: bigint }
  | { readonly kind: "float"; readonly value: number }
  | { readonly kind: "null" }
  | { readonly kind: "string"; readonly parts: readonly StringPart[] }
  | { readonly kind: "indented-string"; readonly parts: readonly StringPart[] }
  | { readonly kind: "path"; readonly text: string }
  | { readonly kind: "attrset"; readonly rec: boolean; readonly entries: readonly Entry[] }
  | { readonly kind: "list"; readonly items: readonly ListItem[] }
  | { readonly kind: "function"; readonly parameter: Parameter; readonly body: NixExpr }
  | { readonly kind: "apply"; readonly fn: NixExpr; readonly args: readonly NixExpr[] }
  | {
      readonly kind: "select";
      readonly target: NixExpr;
      readonly path: readonly string[];
      readonly default?: NixExpr;
    }
  | { readonly kind: "has-attr"; readonly target: NixExpr; readonly path: readonly string[] }
  | { readonly kind: "not"; readonly operand: NixExpr }
  | { readonly kind: "negate"; readonly operand: NixExpr }
  | {
      readonly kind: "binary";
      readonly op: BinaryOperator;
      readonly left: NixExpr;
      readonly right: NixExpr;
    }
  | { readonly kind: "let"; readonly entries: readonly Entry[]; readonly body: NixExpr }
  | { readonly kind: "with"; readonly scope: NixExpr; readonly body: NixExpr }
  | {
      readonly kind: "if";
      readonly condition: NixExpr;
      readonly then: NixExpr;
      readonly else: NixExpr;
    }
  | { readonly kind: "assert"; readonly condition: NixExpr; readonly body: NixExpr }
  | { readonly kind: "raw"; readonly text: string };

/** The node of one kind, e.g. `NodeOf<"select">`. */
export type NodeOf<K extends NixExpr["kind"]> = Extract<NixExpr, { kind: K }>;
