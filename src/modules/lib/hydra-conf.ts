// nix/lib/hydra-conf.nix: the OIDC section of hydra.conf, with every value escaped for
// Perl's Config::General or refused with a message that names the option.

import {
  attrset,
  binding,
  call,
  ifThenElse,
  lambda,
  letIn,
  list,
  not,
  op,
  recAttrset as recSet,
  ref as v,
  string,
  type NixExpr,
} from "../../nix/index.js";
import { nixMessage } from "../messages.js";
import {
  spaced,
  builtin,
  concat,
  curried,
  importSibling,
  joinWith,
  type NixFile,
} from "./shared.js";

const matches = (pattern: string | NixExpr, value: NixExpr) =>
  call("strings.matches", pattern, value);

const valueProblem = lambda(
  "value",
  ifThenElse(
    not(builtin("isString", v("value"))),
    "is not a string",
    ifThenElse(
      not(matches("[^[:cntrl:]]*", v("value"))),
      "holds a line break or another control character",
      ifThenElse(
        matches(".*(/[*]|[*]/).*", v("value")),
        "holds /* or */, which Config::General reads as a C comment",
        ifThenElse(
          matches(".*<.*/>", v("value")),
          "ends in /> after a <, which Config::General reads as a block",
          ifThenElse(
            matches(".*<<.*", v("value")),
            "holds <<, which Config::General reads as the start of a here-document",
            null,
          ),
        ),
      ),
    ),
  ),
);

const escapeValue = lambda(
  "value",
  letIn(
    {
      escaped: builtin(
        "replaceStrings",
        v("constants.hydraConfEscaped"),
        list(["\\\\", "\\#", '\\"', "\\$"]),
        v("value"),
      ),
    },
    ifThenElse(
      matches("[[:space:]].*|.*[[:space:]]|", v("value")),
      concat('"', v("escaped"), '"'),
      v("escaped"),
    ),
  ),
);

/** Keys hold no white space, `=`, `#` or quotes; `include...` would be read as an include. */
const keyProblem = lambda(
  "key",
  ifThenElse(
    op(
      "&&",
      matches("[A-Za-z0-9_.@+-]+", v("key")),
      not(matches("[Ii][Nn][Cc][Ll][Uu][Dd][Ee].*", v("key"))),
    ),
    null,
    "cannot be a key",
  ),
);

/** Throws the `confValue` message for `option`, naming the value and the problem. */
function refuseValue(option: NixExpr, value: NixExpr, problem: NixExpr): NixExpr {
  return call(
    "throw",
    nixMessage("confValue", { option, value: call("strings.show", value), problem }),
  );
}

const line = curried(
  ["option", "key", "value"],
  letIn(
    { problem: call("valueProblem", v("value")) },
    ifThenElse(
      op("==", v("problem"), null),
      concat(v("key"), " = ", call("escapeValue", v("value"))),
      refuseValue(v("option"), v("value"), v("problem")),
    ),
  ),
);

/** One `key = role` line per role; keys and roles are checked, roles kept once each. */
const mappingLines = curried(
  ["option", "mapping"],
  builtin(
    "concatMap",
    lambda(
      "key",
      call(
        "map",
        lambda("role", call("mappingLine", v("option"), v("key"), v("role"))),
        call("strings.uniqueInOrder", builtin("getAttr", v("key"), v("mapping"))),
      ),
    ),
    builtin("attrNames", v("mapping")),
  ),
);

const mappingLine = curried(
  ["option", "key", "role"],
  ifThenElse(
    op("!=", call("keyProblem", v("key")), null),
    call(
      "throw",
      nixMessage("confKey", { option: v("option"), value: call("strings.show", v("key")) }),
    ),
    ifThenElse(
      not(builtin("elem", v("role"), v("constants.hydraRoles"))),
      call(
        "throw",
        nixMessage("unknownRole", {
          option: concat(v("option"), ".", call("strings.show", v("key"))),
          value: call("strings.show", v("role")),
          roles: joinWith(", ", v("constants.hydraRoles")),
        }),
      ),
      concat("  ", v("key"), " = ", v("role")),
    ),
  ),
);

