// nix/lib/kanidm.nix: Kanidm's side of the integration (groups and the OAuth2 client) and
// the services.hydra-oidc settings that point Hydra at that client.

import {
  attrset,
  binding,
  call,
  ifThenElse,
  inherit,
  lambda,
  letIn,
  list,
  not,
  op,
  recAttrset,
  ref as v,
  string,
  type NixExpr,
} from "../../nix/index.js";
import { spaced, builtin, concat, curried, importSibling, type NixFile } from "./shared.js";

/** `builtins.listToAttrs (map (name: { inherit name; value = <value>; }) names)`. */
function attrsFromNames(names: NixExpr, value: NixExpr): NixExpr {
  return builtin(
    "listToAttrs",
    call("map", lambda("name", attrset([inherit(["name"]), binding("value", value)])), names),
  );
}

/** `{ <name> = value; }` for a name known only at evaluation time. */
function singleAttr(name: NixExpr, value: NixExpr): NixExpr {
  return builtin("listToAttrs", list([attrset({ name, value })]));
}

const endpoints = curried(
  ["origin", "clientId"],
  // Unknown origin: every endpoint null, so the assertions can say what is missing.
  builtin(
    "mapAttrs",
    lambda(
      "name",
      lambda(
        "path",
        ifThenElse(
          op("==", v("origin"), null),
          null,
          op(
            "+",
            call("strings.trimSlashes", v("origin")),
            builtin("replaceStrings", list([string("{client}")]), list([v("clientId")]), v("path")),
          ),
        ),
      ),
    ),
    v("constants.kanidmEndpoints"),
  ),
);

const redirectUrl = lambda(
  "settings",
  op(
    "+",
    call("strings.trimSlashes", v("settings.hydraUrl")),
    ifThenElse(
      op("==", v("settings.flavour"), "ners"),
      v("constants.nersCallbackPath"),
      op("+", v("constants.pr1568CallbackPrefix"), v("settings.providerName")),
    ),
  ),
);

const groupNames = lambda(
  "settings",
  call(
    "strings.uniqueSorted",
    op("++", builtin("attrNames", v("settings.roles")), v("settings.loginGroups")),
  ),
);

/** Groups whose role list is not empty, with each role kept once. */
const mappedRoles = lambda(
  "settings",
  builtin(
    "mapAttrs",
    lambda("group", lambda("roles", call("strings.uniqueInOrder", v("roles")))),
    builtin(
      "removeAttrs",
      v("settings.roles"),
      builtin(
        "filter",
        lambda("group", op("==", builtin("getAttr", v("group"), v("settings.roles")), list([]))),
        builtin("attrNames", v("settings.roles")),
      ),
    ),
  ),
);

const rolesClaim = lambda(
  "settings",
  letIn(
    { byGroup: call("mappedRoles", v("settings")) },
    ifThenElse(
      op("==", v("byGroup"), attrset()),
      attrset(),
      singleAttr(
        v("constants.pr1568RolesClaim"),
        attrset({
          joinType: "array",
          valuesByGroup: builtin(
            "mapAttrs",
            lambda("group", lambda("roles", call("map", v("claimValue"), v("roles")))),
            v("byGroup"),
          ),
        }),
      ),
    ),
  ),
);

const provision = lambda(
  "settings",
  letIn(
    {
      s: v("settings"),
      client: op(
        "//",
        attrset({
          displayName: v("s.displayName"),
          originUrl: call("redirectUrl", v("s")),
          originLanding: op("+", call("strings.trimSlashes", v("s.hydraUrl")), "/"),
          preferShortUsername: v("s.preferShortUsername"),
          scopeMaps: attrsFromNames(v("s.loginGroups"), v("s.scopes")),
        }),
        op(
          "//",
          ifThenElse(
            op("==", v("s.clientSecretFile"), null),
            attrset(),
            attrset({
              basicSecretFile: call(
                "strings.secretFile",
                "services.hydra-kanidm.clientSecretFile",
                v("s.clientSecretFile"),
              ),
            }),
          ),
          ifThenElse(
            op("==", v("s.flavour"), "ners"),
            attrset({ allowInsecureClientDisablePkce: true }),
            attrset({ claimMaps: call("rolesClaim", v("s")) }),
          ),
        ),
      ),
    },
    attrset([
      binding("groups", attrsFromNames(call("groupNames", v("s")), attrset())),
      binding(["systems", "oauth2"], singleAttr(v("s.clientId"), v("client"))),
    ]),
  ),
);

const oidcSettings = lambda(
  "settings",
  letIn(
    {
      s: v("settings"),
      ners: op("==", v("settings.flavour"), "ners"),
      kanidm: call("endpoints", v("settings.kanidmUrl"), v("settings.clientId")),
      forNers: lambda("value", ifThenElse(v("ners"), v("value"), null)),
      mapped: call("mappedRoles", v("settings")),
    },
    attrset([
      inherit(
        ["flavour", "providerName", "clientId", "clientSecretFile", "scopes", "passwordLogin"],
        v("s"),
      ),
      binding("authorizationEndpoint", call("forNers", v("kanidm.authorization"))),
      binding("tokenEndpoint", call("forNers", v("kanidm.token"))),
      binding("userinfoEndpoint", call("forNers", v("kanidm.userinfo"))),
      binding("discoveryUrl", ifThenElse(v("ners"), null, v("kanidm.discovery"))),
      binding(
        "roleMapping",
        ifThenElse(
          op("&&", v("ners"), op("!=", v("s.kanidmDomain"), null)),
          builtin(
            "listToAttrs",
            call(
              "map",
              lambda(
                "group",
                attrset({
                  name: concat(v("group"), "@", v("s.kanidmDomain")),
                  value: builtin("getAttr", v("group"), v("mapped")),
                }),
              ),
              builtin("attrNames", v("mapped")),
            ),
          ),
          attrset(),
        ),
      ),
      binding("secretIncludeFile", null),
    ]),
  ),
);

export const kanidmFile: NixFile = {
  path: "lib/kanidm.nix",
  header:
    "Kanidm's side of the integration, the groups and the OAuth2 client, and the\n" +
    "services.hydra-oidc settings that point Hydra at that client. Only builtins.",
  expr: letIn(
    {
      constants: importSibling("constants.nix"),
      strings: importSibling("strings.nix"),
    },
    recAttrset(
      spaced([
        binding("endpoints", endpoints, {
          comment: "Kanidm's OAuth2 endpoints for client `clientId` at `origin`.",
        }),
        binding("redirectUrl", redirectUrl, {
          comment: "The redirect URL the chosen Hydra flavour sends; Kanidm matches it exactly.",
        }),
        binding("groupNames", groupNames, {
          comment: "Every group the settings name: the keys of `roles` and the login groups.",
        }),
        binding("mappedRoles", mappedRoles, {
          comment: "Groups that map at least one role, each role once.",
        }),
        binding(
          "claimValue",
          lambda(
            "role",
            builtin("replaceStrings", list([string("-")]), list([string("_")]), v("role")),
          ),
          {
            comment: "A Hydra role as a Kanidm claim value; Hydra reads `_` back as `-`.",
          },
        ),
        binding("rolesClaim", rolesClaim, {
          comment: "The claim map that carries each group's roles in the id token (pr1568).",
        }),
        binding("provision", provision, {
          comment: "services.kanidm.provision for services.hydra-kanidm settings.",
        }),
        binding("oidcSettings", oidcSettings, {
          comment: "services.hydra-oidc settings for Hydra signing in through this client.",
        }),
      ]),
    ),
  ),
};

void not;
