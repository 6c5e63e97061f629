// Runs the secret-writing script with real bash and coreutils, and reads its include file
// back through Config::General, so we know Hydra gets exactly the secret the user wrote.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECRET_SCRIPT, SECRET_SCRIPT_NAME } from "../../src/hydra/secret-script.js";
import { parseHydraConf } from "../support/config-general.js";

type Format = "conf" | "raw";

interface Run {
  readonly status: number | null;
  readonly stderr: string;
}

const PREVIOUS = "oidc_client_secret = previous\n";

let root: string;
let script: string;
let bash: string;
let owner: string;
let group: string;
let caseNumber = 0;

/** Absolute path of a program on the test's PATH; needed once PATH is narrowed for a run. */
function which(program: string): string {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, program);
    if (dir !== "" && existsSync(candidate)) return candidate;
  }
  throw new Error(`${program} is not on PATH`);
}

function idOutput(flag: string): string {
  return spawnSync("id", [flag], { encoding: "utf8" }).stdout.trim();
}

/** A fresh directory per case, so listings show exactly what one run left behind. */
function caseDir(): string {
  caseNumber += 1;
  const dir = join(root, `case-${caseNumber}`);
  mkdirSync(join(dir, "src"), { recursive: true });
  mkdirSync(join(dir, "run"));
  return dir;
}

function runScript(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Run {
  const run = spawnSync(bash, [script, ...args], { encoding: "utf8", env });
  if (run.error !== undefined) throw run.error;
  return { status: run.status, stderr: run.stderr };
}

interface Written extends Run {
  readonly source: string;
  readonly dest: string;
}

/** Writes `content` as the user's secret file and runs the script on it. */
function writeSecret(format: Format, content: string | Buffer, dir = caseDir()): Written {
  const source = join(dir, "src", "client-secret");
  const dest = join(dir, "run", format === "conf" ? "client-secret.conf" : "client-secret");
  writeFileSync(source, content);
  return { ...runScript([format, source, dest, owner, group]), source, dest };
}

/** What Config::General reads from the include files, in order, as Hydra would. */
function readBack(includes: readonly string[]): string[] {
  const config = parseHydraConf(() => includes.map((path) => `include ${path}\n`).join(""));
  const value = (config as { oidc_client_secret?: string | string[] }).oidc_client_secret;
  // One include gives a string; a repeated key gives a list.
  return value === undefined ? [] : [value].flat();
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "hydra-kanidm-secret-"));
  script = join(root, SECRET_SCRIPT_NAME);
  writeFileSync(script, SECRET_SCRIPT);
  bash = which("bash");
  owner = idOutput("-un");
  group = idOutput("-gn");
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("SECRET_SCRIPT in conf format", () => {
  const readable: ReadonlyArray<readonly [string, string, string]> = [
    ["a hash", "abc#def", "abc#def"],
    ["a double quote", 'ab"cd', 'ab"cd'],
    ["a backslash", "ab\\cd", "ab\\cd"],
    ["dollars", "a$b$(c)${d}", "a$b$(c)${d}"],
    ["leading, inner and trailing spaces", "  lead  inner trail  ", "  lead  inner trail  "],
    ["a secret followed by a newline", "s3cret\n", "s3cret"],
    ["a secret followed by CRLF", "s3cret\r\n", "s3cret"],
    ["non-ASCII letters", "pässwörd–✓", "pässwörd–✓"],
    ["a secret quoted as a whole", '"quoted"', '"quoted"'],
    ["a backslash at the end", "secret\\", "secret\\"],
    ["escapes already in the secret", '\\#\\"\\\\\\$', '\\#\\"\\\\\\$'],
    ["a lone slash and star", "a/b*c", "a/b*c"],
    ["what looks like a block", "<a/>", "<a/>"],
    ["what looks like a here-doc", "<<EOF", "<<EOF"],
    ["an equals sign", "= a = b", "= a = b"],
  ];

  it.each(readable)("reads back %s exactly through Config::General", (_name, content, secret) => {
    const run = writeSecret("conf", content);

    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(readBack([run.dest])).toEqual([secret]);
  });

  it("reads back a long random secret exactly", () => {
    const secret = randomBytes(768).toString("base64");
    const run = writeSecret("conf", `${secret}\n`);

    expect(run.status).toBe(0);
    expect(readBack([run.dest])).toEqual([secret]);
  });

  it("writes one quoted, escaped line", () => {
    const run = writeSecret("conf", ' a#"\\$ ');

    expect(readFileSync(run.dest, "utf8")).toBe('oidc_client_secret = " a\\#\\"\\\\\\$ "\n');
  });
});

