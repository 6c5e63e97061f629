#!/usr/bin/env bash
# Makes sure the two outside judges the tests rely on are present: Nix (nix-instantiate)
# for everything we print, and Perl's Config::General (Hydra's own parser) for hydra.conf.
# Silent when all is well; installs what is missing when it may; otherwise says what to do.
set -euo pipefail

names=()
packages=()

if ! command -v nix-instantiate >/dev/null 2>&1; then
  names+=("Nix (nix-instantiate)")
  packages+=("nix-bin")
fi
if ! perl -MConfig::General -e1 >/dev/null 2>&1; then
  names+=("Perl Config::General")
  packages+=("libconfig-general-perl")
fi
# test/support/config-general.pl prints through JSON::PP, which Debian ships in perl,
# not in perl-base.
if ! perl -MJSON::PP -e1 >/dev/null 2>&1; then
  names+=("Perl JSON::PP")
  packages+=("perl")
fi

join_names() {
  local out="" i
  for ((i = 0; i < ${#names[@]}; i++)); do
    if ((i == 0)); then
      out="${names[i]}"
    elif ((i == ${#names[@]} - 1)); then
      out="$out and ${names[i]}"
    else
      out="$out, ${names[i]}"
    fi
  done
  printf '%s' "$out"
}

if ((${#packages[@]} > 0)); then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    # Quiet on success; apt's own errors still reach stderr.
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  else
    echo "install $(join_names): sudo apt-get install ${packages[*]}" >&2
    exit 1
  fi
fi

if ! command -v nix-instantiate >/dev/null 2>&1; then
  echo "nix-instantiate is still missing after installing nix-bin; is /usr/bin on PATH?" >&2
  exit 1
fi

# Installed is not the same as usable: in a root sandbox Nix may try a daemon that is not
# running (NIX_REMOTE) or a store it cannot open. Evaluation is what the tests need.
if ! result="$(nix-instantiate --eval -E '1 + 1' 2>&1)" || [[ "$result" != 2 ]]; then
  # Nix colours some errors even off a terminal; keep the one line readable.
  result="$(printf '%s' "$result" | sed 's/\x1b\[[0-9;]*m//g' | tr '\n' ' ')"
  echo "nix-instantiate is installed but cannot evaluate '1 + 1' (got: ${result% });" \
    "as a normal user, start nix-daemon; as root, unset NIX_REMOTE and make /nix/store" \
    "and /nix/var/nix writable" >&2
  exit 1
fi
