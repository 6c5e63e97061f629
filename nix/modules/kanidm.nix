# The Kanidm half of single sign-on for Hydra: groups and the OAuth2 client.
# Generated from src/modules/hydra-kanidm.ts by `npm run build:nix`; do not edit.
{
  config,
  lib,
  ...
}:
let
  cfg = config.services.hydra-kanidm;
  hydraKanidm = import ../lib;
  provisioned = config.services.kanidm.provision;
  personChecks =
    hydraKanidm.checks.persons cfg provisioned.persons or { } provisioned.groups or { };
in
{
  imports = [ ./options.nix ];

  config = lib.mkIf cfg.enable {
    assertions = personChecks.assertions;
    warnings = personChecks.warnings;
    services.kanidm.provision =
      hydraKanidm.kanidm.provision cfg // {
        enable = lib.mkDefault true;
      };
  };
}
