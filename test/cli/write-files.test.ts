// writeAll when a rename fails: the error reaches the caller and no temporary file stays.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeAll } from "../../src/cli/write-files.js";

const root = mkdtempSync(join(tmpdir(), "hydra-kanidm-write-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("writeAll", () => {
  it("removes every remaining temporary file when a rename fails, then throws", () => {
    writeFileSync(join(root, "c.nix"), "old c\n");
    mkdirSync(join(root, "b.nix"));
    const files = ["a.nix", "b.nix", "c.nix"].map((path) => ({ path, text: `new ${path}\n` }));

    let code: string | undefined;
    try {
      writeAll(root, files);
    } catch (error) {
      code = (error as NodeJS.ErrnoException).code;
    }

    // Renames run in order: a.nix is new, b.nix stays a folder, c.nix keeps its old text.
    expect(code).toBe("EISDIR");
    expect(readdirSync(root).sort()).toEqual(["a.nix", "b.nix", "c.nix"]);
    expect(readFileSync(join(root, "a.nix"), "utf8")).toBe("new a.nix\n");
    expect(readdirSync(join(root, "b.nix"))).toEqual([]);
    expect(readFileSync(join(root, "c.nix"), "utf8")).toBe("old c\n");
  });
});
