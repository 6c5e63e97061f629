// Property: random plain data through printNix(toNixExpr(v)) evaluates in Nix back to v.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { float, printNix, toNixExpr } from "../../src/nix/index.js";
import { evalNixJson } from "../support/nix.js";

// FC_SEED=<n> replays a run; a failure names the seed it used. Cases are batched, so a few
// nix-instantiate runs judge a thousand values.
const seed = process.env.FC_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FC_SEED);

/** Runs a property with the shared seed, and says how to replay it when it fails. */
function check<T>(property: fc.IProperty<T>, numRuns: number): void {
  try {
    fc.assert(property, { seed, numRuns, includeErrorInReport: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`FC_SEED=${seed} replays this failure.\n${message}`);
  }
}

/** A float written with `float()`, so it stays a float whatever its size. */
class ExplicitFloat {
  constructor(readonly value: number) {}
}

/** Plain data as the test knows it; `ExplicitFloat` marks where a float node goes. */
type Model = string | number | boolean | null | ExplicitFloat | Model[] | { [name: string]: Model };

const pieces = [
  "${",
  "$${",
  "$",
  "''",
  "'",
  "''$",
  "''\\",
  "\\",
  '"',
  "\r",
  "\n",
  "\r\n",
  "\t",
  "\x01",
  "\x1b",
  "\x7f",
  " ",
  "  ",
  "\n  ",
  "{",
  "}",
  "é",
  "😀",
  "\u2028",
  "x",
  "abc",
];

const line: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("", "", " ", "  ", "\t"),
    fc.array(
      fc.oneof(
        fc.constantFrom(...pieces),
        fc.string({ unit: "grapheme", maxLength: 4 }),
        fc.string({ unit: "binary-ascii", maxLength: 4 }),
      ),
      { maxLength: 6 },
    ),
  )
  // Nix strings are C strings: NUL cannot be held, and toNixExpr refuses it (tested apart).
  .map(([indent, parts]) => (indent + parts.join("")).replaceAll("\0", "0"));

// Half of the text spans lines, so indented strings get as much exercise as quoted ones.
const text: fc.Arbitrary<string> = fc.oneof(
  line,
  fc.array(line, { minLength: 2, maxLength: 4 }).map((lines) => lines.join("\n")),
);

const keywords = ["if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or"];
const awkwardNames = ["", "a.b", "a b", "1x", "x'y", "a-b", "hydra.users@idm.example.com", "ü"];

// `outPath` and `__toString` change how Nix writes a set as JSON, whatever the printer does.
const name: fc.Arbitrary<string> = fc
  .oneof(fc.constantFrom(...keywords, ...awkwardNames), fc.string({ maxLength: 6 }), text)
  .filter((candidate) => candidate !== "outPath" && candidate !== "__toString");

const safeInteger = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.maxSafeInteger(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0),
);

// Below 2^53 in size, a non-integral number is a float to toNixExpr; larger ones are whole.
const plainFloat = fc
  .double({ min: -(2 ** 53), max: 2 ** 53, noNaN: true })
  .filter((value) => !Number.isInteger(value));

const anyFloat = fc
  .oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(Number.MIN_VALUE, -Number.MIN_VALUE, 2 ** -1022, 1e-9, 3e30, 2, -0),
  )
  .map((value) => new ExplicitFloat(value));

const { model } = fc.letrec<{ model: Model }>((tie) => ({
  model: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { arbitrary: text, weight: 3 },
    safeInteger,
    plainFloat,
    anyFloat,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("model"), { maxLength: 4 }),
    fc.dictionary(name, tie("model"), { maxKeys: 4 }),
  ),
}));

/** What `toNixExpr` is given: the model with float nodes in place of the markers. */
function input(value: Model): unknown {
  if (value instanceof ExplicitFloat) return float(value.value);
  if (Array.isArray(value)) return value.map(input);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, input(inner)]));
  }
  return value;
}

/** The model as plain JSON-like data. */
function plain(value: Model): unknown {
  if (value instanceof ExplicitFloat) return value.value;
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  }
  return value;
}

/**
 * Compares a value with what Nix wrote as JSON. Nix 2.8 writes floats with six significant
 * digits, so floats only need to agree that far here; the exact check is done in Nix.
 */
