// The name, URL and scope patterns of src/hydra and src/kanidm as JavaScript regular
// expressions, and hydra.conf's value rules, matching whole texts as Nix's builtins.match does.

import { PROVIDER_NAME_PATTERN } from "../hydra/flavours.js";
import {
  DOMAIN_PATTERN,
  KANIDM_NAME_PATTERN,
  SCOPE_PATTERN,
  URL_PATTERN,
} from "../kanidm/names.js";

/** A POSIX pattern matched against the whole text; `.` crosses line breaks, as in Nix. */
function whole(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, "s");
}

export const KANIDM_NAME = whole(KANIDM_NAME_PATTERN);
export const SCOPE = whole(SCOPE_PATTERN);
export const URL = whole(URL_PATTERN);
export const DOMAIN = whole(DOMAIN_PATTERN);
export const PROVIDER_NAME = whole(PROVIDER_NAME_PATTERN);

/** Plain http, which the modules warn about except on the loopback host. */
export const PLAIN_HTTP = whole("http://.*");
export const LOOPBACK_HTTP = whole("http://(localhost|127[.0-9]*|\\[::1\\])([:/].*)?");

/**
 * Why Config::General would misread a value in hydra.conf, or null when it reads it back;
 * the same tests and words as valueProblem in nix/lib/hydra-conf.nix.
 */
export function confValueProblem(value: string): string | null {
  // [:cntrl:] in Nix's C locale: bytes 0 to 31 and 127.
  if (/[\x00-\x1f\x7f]/.test(value)) return "holds a line break or another control character";
  if (/\/\*|\*\//.test(value)) return "holds /* or */, which Config::General reads as a C comment";
  if (/<[\s\S]*\/>$/.test(value)) {
    return "ends in /> after a <, which Config::General reads as a block";
  }
  if (value.includes("<<")) {
    return "holds <<, which Config::General reads as the start of a here-document";
  }
  return null;
}

/** Whether Config::General reads the text as a key, like keyProblem in hydra-conf.nix. */
export function isConfKey(key: string): boolean {
  // A key starting with "include" would be read as an include line.
  return /^[A-Za-z0-9_.@+-]+$/.test(key) && !/^include/i.test(key);
}
