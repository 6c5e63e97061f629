// nix/lib/constants.nix: the constants of src/hydra and src/kanidm, printed once for Nix.

import { toNixExpr } from "../../nix/index.js";
import { HYDRA_MODULE_KEYS, HYDRA_CONF_ESCAPED } from "../../hydra/conf.js";
import {
  SECRET_INCLUDE_FILE,
  SECRET_RAW_FILE,
  SECRET_RUNTIME_DIRECTORY,
  SECRET_UNIT,
} from "../../hydra/conf.js";
import {
  NERS_CALLBACK_PATH,
  OIDC_FLAVOURS,
  PR1568_CALLBACK_PREFIX,
  PR1568_FIXED_SCOPES,
  PR1568_ROLES_CLAIM,
  PROVIDER_NAME_PATTERN,
  REQUIRED_SCOPES,
} from "../../hydra/flavours.js";
import { HYDRA_ROLES } from "../../hydra/roles.js";
import {
  DEFAULT_SCOPES,
  DOMAIN_PATTERN,
  KANIDM_ENDPOINTS,
  KANIDM_NAME_PATTERN,
  SCOPE_PATTERN,
  URL_PATTERN,
} from "../../kanidm/names.js";
import type { NixFile } from "./shared.js";

/** The values both halves share, as one attribute set. */
export const CONSTANTS = {
  hydraRoles: [...HYDRA_ROLES],
  hydraModuleKeys: [...HYDRA_MODULE_KEYS],
  hydraConfEscaped: [...HYDRA_CONF_ESCAPED],
  flavours: [...OIDC_FLAVOURS],
  nersCallbackPath: NERS_CALLBACK_PATH,
  pr1568CallbackPrefix: PR1568_CALLBACK_PREFIX,
  pr1568FixedScopes: [...PR1568_FIXED_SCOPES],
  pr1568RolesClaim: PR1568_ROLES_CLAIM,
  providerNamePattern: PROVIDER_NAME_PATTERN,
  requiredScopes: [...REQUIRED_SCOPES],
  defaultScopes: [...DEFAULT_SCOPES],
  kanidmNamePattern: KANIDM_NAME_PATTERN,
  scopePattern: SCOPE_PATTERN,
  domainPattern: DOMAIN_PATTERN,
  urlPattern: URL_PATTERN,
  kanidmEndpoints: { ...KANIDM_ENDPOINTS },
  secretRuntimeDirectory: SECRET_RUNTIME_DIRECTORY,
  secretIncludeFile: SECRET_INCLUDE_FILE,
  secretRawFile: SECRET_RAW_FILE,
  secretUnit: SECRET_UNIT,
};

export const constantsFile: NixFile = {
  path: "lib/constants.nix",
  header:
    "Constants shared by the Hydra and Kanidm halves, defined once in src/hydra and src/kanidm.",
  expr: toNixExpr(CONSTANTS),
};