function matchesJson(expected: unknown, actual: unknown): boolean {
  // A float node may hold a whole number; Nix still writes it with six digits.
  if (expected instanceof ExplicitFloat) return closeFloat(expected.value, actual);
  if (typeof expected === "number") {
    if (typeof actual !== "number") return false;
    if (Number.isInteger(expected) && Math.abs(expected) < 2 ** 53) return actual === expected;
    return closeFloat(expected, actual);
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    return expected.every((inner, i) => matchesJson(inner, actual[i]));
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return false;
    const keys = Object.keys(expected);
    const other = actual as Record<string, unknown>;
    if (keys.length !== Object.keys(other).length) return false;
    return keys.every(
      (key) =>
        Object.hasOwn(other, key) &&
        matchesJson((expected as Record<string, unknown>)[key], other[key]),
    );
  }
  return expected === actual;
}

/** Six significant digits of agreement, all that Nix 2.8 writes of a float in JSON. */
function closeFloat(expected: number, actual: unknown): boolean {
  return typeof actual === "number" && Math.abs(actual - expected) <= 1e-5 * Math.abs(expected);
}

/** A Nix double-quoted string holding `value`, escaped without the code under test. */
function nixStringLiteral(value: string): string {
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

/**
 * One Nix evaluation for a batch: the printed values, as JSON, and for each whether Nix's
 * own `builtins.fromJSON` of the JavaScript JSON equals it, which compares floats exactly.
 */
function evaluateBatch(
  printed: readonly string[],
  expected: readonly unknown[],
): {
  values: unknown[];
  same: boolean[];
} {
  const cases = printed.map((text) => `(\n${text})`).join("\n");
  const source = [
    "let",
    `  cases = [\n${cases}\n];`,
    `  expected = builtins.fromJSON ${nixStringLiteral(JSON.stringify(expected))};`,
    "in",
    "{",
    "  values = cases;",
    "  same = builtins.genList (i: builtins.elemAt cases i == builtins.elemAt expected i) (",
    "    builtins.length cases",
    "  );",
    "}",
    "",
  ].join("\n");
  return evalNixJson(source) as { values: unknown[]; same: boolean[] };
}

function describeCase(value: unknown, printed: string): string {
  return `value ${JSON.stringify(value)} printed as:\n${printed}`;
}

describe("printNix(toNixExpr(v)) evaluates back to v", () => {
  it("holds for 1000 random values of nested sets, lists, awkward names, text and numbers", () => {
    const batch = fc.array(model, { minLength: 125, maxLength: 125 });
    check(
      fc.property(batch, (models) => {
        const expected = models.map(plain);
        const printed = models.map((value) => printNix(toNixExpr(input(value))));
        const { values, same } = evaluateBatch(printed, expected);

        expected.forEach((value, i) => {
          if (!matchesJson(models[i], values[i])) {
            throw new Error(
              `Nix read back ${JSON.stringify(values[i])} for ${describeCase(value, printed[i]!)}`,
            );
          }
          if (same[i] !== true) {
            throw new Error(
              `builtins.fromJSON disagrees with the ${describeCase(value, printed[i]!)}`,
            );
          }
        });
      }),
      8,
    );
  });

  it("holds for integers across the whole 64-bit range, read back with builtins.toString", () => {
    const big = fc.oneof(
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      fc.constantFrom(-(2n ** 63n), 2n ** 63n - 1n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 0n),
    );
    check(
      fc.property(fc.array(big, { minLength: 100, maxLength: 100 }), (integers) => {
        const printed = integers.map((value) => printNix(toNixExpr(value)));
        const cases = printed.map((text) => `(\n${text})`).join("\n");
        const strings = evalNixJson(`map builtins.toString [\n${cases}\n]\n`);
        expect(strings).toEqual(integers.map(String));
      }),
      2,
    );
  });
});

describe("the round-trip oracle", () => {
  it("tells floats apart beyond six digits, which Nix's JSON output cannot", () => {
    const printed = [printNix(float(0.1 + 0.2))];
    expect(evaluateBatch(printed, [0.3]).same).toEqual([false]);
    expect(evaluateBatch(printed, [0.1 + 0.2]).same).toEqual([true]);
  });
});
