// The committed Nix files parse, the flake exposes them, and nix/ matches build:nix exactly.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { generatedFiles } from "../../src/generate.js";
import { evalNixExprJson } from "../support/nix.js";
import { REPO_ROOT } from "./library.js";

/** Every file below `dir`, relative to the repository root, sorted. */
function filesBelow(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

describe("the generated Nix files", () => {
  it("all parse with nix-instantiate --parse", () => {
    const files = [...filesBelow("nix").filter((file) => file.endsWith(".nix")), "flake.nix"];
    const env = { ...process.env };
    delete env.NIX_PATH;

    const run = spawnSync("nix-instantiate", ["--parse", ...files], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      env,
    });

    expect(files).toEqual([
      "nix/lib/checks.nix",
      "nix/lib/constants.nix",
      "nix/lib/default.nix",
      "nix/lib/hydra-conf.nix",
      "nix/lib/kanidm.nix",
      "nix/lib/strings.nix",
      "nix/modules/default.nix",
      "nix/modules/hydra-oidc.nix",
      "nix/modules/hydra.nix",
      "nix/modules/kanidm.nix",
      "nix/modules/options.nix",
      "flake.nix",
    ]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("are exposed by flake.nix as four NixOS modules and the library", () => {
    const outputs = evalNixExprJson(`
let
  outputs = (import ${REPO_ROOT}/flake.nix).outputs { self = null; };
in
{
  # toString keeps the paths as they are instead of copying them to the store.
  nixosModules = builtins.mapAttrs (name: module: toString module) outputs.nixosModules;
  lib = builtins.attrNames outputs.lib;
}`);

    expect(outputs).toEqual({
      nixosModules: {
        default: `${REPO_ROOT}/nix/modules/default.nix`,
        hydra: `${REPO_ROOT}/nix/modules/hydra.nix`,
        kanidm: `${REPO_ROOT}/nix/modules/kanidm.nix`,
        "hydra-oidc": `${REPO_ROOT}/nix/modules/hydra-oidc.nix`,
      },
      lib: ["checks", "constants", "hydraConf", "kanidm", "strings"],
    });
  });

  it("equal what generatedFiles() prints, file for file", () => {
    const generated = generatedFiles().filter(
      (file) => file.path.startsWith("nix/") || file.path === "flake.nix",
    );
    const onDisk = [...filesBelow("nix"), "flake.nix"].sort();

    expect(generated.map((file) => file.path).sort()).toEqual(onDisk);
    for (const file of generated) {
      expect(readFileSync(join(REPO_ROOT, file.path), "utf8"), file.path).toBe(file.text);
    }
  });
});
