// `npm run bench`: times the Nix printer on a Kanidm provisioning tree against JSON.stringify
// and against Nix's own parser, checks growth and peak memory against their targets, then
// times the pure Nix library and `npm run build:nix` (bench/nix-lib.ts).

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { bestProcessTime, runChild } from "./measure.js";
import { benchNixLibrary } from "./nix-lib.js";
import type { PrinterMemory, PrinterTimes } from "./printer.js";

const SMALL = 2_000;
const LARGE = 20_000;
const RUNS = 7;
const NIX_RUNS = 3;

const TARGET_PARSE_RATIO = 2;
const TARGET_GROWTH = 11;
const TARGET_PEAK_MIB = 300;

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

function verdict(pass: boolean): string {
  return pass ? "PASS" : "FAIL";
}

/** One report line: a label, a figure, and an optional note or target. */
function row(label: string, figure: string, note = ""): void {
  console.log(`  ${label.padEnd(34)}${figure.padStart(10)}   ${note}`.trimEnd());
}

// Other work on the machine skews every figure; the load average says how much there was.
const load = loadavg()[0]!;
const started = performance.now();
const dir = mkdtempSync(join(tmpdir(), "hydra-kanidm-bench-"));
try {
  const printed = join(dir, "provision.nix");
  const tiny = join(dir, "tiny.nix");
  writeFileSync(tiny, "{ }\n");

  const large = runChild<PrinterTimes>("printer.ts", [
    "time",
    String(LARGE),
    String(RUNS),
    printed,
  ]);
  const small = runChild<PrinterTimes>("printer.ts", ["time", String(SMALL), String(RUNS)]);

  const startup = bestProcessTime("nix-instantiate", ["--parse", tiny], NIX_RUNS);
  const parseWhole = bestProcessTime("nix-instantiate", ["--parse", printed], NIX_RUNS);
  const parse = Math.max(parseWhole - startup, 0.001);

  const baseline = runChild<PrinterMemory>("printer.ts", ["baseline", String(LARGE)]);
  const peak = runChild<PrinterMemory>("printer.ts", ["memory", String(LARGE)]);

  const megabytes = (large.bytes / 1e6).toFixed(2);
  console.log(
    `Nix printer, services.kanidm.provision with ${LARGE.toLocaleString("en")} persons ` +
      `(${megabytes} MB of Nix)\nmedian of ${RUNS} runs after a warm-up, in a child process; ` +
      `load average ${load.toFixed(1)} on ${availableParallelism()} cores at the start`,
  );
  row("toNixExpr(tree)", ms(large.toNixExpr));
  row("printNix(expr)", ms(large.printNix));
  row("printNix(toNixExpr(tree))", ms(large.total));
  row("JSON.stringify(tree, null, 2)", ms(large.json), `printing takes ${ratio(large.json)}`);
  row(
    "nix-instantiate --parse",
    ms(parse),
    `best of ${NIX_RUNS}: ${ms(parseWhole)} minus ${ms(startup)} start-up (tiny file)`,
  );
  const parseRatio = large.total / parse;
  row("printNix alone / Nix parsing", `${(large.printNix / parse).toFixed(2)}x`, "(no target)");
  row(
    "printing / Nix parsing",
    `${parseRatio.toFixed(2)}x`,
    `target <= ${TARGET_PARSE_RATIO}x   ${verdict(parseRatio <= TARGET_PARSE_RATIO)}`,
  );

  console.log(`Growth from ${SMALL.toLocaleString("en")} to ${LARGE.toLocaleString("en")} persons`);
  const growth = large.total / small.total;
  row(`printNix(toNixExpr(tree)), ${SMALL.toLocaleString("en")}`, ms(small.total));
  row(
    "time ratio for 10x the persons",
    `${growth.toFixed(2)}x`,
    `target <= ${TARGET_GROWTH}x   ${verdict(growth <= TARGET_GROWTH)}`,
  );

  console.log(`Peak memory (maxRSS of a fresh process), ${LARGE.toLocaleString("en")} persons`);
  row("building the tree only", `${baseline.peakRssMiB.toFixed(0)} MiB`);
  row(
    "building it and printing it once",
    `${peak.peakRssMiB.toFixed(0)} MiB`,
    `target < ${TARGET_PEAK_MIB} MiB   ${verdict(peak.peakRssMiB < TARGET_PEAK_MIB)}` +
      `   (printing adds ${(peak.peakRssMiB - baseline.peakRssMiB).toFixed(0)} MiB)`,
  );

  function ratio(baselineMs: number): string {
    return `${(large.total / baselineMs).toFixed(1)}x as long (no target)`;
  }

  console.log();
  benchNixLibrary(dir);
  const [one, five] = loadavg();
  console.log(
    `\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s; load average ` +
      `${one!.toFixed(1)} (1 min), ${five!.toFixed(1)} (5 min) at the end`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
