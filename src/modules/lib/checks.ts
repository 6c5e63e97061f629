// nix/lib/checks.nix: the assertions and warnings of both modules as pure functions, so the
// same checks run in NixOS and, with plain Nix, in our tests.

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
  recAttrset,
  ref as v,
  select,
  string,
  type NixExpr,
} from "../../nix/index.js";
import { nixMessage, type MessageId } from "../messages.js";
import {
  builtin,
  spaced,
  concat,
  curried,
  importSibling,
  joinWith,
  type NixFile,
} from "./shared.js";

const show = (value: NixExpr) => call("strings.show", value);
const matches = (pattern: string | NixExpr, value: NixExpr) =>
  call("strings.matches", pattern, value);
const option = (name: string) => concat(v("option"), `.${name}`);
const isNull = (value: NixExpr) => op("==", value, null);
const orElse = (a: NixExpr, b: NixExpr) => op("||", a, b);

/** `{ assertion = holds; message = "..."; }`. */
function check(holds: NixExpr, id: MessageId, slots: Record<string, NixExpr>): NixExpr {
  return attrset({ assertion: holds, message: nixMessage(id, slots) });
}

/** `map (name: check) names`. */
function eachOf(name: string, items: NixExpr, body: NixExpr): NixExpr {
  return call("map", lambda(name, body), items);
}

/** `if condition then [ item ] else [ ]`, for warnings. */
function warnIf(condition: NixExpr, id: MessageId, slots: Record<string, NixExpr>): NixExpr {
  return ifThenElse(condition, list([nixMessage(id, slots)]), list([]));
}

/** Checks of one URL option: set, and an http(s) URL with a host. */
const urlChecks = curried(
  ["option", "url", "example"],
  list([
    check(op("!=", v("url"), null), "urlMissing", { option: v("option"), example: v("example") }),
    check(orElse(isNull(v("url")), matches(v("constants.urlPattern"), v("url"))), "urlInvalid", {
      option: v("option"),
      value: show(v("url")),
      example: v("example"),
    }),
  ]),
);

/** A warning for plain http, except on localhost where browsers and Kanidm allow it. */
const urlWarnings = curried(
  ["option", "url"],
  warnIf(
    op(
      "&&",
      op("!=", v("url"), null),
      op(
        "&&",
        matches("http://.*", v("url")),
        not(matches("http://(localhost|127[.0-9]*|\\[::1])([:/].*)?", v("url"))),
      ),
    ),
    "urlPlainHttp",
    { option: v("option"), value: show(v("url")) },
  ),
);

/** Scope names valid, and the ones every login needs present. */
const scopeChecks = curried(
  ["option", "scopes"],
  op(
    "++",
    eachOf(
      "scope",
      v("scopes"),
      check(matches(v("constants.scopePattern"), v("scope")), "scopeInvalid", {
        option: v("option"),
        value: show(v("scope")),
      }),
    ),
    eachOf(
      "scope",
      v("constants.requiredScopes"),
      check(builtin("elem", v("scope"), v("scopes")), "scopeRequired", {
        option: v("option"),
        value: show(v("scope")),
      }),
    ),
  ),
);

/** A secret file given as an absolute path string, never as a Nix path literal. */
const secretChecks = curried(
  ["option", "file"],
  list([
    check(not(builtin("isPath", v("file"))), "secretPathLiteral", {
      option: v("option"),
      value: builtin("toString", v("file")),
    }),
    check(
      orElse(
        orElse(isNull(v("file")), builtin("isPath", v("file"))),
        matches("/[^[:cntrl:]]*", v("file")),
      ),
      "secretRelative",
      { option: v("option"), value: show(v("file")) },
    ),
  ]),
);

/**
 * With ners each mapped group becomes the hydra.conf key `<group>@<domain>`; refuse a key
 * Config::General would misread under the option the user set, not the derived one.
 */
const mappingKeyChecks = curried(
  ["option", "settings"],
  ifThenElse(
    op(
      "||",
      op("!=", v("settings.flavour"), "ners"),
      op(
        "||",
        isNull(v("settings.kanidmDomain")),
        not(matches(v("constants.domainPattern"), v("settings.kanidmDomain"))),
      ),
    ),
    list([]),
    call(
      "map",
      lambda(
        "key",
        check(isNull(call("hydraConf.keyProblem", v("key"))), "confKey", {
          option: v("option"),
          value: show(v("key")),
        }),
      ),
      call(
        "map",
        lambda("group", concat(v("group"), "@", v("settings.kanidmDomain"))),
        builtin(
          "filter",
          lambda("group", matches(v("constants.kanidmNamePattern"), v("group"))),
          builtin("attrNames", call("kanidm.mappedRoles", v("settings"))),
        ),
      ),
    ),
  ),
);

