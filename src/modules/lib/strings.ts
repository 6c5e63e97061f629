// nix/lib/strings.nix: small text and list functions the other files share.

import {
  apply,
  attrset,
  recAttrset,
  binding,
  inherit,
  ifThenElse,
  lambda,
  letIn,
  list,
  op,
  ref,
  call,
} from "../../nix/index.js";
import { nixMessage } from "../messages.js";
import { builtin, curried, importSibling, spaced, type NixFile } from "./shared.js";

const match = ref("match");

export const stringsFile: NixFile = {
  path: "lib/strings.nix",
  header: "Text and list functions shared by the other files; only builtins.",
  expr: letIn(
    { constants: importSibling("constants.nix") },
    recAttrset(
      spaced([
        binding(
          "matches",
          lambda(
            "pattern",
            lambda("text", op("!=", builtin("match", ref("pattern"), ref("text")), null)),
          ),
          { comment: "Whether the POSIX extended regular expression matches all of the text." },
        ),
        binding(
          "trimSlashes",
          lambda(
            "url",
            letIn(
              { match: builtin("match", "(.*[^/])/+", ref("url")) },
              ifThenElse(op("==", match, null), ref("url"), builtin("head", match)),
            ),
          ),
          {
            comment: 'The URL without trailing slashes, so "https://h/" and "https://h" agree.',
          },
        ),
        binding(
          "hostOf",
          lambda(
            "url",
            letIn(
              { match: builtin("match", ref("constants.urlPattern"), ref("url")) },
              ifThenElse(
                op("==", match, null),
                null,
                // An IPv6 host keeps its brackets; any other host ends at the port.
                builtin(
                  "head",
                  builtin("match", "(\\[[^]]*]|[^:]*).*", builtin("elemAt", match, 1)),
                ),
              ),
            ),
          ),
          {
            comment: "The host of an http(s) URL, without a port; null for anything else.",
          },
        ),
        binding(
          "uniqueSorted",
          lambda(
            "names",
            builtin(
              "attrNames",
              builtin(
                "listToAttrs",
                apply(
                  ref("map"),
                  lambda("name", attrset([inherit(["name"]), binding("value", null)])),
                  ref("names"),
                ),
              ),
            ),
          ),
          {
            comment: "Names sorted, each once; listToAttrs keeps this linear in the list.",
          },
        ),
        binding(
          "uniqueInOrder",
          lambda(
            "items",
            builtin(
              "foldl'",
              lambda(
                "kept",
                lambda(
                  "item",
                  ifThenElse(
                    builtin("elem", ref("item"), ref("kept")),
                    ref("kept"),
                    op("++", ref("kept"), list([ref("item")])),
                  ),
                ),
              ),
              list([]),
              ref("items"),
            ),
          ),
          {
            comment:
              "Items in their first order, each once; for the short lists of roles and scopes.",
          },
        ),
        binding(
          "secretFile",
          curried(
            ["option", "file"],
            ifThenElse(
              builtin("isPath", ref("file")),
              call(
                "throw",
                nixMessage("secretPathLiteral", {
                  option: ref("option"),
                  value: builtin("toString", ref("file")),
                }),
              ),
              ref("file"),
            ),
          ),
          {
            comment:
              "A secret file's path as given, refusing a path literal before anything can copy " +
              "it to the store.",
          },
        ),
        binding(
          "attrName",
          lambda(
            "name",
            ifThenElse(
              call("matches", "[A-Za-z_][A-Za-z0-9_'-]*", ref("name")),
              ref("name"),
              builtin("toJSON", ref("name")),
            ),
          ),
          {
            comment: "A name as it stands in an option path: bare when it may be, else quoted.",
          },
        ),
        binding(
          "show",
          lambda(
            "value",
            ifThenElse(
              builtin("isPath", ref("value")),
              builtin("toString", ref("value")),
              builtin("toJSON", ref("value")),
            ),
          ),
          {
            comment: "A value quoted for a message; a path is never copied to the store for it.",
          },
        ),
      ]),
    ),
  ),
};
