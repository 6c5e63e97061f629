// The CI host of a two-host setup: only the Hydra half, which points Hydra at Kanidm.
import { defineConfig } from "hydra-kanidm";
import { shared } from "./shared.js";

export default defineConfig({
  imports: ["hydra"],
  hydraKanidm: shared,
});