/** A warning for a secret that already lies in the world-readable store. */
const secretWarnings = curried(
  ["option", "file"],
  warnIf(
    op(
      "&&",
      builtin("isString", v("file")),
      matches(concat(v("builtins.storeDir"), "/.*"), v("file")),
    ),
    "secretInStore",
    { option: v("option"), value: show(v("file")) },
  ),
);

/** Each role in the mapping known to Hydra. */
const roleChecks = curried(
  ["option", "mapping"],
  builtin(
    "concatMap",
    lambda(
      "key",
      eachOf(
        "role",
        builtin("getAttr", v("key"), v("mapping")),
        check(builtin("elem", v("role"), v("constants.hydraRoles")), "unknownRole", {
          option: concat(v("option"), ".", show(v("key"))),
          value: show(v("role")),
          roles: joinWith(", ", v("constants.hydraRoles")),
        }),
      ),
    ),
    builtin("attrNames", v("mapping")),
  ),
);

/**
 * Each role reached from one key only: with `ners`, Hydra inserts a role once per group
 * and a user in two groups that share a role fails to log in.
 */
const roleOwnerChecks = curried(
  ["option", "mapping"],
  call(
    "map",
    lambda(
      "owner",
      check(op("==", builtin("length", v("owner.keys")), 1), "roleFromTwoGroups", {
        option: v("option"),
        value: show(v("owner.role")),
        groups: joinWith(", ", call("map", v("strings.show"), v("owner.keys"))),
      }),
    ),
    call("roleOwners", v("mapping")),
  ),
);

/** A value bound for hydra.conf that Config::General would read differently. */
const confValueCheck = curried(
  ["option", "value"],
  letIn(
    // The message must evaluate even when the check holds, so the problem is never null.
    { problem: builtin("toString", call("hydraConf.valueProblem", v("value"))) },
    check(orElse(isNull(v("value")), op("==", v("problem"), "")), "confValue", {
      option: v("option"),
      value: show(v("value")),
      problem: v("problem"),
    }),
  ),
);

const providerNameCheck = curried(
  ["option", "name"],
  check(matches(v("constants.providerNamePattern"), v("name")), "providerName", {
    option: v("option"),
    value: show(v("name")),
  }),
);

/** `option` is only meaningful for `flavour`; refuse it set under the other one. */
const flavourOnly = curried(
  ["option", "flavour", "isSet"],
  check(not(v("isSet")), "flavourOnly", { option: v("option"), flavour: v("flavour") }),
);

const hydraOidc = curried(
  ["option", "settings"],
  letIn(
    {
      s: v("settings"),
      ners: op("==", v("settings.flavour"), "ners"),
      endpoint: curried(
        ["name", "url"],
        ifThenElse(
          v("ners"),
          op(
            "++",
            list([
              check(op("!=", v("url"), null), "endpointMissing", {
                option: concat(v("option"), ".", v("name")),
                flavour: string("ners"),
              }),
            ]),
            op(
              "++",
              call(
                "urlChecks",
                concat(v("option"), ".", v("name")),
                v("url"),
                "https://sso.example.com/...",
              ),
              list([confValueCheckCall(concat(v("option"), ".", v("name")), v("url"))]),
            ),
          ),
          list([
            flavourOnlyCall(concat(v("option"), ".", v("name")), "ners", op("!=", v("url"), null)),
          ]),
        ),
      ),
    },
    attrset({
      assertions: concatLists([
        call("endpoint", "authorizationEndpoint", v("s.authorizationEndpoint")),
        call("endpoint", "tokenEndpoint", v("s.tokenEndpoint")),
        call("endpoint", "userinfoEndpoint", v("s.userinfoEndpoint")),
        ifThenElse(
          v("ners"),
          list([
            flavourOnlyCall(option("discoveryUrl"), "pr1568", op("!=", v("s.discoveryUrl"), null)),
            confValueCheckCall(option("providerName"), v("s.providerName")),
          ]),
          op(
            "++",
            call(
              "urlChecks",
              option("discoveryUrl"),
              v("s.discoveryUrl"),
              "https://sso.example.com/.well-known/openid-configuration",
            ),
            list([
              confValueCheckCall(option("discoveryUrl"), v("s.discoveryUrl")),
              flavourOnlyCall(
                option("roleMapping"),
                "ners",
                op("!=", v("s.roleMapping"), attrset()),
              ),
              flavourOnlyCall(
                option("secretIncludeFile"),
                "ners",
                op("!=", v("s.secretIncludeFile"), null),
              ),
              call("providerNameCheck", option("providerName"), v("s.providerName")),
            ]),
          ),
        ),
        call("scopeChecks", option("scopes"), v("s.scopes")),
        list([
          check(
            orElse(
              orElse(isNull(v("s.secretIncludeFile")), builtin("isPath", v("s.secretIncludeFile"))),
              matches('/[^[:space:]#\\"]+', v("s.secretIncludeFile")),
            ),
            "confValue",
            {
              option: option("secretIncludeFile"),
              value: show(v("s.secretIncludeFile")),
              problem: string("is not an absolute path free of spaces, # and quotes"),
            },
          ),
        ]),
        list([
          confValueCheckCall(
            option("secretIncludeFile"),
            ifThenElse(builtin("isPath", v("s.secretIncludeFile")), null, v("s.secretIncludeFile")),
          ),
        ]),
        eachOf(
          "key",
          builtin("attrNames", v("s.roleMapping")),
          check(isNull(call("hydraConf.keyProblem", v("key"))), "confKey", {
            option: option("roleMapping"),
            value: show(v("key")),
          }),
        ),
        secretPresence(),
        call("secretChecks", option("clientSecretFile"), v("s.clientSecretFile")),
        call("secretChecks", option("secretIncludeFile"), v("s.secretIncludeFile")),
        call("roleChecks", option("roleMapping"), v("s.roleMapping")),
        ifThenElse(
          v("ners"),
          call("roleOwnerChecks", option("roleMapping"), v("s.roleMapping")),
          list([]),
        ),
      ]),
      warnings: concatLists([
        call("secretWarnings", option("clientSecretFile"), v("s.clientSecretFile")),
        call("urlWarnings", option("authorizationEndpoint"), v("s.authorizationEndpoint")),
        call("urlWarnings", option("discoveryUrl"), v("s.discoveryUrl")),
      ]),
    }),
  ),
);

