# Constants shared by the Hydra and Kanidm halves, defined once in src/hydra and src/kanidm.
{
  hydraRoles = [
    "admin"
    "create-projects"
    "restart-jobs"
    "bump-to-front"
    "cancel-build"
    "eval-jobset"
  ];
  hydraModuleKeys = [
    "using_frontend_proxy"
    "base_uri"
    "notification_sender"
    "max_servers"
    "hydra_logo"
    "gc_roots_dir"
    "use-substitutes"
  ];
  hydraConfEscaped = [
    "\\"
    "#"
    "\""
    "$"
  ];
  flavours = [
    "ners"
    "pr1568"
  ];
  nersCallbackPath = "/oidc-login";
  pr1568CallbackPrefix = "/oidc-callback/";
  pr1568FixedScopes = [
    "openid"
    "profile"
    "email"
  ];
  pr1568RolesClaim = "hydra_roles";
  providerNamePattern = "[A-Za-z0-9][A-Za-z0-9_.-]*";
  requiredScopes = [
    "openid"
    "email"
  ];
  defaultScopes = [
    "openid"
    "email"
    "profile"
    "groups"
  ];
  kanidmNamePattern = "[a-z][a-z0-9_.-]{0,63}";
  scopePattern = "[0-9a-zA-Z_]+";
  domainPattern = "[a-z0-9]([a-z0-9.-]*[a-z0-9])?";
  urlPattern = "(https?)://([^/?#@ ]+)(/[^?# ]*)?";
  kanidmEndpoints = {
    authorization = "/ui/oauth2";
    token = "/oauth2/token";
    userinfo = "/oauth2/openid/{client}/userinfo";
    discovery = "/oauth2/openid/{client}/.well-known/openid-configuration";
    issuer = "/oauth2/openid/{client}";
  };
  secretRuntimeDirectory = "/run/hydra-oidc";
  secretIncludeFile = "/run/hydra-oidc/client-secret.conf";
  secretRawFile = "/run/hydra-oidc/client-secret";
  secretUnit = "hydra-oidc-secret";
}
