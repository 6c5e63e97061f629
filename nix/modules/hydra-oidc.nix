# OpenID Connect login for Hydra with any identity provider (services.hydra-oidc).
# Generated from src/modules/hydra-oidc.ts by `npm run build:nix`; do not edit.
{
  config,
  lib,
  pkgs,
  ...
}:
let
  cfg = config.services.hydra-oidc;
  hydraKanidm = import ../lib;
  checks = hydraKanidm.checks.hydraOidc "services.hydra-oidc" cfg;
  sections = hydraKanidm.checks.sectionCount config.services.hydra.extraConfig;
  secretCopy =
    if cfg.flavour == "pr1568" then
      {
        format = "raw";
        target = "/run/hydra-oidc/client-secret";
      }
    else
      {
        format = "conf";
        target = "/run/hydra-oidc/client-secret.conf";
      };
in
{
  options.services.hydra-oidc = {
    enable = lib.mkEnableOption "OpenID Connect login for Hydra";

    flavour = lib.mkOption {
      type = lib.types.enum [
        "ners"
        "pr1568"
      ];
      default = "ners";
      description = ''
        Which Hydra OIDC implementation runs: `ners` or `pr1568`. The Hydra package must
        be built from it; this option only decides what is written.
      '';
    };

    providerName = lib.mkOption {
      type = lib.types.str;
      default = "OIDC";
      description = ''
        Label of the sign-in entry (`oidc_name` with `ners`); with `pr1568` also the
        provider block's name and the last segment of the callback URL.
      '';
    };

    clientId = lib.mkOption {
      type = lib.types.str;
      example = "hydra";
      description = "Client id registered with the identity provider.";
    };

    clientSecretFile = lib.mkOption {
      type = lib.types.nullOr (lib.types.either lib.types.str lib.types.path);
      default = null;
      example = "/run/secrets/hydra-oidc";
      description = ''
        File holding only the client secret, as an absolute path string; a unit copies
        it for Hydra at boot, so it never enters the Nix store.
      '';
    };

    secretIncludeFile = lib.mkOption {
      type = lib.types.nullOr (lib.types.either lib.types.str lib.types.path);
      default = null;
      description = ''
        A ready Config::General file holding `oidc_client_secret = ...`, included as it
        is, instead of `clientSecretFile` (`ners` only).
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
      description = "Scopes Hydra requests; `openid` and `email` are needed for every login.";
    };

    authorizationEndpoint = lib.mkOption {
      type = lib.types.nullOr lib.types.str;
      default = null;
      example = "https://sso.example.com/ui/oauth2";
      description = "The provider's authorization endpoint (`ners` only).";
    };

    tokenEndpoint = lib.mkOption {
      type = lib.types.nullOr lib.types.str;
      default = null;
      example = "https://sso.example.com/oauth2/token";
      description = "The provider's token endpoint (`ners` only).";
    };

    userinfoEndpoint = lib.mkOption {
      type = lib.types.nullOr lib.types.str;
      default = null;
      example = "https://sso.example.com/oauth2/openid/hydra/userinfo";
      description = "The provider's userinfo endpoint (`ners` only).";
    };

    discoveryUrl = lib.mkOption {
      type = lib.types.nullOr lib.types.str;
      default = null;
      example = "https://sso.example.com/oauth2/openid/hydra/.well-known/openid-configuration";
      description = "The provider's OpenID discovery document (`pr1568` only).";
    };

    roleMapping = lib.mkOption {
      type = lib.types.attrsOf (lib.types.listOf lib.types.str);
      default = { };
      example = lib.literalExpression "{ \"hydra.admins@sso.example.com\" = [ \"admin\" ]; }";
      description = ''
        Values of the userinfo `groups` claim and the Hydra roles they grant (`ners`
        only). With `pr1568`, roles come from the id token's `hydra_roles` claim
        instead.
      '';
    };

    passwordLogin = lib.mkOption {
      type = lib.types.bool;
      default = false;
      description = ''
        Keep Hydra's own password entry in its login menu (`ners`). Hiding it does not
        turn password logins off.
      '';
    };

    reportChecks = lib.mkOption {
      type = lib.types.enum [
        "all"
        "assertions"
        "none"
      ];
      default = "all";
      internal = true;
      description = ''
        Which of its checks this module reports: services.hydra-kanidm reports its own
        warnings, and its assertions while any of them fails.
      '';
    };
  };

  config = lib.mkIf cfg.enable (
    lib.mkMerge [
      {
        assertions =
          (if cfg.reportChecks == "none" then [ ] else checks.assertions) ++ [
            {
              assertion = sections <= 1;
              message = "services.hydra.extraConfig holds ${toString sections} OIDC sections; Hydra reads only one and dies on a second <oidc_role_mapping>. Remove the hand-written one and keep services.hydra-oidc.";
            }
          ];
        warnings = if cfg.reportChecks == "all" then checks.warnings else [ ];
        services.hydra.extraConfig =
          if hydraKanidm.checks.failures checks.assertions == [ ] then
            hydraKanidm.hydraConf.oidcSection "services.hydra-oidc" cfg
          else
            "";
      }
      (lib.mkIf (cfg.clientSecretFile != null) {
        systemd.services.hydra-oidc-secret = {
          description = "Copy the OIDC client secret where Hydra can read it";
          requiredBy = [ "hydra-init.service" ];
          before = [ "hydra-init.service" ];
          serviceConfig = {
            Type = "oneshot";
            RemainAfterExit = true;
            RuntimeDirectory = "hydra-oidc";
            RuntimeDirectoryMode = "0755";
            RuntimeDirectoryPreserve = true;
            ExecStart = "${pkgs.bash}/bin/bash ${../lib/write-secret.sh} ${secretCopy.format} ${builtins.replaceStrings [ "%" ] [ "%%" ] (lib.escapeShellArg (hydraKanidm.strings.secretFile "services.hydra-oidc.clientSecretFile" cfg.clientSecretFile))} ${secretCopy.target} hydra hydra";
          };
        };
      })
    ]
  );
}