describe("SECRET_SCRIPT in raw format", () => {
  it.each([
    ["keeps every byte of the secret", 'a #"\\$*/ /* ✓\t', 'a #"\\$*/ /* ✓\t'],
    ["drops one trailing newline", "s3cret\n", "s3cret"],
    ["drops one trailing CRLF", "s3cret\r\n", "s3cret"],
  ])("%s", (_name, content, secret) => {
    const run = writeSecret("raw", content);

    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(readFileSync(run.dest)).toEqual(Buffer.from(secret, "utf8"));
  });
});

describe("SECRET_SCRIPT output file", () => {
  it.each(["conf", "raw"] as const)("%s: is mode 0440, owned by OWNER:GROUP", (format) => {
    const run = writeSecret(format, "s3cret");
    const stat = statSync(run.dest);

    expect(stat.mode & 0o7777).toBe(0o440);
    expect([stat.uid, stat.gid]).toEqual([process.getuid?.(), process.getgid?.()]);
  });

  it("replaces a previous file and leaves no temp file", () => {
    const dir = caseDir();
    writeFileSync(join(dir, "run", "client-secret.conf"), PREVIOUS);
    const run = writeSecret("conf", "s3cret", dir);

    expect(run.status).toBe(0);
    expect(readBack([run.dest])).toEqual(["s3cret"]);
    expect(readdirSync(join(dir, "run"))).toEqual(["client-secret.conf"]);
  });

  it("runs no program but mktemp, chown, chmod, mv, rm and dirname, none with the secret", () => {
    const dir = caseDir();
    const bin = join(dir, "bin");
    const log = join(dir, "calls.log");
    mkdirSync(bin);
    // Each wrapper records its arguments and environment before calling the real program.
    for (const program of ["mktemp", "chown", "chmod", "mv", "rm", "dirname"]) {
      const wrapper = join(bin, program);
      const record = `{ printf '%s\\n' "$0" "$@"; declare -px; } >>"$CALLS_LOG"`;
      writeFileSync(wrapper, `#!${bash}\n${record}\nexec ${which(program)} "$@"\n`);
      chmodSync(wrapper, 0o755);
    }
    const secret = "unmistakable-s3cret-7f3a";
    const source = join(dir, "src", "client-secret");
    const dest = join(dir, "run", "client-secret.conf");
    writeFileSync(source, secret);

    const run = runScript(["conf", source, dest, owner, group], { PATH: bin, CALLS_LOG: log });

    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(readBack([dest])).toEqual([secret]);
    const calls = readFileSync(log, "utf8");
    expect(calls).toContain(join(bin, "mv"));
    expect(calls).not.toContain(secret);
  });
});

