// Timing helpers: medians of in-process runs, child processes that report one measurement
// each (so a memory figure belongs to that measurement alone), and best-of timing of other
// programs (Nix, npm).

import { spawnSync } from "node:child_process";
import { closeSync, openSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The middle value; for an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds taken by `run`. */
export function elapsed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Collects garbage when `--expose-gc` allows it, so one run's garbage is not the next one's. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The peak resident set of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Runs a bench script in a fresh Node process and returns the JSON object it prints last.
 * A fresh process keeps a peak-memory figure from mixing with earlier measurements.
 */
export function runChild<T>(script: string, args: readonly string[]): T {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const run = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", path, ...args], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(`${script} ${args.join(" ")} failed:\n${run.stderr}`);
  }
  const lines = run.stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]!) as T;
}

/** What `bestProcessRun` reports: the best time and what the command printed in that run. */
export interface ProcessRun {
  readonly ms: number;
  readonly stdoutBytes: number;
}

/**
 * The best wall-clock time, in milliseconds, of `runs` runs of a command. The best run is
 * the one least disturbed by the rest of the machine, which suits a baseline. Its output
 * goes to `outputFile` when given, so its size can be counted without piping it through
 * this process, and is discarded otherwise.
 */
export function bestProcessRun(
  command: string,
  args: readonly string[],
  runs: number,
  options: { readonly outputFile?: string; readonly cwd?: string } = {},
): ProcessRun {
  const env = { ...process.env };
  // Nix needs no search path here; the caller's NIX_PATH should not change what Nix does.
  delete env.NIX_PATH;
  let best: ProcessRun = { ms: Number.POSITIVE_INFINITY, stdoutBytes: 0 };
  for (let i = 0; i < runs; i++) {
    const out = options.outputFile === undefined ? "ignore" : openSync(options.outputFile, "w");
    const start = performance.now();
    const run = spawnSync(command, args, { cwd: options.cwd, env, stdio: ["ignore", out, "pipe"] });
    const ms = performance.now() - start;
    if (typeof out === "number") closeSync(out);
    if (run.error !== undefined) throw new Error(`cannot run ${command}: ${run.error.message}`);
    if (run.status !== 0) {
      throw new Error(`${command} ${args.join(" ")} failed:\n${run.stderr.toString()}`);
    }
    const bytes = options.outputFile === undefined ? 0 : statSync(options.outputFile).size;
    if (ms < best.ms) best = { ms, stdoutBytes: bytes };
  }
  return best;
}

/** `bestProcessRun`'s time alone, with the output discarded. */
export function bestProcessTime(command: string, args: readonly string[], runs: number): number {
  return bestProcessRun(command, args, runs).ms;
}
