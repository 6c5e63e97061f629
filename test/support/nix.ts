// Runs the real Nix (nix-instantiate) on text we print, so tests are judged by Nix itself
// rather than by our own idea of its grammar.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";

export interface NixEvalOptions {
  /** Search path entries, passed as `-I name=path` so `<name>` resolves. */
  readonly nixPath?: Readonly<Record<string, string>>;
  /** `--arg name expr` pairs, for a file or expression that is a function of a set. */
  readonly args?: Readonly<Record<string, string>>;
  /**
   * `nix-instantiate --eval` in Nix 2.8 is read-only by default: store paths of
   * `builtins.toFile` and path literals are computed but not written, so reading them back
   * fails. Set this to pass `--read-write-mode` when a test must read such a file.
   */
  readonly readWrite?: boolean;
}

/** Environment for Nix: the caller's `NIX_PATH` must not decide what `<nixpkgs>` means. */
function nixEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NIX_PATH;
  return env;
}

function runNixInstantiate(args: readonly string[], what: string): string {
  const run = spawnSync("nix-instantiate", args, {
    encoding: "utf8",
    env: nixEnvironment(),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error !== undefined) {
    throw new Error(
      `cannot run nix-instantiate (${run.error.message}); run test/setup/ensure-tools.sh`,
    );
  }
  if (run.status !== 0) {
    throw new Error(`nix-instantiate failed on ${what}:\n${run.stderr.trim()}`);
  }
  return run.stdout;
}

/** Writes `text` to `name` in a fresh temporary directory, runs `use`, then cleans up. */
function withNixFile<T>(text: string, name: string, use: (file: string) => T): T {
  // Only a bare file name: it shows up in Nix's messages and must stay in the temp dir.
  if (name !== basename(name) || name === "." || name === "..") {
    throw new Error(`file name ${JSON.stringify(name)} must not contain a directory`);
  }
  const dir = mkdtempSync(join(tmpdir(), "hydra-kanidm-nix-"));
  try {
    const file = join(dir, name);
    writeFileSync(file, text);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function evalFlags(options: NixEvalOptions): string[] {
  const flags = ["--eval", "--strict", "--json"];
  if (options.readWrite === true) flags.push("--read-write-mode");
  for (const [name, path] of Object.entries(options.nixPath ?? {})) {
    flags.push("-I", `${name}=${path}`);
  }
  for (const [name, expr] of Object.entries(options.args ?? {})) {
    flags.push("--arg", name, expr);
  }
  return flags;
}

/** Parses `text` with `nix-instantiate --parse`; throws with Nix's message if it refuses. */
export function parseNix(text: string, name = "expr.nix"): void {
  withNixFile(text, name, (file) => runNixInstantiate(["--parse", file], name));
}

/** Evaluates the Nix source `text` strictly and returns the value as Nix prints it in JSON. */
export function evalNixJson(text: string, options: NixEvalOptions = {}): unknown {
  return withNixFile(text, "expr.nix", (file) =>
    JSON.parse(runNixInstantiate([...evalFlags(options), file], "expr.nix")),
  );
}

/** Like `evalNixJson`, for a short expression given on the command line (`-E`). */
export function evalNixExprJson(expr: string, options: NixEvalOptions = {}): unknown {
  return JSON.parse(runNixInstantiate([...evalFlags(options), "-E", expr], "-E expression"));
}

/** Evaluates a Nix file, or one attribute path of it (`-A`), and returns it as JSON. */
export function evalNixFileJson(
  file: string,
  attr?: string,
  options: NixEvalOptions = {},
): unknown {
  const path = resolve(file);
  const attrFlags = attr === undefined ? [] : ["-A", attr];
  return JSON.parse(runNixInstantiate([...evalFlags(options), ...attrFlags, path], path));
}
