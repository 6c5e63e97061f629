// The starter config `hydra-kanidm init` writes: the single-host setup of FACTS.md, with a
// comment on each setting a new user must look at.

/** The text of the starter config; it type-checks and validates as written. */
export const STARTER_CONFIG = `\
// Hydra single sign-on through Kanidm on one host, as \`hydra-kanidm init\` wrote it.
// Edit the values, then print the NixOS module and add it to the host's modules:
//   npx hydra-kanidm generate hydra-kanidm.config.ts -o sso.nix
import { defineConfig } from "hydra-kanidm";

export default defineConfig({
  hydraKanidm: {
    enable: true,
    // Hydra's public base URL exactly as browsers open it: Kanidm allows only its redirect.
    hydraUrl: "https://hydra.example.com",
    // Kanidm's origin, and its domain: the part after @ in the group names Kanidm sends.
    kanidmUrl: "https://sso.example.com",
    kanidmDomain: "sso.example.com",
    // A file holding only the client secret, readable by root and by the kanidm user. Give it
    // as a path string; sops-nix, agenix or systemd credentials can put it there.
    clientSecretFile: "/run/secrets/hydra-oidc",
    // Kanidm groups and the Hydra roles their members get. The default Hydra flavour
    // ("ners") fails the login of a user who gets one role from two groups.
    roles: {
      "hydra.admins": ["admin", "bump-to-front"],
      "hydra.users": ["cancel-build", "eval-jobset", "create-projects", "restart-jobs"],
    },
    // Members of these groups may log in to Hydra.
    loginGroups: ["hydra.users"],
  },
  // Persons Kanidm provisions. Hydra names a user by the first mail address, without a +.
  persons: {
    somebody: {
      displayName: "Somebody",
      mailAddresses: ["somebody@example.com"],
      groups: ["hydra.admins", "hydra.users"],
    },
  },
});
`;
