// The public API: the typed Nix builder and printer, the option interfaces, TypeScript host
// configs, and the files the build generates. Kept stable; see DESIGN.md "Public API".

// Host configs come first: an example config imported by generate.ts imports this file
// back, and defineConfig must be ready by then.
export { defineConfig } from "./config/define-config.js";
export type { HostConfig, HostModule, PersonConfig } from "./config/host-config.js";
export { validateConfig, checkedConfig, ConfigError } from "./config/validate-config.js";
export type { ConfigProblem } from "./config/problem.js";
export { hostModule, hostModuleText } from "./config/host-module.js";

export * from "./nix/index.js";

export type { HydraKanidmOptions } from "./modules/options/hydra-kanidm.js";
export type { HydraOidcOptions } from "./modules/options/hydra-oidc.js";
export type { HydraRole } from "./hydra/roles.js";
export type { OidcFlavour } from "./hydra/flavours.js";

export { generatedFiles, type GeneratedFile } from "./generate.js";