function flavourOnlyCall(name: NixExpr, flavour: string, isSet: NixExpr): NixExpr {
  return call("flavourOnly", name, flavour, isSet);
}

function confValueCheckCall(name: NixExpr, value: NixExpr): NixExpr {
  return call("confValueCheck", name, value);
}

function concatLists(lists: NixExpr[]): NixExpr {
  return builtin("concatLists", list(lists));
}

/** Exactly one way to give the secret: the bare secret, or a ready include file. */
function secretPresence(): NixExpr {
  const bare = op("!=", v("s.clientSecretFile"), null);
  const include = op("!=", v("s.secretIncludeFile"), null);
  return list([
    confValueCheckCall(option("clientId"), v("s.clientId")),
    check(orElse(bare, include), "secretMissing", { option: option("clientSecretFile") }),
    check(not(op("&&", bare, include)), "secretTwice", {
      option: option("clientSecretFile"),
      other: option("secretIncludeFile"),
    }),
  ]);
}

const hydraKanidm = curried(
  ["option", "settings"],
  letIn(
    {
      s: v("settings"),
      groups: call("kanidm.groupNames", v("settings")),
      groupOption: lambda(
        "group",
        ifThenElse(
          builtin("hasAttr", v("group"), v("settings.roles")),
          option("roles"),
          option("loginGroups"),
        ),
      ),
      mapped: call("kanidm.mappedRoles", v("settings")),
    },
    attrset({
      assertions: concatLists([
        call("urlChecks", option("hydraUrl"), v("s.hydraUrl"), "https://hydra.example.com"),
        call("urlChecks", option("kanidmUrl"), v("s.kanidmUrl"), "https://sso.example.com"),
        list([
          // The endpoints Hydra is given start with kanidmUrl; name it, not them.
          confValueCheckCall(option("kanidmUrl"), v("s.kanidmUrl")),
          check(op("!=", v("s.kanidmDomain"), null), "domainMissing", {
            option: option("kanidmDomain"),
          }),
          check(
            orElse(
              isNull(v("s.kanidmDomain")),
              matches(v("constants.domainPattern"), v("s.kanidmDomain")),
            ),
            "domainInvalid",
            { option: option("kanidmDomain"), value: show(v("s.kanidmDomain")) },
          ),
          check(matches(v("constants.kanidmNamePattern"), v("s.clientId")), "kanidmName", {
            option: option("clientId"),
            value: show(v("s.clientId")),
          }),
          check(not(builtin("elem", v("s.clientId"), v("groups"))), "clientIsGroup", {
            option: option("clientId"),
            value: show(v("s.clientId")),
          }),
          check(op("!=", v("s.clientSecretFile"), null), "secretMissing", {
            option: option("clientSecretFile"),
          }),
          ifThenElse(
            op("==", v("s.flavour"), "ners"),
            confValueCheckCall(option("providerName"), v("s.providerName")),
            call("providerNameCheck", option("providerName"), v("s.providerName")),
          ),
          check(
            orElse(
              op("!=", v("s.flavour"), "ners"),
              orElse(op("==", v("mapped"), attrset()), builtin("elem", "groups", v("s.scopes"))),
            ),
            "scopeGroupsForRoles",
            { option: option("scopes") },
          ),
        ]),
        eachOf(
          "group",
          v("groups"),
          check(matches(v("constants.kanidmNamePattern"), v("group")), "kanidmName", {
            option: call("groupOption", v("group")),
            value: show(v("group")),
          }),
        ),
        call("scopeChecks", option("scopes"), v("s.scopes")),
        call("secretChecks", option("clientSecretFile"), v("s.clientSecretFile")),
        call("roleChecks", option("roles"), v("s.roles")),
        ifThenElse(
          op("==", v("s.flavour"), "ners"),
          call("roleOwnerChecks", option("roles"), v("s.roles")),
          list([]),
        ),
        call("mappingKeyChecks", option("roles"), v("s")),
      ]),
      warnings: concatLists([
        call("secretWarnings", option("clientSecretFile"), v("s.clientSecretFile")),
        call("urlWarnings", option("hydraUrl"), v("s.hydraUrl")),
        call("urlWarnings", option("kanidmUrl"), v("s.kanidmUrl")),
        warnIf(op("==", v("s.loginGroups"), list([])), "noLoginGroups", {
          option: option("loginGroups"),
        }),
      ]),
    }),
  ),
);

