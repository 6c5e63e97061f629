# Single sign-on for Hydra through Kanidm, as NixOS modules.
# Generated from src/modules/flake.ts by `npm run build:nix`; do not edit.
{
  description = "NixOS modules: Hydra single sign-on through Kanidm (OpenID Connect)";

  outputs =
    { self, ... }:
    {
      nixosModules = {
        default = ./nix/modules/default.nix;
        hydra = ./nix/modules/hydra.nix;
        kanidm = ./nix/modules/kanidm.nix;
        hydra-oidc = ./nix/modules/hydra-oidc.nix;
      };
      lib = import ./nix/lib;
      templates.default = {
        path = ./templates/default;
        description = "A NixOS host running Hydra with single sign-on through Kanidm";
      };
    };
}
