// `hydra-kanidm generate` on the examples and on broken configs: the module printed equals
// the committed one, Nix parses and evaluates it, and a broken config writes nothing.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXAMPLES } from "../../examples/index.js";
import { evalNixExprJson, parseNix } from "../support/nix.js";
import { hydraKanidm, REPOSITORY, scratchFolder } from "./command.js";

// Configs that import "hydra-kanidm" go in the clone; the others may sit anywhere.
const scratch = mkdtempSync(join(tmpdir(), "hydra-kanidm-generate-"));
const inClone = scratchFolder("generate");
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(inClone, { recursive: true, force: true });
});

/** Writes a config file into `folder`, by default outside the clone, and returns its path. */
function configFile(name: string, text: string, folder = scratch): string {
  const file = join(folder, name);
  writeFileSync(file, text);
  return file;
}

/** The example config for one host, as a user would copy it out of the clone. */
const SINGLE_HOST = readFileSync(join(REPOSITORY, "examples/single-host/config.ts"), "utf8");

/** Stub flake inputs: each module of the flake stands for itself as a string. */
const STUB_INPUTS =
  '{ inputs = { hydra-kanidm.nixosModules = { default = "default"; hydra = "hydra"; ' +
  'kanidm = "kanidm"; }; }; }';

describe("generate on the examples", () => {
  for (const example of EXAMPLES) {
    it(`prints ${example.module} as committed, and Nix reads back the config`, () => {
      const folder = join(REPOSITORY, example.module, "..");
      const config = example.config.slice(example.config.lastIndexOf("/") + 1);
      const run = hydraKanidm(["generate", config], folder);

      const committed = readFileSync(join(REPOSITORY, example.module), "utf8");
      expect(run).toEqual({ status: 0, stdout: committed, stderr: "" });
      parseNix(committed, "module.nix");

      const module = evalNixExprJson(`import ${join(REPOSITORY, example.module)} ${STUB_INPUTS}`);
      const services: Record<string, unknown> = { "hydra-kanidm": example.host.hydraKanidm };
      if (example.host.persons !== undefined) {
        services.kanidm = { provision: { persons: example.host.persons } };
      }
      expect(module).toEqual({ imports: example.host.imports ?? ["default"], services });
    });
  }

  it("writes the module whole with -o, naming the config by its file name only", () => {
    const output = join(scratch, "sso.nix");
    const run = hydraKanidm(["generate", "examples/single-host/config.ts", "-o", output]);

    expect(run).toEqual({ status: 0, stdout: `wrote ${output}\n`, stderr: "" });
    const committed = readFileSync(join(REPOSITORY, "examples/single-host/module.nix"), "utf8");
    expect(readFileSync(output, "utf8")).toBe(committed);
  });
});

