// Hydra and Kanidm on one host, the setup of FACTS.md: `npm run build:nix` prints module.nix
// from this file, as `hydra-kanidm generate config.ts -o module.nix` would.
import { defineConfig } from "hydra-kanidm";

export default defineConfig({
  hydraKanidm: {
    enable: true,
    hydraUrl: "https://hydra.example.com",
    kanidmUrl: "https://sso.example.com",
    kanidmDomain: "sso.example.com",
    clientSecretFile: "/run/secrets/hydra-oidc",
    roles: {
      "hydra.admins": ["admin", "bump-to-front"],
      "hydra.users": ["cancel-build", "eval-jobset", "create-projects", "restart-jobs"],
    },
    loginGroups: ["hydra.users"],
  },
  persons: {
    somebody: {
      displayName: "Somebody",
      mailAddresses: ["somebody@example.com"],
      groups: ["hydra.admins", "hydra.users"],
    },
  },
});