/**
 * `builtins.listToAttrs (map (item: { name = item; value = null; }) names)`: the names as a
 * set, where `builtins.hasAttr` finds one in log time and `builtins.elem` scans the list.
 */
function nameSet(names: NixExpr): NixExpr {
  return builtin(
    "listToAttrs",
    call("map", lambda("item", attrset({ name: v("item"), value: null })), names),
  );
}

/**
 * Facts known about persons provisioned on this host, turned into warnings and refusals.
 * Whatever depends on the settings alone is worked out once, before the walk over persons
 * and groups, so the cost grows with persons plus groups, not with their product.
 */
const persons = curried(
  ["settings", "persons", "groups"],
  letIn(
    [
      binding("s", v("settings")),
      binding("person", lambda("name", builtin("getAttr", v("name"), v("persons")))),
      binding(
        "present",
        builtin(
          "filter",
          lambda("name", select(call("person", v("name")), "present", true)),
          builtin("attrNames", v("persons")),
        ),
      ),
      binding("groupsOf", lambda("name", select(call("person", v("name")), "groups", list([])))),
      binding(
        "mailsOf",
        lambda("name", select(call("person", v("name")), "mailAddresses", list([]))),
      ),
      binding("mapped", call("kanidm.mappedRoles", v("settings"))),
      binding("loginGroupSet", nameSet(v("s.loginGroups"))),
      binding("declared", nameSet(builtin("concatMap", v("groupsOf"), v("present"))), {
        comment: "The groups some present person is in; read only for groups without members.",
      }),
      binding(
        "loginGroupsOf",
        lambda(
          "name",
          builtin(
            "filter",
            lambda("group", builtin("hasAttr", v("group"), v("loginGroupSet"))),
            call("groupsOf", v("name")),
          ),
        ),
      ),
      binding(
        "mappingOf",
        lambda(
          "name",
          builtin("intersectAttrs", nameSet(call("groupsOf", v("name"))), v("mapped")),
        ),
        { comment: "The part of the role mapping that reaches this person." },
      ),
      binding(
        "group",
        lambda(
          "name",
          ifThenElse(
            builtin("hasAttr", v("name"), v("groups")),
            builtin("getAttr", v("name"), v("groups")),
            attrset(),
          ),
        ),
      ),
      binding(
        "emptied",
        lambda(
          "name",
          op(
            "&&",
            select(call("group", v("name")), "overwriteMembers", true),
            op(
              "&&",
              op("==", select(call("group", v("name")), "members", list([])), list([])),
              not(builtin("hasAttr", v("name"), v("declared"))),
            ),
          ),
        ),
        { comment: "Provisioning with overwriteMembers empties a group no one is declared in." },
      ),
    ],
    attrset({
      assertions: ifThenElse(
        op("!=", v("s.flavour"), "ners"),
        list([]),
        builtin(
          "concatMap",
          lambda(
            "name",
            call(
              "map",
              lambda(
                "owner",
                check(op("==", builtin("length", v("owner.keys")), 1), "personRoleTwice", {
                  person: call("strings.attrName", v("name")),
                  groups: joinWith(", ", call("map", v("strings.show"), v("owner.keys"))),
                  value: show(v("owner.role")),
                }),
              ),
              call("roleOwners", call("mappingOf", v("name"))),
            ),
          ),
          v("present"),
        ),
      ),
      warnings: op(
        "++",
        builtin(
          "concatMap",
          lambda(
            "name",
            op(
              "++",
              ifThenElse(
                op("==", call("mailsOf", v("name")), list([])),
                call(
                  "map",
                  lambda(
                    "group",
                    nixMessage("personWithoutMail", {
                      person: call("strings.attrName", v("name")),
                      value: show(v("group")),
                    }),
                  ),
                  call("loginGroupsOf", v("name")),
                ),
                list([]),
              ),
              warnIf(
                op(
                  "&&",
                  op("!=", call("loginGroupsOf", v("name")), list([])),
                  op(
                    "&&",
                    op("!=", call("mailsOf", v("name")), list([])),
                    matches(".*[+].*", builtin("head", call("mailsOf", v("name")))),
                  ),
                ),
                "personPlusMail",
                {
                  person: call("strings.attrName", v("name")),
                  value: show(builtin("head", call("mailsOf", v("name")))),
                },
              ),
            ),
          ),
          v("present"),
        ),
        builtin(
          "concatMap",
          lambda(
            "name",
            warnIf(call("emptied", v("name")), "groupEmptied", { value: show(v("name")) }),
          ),
          call("kanidm.groupNames", v("settings")),
        ),
      ),
    }),
  ),
);

