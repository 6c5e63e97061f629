# The options of services.hydra-kanidm, shared by the Hydra and Kanidm halves.
# Generated from src/modules/hydra-kanidm.ts by `npm run build:nix`; do not edit.
{
  config,
  lib,
  options,
  ...
}:
let
  cfg = config.services.hydra-kanidm;
  hydraKanidm = import ../lib;
  checks = hydraKanidm.checks.hydraKanidm "services.hydra-kanidm" cfg;
  # nixpkgs renamed enableServer and serverSettings in 2026; read either.
  server =
    if options.services.kanidm or { } ? server then
      {
        enable = config.services.kanidm.server.enable;
        settings = config.services.kanidm.server.settings;
      }
    else
      {
        enable = config.services.kanidm.enableServer or false;
        settings = config.services.kanidm.serverSettings or { };
      };
in
{
  options.services.hydra-kanidm = {
    enable = lib.mkEnableOption "single sign-on for Hydra through Kanidm";

    hydraUrl = lib.mkOption {
      type = lib.types.nullOr lib.types.str;
      default =
        if options.services.hydra.hydraURL.isDefined or false then
          config.services.hydra.hydraURL
        else
          null;
      defaultText = lib.literalMD "`services.hydra.hydraURL` on the Hydra host";
      example = "https://hydra.example.com";
      description = ''
        Public base URL of Hydra, as users open it. The redirect URL that Kanidm allows
        is derived from it, so it must match what browsers see exactly (scheme, host,
        port).
      '';
    };

    kanidmUrl = lib.mkOption {
      type = lib.types.nullOr lib.types.str;
      default = if server.enable then server.settings.origin or null else null;
      defaultText = lib.literalMD "the Kanidm server's `origin` on its host";
      example = "https://sso.example.com";
      description = "Origin of the Kanidm server, as browsers reach it.";
    };

    kanidmDomain = lib.mkOption {
      type = lib.types.nullOr lib.types.str;
      default =
        if server.enable && server.settings.domain or null != null then
          server.settings.domain
        else if cfg.kanidmUrl == null then
          null
        else
          hydraKanidm.strings.hostOf cfg.kanidmUrl;
      defaultText = lib.literalMD "the server's `domain`, else the host of `kanidmUrl`";
      example = "sso.example.com";
      description = ''
        Kanidm's domain: the part after `@` in the group names Kanidm sends to Hydra. It
        is Kanidm's `domain` setting, which may differ from the host of `kanidmUrl`.
      '';
    };

    clientId = lib.mkOption {
      type = lib.types.str;
      default = "hydra";
      description = ''
        Name of the OAuth2 client in Kanidm, which is also Hydra's client id. Kanidm
        names are unique across groups, persons and clients.
      '';
    };

    displayName = lib.mkOption {
      type = lib.types.str;
      default = "Hydra";
      description = "Name Kanidm shows for the client in its application list.";
    };

    clientSecretFile = lib.mkOption {
      type = lib.types.nullOr (lib.types.either lib.types.str lib.types.path);
      default = null;
      example = "/run/secrets/hydra-oidc";
      description = ''
        File holding only the client secret, as an absolute path string. Kanidm reads it
        when provisioning (so the `kanidm` user must be able to read it) and a unit
        copies it for Hydra at boot; it never enters the Nix store. Do not use a Nix
        path literal.
      '';
    };

    roles = lib.mkOption {
      type = lib.types.attrsOf (lib.types.listOf lib.types.str);
      default = { };
      example =
        lib.literalExpression
          "{ \"hydra.admins\" = [ \"admin\" ]; \"hydra.users\" = [ \"cancel-build\" \"restart-jobs\" ]; }";
      description = ''
        Kanidm groups and the Hydra roles their members get. Valid roles are `admin`,
        `create-projects`, `restart-jobs`, `bump-to-front`, `cancel-build` and
        `eval-jobset`. With the `ners` flavour, map each role from one group only.
      '';
    };

    loginGroups = lib.mkOption {
      type = lib.types.listOf lib.types.str;
      default = builtins.attrNames cfg.roles;
      defaultText = lib.literalMD "the names in `roles`";
      example = [ "hydra.users" ];
      description = ''
        Groups whose members may log in to Hydra: each gets a scope map granting
        `scopes`.
      '';
    };

    scopes = lib.mkOption {
      type = lib.types.listOf lib.types.str;
      default = [
        "openid"
        "email"
        "profile"
        "groups"
      ];
      description = ''
        OAuth2 scopes Hydra requests and the login groups are granted. `openid` and
        `email` are needed for every login, `groups` whenever roles are mapped.
      '';
    };

    passwordLogin = lib.mkOption {
      type = lib.types.bool;
      default = false;
      description = ''
        Keep Hydra's own password entry in its login menu. Hiding it does not turn
        password logins off: Hydra still accepts them at `/login`.
      '';
    };

    preferShortUsername = lib.mkOption {
      type = lib.types.bool;
      default = true;
      description = ''
        Whether Kanidm sends the short user name (`name`) rather than `name@domain` as
        `preferred_username`.
      '';
    };

    providerName = lib.mkOption {
      type = lib.types.str;
      default = "Kanidm";
      description = ''
        Label of the sign-in entry in Hydra's menu; with `pr1568` also the provider's
        name in the callback URL, so letters, digits and `_ . -` only.
      '';
    };

    flavour = lib.mkOption {
      type = lib.types.enum [
        "ners"
        "pr1568"
      ];
      default = "ners";
      description = ''
        Which Hydra OIDC implementation runs: `ners` (the `oidc` branch of ners/hydra)
        or `pr1568` (NixOS/hydra pull request 1568). The Hydra package must be built
        from it.
      '';
    };
  };

  config = lib.mkIf cfg.enable {
    assertions = checks.assertions;
    warnings = checks.warnings;
  };
}
