{
  config,
  lib,
  pkgs,
  ...
}:
let
  cfg = config.services.example-sso;

  roleCount = lib.length (lib.concatLists (lib.attrValues cfg.groups));
in
{
  options.services.example-sso = {
    enable = lib.mkEnableOption "single sign-on for the example service";

    package = lib.mkPackageOption pkgs "hello" { };

    url = lib.mkOption {
      type = lib.types.str;
      example = "https://example.com";
      description = ''
        Public base URL of the service, with a scheme and without a trailing slash.
        Users come back here after they sign in.
      '';
    };

    groups = lib.mkOption {
      type = lib.types.attrsOf (lib.types.listOf lib.types.str);
      default = { };
      example = {
        "example.admins" = [ "admin" ];
      };
      description = "Identity-provider group to the roles its members receive.";
    };

    secretFile = lib.mkOption {
      type = lib.types.nullOr lib.types.str;
      default = null;
      example = "/run/secrets/example-sso";
      description = ''
        File holding only the client secret. It is read when the service starts and
        never copied to the Nix store, so give a string, not a path literal.
      '';
    };
  };

  config = lib.mkIf cfg.enable (
    lib.mkMerge [
      {
        assertions = [
          {
            assertion = cfg.secretFile != null;
            message = "services.example-sso.secretFile must name the client secret file.";
          }
          {
            assertion = !lib.hasSuffix "/" cfg.url;
            message = "services.example-sso.url ends in /; write ${lib.removeSuffix "/" cfg.url}";
          }
        ];

        systemd.services.example-sso = {
          description = "Example single sign-on";
          wantedBy = [ "multi-user.target" ];
          after = [
            # reaches the IdP
            "network-online.target"
          ];
          serviceConfig = {
            ExecStart = "${lib.getExe cfg.package} --url ${cfg.url}";
            LoadCredential = "secret:${cfg.secretFile}";
            DynamicUser = true;
          };
        };
      }
      (lib.mkIf (cfg.groups != { }) {
        environment = {
          # Read at start-up only; a change needs a restart.
          etc."example-sso/groups.json".text = builtins.toJSON cfg.groups;
        };
      })
    ]
  );

  meta.roles = config.services.example-sso.groups or { };
}
