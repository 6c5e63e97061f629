// `hydra-kanidm`: the command line for TypeScript host configs (init, generate) and for the
// generated files (check). Exit codes: 0 ok, 1 refused, 2 usage error.

import { readFileSync } from "node:fs";
import { checkCommand } from "./check-command.js";
import { generateCommand } from "./generate-command.js";
import { initCommand } from "./init-command.js";
import { EXIT, MAIN_HELP, UsageError } from "./usage.js";

const COMMANDS: Readonly<Record<string, (args: readonly string[]) => Promise<number>>> = {
  init: initCommand,
  generate: generateCommand,
  check: checkCommand,
};

/** The version in package.json, which is the one place it is written. */
function packageVersion(): string {
  const file = new URL("../../package.json", import.meta.url);
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

async function run(name: string, args: readonly string[]): Promise<number> {
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) throw new UsageError(`unknown command ${JSON.stringify(name)}`);
  return command(args);
}

async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === "--version") {
    process.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (first === undefined) {
    process.stderr.write(MAIN_HELP);
    return EXIT.usage;
  }
  if (first === "--help" || first === "-h" || (first === "help" && rest.length === 0)) {
    process.stdout.write(MAIN_HELP);
    return EXIT.ok;
  }

  // `help <command>` is `<command> --help`, so each help text is written once.
  const [name, ...args] = first === "help" ? [rest[0]!, "--help", ...rest.slice(1)] : argv;
  try {
    return await run(name!, args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const known = Object.hasOwn(COMMANDS, name!);
    const help = known ? `hydra-kanidm ${name} --help` : "hydra-kanidm --help";
    console.error(`hydra-kanidm: ${error.message}; see ${help}`);
    return EXIT.usage;
  }
}

process.exitCode = await main(process.argv.slice(2));
