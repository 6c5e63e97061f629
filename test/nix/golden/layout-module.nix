{
  config,
  lib,
  pkgs,
  ...
}:
let
  cfg = config.services.example;
in
{
  options.services.example = {
    enable = lib.mkEnableOption "the example service";

    port = lib.mkOption {
      type = lib.types.port;
      default = 8080;
      example = 9000;
      description = "Port the example service listens on.";
    };
  };

  config = lib.mkIf cfg.enable (
    lib.mkMerge [
      {
        systemd.services.example = {
          wantedBy = [ "multi-user.target" ];
          serviceConfig.ExecStart = "${pkgs.hello}/bin/hello --port ${toString cfg.port}";
        };
      }
      (lib.mkIf (cfg.port < 1024) {
        warnings = [ "services.example.port below 1024 needs extra privileges." ];
      })
    ]
  );
}
