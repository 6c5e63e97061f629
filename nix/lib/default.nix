# The pure functions behind the hydra-kanidm modules. They need only builtins, so plain
# Nix can evaluate them: `import ./nix/lib`.
{
  constants = import ./constants.nix;
  strings = import ./strings.nix;
  hydraConf = import ./hydra-conf.nix;
  kanidm = import ./kanidm.nix;
  checks = import ./checks.nix;
}
