// `hydra-kanidm init`, the config types and the command's usage: the starter config
// type-checks and validates, tsc names a mistyped option, and misuse exits 2.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { STARTER_CONFIG } from "../../src/cli/starter-config.js";
import { hydraKanidm, REPOSITORY, scratchFolder } from "./command.js";

const folder = scratchFolder("init");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("init", () => {
  it("writes a starter config that validates, and never replaces a file", () => {
    const first = hydraKanidm(["init"], folder);
    const second = hydraKanidm(["init"], folder);
    const generated = hydraKanidm(["generate", "hydra-kanidm.config.ts"], folder);

    expect(first).toEqual({
      status: 0,
      stdout:
        "wrote hydra-kanidm.config.ts\n" +
        "next: edit it, then run npx hydra-kanidm generate hydra-kanidm.config.ts -o sso.nix\n",
      stderr: "",
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toBe(
      "hydra-kanidm.config.ts already exists; nothing written. Name another file: " +
        "hydra-kanidm init other.ts\n",
    );
    expect(readFileSync(join(folder, "hydra-kanidm.config.ts"), "utf8")).toBe(STARTER_CONFIG);
    expect(generated.status).toBe(0);
    expect(generated.stderr).toBe("");
    expect(generated.stdout).toContain("services.hydra-kanidm = {\n    enable = true;");
  });

  it("lets tsc type-check the starter and name a mistyped option in another config", () => {
    if (!existsSync(join(folder, "hydra-kanidm.config.ts"))) {
      writeFileSync(join(folder, "hydra-kanidm.config.ts"), STARTER_CONFIG);
    }
    const header =
      'import { defineConfig } from "hydra-kanidm";\n\nexport default defineConfig({\n';
    writeFileSync(
      join(folder, "mistyped.config.ts"),
      `${header}  hydraKanidm: {\n    enable: "yes",\n  },\n});\n`,
    );
    writeFileSync(
      join(folder, "misspelled.config.ts"),
      `${header}  hydraKanidm: {\n    hydraURL: "https://hydra.example.com",\n  },\n});\n`,
    );
    writeFileSync(
      join(folder, "tsconfig.json"),
      JSON.stringify({
        extends: relative(folder, join(REPOSITORY, "tsconfig.json")),
        include: ["*.ts"],
      }),
    );

    const tsc = spawnSync(
      process.execPath,
      [join(REPOSITORY, "node_modules/typescript/bin/tsc"), "-p", folder, "--pretty", "false"],
      { encoding: "utf8" },
    );

    // Each error as file, the text at its position, and the message.
    const errors = [...tsc.stdout.matchAll(/([^/\s]+)\((\d+),(\d+)\): error (.*)/g)].map(
      ([, file, line, column, message]) => {
        const text = readFileSync(join(folder, file!), "utf8").split("\n")[Number(line) - 1]!;
        return [file, text.slice(Number(column) - 1).split(":")[0], message];
      },
    );
    expect(tsc.status).toBe(2);
    expect(errors).toEqual([
      [
        "misspelled.config.ts",
        "hydraURL",
        "TS2561: Object literal may only specify known properties, but 'hydraURL' does not " +
          "exist in type 'HydraKanidmOptions'. Did you mean to write 'hydraUrl'?",
      ],
      [
        "mistyped.config.ts",
        "enable",
        "TS2322: Type 'string' is not assignable to type 'boolean | undefined'.",
      ],
    ]);
  });
});

describe("usage", () => {
  it("prints help with the exit codes for the command and each subcommand", () => {
    for (const args of [["--help"], ["generate", "--help"], ["check", "-h"], ["init", "--help"]]) {
      const run = hydraKanidm(args);
      expect([args, run.status, run.stderr]).toEqual([args, 0, ""]);
      expect(run.stdout).toMatch(/^Usage: hydra-kanidm /);
      expect(run.stdout).toContain("Exit codes:\n  0  success\n  1  ");
    }
  });

  it("exits 2 with one line on an unknown command, option or missing file", () => {
    const runs = [
      hydraKanidm(["build"]),
      hydraKanidm(["generate", "--out", "x.nix", "config.ts"]),
      hydraKanidm(["generate", "no-such.config.ts"]),
      hydraKanidm(["generate"]),
    ];

    expect(runs.map((run) => [run.status, run.stdout, run.stderr])).toEqual([
      [2, "", 'hydra-kanidm: unknown command "build"; see hydra-kanidm --help\n'],
      [2, "", "hydra-kanidm: Unknown option '--out'; see hydra-kanidm generate --help\n"],
      [2, "", "hydra-kanidm: no-such.config.ts: no such file; see hydra-kanidm generate --help\n"],
      [
        2,
        "",
        "hydra-kanidm: generate takes one config file, got 0; see hydra-kanidm generate --help\n",
      ],
    ]);
  });
});
