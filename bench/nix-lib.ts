// The module side of `npm run bench`: the pure functions of nix/lib evaluated by real Nix on
// settings with more and more groups, and `npm run build:nix` against Node's own start-up.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { HYDRA_ROLES } from "../src/hydra/roles.js";
import { printNix, toNixExpr } from "../src/nix/index.js";
import { bestProcessRun } from "./measure.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LIBRARY = join(ROOT, "nix", "lib");

const GROUP_COUNTS = [20, 200, 2_000] as const;
/** Persons per group in the persons run, so persons and groups grow together. */
const PERSONS_PER_GROUP = 5;
/** Two of GROUP_COUNTS: the settings of the persons run. */
const PERSON_GROUP_COUNTS = [200, 2_000] as const;
const RUNS = 3;
/**
 * Each settings function is evaluated this many times per Nix run (`builtins.genList`), so
 * that its cost stands well above the start-up of nix-instantiate, which is subtracted.
 */
const REPEAT = 100;
/** 10x the input may cost at most this much more: linear, with a fifth for noise. */
const TARGET_GROWTH = 12;
/** Below this many milliseconds a figure is within the start-up's jitter: not judged. */
const RESOLUTION_MS = 5;

function groupName(index: number): string {
  return `team-${String(index).padStart(5, "0")}`;
}

/**
 * services.hydra-kanidm settings whose `roles` map `groups` groups to one or two Hydra roles
 * each; every group may log in. With flavour "ners" most roles come from several groups, so
 * the checks report failures, which costs what a passing check costs.
 */
function settings(groups: number): unknown {
  const roles: Record<string, string[]> = {};
  for (let i = 0; i < groups; i++) {
    const first = HYDRA_ROLES[i % HYDRA_ROLES.length]!;
    const second = HYDRA_ROLES[(i + 3) % HYDRA_ROLES.length]!;
    roles[groupName(i)] = i % 2 === 0 ? [first] : [first, second];
  }
  return {
    hydraUrl: "https://hydra.example.com",
    kanidmUrl: "https://sso.example.com",
    kanidmDomain: "sso.example.com",
    clientId: "hydra",
    displayName: "Hydra",
    clientSecretFile: "/run/secrets/hydra-oidc",
    roles,
    loginGroups: Object.keys(roles),
    scopes: ["openid", "email", "profile", "groups"],
    passwordLogin: false,
    preferShortUsername: true,
    providerName: "Kanidm",
    flavour: "ners",
  };
}

/** services.kanidm.provision.persons: `count` persons, each in one to three of the groups. */
function persons(count: number, groups: number): unknown {
  const provisioned: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    // Fixed strides spread persons over the groups the same way on every run.
    const memberOf = [7, 13, 29].slice(0, 1 + (i % 3)).map((step) => (i * step + 1) % groups);
    provisioned[`user${i}`] = {
      displayName: `User ${i}`,
      mailAddresses: [`user${i}@example.com`],
      groups: [...new Set(memberOf)].map(groupName),
    };
  }
  return provisioned;
}

/** One expression over `s` (settings) and `p` (persons), as the table names it. */
interface Case {
  readonly label: string;
  readonly expr: string;
}

const SETTINGS_CASES: readonly Case[] = [
  { label: "kanidm.provision s", expr: "lib.kanidm.provision s" },
  {
    label: "hydraConf.oidcSection (oidcSettings s)",
    expr: 'lib.hydraConf.oidcSection "services.hydra-oidc" (lib.kanidm.oidcSettings s)',
  },
  {
    label: "checks.failures (checks.hydraKanidm s)",
    expr: 'lib.checks.failures (lib.checks.hydraKanidm "services.hydra-kanidm" s).assertions',
  },
];

const PERSONS_CASE: Case = {
  label: "checks.persons s persons { }",
  expr: "lib.checks.persons s p { }",
};

/** Milliseconds a Nix file takes to evaluate strictly to JSON, beyond Nix's start-up. */
type Evaluate = (name: string, text: string) => number;

function evaluator(dir: string): { evaluate: Evaluate; startup: number } {
  const output = join(dir, "output.json");
  const run = (file: string) =>
    bestProcessRun("nix-instantiate", ["--eval", "--strict", "--json", file], RUNS, {
      outputFile: output,
    });

  const trivial = join(dir, "trivial.nix");
  writeFileSync(trivial, "null\n");
  const startup = run(trivial).ms;

  const evaluate: Evaluate = (name, text) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    const best = run(file);
    // A function that printed nothing did not do what the table claims.
    if (best.stdoutBytes < 3) throw new Error(`${name} printed ${best.stdoutBytes} bytes`);
    return Math.max(best.ms - startup, 0);
  };
  return { evaluate, startup };
}

