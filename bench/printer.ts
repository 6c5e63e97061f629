// One printer measurement, run by `run.ts` in its own process. Modes:
//   time <persons> <runs> [out.nix]  medians of toNixExpr, printNix and JSON.stringify
//   memory <persons>                 peak RSS of building the tree and printing it once
//   baseline <persons>               peak RSS of building the tree alone
// It prints one JSON line. It is also the script to profile (`node --cpu-prof`).

import { writeFileSync } from "node:fs";
import { printNix, toNixExpr } from "../src/nix/index.js";
import { collectGarbage, elapsed, median, peakRssMiB } from "./measure.js";
import { provisioningTree } from "./provisioning.js";

/** What `time` reports, in milliseconds, plus the printed size. */
export interface PrinterTimes {
  readonly toNixExpr: number;
  readonly printNix: number;
  readonly total: number;
  readonly json: number;
  readonly bytes: number;
}

/** What `memory` and `baseline` report. */
export interface PrinterMemory {
  readonly peakRssMiB: number;
}

function time(persons: number, runs: number, out: string | undefined): PrinterTimes {
  const tree = provisioningTree(persons);
  const toExpr: number[] = [];
  const print: number[] = [];
  const total: number[] = [];
  const json: number[] = [];
  let text = "";

  // The first run warms up the JIT and is not counted.
  for (let run = 0; run <= runs; run++) {
    collectGarbage();
    let expr!: ReturnType<typeof toNixExpr>;
    const exprTime = elapsed(() => (expr = toNixExpr(tree)));
    const printTime = elapsed(() => (text = printNix(expr)));
    collectGarbage();
    const jsonTime = elapsed(() => JSON.stringify(tree, null, 2));
    if (run === 0) continue;
    toExpr.push(exprTime);
    print.push(printTime);
    total.push(exprTime + printTime);
    json.push(jsonTime);
  }

  if (out !== undefined) writeFileSync(out, text);
  return {
    toNixExpr: median(toExpr),
    printNix: median(print),
    total: median(total),
    json: median(json),
    bytes: Buffer.byteLength(text),
  };
}

function memory(persons: number, print: boolean): PrinterMemory {
  const tree = provisioningTree(persons);
  if (print) printNix(toNixExpr(tree));
  return { peakRssMiB: peakRssMiB() };
}

const [mode, personsArg, runsArg, out] = process.argv.slice(2);
const persons = Number(personsArg);
if (!Number.isInteger(persons) || persons <= 0) {
  console.error("usage: printer.ts time|memory|baseline <persons> [runs] [out.nix]");
  process.exit(2);
}

switch (mode) {
  case "time":
    console.log(JSON.stringify(time(persons, Number(runsArg ?? 5), out)));
    break;
  case "memory":
  case "baseline":
    console.log(JSON.stringify(memory(persons, mode === "memory")));
    break;
  default:
    console.error(`unknown mode ${mode}; use time, memory or baseline`);
    process.exit(2);
}
