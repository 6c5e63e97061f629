// The identity host of a two-host setup: only the Kanidm half, which provisions the groups,
// the OAuth2 client for Hydra, and the persons.
import { defineConfig } from "hydra-kanidm";
import { shared } from "./shared.js";

export default defineConfig({
  imports: ["kanidm"],
  hydraKanidm: shared,
  persons: {
    somebody: {
      displayName: "Somebody",
      mailAddresses: ["somebody@example.com"],
      groups: ["hydra.admins", "hydra.users"],
    },
  },
});
