// The NixOS vocabulary on top of the Nix builder.

export * from "./lib.js";
export { types } from "./types.js";
export { mkOption, mkEnableOption, type OptionDeclaration } from "./option.js";
export { nixosModule, type ModuleParts } from "./module.js";
