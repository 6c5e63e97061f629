# Assertions and warnings of services.hydra-oidc and services.hydra-kanidm as pure
# functions: each returns { assertions = [ { assertion; message; } ]; warnings = [ ]; }.
let
  constants = import ./constants.nix;
  strings = import ./strings.nix;
  kanidm = import ./kanidm.nix;
  hydraConf = import ./hydra-conf.nix;
in
rec {
  # An http(s) URL option: set, with a host.
  urlChecks = option: url: example: [
    {
      assertion = url != null;
      message = "${option} is not set; set it to the public base URL, e.g. \"${example}\".";
    }
    {
      assertion = url == null || strings.matches constants.urlPattern url;
      message = "${option} = ${strings.show url} is not an http:// or https:// URL with a host and no query; write it like \"${example}\".";
    }
  ];

  urlWarnings =
    option: url:
    if url != null
    && (
      strings.matches "http://.*" url
      && !strings.matches "http://(localhost|127[.0-9]*|\\[::1])([:/].*)?" url
    ) then
      [
        "${option} = ${strings.show url} uses http://; browsers send the login code in clear text and Kanidm allows http redirects only for localhost. Use https:// in production."
      ]
    else
      [ ];

  scopeChecks =
    option: scopes:
    map (scope: {
      assertion = strings.matches constants.scopePattern scope;
      message = "${option} lists ${strings.show scope}, which is not an OAuth2 scope name ([0-9a-zA-Z_]+).";
    }) scopes
    ++ map (scope: {
      assertion = builtins.elem scope scopes;
      message = "${option} lacks ${strings.show scope}; every login needs \"openid\" and \"email\" (Hydra names users by their email). Add it to the list.";
    }) constants.requiredScopes;

  secretChecks = option: file: [
    {
      assertion = !builtins.isPath file;
      message = "${option} is the Nix path ${builtins.toString file}; a path literal copies the secret into the world-readable Nix store. Write it as a string, e.g. \"/run/secrets/hydra-oidc\".";
    }
    {
      assertion = file == null || builtins.isPath file || strings.matches "/[^[:cntrl:]]*" file;
      message = "${option} = ${strings.show file} is not an absolute path free of control characters; write it like \"/run/secrets/hydra-oidc\".";
    }
  ];

  secretWarnings =
    option: file:
    if builtins.isString file && strings.matches "${builtins.storeDir}/.*" file then
      [
        "${option} = ${strings.show file} lies in the Nix store, which every local user can read; keep the secret outside it (sops-nix, agenix, a file under /run/secrets) and rotate it."
      ]
    else
      [ ];

  mappingKeyChecks =
    option: settings:
    if settings.flavour != "ners"
    || (
      settings.kanidmDomain == null
      || !strings.matches constants.domainPattern settings.kanidmDomain
    ) then
      [ ]
    else
      map (key: {
        assertion = hydraConf.keyProblem key == null;
        message = "${option}: ${strings.show key} cannot be a hydra.conf key; keys hold only letters, digits and _ . @ + - (no spaces, =, # or quotes) and do not start with include.";
      }) (
        map (group: "${group}@${settings.kanidmDomain}") (
          builtins.filter (group: strings.matches constants.kanidmNamePattern group) (
            builtins.attrNames (kanidm.mappedRoles settings)
          )
        )
      );

  roleChecks =
    option: mapping:
    builtins.concatMap
      (
        key:
        map (role: {
          assertion = builtins.elem role constants.hydraRoles;
          message = "${option}.${strings.show key} lists ${strings.show role}, which is not a Hydra role; use one of ${builtins.concatStringsSep ", " constants.hydraRoles}.";
        }) (builtins.getAttr key mapping)
      ) (builtins.attrNames mapping);

  roleOwners =
    mapping:
    let
      owners = builtins.groupBy (pair: pair.role) (
        builtins.concatMap
          (
            key:
            map (role: {
              key = key;
              role = role;
            }) (strings.uniqueInOrder (builtins.getAttr key mapping))
          ) (builtins.attrNames mapping)
      );
    in
    map (role: {
      role = role;
      keys = map (pair: pair.key) (builtins.getAttr role owners);
    }) (builtins.attrNames owners);

  # With ners, a role mapped from two groups fails the login of a user in both.
  roleOwnerChecks =
    option: mapping:
    map (owner: {
      assertion = builtins.length owner.keys == 1;
      message = "${option}: role ${strings.show owner.role} is mapped from more than one group (${builtins.concatStringsSep ", " (map strings.show owner.keys)}); Hydra inserts the role twice for a user in both and the login fails. Map each role from one group.";
    }) (roleOwners mapping);

  confValueCheck =
    option: value:
    let
      problem = builtins.toString (hydraConf.valueProblem value);
    in
    {
      assertion = value == null || problem == "";
      message = "${option} = ${strings.show value} cannot be written into hydra.conf: it ${problem}. Remove those characters.";
    };

  providerNameCheck = option: name: {
    assertion = strings.matches constants.providerNamePattern name;
    message = "${option} = ${strings.show name} must be usable as a URL path segment and a hydra.conf block label: letters, digits and _ . - starting with a letter or digit.";
  };

  flavourOnly = option: flavour: isSet: {
    assertion = !isSet;
    message = "${option} is only read by the ${flavour} flavour; remove it or set services.hydra-oidc.flavour = \"${flavour}\".";
  };

  # services.hydra-oidc; `option` is the prefix its messages name.
  hydraOidc =
    option: settings:
    let
      s = settings;
      ners = settings.flavour == "ners";
      endpoint =
        name: url:
        if ners then
          [
            {
              assertion = url != null;
              message = "${option}.${name} is not set; the ners flavour needs it (the provider's endpoint URL).";
            }
          ]
          ++ urlChecks "${option}.${name}" url "https://sso.example.com/..."
          ++ [ (confValueCheck "${option}.${name}" url) ]
        else
          [ (flavourOnly "${option}.${name}" "ners" (url != null)) ];
    in
    {
      assertions = builtins.concatLists [
        (endpoint "authorizationEndpoint" s.authorizationEndpoint)
        (endpoint "tokenEndpoint" s.tokenEndpoint)
        (endpoint "userinfoEndpoint" s.userinfoEndpoint)
        (
          if ners then
            [
              (flavourOnly "${option}.discoveryUrl" "pr1568" (s.discoveryUrl != null))
              (confValueCheck "${option}.providerName" s.providerName)
            ]
          else
            urlChecks "${option}.discoveryUrl" s.discoveryUrl
              "https://sso.example.com/.well-known/openid-configuration" ++ [
              (confValueCheck "${option}.discoveryUrl" s.discoveryUrl)
              (flavourOnly "${option}.roleMapping" "ners" (s.roleMapping != { }))
              (flavourOnly "${option}.secretIncludeFile" "ners" (s.secretIncludeFile != null))
              (providerNameCheck "${option}.providerName" s.providerName)
            ]
        )
        (scopeChecks "${option}.scopes" s.scopes)
        [
          {
            assertion =
              s.secretIncludeFile == null
              || builtins.isPath s.secretIncludeFile
              || strings.matches "/[^[:space:]#\\\"]+" s.secretIncludeFile;
            message = "${option}.secretIncludeFile = ${strings.show s.secretIncludeFile} cannot be written into hydra.conf: it is not an absolute path free of spaces, # and quotes. Remove those characters.";
          }
        ]
        [
          (
            confValueCheck "${option}.secretIncludeFile" (
              if builtins.isPath s.secretIncludeFile then null else s.secretIncludeFile
            )
          )
        ]
        (
          map (key: {
            assertion = hydraConf.keyProblem key == null;
            message = "${option}.roleMapping: ${strings.show key} cannot be a hydra.conf key; keys hold only letters, digits and _ . @ + - (no spaces, =, # or quotes) and do not start with include.";
          }) (builtins.attrNames s.roleMapping)
        )
        [
          (confValueCheck "${option}.clientId" s.clientId)
          {
            assertion = s.clientSecretFile != null || s.secretIncludeFile != null;
            message = "${option}.clientSecretFile is not set; give the path of a file holding only the client secret, e.g. \"/run/secrets/hydra-oidc\", readable by root (and by kanidm on the Kanidm host).";
          }
          {
            assertion = !(s.clientSecretFile != null && s.secretIncludeFile != null);
            message = "${option}.clientSecretFile and ${option}.secretIncludeFile are both set; give the bare secret in one or a ready include file in the other, not both.";
          }
        ]
        (secretChecks "${option}.clientSecretFile" s.clientSecretFile)
        (secretChecks "${option}.secretIncludeFile" s.secretIncludeFile)
        (roleChecks "${option}.roleMapping" s.roleMapping)
        (if ners then roleOwnerChecks "${option}.roleMapping" s.roleMapping else [ ])
      ];
      warnings = builtins.concatLists [
        (secretWarnings "${option}.clientSecretFile" s.clientSecretFile)
        (urlWarnings "${option}.authorizationEndpoint" s.authorizationEndpoint)
        (urlWarnings "${option}.discoveryUrl" s.discoveryUrl)
      ];
    };

  # services.hydra-kanidm, before its settings reach services.hydra-oidc.
  hydraKanidm =
    option: settings:
    let
      s = settings;
      groups = kanidm.groupNames settings;
      groupOption =
        group:
        if builtins.hasAttr group settings.roles then
          "${option}.roles"
        else
          "${option}.loginGroups";
      mapped = kanidm.mappedRoles settings;
    in
    {
      assertions = builtins.concatLists [
        (urlChecks "${option}.hydraUrl" s.hydraUrl "https://hydra.example.com")
        (urlChecks "${option}.kanidmUrl" s.kanidmUrl "https://sso.example.com")
        [
          (confValueCheck "${option}.kanidmUrl" s.kanidmUrl)
          {
            assertion = s.kanidmDomain != null;
            message = "${option}.kanidmDomain is not set and cannot be derived (no Kanidm server on this host, no valid kanidmUrl); set it to Kanidm's domain setting, e.g. \"sso.example.com\".";
          }
          {
            assertion =
              s.kanidmDomain == null || strings.matches constants.domainPattern s.kanidmDomain;
            message = "${option}.kanidmDomain = ${strings.show s.kanidmDomain} is not a DNS domain (lowercase letters, digits, dots, dashes).";
          }
          {
            assertion = strings.matches constants.kanidmNamePattern s.clientId;
            message = "${option}.clientId: ${strings.show s.clientId} is not a Kanidm name; use lowercase letters, digits and _ . - starting with a letter, at most 64 characters (^[a-z][a-z0-9_.-]{0,63}$).";
          }
          {
            assertion = !builtins.elem s.clientId groups;
            message = "${option}.clientId = ${strings.show s.clientId} is also a group name; Kanidm names are unique across groups, persons and clients. Rename the client or the group.";
          }
          {
            assertion = s.clientSecretFile != null;
            message = "${option}.clientSecretFile is not set; give the path of a file holding only the client secret, e.g. \"/run/secrets/hydra-oidc\", readable by root (and by kanidm on the Kanidm host).";
          }
          (
            if s.flavour == "ners" then
              confValueCheck "${option}.providerName" s.providerName
            else
              providerNameCheck "${option}.providerName" s.providerName
          )
          {
            assertion = s.flavour != "ners" || (mapped == { } || builtins.elem "groups" s.scopes);
            message = "${option}.scopes lacks \"groups\" while roles are mapped; without it Hydra sees no group and grants no role. Add \"groups\" to the list.";
          }
        ]
        (
          map (group: {
            assertion = strings.matches constants.kanidmNamePattern group;
            message = "${groupOption group}: ${strings.show group} is not a Kanidm name; use lowercase letters, digits and _ . - starting with a letter, at most 64 characters (^[a-z][a-z0-9_.-]{0,63}$).";
          }) groups
        )
        (scopeChecks "${option}.scopes" s.scopes)
        (secretChecks "${option}.clientSecretFile" s.clientSecretFile)
        (roleChecks "${option}.roles" s.roles)
        (if s.flavour == "ners" then roleOwnerChecks "${option}.roles" s.roles else [ ])
        (mappingKeyChecks "${option}.roles" s)
      ];
      warnings = builtins.concatLists [
        (secretWarnings "${option}.clientSecretFile" s.clientSecretFile)
        (urlWarnings "${option}.hydraUrl" s.hydraUrl)
        (urlWarnings "${option}.kanidmUrl" s.kanidmUrl)
        (
          if s.loginGroups == [ ] then
            [
              "${option}.loginGroups is empty, so nobody is granted the scopes to log in to Hydra; list the groups whose members may log in, or add groups to services.hydra-kanidm.roles."
            ]
          else
            [ ]
        )
      ];
    };

  # What the persons and groups provisioned on this host reveal.
  persons =
    settings: persons: groups:
    let
      s = settings;
      person = name: builtins.getAttr name persons;
      present = builtins.filter (name: (person name).present or true) (builtins.attrNames persons);
      groupsOf = name: (person name).groups or [ ];
      mailsOf = name: (person name).mailAddresses or [ ];
      mapped = kanidm.mappedRoles settings;
      loginGroupSet = builtins.listToAttrs (
        map (item: {
          name = item;
          value = null;
        }) s.loginGroups
      );
      # The groups some present person is in; read only for groups without members.
      declared = builtins.listToAttrs (
        map (item: {
          name = item;
          value = null;
        }) (builtins.concatMap groupsOf present)
      );
      loginGroupsOf =
        name: builtins.filter (group: builtins.hasAttr group loginGroupSet) (groupsOf name);
      # The part of the role mapping that reaches this person.
      mappingOf =
        name:
        builtins.intersectAttrs
          (
            builtins.listToAttrs (
              map (item: {
                name = item;
                value = null;
              }) (groupsOf name)
            )
          ) mapped;
      group = name: if builtins.hasAttr name groups then builtins.getAttr name groups else { };
      # Provisioning with overwriteMembers empties a group no one is declared in.
      emptied =
        name:
        (group name).overwriteMembers or true
        && ((group name).members or [ ] == [ ] && !builtins.hasAttr name declared);
    in
    {
      assertions =
        if s.flavour != "ners" then
          [ ]
        else
          builtins.concatMap
            (
              name:
              map (owner: {
                assertion = builtins.length owner.keys == 1;
                message = "services.kanidm.provision.persons.${strings.attrName name} is in ${builtins.concatStringsSep ", " (map strings.show owner.keys)}, which all map role ${strings.show owner.role}; every login of this person would fail. Map the role from one group only.";
              }) (roleOwners (mappingOf name))
            ) present;
      warnings =
        builtins.concatMap
          (
            name:
            (
              if mailsOf name == [ ] then
                map
                  (
                    group:
                    "services.kanidm.provision.persons.${strings.attrName name} is in login group ${strings.show group} but has no mailAddresses; Hydra names users by email, so this person cannot log in. Add one."
                  ) (loginGroupsOf name)
              else
                [ ]
            )
            ++ (
              if loginGroupsOf name != [ ]
              && (
                mailsOf name != [ ] && strings.matches ".*[+].*" (builtins.head (mailsOf name))
              ) then
                [
                  "services.kanidm.provision.persons.${strings.attrName name} has the mail address ${strings.show (builtins.head (mailsOf name))} with a +, which Hydra refuses as a user name; put an address without + first."
                ]
              else
                [ ]
            )
          ) present
        ++ builtins.concatMap
          (
            name:
            if emptied name then
              [
                "services.kanidm.provision.groups.${strings.show name} has no members declared in Nix and overwriteMembers = true, so every provisioning run empties it. Declare its members or set services.kanidm.provision.groups.${strings.show name}.overwriteMembers = false."
              ]
            else
              [ ]
          ) (kanidm.groupNames settings);
    };

  sectionCount = hydraConf.sectionCount;

  failures = checks: map (check: check.message) (builtins.filter (check: !check.assertion) checks);
}
