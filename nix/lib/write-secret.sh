#!/usr/bin/env bash
# Copies an OIDC client secret to where Hydra reads it, at run time only, so the secret
# never enters the world-readable Nix store.
# Usage: write-secret FORMAT SOURCE DEST OWNER GROUP   (FORMAT: conf | raw)
set -euo pipefail
# The temp file holds the secret before chmod; nobody else may open it in that window.
umask 0077
# Byte-wise character classes, whatever locale the unit inherits.
export LC_ALL=C

# Config::General splits here-doc lines on this fixed marker, even inside a quoted value.
readonly HEREDOC_MARKER=ad7d7b87f5b81d2a0d5cb75294afeb91aa4801b1f8e8532dc1b633c0e1d47037

tmp=""

# Errors name the file and the reason only: the secret must not reach the journal.
fail() {
  printf 'write-secret: %s\n' "$1" >&2
  exit 1
}

usage() {
  printf 'usage: write-secret conf|raw SOURCE DEST OWNER GROUP\n' >&2
  exit 2
}

# Whatever fails after mktemp, no half-written copy of the secret may stay behind.
remove_tmp() {
  if [[ -n $tmp ]]; then
    rm -f -- "$tmp"
  fi
}

# Sets "secret". read and redirection are builtins, so the secret is never on a command
# line; $(<file) is not used because it drops every trailing newline, not just one.
read_secret() {
  local source=$1 fd status=0

  [[ -e $source ]] || fail "$source: no such file"
  [[ ! -d $source ]] || fail "$source: is a directory"
  # The braces keep the silenced stderr to this one open; exec would keep it for good.
  { exec {fd}<"$source"; } 2>/dev/null || fail "$source: cannot be read"

  # With -d '' read stops at a NUL byte and succeeds; at end of file it returns 1.
  IFS= read -r -d '' secret <&"$fd" || status=$?
  exec {fd}<&-
  [[ $status -ne 0 ]] || fail "$source: holds a NUL byte"

  # Editors and echo add one line ending; anything more is part of the secret.
  if [[ $secret == *$'\n' ]]; then
    secret=${secret%$'\n'}
    secret=${secret%$'\r'}
  fi
  [[ -n $secret ]] || fail "$source: is empty"
}

# A line break would end the value early in either format.
check_raw() {
  local source=$1
  [[ $secret != *[$'\n\r']* ]] || fail "$source: holds a line break inside the secret"
}

# What Config::General would cut, join or misread even inside a quoted, escaped value.
check_conf() {
  local source=$1
  check_raw "$source"
  [[ $secret != *[[:cntrl:]]* ]] || fail "$source: holds a control character"
  [[ $secret != *'*/'* ]] || fail "$source: holds */, which Config::General reads as a comment end"
  [[ $secret != *'/*'* ]] || fail "$source: holds /*, which Config::General reads as a comment"
  [[ $secret != *"$HEREDOC_MARKER"* ]] || fail "$source: holds Config::General's here-doc marker"
}

# Sets "escaped". Config::General unescapes exactly these four after a backslash; a bare #
# would start a comment even inside the quotes, which keep leading and trailing spaces.
escape_conf_value() {
  local char i
  escaped=""
  for ((i = 0; i < ${#secret}; i++)); do
    char=${secret:i:1}
    case $char in
      '\' | '"' | '#' | '$') escaped+="\\$char" ;;
      *) escaped+=$char ;;
    esac
  done
}

# mv within one directory is a rename, so Hydra sees the old file or the new one, never half.
write_atomically() {
  local format=$1 dest=$2 owner=$3 group=$4 dest_dir
  dest_dir=$(dirname -- "$dest")

  tmp=$(mktemp -- "$dest_dir/.write-secret.XXXXXXXXXX") || fail "$dest: cannot create a temp file"
  case $format in
    conf) printf 'oidc_client_secret = "%s"\n' "$escaped" >"$tmp" ;;
    raw) printf '%s' "$secret" >"$tmp" ;;
  esac || fail "$dest: cannot write the temp file"

  chown -- "$owner:$group" "$tmp" || fail "$dest: cannot hand it to $owner:$group"
  chmod 0440 -- "$tmp" || fail "$dest: cannot set mode 0440"
  # -T: a directory at DEST is an error, not a place to drop the file into.
  mv -f -T -- "$tmp" "$dest" || fail "$dest: cannot replace it"
  tmp=""
}

main() {
  [[ $# -eq 5 ]] || usage
  local format=$1 source=$2 dest=$3 owner=$4 group=$5
  [[ $format == conf || $format == raw ]] || usage
  trap remove_tmp EXIT

  read_secret "$source"
  if [[ $format == conf ]]; then
    check_conf "$source"
    escape_conf_value
  else
    check_raw "$source"
  fi

  write_atomically "$format" "$dest" "$owner" "$group"
}

main "$@"