/** For each role in a mapping, the keys that map it: `[ { role; keys; } ]`. */
const roleOwners = lambda(
  "mapping",
  letIn(
    {
      owners: builtin(
        "groupBy",
        lambda("pair", v("pair.role")),
        builtin(
          "concatMap",
          lambda(
            "key",
            eachOf(
              "role",
              call("strings.uniqueInOrder", builtin("getAttr", v("key"), v("mapping"))),
              attrset({ key: v("key"), role: v("role") }),
            ),
          ),
          builtin("attrNames", v("mapping")),
        ),
      ),
    },
    eachOf(
      "role",
      builtin("attrNames", v("owners")),
      attrset({
        role: v("role"),
        keys: call(
          "map",
          lambda("pair", v("pair.key")),
          builtin("getAttr", v("role"), v("owners")),
        ),
      }),
    ),
  ),
);

/** Messages of the checks that fail, for tests and for TypeScript configs. */
const failures = lambda(
  "checks",
  call(
    "map",
    lambda("check", v("check.message")),
    builtin("filter", lambda("check", not(v("check.assertion"))), v("checks")),
  ),
);

export const checksFile: NixFile = {
  path: "lib/checks.nix",
  header:
    "Assertions and warnings of services.hydra-oidc and services.hydra-kanidm as pure\n" +
    "functions: each returns { assertions = [ { assertion; message; } ]; warnings = [ ]; }.",
  expr: letIn(
    {
      constants: importSibling("constants.nix"),
      strings: importSibling("strings.nix"),
      kanidm: importSibling("kanidm.nix"),
      hydraConf: importSibling("hydra-conf.nix"),
    },
    recAttrset(
      spaced([
        binding("urlChecks", urlChecks, { comment: "An http(s) URL option: set, with a host." }),
        binding("urlWarnings", urlWarnings),
        binding("scopeChecks", scopeChecks),
        binding("secretChecks", secretChecks),
        binding("secretWarnings", secretWarnings),
        binding("mappingKeyChecks", mappingKeyChecks),
        binding("roleChecks", roleChecks),
        binding("roleOwners", roleOwners),
        binding("roleOwnerChecks", roleOwnerChecks, {
          comment: "With ners, a role mapped from two groups fails the login of a user in both.",
        }),
        binding("confValueCheck", confValueCheck),
        binding("providerNameCheck", providerNameCheck),
        binding("flavourOnly", flavourOnly),
        binding("hydraOidc", hydraOidc, {
          comment: "services.hydra-oidc; `option` is the prefix its messages name.",
        }),
        binding("hydraKanidm", hydraKanidm, {
          comment: "services.hydra-kanidm, before its settings reach services.hydra-oidc.",
        }),
        binding("persons", persons, {
          comment: "What the persons and groups provisioned on this host reveal.",
        }),
        binding("sectionCount", v("hydraConf.sectionCount")),
        binding("failures", failures),
      ]),
    ),
  ),
};