/** The include line for the secret, or nothing when no secret is configured. */
const includeLines = curried(
  ["option", "settings"],
  letIn(
    {
      file: ifThenElse(
        op("!=", v("settings.secretIncludeFile"), null),
        v("settings.secretIncludeFile"),
        ifThenElse(
          op("!=", v("settings.clientSecretFile"), null),
          v("constants.secretIncludeFile"),
          null,
        ),
      ),
    },
    ifThenElse(
      op("==", v("file"), null),
      list([]),
      list([call("includeLine", concat(v("option"), ".secretIncludeFile"), v("file"))]),
    ),
  ),
);

/** `include /path`: Config::General's Apache-style include takes no `=`. */
const includeLine = curried(
  ["option", "file"],
  letIn(
    { problem: call("valueProblem", v("file")) },
    ifThenElse(
      op("!=", v("problem"), null),
      refuseValue(v("option"), v("file"), v("problem")),
      ifThenElse(
        matches('/[^[:space:]#\\"]+', v("file")),
        concat("include ", v("file")),
        refuseValue(
          v("option"),
          v("file"),
          string("is not an absolute path free of spaces, # and quotes"),
        ),
      ),
    ),
  ),
);

const optionLine = (name: string, key: string, value: NixExpr) =>
  call("line", concat(v("option"), `.${name}`), key, value);

const nersSection = curried(
  ["option", "settings"],
  letIn(
    { s: v("settings") },
    op(
      "+",
      joinWith(
        string("\n"),
        op(
          "++",
          list([
            "# OpenID Connect login, written by hydra-kanidm (ners flavour).",
            optionLine(
              "passwordLogin",
              "enable_hydra_login",
              ifThenElse(v("s.passwordLogin"), "1", "0"),
            ),
            "enable_oidc_login = 1",
            optionLine("clientId", "oidc_client_id", v("s.clientId")),
            optionLine("scopes", "oidc_scope", joinWith(" ", v("s.scopes"))),
            optionLine("authorizationEndpoint", "oidc_auth_uri", v("s.authorizationEndpoint")),
            optionLine("tokenEndpoint", "oidc_token_uri", v("s.tokenEndpoint")),
            optionLine("userinfoEndpoint", "oidc_userinfo_uri", v("s.userinfoEndpoint")),
            optionLine("providerName", "oidc_name", v("s.providerName")),
          ]),
          op(
            "++",
            call("includeLines", v("option"), v("s")),
            ifThenElse(
              op("==", v("s.roleMapping"), attrset()),
              list([]),
              op(
                "++",
                list(["<oidc_role_mapping>"]),
                op(
                  "++",
                  call("mappingLines", concat(v("option"), ".roleMapping"), v("s.roleMapping")),
                  list(["</oidc_role_mapping>"]),
                ),
              ),
            ),
          ),
        ),
      ),
      string("\n"),
    ),
  ),
);

