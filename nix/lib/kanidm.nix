# Kanidm's side of the integration, the groups and the OAuth2 client, and the
# services.hydra-oidc settings that point Hydra at that client. Only builtins.
let
  constants = import ./constants.nix;
  strings = import ./strings.nix;
in
rec {
  # Kanidm's OAuth2 endpoints for client `clientId` at `origin`.
  endpoints =
    origin: clientId:
    builtins.mapAttrs
      (
        name: path:
        if origin == null then
          null
        else
          strings.trimSlashes origin + builtins.replaceStrings [ "{client}" ] [ clientId ] path
      ) constants.kanidmEndpoints;

  # The redirect URL the chosen Hydra flavour sends; Kanidm matches it exactly.
  redirectUrl =
    settings:
    strings.trimSlashes settings.hydraUrl
    + (
      if settings.flavour == "ners" then
        constants.nersCallbackPath
      else
        constants.pr1568CallbackPrefix + settings.providerName
    );

  # Every group the settings name: the keys of `roles` and the login groups.
  groupNames =
    settings: strings.uniqueSorted (builtins.attrNames settings.roles ++ settings.loginGroups);

  # Groups that map at least one role, each role once.
  mappedRoles =
    settings:
    builtins.mapAttrs (group: roles: strings.uniqueInOrder roles) (
      builtins.removeAttrs settings.roles (
        builtins.filter (group: builtins.getAttr group settings.roles == [ ]) (
          builtins.attrNames settings.roles
        )
      )
    );

  # A Hydra role as a Kanidm claim value; Hydra reads `_` back as `-`.
  claimValue = role: builtins.replaceStrings [ "-" ] [ "_" ] role;

  # The claim map that carries each group's roles in the id token (pr1568).
  rolesClaim =
    settings:
    let
      byGroup = mappedRoles settings;
    in
    if byGroup == { } then
      { }
    else
      builtins.listToAttrs [
        {
          name = constants.pr1568RolesClaim;
          value = {
            joinType = "array";
            valuesByGroup = builtins.mapAttrs (group: roles: map claimValue roles) byGroup;
          };
        }
      ];

  # services.kanidm.provision for services.hydra-kanidm settings.
  provision =
    settings:
    let
      s = settings;
      client =
        {
          displayName = s.displayName;
          originUrl = redirectUrl s;
          originLanding = strings.trimSlashes s.hydraUrl + "/";
          preferShortUsername = s.preferShortUsername;
          scopeMaps = builtins.listToAttrs (
            map (name: {
              inherit name;
              value = s.scopes;
            }) s.loginGroups
          );
        }
        // (
          if s.clientSecretFile == null then
            { }
          else
            {
              basicSecretFile =
                strings.secretFile "services.hydra-kanidm.clientSecretFile" s.clientSecretFile;
            }
        )
        // (
          if s.flavour == "ners" then
            {
              allowInsecureClientDisablePkce = true;
            }
          else
            {
              claimMaps = rolesClaim s;
            }
        );
    in
    {
      groups = builtins.listToAttrs (
        map (name: {
          inherit name;
          value = { };
        }) (groupNames s)
      );
      systems.oauth2 = builtins.listToAttrs [
        {
          name = s.clientId;
          value = client;
        }
      ];
    };

  # services.hydra-oidc settings for Hydra signing in through this client.
  oidcSettings =
    settings:
    let
      s = settings;
      ners = settings.flavour == "ners";
      kanidm = endpoints settings.kanidmUrl settings.clientId;
      forNers = value: if ners then value else null;
      mapped = mappedRoles settings;
    in
    {
      inherit (s) flavour providerName clientId clientSecretFile scopes passwordLogin;
      authorizationEndpoint = forNers kanidm.authorization;
      tokenEndpoint = forNers kanidm.token;
      userinfoEndpoint = forNers kanidm.userinfo;
      discoveryUrl = if ners then null else kanidm.discovery;
      roleMapping =
        if ners && s.kanidmDomain != null then
          builtins.listToAttrs (
            map (group: {
              name = "${group}@${s.kanidmDomain}";
              value = builtins.getAttr group mapped;
            }) (builtins.attrNames mapped)
          )
        else
          { };
      secretIncludeFile = null;
    };
}
