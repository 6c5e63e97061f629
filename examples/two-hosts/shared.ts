// The settings both hosts share: Hydra and Kanidm must agree on every one of them, so they
// are written once and each host's config spreads them.
import type { HostConfig } from "hydra-kanidm";

export const shared: HostConfig["hydraKanidm"] = {
  enable: true,
  // Neither host runs both services, so nothing can be derived: every URL is given.
  hydraUrl: "https://hydra.example.com",
  kanidmUrl: "https://sso.example.com",
  kanidmDomain: "sso.example.com",
  // The same secret must reach this path on both hosts.
  clientSecretFile: "/run/secrets/hydra-oidc",
  roles: {
    "hydra.admins": ["admin"],
    "hydra.users": ["cancel-build", "restart-jobs"],
  },
  loginGroups: ["hydra.users"],
};
