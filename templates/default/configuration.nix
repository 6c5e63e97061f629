# Hydra at https://hydra.example.com and Kanidm at https://sso.example.com on one host, with
# Hydra's login going through Kanidm. Replace the example names, then add your hardware,
# boot and network settings.
{ pkgs, ... }:
{
  services.hydra = {
    enable = true;
    hydraURL = "https://hydra.example.com";
    notificationSender = "hydra@example.com";
    # Upstream Hydra has no OIDC login: build this from the Hydra that hydra-kanidm's
    # `flavour` names (see "Which Hydra" in its README).
    # package = ...;
  };

  services.kanidm = {
    # Provisioning the client secret needs a Kanidm built with secret provisioning.
    package = pkgs.kanidmWithSecretProvisioning_1_7;
    # NixOS 25.11 calls these two enableServer and serverSettings.
    server.enable = true;
    server.settings = {
      origin = "https://sso.example.com";
      domain = "sso.example.com";
      bindaddress = "127.0.0.1:8443";
      tls_chain = "/var/lib/acme/sso.example.com/fullchain.pem";
      tls_key = "/var/lib/acme/sso.example.com/key.pem";
    };
    provision.persons.somebody = {
      displayName = "Somebody";
      mailAddresses = [ "somebody@example.com" ];
      groups = [
        "hydra.admins"
        "hydra.users"
      ];
    };
  };

  services.hydra-kanidm = {
    enable = true;
    # A string, never a ./path: the file must stay out of the Nix store. Kanidm reads it too.
    clientSecretFile = "/run/secrets/hydra-oidc";
    roles = {
      "hydra.admins" = [
        "admin"
        "bump-to-front"
      ];
      "hydra.users" = [
        "cancel-build"
        "eval-jobset"
        "create-projects"
        "restart-jobs"
      ];
    };
    loginGroups = [ "hydra.users" ];
  };
}
