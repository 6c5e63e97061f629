# A NixOS host running Hydra with single sign-on through Kanidm, from
# `nix flake init -t github:OWNER/hydra-kanidm`. Point the hydra-kanidm input at wherever
# you host that repository, then edit configuration.nix.
{
  description = "Hydra with single sign-on through Kanidm";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
    hydra-kanidm.url = "github:OWNER/hydra-kanidm";
  };

  outputs =
    { nixpkgs, hydra-kanidm, ... }@inputs:
    {
      nixosConfigurations.ci = nixpkgs.lib.nixosSystem {
        system = "x86_64-linux";
        # Lets modules made by `hydra-kanidm generate` import from the flake's inputs.
        specialArgs = { inherit inputs; };
        modules = [
          hydra-kanidm.nixosModules.default
          ./configuration.nix
        ];
      };
    };
}
