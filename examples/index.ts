// The example configs and where the build prints their modules, so `npm run build:nix` keeps
// every example module in step with its config.
import type { HostConfig } from "hydra-kanidm";
import singleHost from "./single-host/config.js";
import hydraHost from "./two-hosts/hydra-host.config.js";
import kanidmHost from "./two-hosts/kanidm-host.config.js";

/** An example: its config file and generated module, relative to the repository root. */
export interface Example {
  readonly config: string;
  readonly module: string;
  readonly host: HostConfig;
}

export const EXAMPLES: readonly Example[] = [
  {
    config: "examples/single-host/config.ts",
    module: "examples/single-host/module.nix",
    host: singleHost,
  },
  {
    config: "examples/two-hosts/hydra-host.config.ts",
    module: "examples/two-hosts/hydra-host.nix",
    host: hydraHost,
  },
  {
    config: "examples/two-hosts/kanidm-host.config.ts",
    module: "examples/two-hosts/kanidm-host.nix",
    host: kanidmHost,
  },
];
