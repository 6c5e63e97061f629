// Timing helpers: medians of in-process runs, child processes that report one measurement
// each (so a memory figure belongs to that measurement alone), and timing of Nix itself.

import { spawnSync } from "node:child_process";
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

/**
 * The best wall-clock time, in milliseconds, of `runs` runs of a command. The best run is
 * the one least disturbed by the rest of the machine, which suits a baseline.
 */
export function bestProcessTime(command: string, args: readonly string[], runs: number): number {
  const env = { ...process.env };
  // Parsing needs no search path; the caller's NIX_PATH should not change what Nix does.
  delete env.NIX_PATH;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const run = spawnSync(command, args, { stdio: ["ignore", "ignore", "pipe"], env });
    times.push(performance.now() - start);
    if (run.error !== undefined) throw new Error(`cannot run ${command}: ${run.error.message}`);
    if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${run.stderr}`);
  }
  return Math.min(...times);
}
