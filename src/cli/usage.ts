// The help texts of `hydra-kanidm` and its commands, the exit codes, and the parsing of
// arguments into a usage error that names what is wrong.

import { parseArgs, type ParseArgsConfig } from "node:util";

/** Exit codes, documented in the help and the README. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

const EXIT_CODES = `Exit codes:
  0  success
  1  the config is invalid, generated files are stale, or a file cannot be written
  2  usage error: unknown command or option, a missing, extra or unfit argument (no such
     config, -o naming a directory or the config itself, --root naming no directory)`;

export const MAIN_HELP = `Usage: hydra-kanidm <command> [options]

Hydra single sign-on through Kanidm: NixOS modules from typed TypeScript configs.

Commands:
  init [file]                 write a commented starter config (hydra-kanidm.config.ts)
  generate <config> [-o file] print the NixOS module of a config, or write it to file
  check [--root dir]          report generated files that differ from what the build prints
  help [command]              show this help, or a command's (same as <command> --help)

Options:
  --version                   print the version of hydra-kanidm
  -h, --help                  show this help

Run \`hydra-kanidm <command> --help\` for the options of a command.

${EXIT_CODES}
`;

export const GENERATE_HELP = `Usage: hydra-kanidm generate <config.ts> [-o file.nix]

Loads the config (its default export, made with defineConfig), checks it with the rules of
the NixOS modules, and prints a NixOS module that imports this flake's module from the
host's inputs and sets the config's options. Errors and warnings go to stderr, one line
each; with an error nothing is printed or written.

Options:
  -o, --output <file>  write the module to file, replacing it whole, instead of stdout
  -h, --help           show this help

${EXIT_CODES}
`;

export const CHECK_HELP = `Usage: hydra-kanidm check [--root dir]

Compares nix/, docs/, flake.nix and the example modules in examples/ with what
\`npm run build:nix\` would write, and lists every file that differs, is missing, or sits
in nix/ without being generated.

Options:
  --root <dir>  the repository to check (default: this one)
  -h, --help    show this help

${EXIT_CODES}
`;

export const INIT_HELP = `Usage: hydra-kanidm init [file]

Writes a commented starter config for Hydra and Kanidm on one host to file (default
hydra-kanidm.config.ts). Never replaces an existing file.

Options:
  -h, --help  show this help

${EXIT_CODES}
`;

/** A mistake on the command line: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/** `args` parsed strictly; unknown options and missing values become a UsageError. */
export function parseCommand<T extends Options>(args: readonly string[], options: T) {
  try {
    return parseArgs({
      args: [...args],
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Node's messages go on with advice about `--`; the first sentence names the problem.
    // Node capitalises it; our messages start in lower case, as they follow a prefix.
    const message = (error as Error).message.split(/\.( |$)/)[0]!;
    throw new UsageError(message.charAt(0).toLowerCase() + message.slice(1));
  }
}
