// Builders for compound expressions: lists, functions, application, selection, operators,
// `let`, `with`, `if` and `assert`.

import type {
  BinaryOperator,
  Entry,
  ListItem,
  NixExpr,
  NodeOf,
  Parameter,
  PatternField,
} from "../ast.js";
import { NixError } from "../error.js";
import { attrPathText } from "../lexical.js";
import { checkDuplicates, type EntryOptions, type EntrySource, binding } from "./attrs.js";
import { lift, type Nixable } from "./lift.js";
import { checkAttrPath, checkIdentifier, splitDotted } from "./names.js";
import { node } from "./node.js";

/** A list item with a comment or an empty line before it. */
export function item(value: Nixable, options: EntryOptions): ListItem {
  const made = Object.freeze({ value: lift(value, "<list item>"), ...options });
  itemsMade.add(made);
  return made;
}

function isListItem(value: unknown): value is ListItem {
  return typeof value === "object" && value !== null && itemsMade.has(value);
}
const itemsMade = new WeakSet<object>();

/** `[ a b c ]`; items are nodes, plain data, or `item(...)` for commented ones. */
export function list(items: readonly (Nixable | ListItem)[] = []): NodeOf<"list"> {
  const made = items.map((entry, i) =>
    isListItem(entry) ? entry : { value: lift(entry as Nixable, `[${i}]`) },
  );
  return node({ kind: "list", items: Object.freeze(made) });
}

/** A reference to a dotted variable path: `ref("config.services.hydra")`. */
export function ref(dotted: string): NixExpr {
  const [head, ...rest] = splitDotted(dotted, dotted);
  const root = node({ kind: "identifier", name: head! } as const);
  return rest.length === 0 ? root : select(root, rest);
}

/** `target.a.b`, with `or fallback` when given. */
export function select(
  target: NixExpr,
  path: string | readonly string[],
  fallback?: Nixable,
): NodeOf<"select"> {
  const segments = typeof path === "string" ? [path] : path;
  const checked = checkAttrPath(segments, "<select>");
  const base = { kind: "select", target, path: checked } as const;
  return node(
    fallback === undefined
      ? base
      : { ...base, default: lift(fallback, attrPathText(checked) + " or") },
  );
}

/** `target ? a.b`. */
export function hasAttr(target: NixExpr, path: string | readonly string[]): NodeOf<"has-attr"> {
  const segments = typeof path === "string" ? [path] : path;
  return node({ kind: "has-attr", target, path: checkAttrPath(segments, "<has-attr>") });
}

/** `f a b`; application of an application is kept flat. */
export function apply(fn: NixExpr, ...args: Nixable[]): NodeOf<"apply"> {
  if (args.length === 0) {
    throw new NixError("unsupported-value", "<apply>", "an application needs an argument");
  }
  const lifted = args.map((arg, i) => lift(arg, `<argument ${i + 1}>`));
  if (fn.kind === "apply") {
    return node({ kind: "apply", fn: fn.fn, args: Object.freeze([...fn.args, ...lifted]) });
  }
  return node({ kind: "apply", fn, args: Object.freeze(lifted) });
}

/** `apply(ref(dotted), ...)`: `call("lib.mkIf", cond, body)`. */
export function call(dotted: string, ...args: Nixable[]): NodeOf<"apply"> {
  return apply(ref(dotted), ...args);
}

/** What a set pattern holds: names in order, each with an optional default. */
export interface PatternSpec {
  readonly fields: readonly (string | { readonly name: string; readonly default: Nixable })[];
  readonly ellipsis?: boolean;
  readonly bind?: string;
}

/** `{ a, b ? 1, ... } @ bind` as a parameter. */
export function pattern(spec: PatternSpec): Parameter {
  const seen = new Set<string>();
  const fields: PatternField[] = spec.fields.map((field) => {
    const name = checkIdentifier(typeof field === "string" ? field : field.name, "<pattern>");
    if (seen.has(name)) {
      throw new NixError("duplicate-parameter", name, "a pattern names this argument twice");
    }
    seen.add(name);
    return typeof field === "string" ? { name } : { name, default: lift(field.default, name) };
  });
  if (spec.bind !== undefined && seen.has(checkIdentifier(spec.bind, "<pattern @>"))) {
    throw new NixError("duplicate-parameter", spec.bind, "the @ name repeats a pattern name");
  }
  return Object.freeze({
    kind: "pattern",
    fields: Object.freeze(fields),
    ellipsis: spec.ellipsis ?? false,
    ...(spec.bind === undefined ? {} : { bind: spec.bind }),
  });
}

/** `x: body`, or with a pattern, `{ a, ... }: body`. */
export function lambda(parameter: string | Parameter, body: Nixable): NodeOf<"function"> {
  const param: Parameter =
    typeof parameter === "string"
      ? { kind: "name", name: checkIdentifier(parameter, "<function>") }
      : parameter;
  return node({ kind: "function", parameter: param, body: lift(body, "<function body>") });
}

/** A binary operator; `op("//", a, b)` is `a // b`. */
export function op(operator: BinaryOperator, left: Nixable, right: Nixable): NodeOf<"binary"> {
  if (!BINARY_OPERATORS.has(operator)) {
    throw new NixError("invalid-operator", String(operator), "is not a Nix binary operator");
  }
  return node({
    kind: "binary",
    op: operator,
    left: lift(left, `<left of ${operator}>`),
    right: lift(right, `<right of ${operator}>`),
  });
}

const BINARY_OPERATORS: ReadonlySet<string> = new Set<BinaryOperator>([
  "->",
  "||",
  "&&",
  "==",
  "!=",
  "<",
  ">",
  "<=",
  ">=",
  "//",
  "+",
  "-",
  "*",
  "/",
  "++",
]);

/** `!operand`. */
export function not(operand: Nixable): NodeOf<"not"> {
  return node({ kind: "not", operand: lift(operand, "<operand of !>") });
}

/** `-operand`. */
export function negate(operand: Nixable): NodeOf<"negate"> {
  return node({ kind: "negate", operand: lift(operand, "<operand of ->") });
}

function entriesOf(source: EntrySource): readonly Entry[] {
  if (Array.isArray(source)) return Object.freeze([...(source as readonly Entry[])]);
  return Object.freeze(Object.entries(source).map(([name, value]) => binding([name], value)));
}

/** `let ... in body`; refuses a name bound twice, as Nix would. */
export function letIn(bindings: EntrySource, body: Nixable): NodeOf<"let"> {
  const entries = entriesOf(bindings);
  checkDuplicates(entries, []);
  return node({ kind: "let", entries, body: lift(body, "<let body>") });
}

/** `with scope; body`. */
export function withScope(scope: NixExpr, body: Nixable): NodeOf<"with"> {
  return node({ kind: "with", scope, body: lift(body, "<with body>") });
}

/** `if condition then a else b`. */
export function ifThenElse(condition: Nixable, then: Nixable, otherwise: Nixable): NodeOf<"if"> {
  return node({
    kind: "if",
    condition: lift(condition, "<if condition>"),
    then: lift(then, "<then>"),
    else: lift(otherwise, "<else>"),
  });
}

/** `assert condition; body`. */
export function assertThen(condition: Nixable, body: Nixable): NodeOf<"assert"> {
  return node({
    kind: "assert",
    condition: lift(condition, "<assert condition>"),
    body: lift(body, "<assert body>"),
  });
}
