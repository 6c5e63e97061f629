# The OIDC section of hydra.conf. Every value is escaped for Perl's Config::General, or refused
# with a message naming the option, so no setting can add a line or a block.
let
  constants = import ./constants.nix;
  strings = import ./strings.nix;
in
rec {
  # Why a value cannot stand in hydra.conf, or null when it can.
  valueProblem =
    value:
    if !builtins.isString value then
      "is not a string"
    else if !strings.matches "[^[:cntrl:]]*" value then
      "holds a line break or another control character"
    else if strings.matches ".*(/[*]|[*]/).*" value then
      "holds /* or */, which Config::General reads as a C comment"
    else if strings.matches ".*<.*/>" value then
      "ends in /> after a <, which Config::General reads as a block"
    else if strings.matches ".*<<.*" value then
      "holds <<, which Config::General reads as the start of a here-document"
    else
      null;

  # Why a text cannot be a hydra.conf key, or null when it can.
  keyProblem =
    key:
    if strings.matches "[A-Za-z0-9_.@+-]+" key
    && !strings.matches "[Ii][Nn][Cc][Ll][Uu][Dd][Ee].*" key then
      null
    else
      "cannot be a key";

  # A value as Config::General reads it back: \ # " $ escaped, quoted when it has outer spaces.
  escapeValue =
    value:
    let
      escaped =
        builtins.replaceStrings constants.hydraConfEscaped [
          "\\\\"
          "\\#"
          "\\\""
          "\\$"
        ] value;
    in
    if strings.matches "[[:space:]].*|.*[[:space:]]|" value then "\"${escaped}\"" else escaped;

  # `key = value`, or a throw naming the option when the value is unsafe.
  line =
    option: key: value:
    let
      problem = valueProblem value;
    in
    if problem == null then
      "${key} = ${escapeValue value}"
    else
      throw
        "${option} = ${strings.show value} cannot be written into hydra.conf: it ${problem}. Remove those characters.";

  mappingLine =
    option: key: role:
    if keyProblem key != null then
      throw
        "${option}: ${strings.show key} cannot be a hydra.conf key; keys hold only letters, digits and _ . @ + - (no spaces, =, # or quotes) and do not start with include."
    else if !builtins.elem role constants.hydraRoles then
      throw
        "${option}.${strings.show key} lists ${strings.show role}, which is not a Hydra role; use one of ${builtins.concatStringsSep ", " constants.hydraRoles}."
    else
      "  ${key} = ${role}";

  # The role mapping, one line per role; a key repeated collects the roles.
  mappingLines =
    option: mapping:
    builtins.concatMap
      (
        key:
        map (role: mappingLine option key role) (
          strings.uniqueInOrder (builtins.getAttr key mapping)
        )
      ) (builtins.attrNames mapping);

  includeLine =
    option: file:
    let
      problem = valueProblem file;
    in
    if problem != null then
      throw
        "${option} = ${strings.show file} cannot be written into hydra.conf: it ${problem}. Remove those characters."
    else if strings.matches "/[^[:space:]#\\\"]+" file then
      "include ${file}"
    else
      throw
        "${option} = ${strings.show file} cannot be written into hydra.conf: it is not an absolute path free of spaces, # and quotes. Remove those characters.";

  includeLines =
    option: settings:
    let
      file =
        if settings.secretIncludeFile != null then
          settings.secretIncludeFile
        else if settings.clientSecretFile != null then
          constants.secretIncludeFile
        else
          null;
    in
    if file == null then [ ] else [ (includeLine "${option}.secretIncludeFile" file) ];

  # Flat oidc_* keys and one <oidc_role_mapping> block (ners/hydra, oidc branch).
  nersSection =
    option: settings:
    let
      s = settings;
    in
    builtins.concatStringsSep "\n" (
      [
        "# OpenID Connect login, written by hydra-kanidm (ners flavour)."
        (line "${option}.passwordLogin" "enable_hydra_login" (if s.passwordLogin then "1" else "0"))
        "enable_oidc_login = 1"
        (line "${option}.clientId" "oidc_client_id" s.clientId)
        (line "${option}.scopes" "oidc_scope" (builtins.concatStringsSep " " s.scopes))
        (line "${option}.authorizationEndpoint" "oidc_auth_uri" s.authorizationEndpoint)
        (line "${option}.tokenEndpoint" "oidc_token_uri" s.tokenEndpoint)
        (line "${option}.userinfoEndpoint" "oidc_userinfo_uri" s.userinfoEndpoint)
        (line "${option}.providerName" "oidc_name" s.providerName)
      ]
      ++ includeLines option s
      ++ (
        if s.roleMapping == { } then
          [ ]
        else
          [ "<oidc_role_mapping>" ]
          ++ mappingLines "${option}.roleMapping" s.roleMapping
          ++ [ "</oidc_role_mapping>" ]
      )
    )
    + "\n";

  # One <oidc> block holding one <provider> block (NixOS/hydra pull request 1568).
  pr1568Section =
    option: settings:
    let
      s = settings;
      name =
        if strings.matches constants.providerNamePattern settings.providerName then
          settings.providerName
        else
          throw
            "${option}.providerName = ${strings.show settings.providerName} must be usable as a URL path segment and a hydra.conf block label: letters, digits and _ . - starting with a letter or digit.";
      extraScopes =
        builtins.filter (scope: !builtins.elem scope constants.pr1568FixedScopes) settings.scopes;
      indented = text: "    ${text}";
    in
    builtins.concatStringsSep "\n" (
      [
        "# OpenID Connect login, written by hydra-kanidm (pr1568 flavour)."
        "<oidc>"
        "  <provider ${name}>"
      ]
      ++ map indented (
        [
          (line "${option}.providerName" "display_name" s.providerName)
          (line "${option}.discoveryUrl" "discovery_url" s.discoveryUrl)
          (line "${option}.clientId" "client_id" s.clientId)
        ]
        ++ (
          if s.clientSecretFile == null then
            [ ]
          else
            [ (line "${option}.clientSecretFile" "client_secret_file" constants.secretRawFile) ]
        )
        ++ (
          if extraScopes == [ ] then
            [ ]
          else
            [ (line "${option}.scopes" "extra_scopes" (builtins.concatStringsSep " " extraScopes)) ]
        )
      )
      ++ [
        "  </provider>"
        "</oidc>"
      ]
    )
    + "\n";

  # The section for services.hydra-oidc settings; `option` names them in errors.
  oidcSection =
    option: settings:
    if settings.flavour == "ners" then
      nersSection option settings
    else
      pr1568Section option settings;

  # How many OIDC sections a hydra.conf text holds.
  sectionCount =
    text:
    let
      count =
        pattern:
        builtins.length (
          builtins.filter builtins.isList (builtins.split "(^|\n)[[:space:]]*${pattern}" text)
        );
      flat = count "enable_oidc_login[[:space:]=]";
      mappings = count "<oidc_role_mapping>";
    in
    (if flat > mappings then flat else mappings) + count "<oidc>";
}
