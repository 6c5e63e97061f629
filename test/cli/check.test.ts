// `hydra-kanidm check` and the flake template: stale generated files are listed and fail the
// check; the template's files are ones Nix parses.
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generatedFiles } from "../../src/generate.js";
import { evalNixExprJson, parseNix } from "../support/nix.js";
import { hydraKanidm, REPOSITORY } from "./command.js";

const root = mkdtempSync(join(tmpdir(), "hydra-kanidm-check-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("check", () => {
  const files = generatedFiles();
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.text);
  }

  it("passes with one line when every generated file is current", () => {
    const run = hydraKanidm(["check", "--root", root]);

    expect(run).toEqual({
      status: 0,
      stdout: `check: all ${files.length} generated files up to date\n`,
      stderr: "",
    });
  });

  it("fails listing a changed file, a missing one and a leftover in nix/", () => {
    appendFileSync(join(root, "nix/lib/strings.nix"), "# edited by hand\n");
    rmSync(join(root, "examples/single-host/module.nix"));
    writeFileSync(join(root, "nix/modules/old.nix"), "{ }\n");

    const run = hydraKanidm(["check", "--root", root]);

    expect(run).toEqual({
      status: 1,
      stdout: "",
      stderr:
        "differs: nix/lib/strings.nix\n" +
        "missing: examples/single-host/module.nix\n" +
        "not generated: nix/modules/old.nix\n" +
        `check: 3 of ${files.length} generated files out of date; ` +
        "run `npm run build:nix` and commit\n",
    });
  });

  it("refuses a root that is not a directory in one line, as a usage error", () => {
    const runs = [
      hydraKanidm(["check", "--root", join(root, "no-such-folder")]),
      hydraKanidm(["check", "--root", join(root, "flake.nix")]),
    ];

    expect(runs).toEqual(
      ["no-such-folder", "flake.nix"].map((name) => ({
        status: 2,
        stdout: "",
        stderr:
          `hydra-kanidm: --root ${join(root, name)} is not a directory; ` +
          "see hydra-kanidm check --help\n",
      })),
    );
  });
});

describe("the flake template", () => {
  it("holds a flake.nix and configuration.nix that Nix parses, and the flake offers it", () => {
    for (const name of ["flake.nix", "configuration.nix"]) {
      parseNix(readFileSync(join(REPOSITORY, "templates/default", name), "utf8"), name);
    }

    const template = evalNixExprJson(`
      let
        flake = (import ${join(REPOSITORY, "flake.nix")}).outputs { self = null; };
        template = flake.templates.default;
        present = name: builtins.pathExists (template.path + "/\${name}");
      in
      {
        inherit (template) description;
        files = map present [ "flake.nix" "configuration.nix" ];
      }
    `);
    expect(template).toEqual({
      description: "A NixOS host running Hydra with single sign-on through Kanidm",
      files: [true, true],
    });
  });
});