/** `let lib = ...; s = ...; p = ...; in body`, reading inputs written next to it. */
function program(body: string, settingsFile: string, personsFile?: string): string {
  const p = personsFile === undefined ? "" : `  p = import ./${personsFile};\n`;
  return (
    `let\n  lib = import ${JSON.stringify(LIBRARY)};\n  s = import ./${settingsFile};\n${p}` +
    `in\n${body}\n`
  );
}

/** Writes `value` as a Nix file, printed by our own printer. */
function writeInput(dir: string, name: string, value: unknown): string {
  writeFileSync(join(dir, name), printNix(toNixExpr(value)));
  return name;
}

/** The growth from one figure to the next; a star marks one too small to judge. */
interface Step {
  readonly text: string;
  readonly judged: boolean;
  readonly pass: boolean;
}

function step(small: number, large: number): Step {
  const ratio = large / Math.max(small, 0.001);
  const judged = small >= RESOLUTION_MS;
  return {
    text: `${ratio.toFixed(1)}x${judged ? "" : "*"}`,
    judged,
    pass: !judged || ratio <= TARGET_GROWTH,
  };
}

/** One table row: a label, figures under the group columns, the steps and a verdict. */
function row(label: string, times: readonly (number | undefined)[], steps: readonly Step[]): void {
  const figures = times.map((time) => (time === undefined ? "" : ms(time)).padStart(13)).join("");
  const verdict = steps.some((s) => s.judged) ? (steps.every((s) => s.pass) ? "PASS" : "FAIL") : "";
  const growth = steps.map((s) => s.text.padEnd(9)).join(" ");
  console.log(`  ${label.padEnd(38)}${figures}  ${growth}  ${verdict}`.trimEnd());
}

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

function count(value: number): string {
  return value.toLocaleString("en");
}

/** Runs the library and build:nix measurements in `dir`, a scratch directory, and prints them. */
export function benchNixLibrary(dir: string): void {
  const { evaluate, startup } = evaluator(dir);

  console.log(
    `Pure Nix library (nix/lib), flavour ners: nix-instantiate --eval --strict --json, best of ` +
      `${RUNS}\nminus ${ms(startup)} start-up (a trivial eval); a settings function is ` +
      `evaluated ${REPEAT} times a run.\nGrowth per 10x the input, target <= ${TARGET_GROWTH}x ` +
      `(linear); * marks a figure under ${RESOLUTION_MS} ms: not judged`,
  );
  const header = GROUP_COUNTS.map((groups) => `${count(groups)} groups`.padStart(13)).join("");
  console.log(`  ${"".padEnd(38)}${header}  growth`);

  const settingsFiles = GROUP_COUNTS.map((groups) =>
    writeInput(dir, `settings-${groups}.nix`, settings(groups)),
  );
  SETTINGS_CASES.forEach((measured, index) => {
    const times = settingsFiles.map((file, i) =>
      evaluate(
        `case-${index}-${GROUP_COUNTS[i]}.nix`,
        program(`builtins.genList (_: ${measured.expr}) ${REPEAT}`, file),
      ),
    );
    const steps = times.slice(1).map((time, i) => step(times[i]!, time));
    row(measured.label, times, steps);
  });

  // Persons and groups grow together, as they do in a growing organisation; a cost in
  // persons times groups then shows as 100x, where growing one alone would show 10x.
  const personTimes = PERSON_GROUP_COUNTS.map((groups) => {
    const personCount = groups * PERSONS_PER_GROUP;
    const settingsFile = settingsFiles[GROUP_COUNTS.indexOf(groups)]!;
    const personsFile = writeInput(dir, `persons-${personCount}.nix`, persons(personCount, groups));
    return evaluate(
      `persons-case-${personCount}.nix`,
      program(PERSONS_CASE.expr, settingsFile, personsFile),
    );
  });
  const personsStep = step(personTimes[0]!, personTimes[1]!);
  const [fewer, more] = PERSON_GROUP_COUNTS.map((groups) => count(groups * PERSONS_PER_GROUP));
  row(PERSONS_CASE.label, [undefined, ...personTimes], [personsStep]);
  console.log(
    `    (${fewer} and ${more} persons, ${PERSONS_PER_GROUP} a group, each in one to three)`,
  );

  // build:nix writes only files whose text changed; its summary says whether it wrote any.
  const summary = join(dir, "build-nix.txt");
  const build = bestProcessRun("npm", ["run", "--silent", "build:nix"], RUNS, {
    cwd: ROOT,
    outputFile: summary,
  });
  const node = bestProcessRun(process.execPath, ["-e", "0"], RUNS);
  console.log(
    `  npm run build:nix ${ms(build.ms)}, node -e 0 ${ms(node.ms)} (best of ${RUNS}): ` +
      `${(build.ms / node.ms).toFixed(1)}x as long (no target)\n` +
      `  (${readFileSync(summary, "utf8").trim().split("\n").pop()})`,
  );
}
