// Option schemas to NixOS option declarations: the TypeScript type picks the NixOS type,
// TSDoc gives description, default and example.

import { attrset, binding, toNixExpr, type Entry, type NixExpr } from "../../nix/index.js";
import { OIDC_FLAVOURS } from "../../hydra/flavours.js";
import {
  literalExpression,
  literalMD,
  mkEnableOption,
  mkOption,
  types,
} from "../../nixos/index.js";
import type { OptionSchema } from "./schema.js";

/**
 * NixOS types for the TypeScript types the interfaces use. Secret files accept a path too,
 * so that a path literal reaches our assertion and its clear message, not a type error.
 */
const NIX_TYPES: Readonly<Record<string, () => NixExpr>> = {
  boolean: () => types.bool,
  string: () => types.str,
  "string | null": () => types.nullOr(types.str),
  "HttpUrl | null": () => types.nullOr(types.str),
  KanidmName: () => types.str,
  "AbsolutePath | null": () => types.nullOr(types.either(types.str, types.path)),
  "readonly KanidmName[]": () => types.listOf(types.str),
  "readonly ScopeName[]": () => types.listOf(types.str),
  OidcFlavour: () => types.enum(OIDC_FLAVOURS),
  "Readonly<Record<KanidmName, readonly HydraRole[]>>": () =>
    types.attrsOf(types.listOf(types.str)),
  "Readonly<Record<string, readonly HydraRole[]>>": () => types.attrsOf(types.listOf(types.str)),
};

/** The NixOS type of an option, or an error naming the TypeScript type we cannot map. */
export function nixTypeOf(option: OptionSchema): NixExpr {
  const make = NIX_TYPES[option.tsType];
  if (make === undefined) {
    throw new Error(`option ${option.name}: no NixOS type for TypeScript type ${option.tsType}`);
  }
  return make();
}

/** Example values written as JSON print as Nix; anything else is shown as Nix source. */
function exampleOf(text: string): NixExpr {
  try {
    return toNixExpr(JSON.parse(text));
  } catch {
    return literalExpression(text);
  }
}

/**
 * The declarations of `options`, blank lines between them. `computed` gives the default
 * expressions of options whose TSDoc says `@defaultText`; `internal` adds options that are
 * not for users and so have no place in the interface.
 */
export function declareOptions(
  options: readonly OptionSchema[],
  computed: Readonly<Record<string, NixExpr>> = {},
  internal: readonly Entry[] = [],
): NixExpr {
  const entries: Entry[] = options.map((option, i) =>
    binding(option.name, declaration(option, computed[option.name]), {
      blankLineBefore: i > 0,
    }),
  );
  return attrset([...entries, ...internal]);
}

function declaration(option: OptionSchema, computed: NixExpr | undefined): NixExpr {
  if (option.name === "enable") {
    // mkEnableOption words the description itself: "Whether to enable <what>.".
    const what = /^Whether to enable (.+)\.$/.exec(option.description);
    if (what === null)
      throw new Error(`enable must read "Whether to enable ...": ${option.description}`);
    return mkEnableOption(what[1]!);
  }
  if (option.defaultText !== undefined && computed === undefined) {
    throw new Error(`option ${option.name} has @defaultText but no computed default`);
  }

  const defaultValue =
    computed ?? (option.default === undefined ? undefined : toNixExpr(option.default));
  return mkOption({
    type: nixTypeOf(option),
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
    ...(option.defaultText === undefined ? {} : { defaultText: literalMD(option.defaultText) }),
    ...(option.example === undefined ? {} : { example: exampleOf(option.example) }),
    description: option.description,
  });
}
