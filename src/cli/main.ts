// `hydra-kanidm`: the command line for TypeScript host configs (init, generate) and for the
// generated files (check). Exit codes: 0 ok, 1 refused, 2 usage error.

import { checkCommand } from "./check-command.js";
import { generateCommand } from "./generate-command.js";
import { initCommand } from "./init-command.js";
import { EXIT, MAIN_HELP, UsageError } from "./usage.js";

const COMMANDS: Readonly<Record<string, (args: readonly string[]) => Promise<number>>> = {
  init: initCommand,
  generate: generateCommand,
  check: checkCommand,
};

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(MAIN_HELP);
    return EXIT.ok;
  }
  if (name === undefined) {
    process.stderr.write(MAIN_HELP);
    return EXIT.usage;
  }

  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (command === undefined) throw new UsageError(`unknown command ${JSON.stringify(name)}`);
    return await command(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const help = command === undefined ? "hydra-kanidm --help" : `hydra-kanidm ${name} --help`;
    console.error(`hydra-kanidm: ${error.message}; see ${help}`);
    return EXIT.usage;
  }
}

process.exitCode = await main(process.argv.slice(2));
