// The typed Nix builder: syntax tree, builders, plain-data conversion and the printer.

export type * from "./ast.js";
export { NixError, type NixErrorCode } from "./error.js";
export { NIX_KEYWORDS, isBareName, attrName, attrPathText } from "./lexical.js";
export * from "./build/literals.js";
export { attrset, recAttrset, binding, inherit, type EntryOptions } from "./build/attrs.js";
export * from "./build/expressions.js";
export { isNixExpr } from "./build/node.js";
export type { Nixable } from "./build/lift.js";
export { toNixExpr } from "./to-nix-expr.js";
export { printNix, type PrintOptions } from "./print/print.js";
