// `hydra-kanidm generate` on the examples and on broken configs: the module printed equals
// the committed one, Nix parses and evaluates it, and a broken config writes nothing.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXAMPLES } from "../../examples/index.js";
import { evalNixExprJson, parseNix } from "../support/nix.js";
import { hydraKanidm, REPOSITORY } from "./command.js";

const scratch = mkdtempSync(join(tmpdir(), "hydra-kanidm-generate-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes a config file into the scratch folder and returns its path. */
function configFile(name: string, text: string): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

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

  it("writes the module whole with -o and says so in one line", () => {
    const output = join(scratch, "sso.nix");
    const run = hydraKanidm(["generate", "examples/single-host/config.ts", "-o", output]);

    expect(run).toEqual({ status: 0, stdout: `wrote ${output}\n`, stderr: "" });
    const committed = readFileSync(join(REPOSITORY, "examples/single-host/module.nix"), "utf8");
    const source = relative(scratch, join(REPOSITORY, "examples/single-host/config.ts"));
    // The header names the config as seen from the module's folder.
    expect(readFileSync(output, "utf8").split("\n").slice(3)).toEqual(
      committed.split("\n").slice(3),
    );
    expect(readFileSync(output, "utf8")).toContain(`\n# from ${source}. Do not edit it;`);
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

  it("says in one line that a file cannot be loaded or has no default export", () => {
    const broken = configFile("broken.config.ts", "export default {\n");
    const empty = configFile("empty.config.ts", "export const hydraKanidm = {};\n");

    const brokenRun = hydraKanidm(["generate", broken]);
    const emptyRun = hydraKanidm(["generate", empty]);

    expect(brokenRun.status).toBe(1);
    expect(brokenRun.stderr).toMatch(new RegExp(`^${broken}: cannot be loaded: .*\\n$`));
    expect(brokenRun.stderr).not.toContain("    at ");
    expect(emptyRun).toEqual({
      status: 1,
      stdout: "",
      stderr:
        `${empty}: has no default export; end it with ` +
        "`export default defineConfig({ ... });`\n",
    });
  });
});
