// Hydra's roles: the six it knows, exactly as its database and web interface name them.

/** Every role Hydra grants; `admin` implies the other five. */
export const HYDRA_ROLES = [
  "admin",
  "create-projects",
  "restart-jobs",
  "bump-to-front",
  "cancel-build",
  "eval-jobset",
] as const;

/** One of Hydra's roles. */
export type HydraRole = (typeof HYDRA_ROLES)[number];
