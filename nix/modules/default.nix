# Both halves, for Hydra and Kanidm on one host.
# Generated from src/modules/hydra-kanidm.ts by `npm run build:nix`; do not edit.
{
  imports = [
    ./hydra.nix
    ./kanidm.nix
  ];
}