describe("SECRET_SCRIPT refusals", () => {
  const refused: ReadonlyArray<readonly [string, Format, string | undefined, RegExp]> = [
    ["a comment end */", "conf", "s3cret*/tail", /holds \*\//],
    ["a comment start /*", "conf", "s3cret/*tail", /holds \/\*/],
    ["a newline inside", "conf", "s3cret\ntail", /line break/],
    ["a newline inside (raw)", "raw", "s3cret\ntail", /line break/],
    ["a carriage return inside", "conf", "s3cret\rtail", /line break/],
    ["two trailing newlines", "raw", "s3cret\n\n", /line break/],
    ["a tab", "conf", "s3cret\ttail", /control character/],
    ["a NUL byte", "raw", "s3cret\0tail", /NUL byte/],
    [
      "Config::General's here-doc marker",
      "conf",
      "s3cret" + "ad7d7b87f5b81d2a0d5cb75294afeb91aa4801b1f8e8532dc1b633c0e1d47037",
      /here-doc marker/,
    ],
    ["an empty file", "conf", "", /is empty/],
    ["a file holding only a newline", "raw", "\n", /is empty/],
    ["a missing file", "conf", undefined, /no such file/],
  ];

  it.each(refused)("refuses %s and leaves DEST alone", (_name, format, content, reason) => {
    const dir = caseDir();
    const source = join(dir, "src", "client-secret");
    const dest = join(dir, "run", "client-secret.conf");
    if (content !== undefined) writeFileSync(source, content);
    writeFileSync(dest, PREVIOUS);

    const run = runScript([format, source, dest, owner, group]);

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^write-secret: [^\n]+\n$/);
    expect(run.stderr).toContain(source);
    expect(run.stderr).toMatch(reason);
    if (content !== undefined && content.trim() !== "") {
      expect(run.stderr).not.toContain("s3cret");
    }
    expect(readFileSync(dest, "utf8")).toBe(PREVIOUS);
    expect(readdirSync(join(dir, "run"))).toEqual(["client-secret.conf"]);
  });

  it("refuses the here-doc marker because Config::General splits the line on it", () => {
    const marker = "ad7d7b87f5b81d2a0d5cb75294afeb91aa4801b1f8e8532dc1b633c0e1d47037";

    expect(parseHydraConf(`oidc_client_secret = "a${marker}b"\n`)).toEqual({
      'oidc_client_secret = "a': 'b"',
    });
  });

  it("removes its temp file and keeps DEST when chown fails", () => {
    const dir = caseDir();
    const source = join(dir, "src", "client-secret");
    const dest = join(dir, "run", "client-secret.conf");
    writeFileSync(source, "s3cret");
    writeFileSync(dest, PREVIOUS);

    const run = runScript(["conf", source, dest, "no-such-user-hydra-kanidm", group]);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`write-secret: ${dest}: cannot hand it to`);
    expect(run.stderr).not.toContain("s3cret");
    expect(readFileSync(dest, "utf8")).toBe(PREVIOUS);
    expect(readdirSync(join(dir, "run"))).toEqual(["client-secret.conf"]);
  });

  it("exits 2 with usage on an unknown format", () => {
    const run = writeSecret("yaml" as Format, "s3cret");

    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^usage: write-secret conf\|raw /);
  });
});

describe("SECRET_SCRIPT property", () => {
  // Printable characters, weighted towards those Config::General treats specially.
  const printable = fc.oneof(
    fc.constantFrom("\\", '"', "#", "$", " ", "/", "*", "<", ">", "=", "'", "{", "}"),
    fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    fc.integer({ min: 0xa0, max: 0x2fff }).map((code) => String.fromCharCode(code)),
    fc.constantFrom("ä", "–", "✓", "😀", "\u00a0", "\u2028"),
  );
  const secret = fc
    .string({ unit: printable, minLength: 1, maxLength: 40 })
    .filter((text) => !text.includes("*/") && !text.includes("/*"));

  it("reads back any printable secret exactly through Config::General", () => {
    // Several secrets per run share one perl start, the slow part of a check.
    const property = fc.property(fc.array(secret, { minLength: 1, maxLength: 3 }), (secrets) => {
      const dir = caseDir();
      try {
        const dests = secrets.map((text, index) => {
          const source = join(dir, "src", `${index}`);
          const dest = join(dir, "run", `${index}.conf`);
          writeFileSync(source, text);
          expect(runScript(["conf", source, dest, owner, group])).toMatchObject({ status: 0 });
          return dest;
        });

        expect(readBack(dests)).toEqual(secrets);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

    // On failure fast-check prints the seed; FC_SEED=<seed> replays the same cases.
    fc.assert(property, { numRuns: 100, seed });
  });
});
