// Number traps: negatives in tight slots, floats that stay floats, the 64-bit edge.
import { describe, expect, it } from "vitest";
import {
  NixError,
  apply,
  float,
  int,
  list,
  printNix,
  ref,
  toNixExpr,
} from "../../src/nix/index.js";
import { evalAbout, evalPrinted } from "./evaluate.js";
import { lines } from "./expected.js";

describe("negative numbers", () => {
  it("parenthesises -3 in a list", () => {
    const printed = printNix(toNixExpr([-3, 4]));
    expect(printed).toBe(lines("[", "  (-3)", "  4", "]"));
    expect(evalPrinted(printed)).toEqual([-3, 4]);
  });

  it("parenthesises -3 as an argument", () => {
    const printed = printNix(apply(ref("builtins.toString"), -3));
    expect(printed).toBe("builtins.toString (-3)\n");
    expect(evalPrinted(printed)).toBe("-3");
  });

  it("parenthesises a negative float in a list", () => {
    const printed = printNix(list([float(-1.5)]));
    expect(printed).toBe("[ (-1.5) ]\n");
    expect(evalPrinted(printed)).toEqual([-1.5]);
  });

  it("prints the smallest 64-bit integer, which has no literal, as a subtraction", () => {
    const printed = printNix(list([-(2n ** 63n)]));
    expect(printed).toBe("[ (-9223372036854775807 - 1) ]\n");
    expect(evalAbout(printed, "map builtins.toString value")).toEqual(["-9223372036854775808"]);
  });

  it("prints the largest 64-bit integer as it is", () => {
    const printed = printNix(int(2n ** 63n - 1n));
    expect(printed).toBe("9223372036854775807\n");
    expect(evalAbout(printed, "builtins.toString value")).toBe("9223372036854775807");
  });
});

describe("floats", () => {
  it("prints float(2) as 2.0, which Nix reads as a float", () => {
    const printed = printNix(float(2));
    expect(printed).toBe("2.0\n");
    expect(evalAbout(printed, "[ (builtins.typeOf value) (value == 2) ]")).toEqual(["float", true]);
  });

  it("prints 1e-9 as 1.0e-9, exactly the same double", () => {
    const printed = printNix(float(1e-9));
    expect(printed).toBe("1.0e-9\n");
    expect(evalAbout(printed, 'value == builtins.fromJSON "1e-9"')).toBe(true);
  });

  it("prints 3e30 as 3.0e30, exactly the same double", () => {
    const printed = printNix(float(3e30));
    expect(printed).toBe("3.0e30\n");
    expect(evalAbout(printed, 'value == builtins.fromJSON "3e30"')).toBe(true);
  });

  it("prints a fraction with all the digits it needs to round-trip", () => {
    const printed = printNix(toNixExpr(0.1 + 0.2));
    expect(printed).toBe("0.30000000000000004\n");
    expect(evalAbout(printed, "[ (value == 0.1 + 0.2) (value == 0.3) ]")).toEqual([true, false]);
  });

  it("prints a subnormal float, which Nix 2.8 cannot read as a literal, as a division", () => {
    const printed = printNix(list([float(Number.MIN_VALUE)]));
    expect(printed).toBe("[ (9.113902524445497e-305 / 18446744073709551616.0) ]\n");
    const check = 'map (v: v == builtins.fromJSON "5e-324" && v > 0) value';
    expect(evalAbout(printed, check)).toEqual([true]);
  });
});

describe("the 64-bit limit", () => {
  function refusal(make: () => unknown): NixError {
    try {
      make();
    } catch (error) {
      if (error instanceof NixError) return error;
      throw error;
    }
    throw new Error("expected a NixError");
  }

  it("refuses 2 ** 63 in toNixExpr, as a number and as a bigint", () => {
    for (const value of [2 ** 63, 2n ** 63n]) {
      const error = refusal(() => toNixExpr({ big: value }));
      expect([error.code, error.path, error.message]).toEqual([
        "integer-out-of-range",
        "big",
        "big: 9223372036854775808 does not fit Nix's 64-bit integers; " +
          "use float() for a floating-point value",
      ]);
    }
  });

  it("refuses 2 ** 63 in int(), as a number and as a bigint", () => {
    for (const value of [2 ** 63, 2n ** 63n]) {
      const error = refusal(() => int(value));
      expect([error.code, error.path]).toEqual(["integer-out-of-range", "<int>"]);
    }
  });

  it("takes 2 ** 63 as a float when asked", () => {
    const printed = printNix(float(2 ** 63));
    expect(printed).toBe("9223372036854776000.0\n");
    expect(evalAbout(printed, "value == 9223372036854775807 + 1.0")).toBe(true);
  });
});
