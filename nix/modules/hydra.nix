# The Hydra half of single sign-on through Kanidm.
# Generated from src/modules/hydra-kanidm.ts by `npm run build:nix`; do not edit.
{
  config,
  lib,
  ...
}:
let
  cfg = config.services.hydra-kanidm;
  hydraKanidm = import ../lib;
  checks = hydraKanidm.checks.hydraKanidm "services.hydra-kanidm" cfg;
in
{
  imports = [
    ./options.nix
    ./hydra-oidc.nix
  ];

  config = lib.mkIf cfg.enable {
    services.hydra-oidc =
      hydraKanidm.kanidm.oidcSettings cfg // {
        enable = true;
        reportChecks =
          if hydraKanidm.checks.failures checks.assertions == [ ] then "assertions" else "none";
      };
  };
}
