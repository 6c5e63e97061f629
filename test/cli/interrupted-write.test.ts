// A build killed outright (SIGKILL) part-way through writeAll leaves every file whole, old
// or new, and the next run removes the temporary files the killed one left behind.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeAll } from "../../src/cli/write-files.js";
import { REPOSITORY } from "./command.js";
import { fileText } from "./write-many-text.js";

const COUNT = 200;
const RUNS = 10;
const root = mkdtempSync(join(tmpdir(), "hydra-kanidm-killed-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const WRITER = join(REPOSITORY, "test/cli/write-many.ts");

/** Runs write-many.ts; once it says "writing", kills it after `delay` ms unless it is done. */
function writeAndKill(version: string, delay: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WRITER, root, version, `${COUNT}`], {
      cwd: REPOSITORY,
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      if (chunk.includes("writing")) setTimeout(() => child.kill("SIGKILL"), delay);
    });
    child.on("error", reject);
    child.on("exit", () => resolve());
  });
}

function allFiles(): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** For each file, the version whose full text it holds, or "torn". */
function versionsOnDisk(versions: readonly string[]): string[] {
  return Array.from({ length: COUNT }, (_, index) => {
    const text = readFileSync(join(root, `part-${index % 4}/file-${index}.txt`), "utf8");
    return versions.find((version) => text === fileText(version, index)) ?? "torn";
  });
}

describe("an interrupted write", () => {
  it("leaves each file old or new, never torn, and the next run cleans up", async () => {
    const files = (version: string) =>
      Array.from({ length: COUNT }, (_, index) => ({
        path: `part-${index % 4}/file-${index}.txt`,
        text: fileText(version, index),
      }));
    writeAll(root, files("v0"));
    const versions = ["v0"];

    for (let run = 1; run <= RUNS; run++) {
      const version = `v${run}`;
      versions.push(version);
      // Writing all files takes 100 to 200 ms here: the kills land while staging, while
      // renaming, or after the end.
      await writeAndKill(version, Math.floor(Math.random() * 200));
      expect(versionsOnDisk(versions)).not.toContain("torn");
    }

    writeAll(root, files("final"));
    expect(new Set(versionsOnDisk(["final"]))).toEqual(new Set(["final"]));
    expect(allFiles().filter((file) => file.endsWith(".tmp"))).toEqual([]);
    expect(allFiles()).toHaveLength(COUNT);
  });
});
