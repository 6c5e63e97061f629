// Proves the test harness itself: that real Nix and real Config::General are reached and
// that their answers come back unchanged, so later failures are about our output.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHydraConf, parseHydraConfFile, readHydraConfFile } from "./config-general.js";
import { evalNixExprJson, evalNixFileJson, evalNixJson, parseNix } from "./nix.js";

describe("parseNix", () => {
  it("accepts a well-formed attribute set", () => {
    expect(() => parseNix("{ a = 1; }")).not.toThrow();
  });

  it("refuses a binding without a value and reports Nix's message", () => {
    expect(() => parseNix("{ a = ; }", "broken.nix")).toThrow(/syntax error, unexpected ';'/);
  });

  it("keeps the temporary file inside its directory", () => {
    expect(() => parseNix("1", "../escape.nix")).toThrow(/must not contain a directory/);
  });
});

describe("evalNixJson", () => {
  it("returns a strictly evaluated value", () => {
    expect(evalNixJson('{ a = [ 1 "x" ]; }')).toEqual({ a: [1, "x"] });
  });

  it("throws with Nix's message when evaluation fails", () => {
    expect(() => evalNixJson("x: x")).toThrow(/cannot convert a function to JSON/);
  });

  it("is read-only unless asked, as nix-instantiate --eval is in Nix 2.8", () => {
    const readBack = (content: string): string =>
      `builtins.readFile (builtins.toFile "hydra-kanidm-probe" ${JSON.stringify(content)})`;
    // Fresh content, so no earlier read-write run can have put this file in the store.
    expect(() => evalNixJson(readBack(randomUUID()))).toThrow(/is not valid/);
    // Fixed content, so read-write runs add one small file to the store, once.
    expect(evalNixJson(readBack("probe"), { readWrite: true })).toBe("probe");
  });
});

describe("evalNixExprJson", () => {
  it("passes --arg values to a function of a set", () => {
    expect(evalNixExprJson("{ n }: n * 2", { args: { n: "21" } })).toBe(42);
  });

  it("resolves <name> from nixPath only", () => {
    const dir = mkdtempSync(join(tmpdir(), "hydra-kanidm-test-"));
    try {
      writeFileSync(join(dir, "default.nix"), '{ answer = "from nixPath"; }');
      expect(evalNixExprJson("(import <probe>).answer", { nixPath: { probe: dir } })).toBe(
        "from nixPath",
      );
      expect(() => evalNixExprJson("<probe>")).toThrow(/was not found in the Nix search path/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("evalNixFileJson", () => {
  it("evaluates a file and one attribute of it", () => {
    const dir = mkdtempSync(join(tmpdir(), "hydra-kanidm-test-"));
    try {
      const file = join(dir, "set.nix");
      writeFileSync(file, "{ a.b = [ true null ]; c = 1.5; }");
      expect(evalNixFileJson(file)).toEqual({ a: { b: [true, null] }, c: 1.5 });
      expect(evalNixFileJson(file, "a.b")).toEqual([true, null]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("parseHydraConf", () => {
  it("reads repeated keys, blocks and escapes as Config::General does", () => {
    const text =
      "a = 1\na = 2\n<oidc_role_mapping>\nx@y = admin\n</oidc_role_mapping>\n" + 'b = "q \\# r"\n';
    // Repeated keys become a list, every value is a string, a block is a nested hash,
    // and one pair of outer quotes is stripped after `\#` is unescaped.
    expect(parseHydraConf(text)).toEqual({
      a: ["1", "2"],
      oidc_role_mapping: { "x@y": "admin" },
      b: "q # r",
    });
  });

  it("pins traps: an unescaped # ends the value even inside quotes", () => {
    expect(parseHydraConf('a = "x # y"\n')).toEqual({ a: '"x' });
  });

  it("reads a named block inside a block, and a key without a value as null", () => {
    const text = "<oidc>\n<provider kanidm>\nclient_id = hydra\n</provider>\n</oidc>\nflag\n";
    expect(parseHydraConf(text)).toEqual({
      oidc: { provider: { kanidm: { client_id: "hydra" } } },
      flag: null,
    });
  });

  it("inlines an include file given by absolute path", () => {
    const config = parseHydraConf((dir) => `oidc_client_id = hydra\ninclude ${dir}/secret.conf\n`, {
      files: { "secret.conf": "oidc_client_secret = s3\\#cr\\\\et\n" },
    });
    expect(config).toEqual({
      oidc_client_id: "hydra",
      oidc_client_secret: "s3#cr\\et",
    });
  });

  it("refuses a missing include file, as Hydra would fail to start", () => {
    expect(() => parseHydraConf((dir) => `include ${dir}/absent.conf\n`)).toThrow(/does not exist/);
  });

  it("treats parser warnings as errors unless they are allowed", () => {
    const text = "a = 1 */ b\n";
    expect(() => parseHydraConf(text)).toThrow(/end of C-comment/);
    expect(parseHydraConf(text, { allowWarnings: true })).toEqual({ b: null });
  });

  it("refuses extra files outside the temporary directory", () => {
    expect(() => parseHydraConf("a = 1\n", { files: { "../x.conf": "" } })).toThrow(
      /must be relative/,
    );
  });
});

describe("parseHydraConfFile", () => {
  it("resolves a relative include from the file's directory", () => {
    const dir = mkdtempSync(join(tmpdir(), "hydra-kanidm-test-"));
    try {
      writeFileSync(join(dir, "hydra.conf"), "include extra.conf\nbase = 1\n");
      writeFileSync(join(dir, "extra.conf"), "extra = yes\n");
      expect(parseHydraConfFile(join(dir, "hydra.conf"))).toEqual({
        base: "1",
        extra: "yes",
      });
      expect(readHydraConfFile(join(dir, "hydra.conf")).warnings).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