describe("generate's arguments", () => {
  it("refuses -o naming the config itself, also through a link, and leaves it as it was", () => {
    const file = configFile("self.config.ts", SINGLE_HOST);
    symlinkSync(file, join(scratch, "self.nix"));

    const runs = [
      hydraKanidm(["generate", "self.config.ts", "-o", "self.config.ts"], scratch),
      hydraKanidm(["generate", "self.config.ts", "-o", "./self.nix"], scratch),
    ];

    expect(runs).toEqual([
      {
        status: 2,
        stdout: "",
        stderr:
          "hydra-kanidm: -o self.config.ts names the config file self.config.ts; write the " +
          "module to another file, e.g. -o sso.nix; see hydra-kanidm generate --help\n",
      },
      {
        status: 2,
        stdout: "",
        stderr:
          "hydra-kanidm: -o ./self.nix names the config file self.config.ts; write the " +
          "module to another file, e.g. -o sso.nix; see hydra-kanidm generate --help\n",
      },
    ]);
    expect(readFileSync(file, "utf8")).toBe(SINGLE_HOST);
  });

  it("refuses -o naming a directory in one line, and writes nothing into it", () => {
    const file = configFile("dir.config.ts", SINGLE_HOST);
    const folder = join(scratch, "modules");
    mkdirSync(folder);

    const run = hydraKanidm(["generate", file, "-o", folder]);

    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr:
        `hydra-kanidm: -o ${folder} is a directory; name the file to write, e.g. ` +
        `-o ${folder}/sso.nix; see hydra-kanidm generate --help\n`,
    });
    expect(readdirSync(scratch).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("heads the module with the config's file name, moving the advice down if long", () => {
    const name = `${"a-rather-long-name-for-one-host".repeat(2)}.config.ts`;
    const file = configFile(name, SINGLE_HOST, inClone);

    const run = hydraKanidm(["generate", file]);

    expect(run.status).toBe(0);
    expect(run.stdout.split("\n").slice(0, 4)).toEqual([
      "# Hydra single sign-on through Kanidm: a NixOS module generated by `hydra-kanidm generate`",
      `# from ${name}.`,
      "# Do not edit it; change the config and generate again.",
      "# It needs the flake's inputs as a module argument: specialArgs = { inherit inputs; }.",
    ]);
    expect(run.stdout.split("\n").filter((line) => line.length > 100)).toEqual([]);
  });
});

describe("generate on persons", () => {
  it("declares the groups persons are in that roles and loginGroups do not name", () => {
    const file = configFile(
      "ops.config.ts",
      SINGLE_HOST.replace(
        '"hydra.admins", "hydra.users"]',
        '"hydra.admins", "hydra.users", "ops"]',
      ),
      inClone,
    );

    const run = hydraKanidm(["generate", file]);

    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain(
      "\n  # Groups the persons are in besides those of services.hydra-kanidm: Kanidm's\n" +
        "  # provisioning refuses a person in a group nobody declares.\n" +
        "  services.kanidm.provision.groups = {\n" +
        "    ops = { };\n" +
        "  };\n\n" +
        "  services.kanidm.provision.persons = {\n",
    );
    const module = join(inClone, "ops.nix");
    writeFileSync(module, run.stdout);
    const kanidm = evalNixExprJson(`(import ${module} ${STUB_INPUTS}).services.kanidm`);
    expect(kanidm).toEqual({
      provision: {
        groups: { ops: {} },
        persons: {
          somebody: {
            displayName: "Somebody",
            mailAddresses: ["somebody@example.com"],
            groups: ["hydra.admins", "hydra.users", "ops"],
          },
        },
      },
    });
  });
});

describe("generate on a broken config", () => {
  it("names each unknown key and wrong type, and writes nothing", () => {
    const file = configFile(
      "typos.config.ts",
      "export default {\n" +
        '  hydraKanidm: { enable: "yes", hydraURL: "https://hydra.example.com", ' +
        'scopes: "openid" },\n' +
        '  imports: ["nixos"],\n' +
        "};\n",
    );
    const output = join(scratch, "typos.nix");
    const run = hydraKanidm(["generate", file, "-o", output]);

    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")).toEqual([
      `${file}: error: services.hydra-kanidm.hydraURL is not a setting of ` +
        "services.hydra-kanidm; check its spelling. Known: enable, hydraUrl, kanidmUrl, " +
        "kanidmDomain, clientId, displayName, clientSecretFile, roles, loginGroups, scopes, " +
        "passwordLogin, preferShortUsername, providerName, flavour.",
      `${file}: error: services.hydra-kanidm.enable = "yes" is not true or false; ` +
        "change it to true or false.",
      `${file}: error: services.hydra-kanidm.scopes = "openid" is not a list of strings; ` +
        "change it to a list of strings.",
      `${file}: error: imports = ["nixos"] is not a list of "default", "hydra", "kanidm"; ` +
        'change it to a list of "default", "hydra", "kanidm".',
      `generate: nothing written: 4 errors in ${file}`,
      "",
    ]);
    expect(existsSync(output)).toBe(false);
  });

  it("refuses what the NixOS module would refuse, in its words, and writes nothing", () => {
    const file = configFile(
      "roles.config.ts",
      "export default {\n" +
        "  hydraKanidm: {\n" +
        '    hydraUrl: "https://hydra.example.com/",\n' +
        '    kanidmUrl: "https://sso.example.com",\n' +
        '    kanidmDomain: "sso.example.com",\n' +
        '    clientSecretFile: "secrets/hydra-oidc",\n' +
        '    roles: { "hydra.admins": ["admin", "root"] },\n' +
        "  },\n" +
        "};\n",
    );
    const output = join(scratch, "roles.nix");
    const run = hydraKanidm(["generate", file, "-o", output]);

    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")).toEqual([
      `${file}: error: services.hydra-kanidm.clientSecretFile = "secrets/hydra-oidc" is not ` +
        'an absolute path free of control characters; write it like "/run/secrets/hydra-oidc".',
      `${file}: error: services.hydra-kanidm.roles."hydra.admins" lists "root", which is not ` +
        "a Hydra role; use one of admin, create-projects, restart-jobs, bump-to-front, " +
        "cancel-build, eval-jobset.",
      `${file}: warning: services.kanidm.provision.groups."hydra.admins" has no members ` +
        "declared in Nix and overwriteMembers = true, so every provisioning run empties it. " +
        "Declare its members or set " +
        'services.kanidm.provision.groups."hydra.admins".overwriteMembers = false.',
      `generate: nothing written: 2 errors in ${file}`,
      "",
    ]);
    expect(existsSync(output)).toBe(false);
  });

  it("names a group of roles whose value is no list, and that value only", () => {
    const file = configFile(
      "role-list.config.ts",
      SINGLE_HOST.replace('"hydra.admins": ["admin", "bump-to-front"]', '"ci.admins": "admin"'),
      inClone,
    );

    const run = hydraKanidm(["generate", file]);

    expect(run).toEqual({
      status: 1,
      stdout: "",
      stderr:
        `${file}: error: services.hydra-kanidm.roles."ci.admins" = "admin" is not a list of ` +
        'roles; write ["admin"].\n' +
        `generate: nothing written: 1 error in ${file}\n`,
    });
  });

  it("refuses a group name Kanidm cannot hold without warning that it would be emptied", () => {
    const file = configFile(
      "group-name.config.ts",
      SINGLE_HOST.replace('"hydra.admins": [', '"Hydra Admins": ['),
      inClone,
    );

    const run = hydraKanidm(["generate", file]);

    expect(run).toEqual({
      status: 1,
      stdout: "",
      stderr:
        `${file}: error: services.hydra-kanidm.roles: "Hydra Admins" is not a Kanidm name; use ` +
        "lowercase letters, digits and _ . - starting with a letter, at most 64 characters " +
        "(^[a-z][a-z0-9_.-]{0,63}$).\n" +
        `generate: nothing written: 1 error in ${file}\n`,
    });
  });

  it("says in one error line and the summary that a file cannot be loaded", () => {
    const broken = configFile("broken.config.ts", "export default {\n");
    const throwing = configFile("throwing.config.ts", 'throw new Error("no secret yet");\n');
    const missing = configFile("missing.config.ts", 'export { default } from "./nowhere.js";\n');
    const empty = configFile("empty.config.ts", "export const hydraKanidm = {};\n");

    const runs = [broken, throwing, missing, empty].map((file) => hydraKanidm(["generate", file]));

    expect(runs[0]!.status).toBe(1);
    expect(runs[0]!.stderr).toMatch(
      new RegExp(
        `^${broken}: error: cannot be loaded: Transform failed with 1 error: .*\\n` +
          `generate: nothing written: 1 error in ${broken}\\n$`,
      ),
    );
    expect(runs.slice(1)).toEqual([
      {
        status: 1,
        stdout: "",
        stderr:
          `${throwing}: error: cannot be loaded: no secret yet\n` +
          `generate: nothing written: 1 error in ${throwing}\n`,
      },
      {
        status: 1,
        stdout: "",
        stderr:
          `${missing}: error: cannot be loaded: Cannot find module './nowhere.js'\n` +
          `generate: nothing written: 1 error in ${missing}\n`,
      },
      {
        status: 1,
        stdout: "",
        stderr:
          `${empty}: error: has no default export; end it with ` +
          "`export default defineConfig({ ... });`\n" +
          `generate: nothing written: 1 error in ${empty}\n`,
      },
    ]);
  });

  it("says in one line that a config must live inside this repository's folder", () => {
    const file = configFile("outside.config.ts", SINGLE_HOST);

    const run = hydraKanidm(["generate", file]);

    expect(run).toEqual({
      status: 1,
      stdout: "",
      stderr:
        `${file}: error: cannot import hydra-kanidm: a config must live inside this ` +
        `repository's folder (${REPOSITORY.replace(/\/$/, "")}), which it imports hydra-kanidm ` +
        "from; move it there.\n" +
        `generate: nothing written: 1 error in ${file}\n`,
    });
  });
});
