// `hydra-kanidm init`, the config types and the command's usage: the starter config
// type-checks and validates, tsc names a mistyped option, and misuse exits 2.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Project } from "ts-morph";
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

  it("lets `tsc --noEmit` check root configs, naming mistyped and missing options", () => {
    if (!existsSync(join(folder, "hydra-kanidm.config.ts"))) {
      writeFileSync(join(folder, "hydra-kanidm.config.ts"), STARTER_CONFIG);
    }
    const stated =
      '    hydraUrl: "https://hydra.example.com",\n' +
      '    kanidmUrl: "https://sso.example.com",\n' +
      '    kanidmDomain: "sso.example.com",\n' +
      '    clientSecretFile: "/run/secrets/hydra-oidc",\n';
    const config = (options: string) =>
      'import { defineConfig } from "hydra-kanidm";\n\nexport default defineConfig({\n' +
      `  hydraKanidm: {\n${options}  },\n});\n`;
    writeFileSync(join(folder, "mistyped.config.ts"), config(`${stated}    enable: "yes",\n`));
    writeFileSync(
      join(folder, "misspelled.config.ts"),
      config(`${stated}    hydraURL: "https://hydra.example.com",\n`),
    );
    writeFileSync(
      join(folder, "nulled.config.ts"),
      config(stated.replace('"sso.example.com",\n', "null,\n")),
    );
    writeFileSync(
      join(folder, "unstated.config.ts"),
      config('    hydraUrl: "https://hydra.example.com",\n'),
    );
    // The repository's own tsconfig.json, so its `include` is what decides what is checked.
    copyFileSync(join(REPOSITORY, "tsconfig.json"), join(folder, "tsconfig.json"));

    const tsc = spawnSync(
      process.execPath,
      [join(REPOSITORY, "node_modules/typescript/bin/tsc"), "-p", folder, "--pretty", "false"],
      { encoding: "utf8" },
    );

    // Each error as file, the text at its position, and the message's first line.
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
          "exist in type 'HostOptions'. Did you mean to write 'hydraUrl'?",
      ],
      [
        "mistyped.config.ts",
        "enable",
        "TS2322: Type 'string' is not assignable to type 'boolean | undefined'.",
      ],
      [
        "nulled.config.ts",
        "kanidmDomain",
        "TS2322: Type 'null' is not assignable to type 'string'.",
      ],
      [
        "unstated.config.ts",
        "hydraKanidm",
        "TS2739: Type '{ hydraUrl: string; }' is missing the following properties from type " +
          "'HostOptions': kanidmUrl, kanidmDomain, clientSecretFile",
      ],
    ]);
  });

  it("keeps each option's documentation in the editor, required ones included", () => {
    const project = new Project({
      tsConfigFilePath: join(REPOSITORY, "tsconfig.json"),
      skipAddingFilesFromTsConfig: true,
    });
    const file = project.createSourceFile(join(folder, "hover.config.ts"), STARTER_CONFIG);
    const service = project.getLanguageService().compilerObject;
    const hover = (option: string) => {
      const info = service.getQuickInfoAtPosition(
        file.getFilePath(),
        STARTER_CONFIG.indexOf(`${option}:`),
      );
      const text = (parts?: readonly { text: string }[]) => parts?.map((p) => p.text).join("");
      return [text(info?.displayParts), text(info?.documentation)?.split("\n")[0]];
    };

    expect(["hydraUrl", "clientSecretFile", "loginGroups"].map(hover)).toEqual([
      [
        "(property) hydraUrl: string",
        "Public base URL of Hydra, as users open it. The redirect URL that Kanidm allows is",
      ],
      [
        "(property) clientSecretFile: string",
        "File holding only the client secret, as an absolute path string. Kanidm reads it when",
      ],
      [
        "(property) loginGroups?: readonly string[] | undefined",
        "Groups whose members may log in to Hydra: each gets a scope map granting `scopes`.",
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

  it("prints a command's help for `help <command>`, and the version for --version", () => {
    const version = JSON.parse(readFileSync(join(REPOSITORY, "package.json"), "utf8")).version;

    expect(hydraKanidm(["help", "generate"])).toEqual(hydraKanidm(["generate", "--help"]));
    expect(hydraKanidm(["help"])).toEqual(hydraKanidm(["--help"]));
    expect(hydraKanidm(["--version"])).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
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
      [2, "", "hydra-kanidm: unknown option '--out'; see hydra-kanidm generate --help\n"],
      [2, "", "hydra-kanidm: no-such.config.ts: no such file; see hydra-kanidm generate --help\n"],
      [
        2,
        "",
        "hydra-kanidm: generate takes one config file, got 0; see hydra-kanidm generate --help\n",
      ],
    ]);
  });
});