const pr1568Section = curried(
  ["option", "settings"],
  letIn(
    {
      s: v("settings"),
      name: ifThenElse(
        matches(v("constants.providerNamePattern"), v("settings.providerName")),
        v("settings.providerName"),
        call(
          "throw",
          nixMessage("providerName", {
            option: concat(v("option"), ".providerName"),
            value: call("strings.show", v("settings.providerName")),
          }),
        ),
      ),
      extraScopes: builtin(
        "filter",
        lambda("scope", not(builtin("elem", v("scope"), v("constants.pr1568FixedScopes")))),
        v("settings.scopes"),
      ),
      indented: lambda("text", concat("    ", v("text"))),
    },
    op(
      "+",
      joinWith(
        string("\n"),
        op(
          "++",
          list([
            "# OpenID Connect login, written by hydra-kanidm (pr1568 flavour).",
            "<oidc>",
            concat("  <provider ", v("name"), ">"),
          ]),
          op(
            "++",
            call(
              "map",
              v("indented"),
              op(
                "++",
                list([
                  optionLine("providerName", "display_name", v("s.providerName")),
                  optionLine("discoveryUrl", "discovery_url", v("s.discoveryUrl")),
                  optionLine("clientId", "client_id", v("s.clientId")),
                ]),
                op(
                  "++",
                  ifThenElse(
                    op("==", v("s.clientSecretFile"), null),
                    list([]),
                    list([
                      optionLine(
                        "clientSecretFile",
                        "client_secret_file",
                        v("constants.secretRawFile"),
                      ),
                    ]),
                  ),
                  ifThenElse(
                    op("==", v("extraScopes"), list([])),
                    list([]),
                    list([optionLine("scopes", "extra_scopes", joinWith(" ", v("extraScopes")))]),
                  ),
                ),
              ),
            ),
            list(["  </provider>", "</oidc>"]),
          ),
        ),
      ),
      string("\n"),
    ),
  ),
);

/** How many OIDC sections a hydra.conf text holds, ours included. */
/**
 * How many OIDC sections a hydra.conf text holds: flat `ners` keys and their
 * `<oidc_role_mapping>` block make one section (two blocks make two), each `<oidc>` another.
 */
const sectionCount = lambda(
  "text",
  letIn(
    {
      count: lambda(
        "pattern",
        builtin(
          "length",
          builtin(
            "filter",
            v("builtins.isList"),
            builtin("split", concat("(^|\n)[[:space:]]*", v("pattern")), v("text")),
          ),
        ),
      ),
      flat: call("count", "enable_oidc_login[[:space:]=]"),
      mappings: call("count", "<oidc_role_mapping>"),
    },
    op(
      "+",
      ifThenElse(op(">", v("flat"), v("mappings")), v("flat"), v("mappings")),
      call("count", "<oidc>"),
    ),
  ),
);

export const hydraConfFile: NixFile = {
  path: "lib/hydra-conf.nix",
  header:
    "The OIDC section of hydra.conf. Every value is escaped for Perl's Config::General, " +
    "or refused\nwith a message naming the option, so no setting can add a line or a block.",
  expr: letIn(
    {
      constants: importSibling("constants.nix"),
      strings: importSibling("strings.nix"),
    },
    recSet(
      spaced([
        binding("valueProblem", valueProblem, {
          comment: "Why a value cannot stand in hydra.conf, or null when it can.",
        }),
        binding("keyProblem", keyProblem, {
          comment: "Why a text cannot be a hydra.conf key, or null when it can.",
        }),
        binding("escapeValue", escapeValue, {
          comment:
            'A value as Config::General reads it back: \\ # " $ escaped, quoted when it has ' +
            "outer spaces.",
        }),
        binding("line", line, {
          comment: "`key = value`, or a throw naming the option when the value is unsafe.",
        }),
        binding("mappingLine", mappingLine),
        binding("mappingLines", mappingLines, {
          comment: "The role mapping, one line per role; a key repeated collects the roles.",
        }),
        binding("includeLine", includeLine),
        binding("includeLines", includeLines),
        binding("nersSection", nersSection, {
          comment: "Flat oidc_* keys and one <oidc_role_mapping> block (ners/hydra, oidc branch).",
        }),
        binding("pr1568Section", pr1568Section, {
          comment: "One <oidc> block holding one <provider> block (NixOS/hydra pull request 1568).",
        }),
        binding(
          "oidcSection",
          curried(
            ["option", "settings"],
            ifThenElse(
              op("==", v("settings.flavour"), "ners"),
              call("nersSection", v("option"), v("settings")),
              call("pr1568Section", v("option"), v("settings")),
            ),
          ),
          {
            comment: "The section for services.hydra-oidc settings; `option` names them in errors.",
          },
        ),
        binding("sectionCount", sectionCount, {
          comment: "How many OIDC sections a hydra.conf text holds.",
        }),
      ]),
    ),
  ),
};
