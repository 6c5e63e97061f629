#!/usr/bin/env node
// The `hydra-kanidm` command: registers tsx and runs the TypeScript entry point, so a fresh
// clone needs no compile step and config files can be TypeScript.

import { register } from "tsx/esm/api";
import { register as registerCommonJs } from "tsx/cjs/api";

register();
// Outside a package of "type": "module", Node loads a .ts config as CommonJS, which only
// tsx's require hook can compile.
registerCommonJs();
await import("../src/cli/main.ts");
