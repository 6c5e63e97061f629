# Text and list functions shared by the other files; only builtins.
let
  constants = import ./constants.nix;
in
rec {
  # Whether the POSIX extended regular expression matches all of the text.
  matches = pattern: text: builtins.match pattern text != null;

  # The URL without trailing slashes, so "https://h/" and "https://h" agree.
  trimSlashes =
    url:
    let
      match = builtins.match "(.*[^/])/+" url;
    in
    if match == null then url else builtins.head match;

  # The host of an http(s) URL, without a port; null for anything else.
  hostOf =
    url:
    let
      match = builtins.match constants.urlPattern url;
    in
    if match == null then
      null
    else
      builtins.head (builtins.match "(\\[[^]]*]|[^:]*).*" (builtins.elemAt match 1));

  # Names sorted, each once; listToAttrs keeps this linear in the list.
  uniqueSorted =
    names:
    builtins.attrNames (
      builtins.listToAttrs (
        map (name: {
          inherit name;
          value = null;
        }) names
      )
    );

  # Items in their first order, each once; for the short lists of roles and scopes.
  uniqueInOrder =
    items:
    builtins.foldl' (kept: item: if builtins.elem item kept then kept else kept ++ [ item ]) [ ]
      items;

  # A secret file's path as given, refusing a path literal before anything can copy it to the store.
  secretFile =
    option: file:
    if builtins.isPath file then
      throw
        "${option} is the Nix path ${builtins.toString file}; a path literal copies the secret into the world-readable Nix store. Write it as a string, e.g. \"/run/secrets/hydra-oidc\"."
    else
      file;

  # A name as it stands in an option path: bare when it may be, else quoted.
  attrName = name: if matches "[A-Za-z_][A-Za-z0-9_'-]*" name then name else builtins.toJSON name;

  # A value quoted for a message; a path is never copied to the store for it.
  show = value: if builtins.isPath value then builtins.toString value else builtins.toJSON value;
}
