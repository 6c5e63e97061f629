// `defineConfig`: the one call a TypeScript host config makes, so editors type-check it
// against the option interfaces and show their documentation.

import type { HostConfig } from "./host-config.js";

/**
 * Returns the config unchanged; it exists for the types. Export its result as the file's
 * default export for `hydra-kanidm generate` to read.
 */
export function defineConfig(config: HostConfig): HostConfig {
  return config;
}
