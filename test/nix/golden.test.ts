// Whole NixOS modules from the builders, byte for byte against golden/*.nix, parsed by Nix.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  attrset,
  binding,
  call,
  indentedString,
  item,
  lambda,
  letIn,
  list,
  not,
  op,
  pattern,
  printNix,
  ref,
  select,
  string,
  type NixExpr,
} from "../../src/nix/index.js";
import { parseNix } from "../support/nix.js";

function golden(name: string): string {
  return readFileSync(new URL(`golden/${name}`, import.meta.url), "utf8");
}

const moduleArguments = pattern({ fields: ["config", "lib", "pkgs"], ellipsis: true });

/** The module LAYOUT.md shows under "A module"; its golden file is that block, unchanged. */
function layoutModule(): NixExpr {
  const port = binding(
    "port",
    call("lib.mkOption", {
      type: ref("lib.types.port"),
      default: 8080,
      example: 9000,
      description: "Port the example service listens on.",
    }),
    { blankLineBefore: true },
  );
  const options = attrset([
    binding("enable", call("lib.mkEnableOption", "the example service")),
    port,
  ]);

  const service = attrset([
    binding(
      ["systemd", "services", "example"],
      attrset([
        binding("wantedBy", ["multi-user.target"]),
        binding(
          ["serviceConfig", "ExecStart"],
          string(ref("pkgs.hello"), "/bin/hello --port ", call("toString", ref("cfg.port"))),
        ),
      ]),
    ),
  ]);
  const lowPortWarning = call("lib.mkIf", op("<", ref("cfg.port"), 1024), {
    warnings: ["services.example.port below 1024 needs extra privileges."],
  });
  const config = call(
    "lib.mkIf",
    ref("cfg.enable"),
    call("lib.mkMerge", [service, lowPortWarning]),
  );

  return lambda(
    moduleArguments,
    letIn(
      { cfg: ref("config.services.example") },
      attrset([
        binding(["options", "services", "example"], options),
        binding("config", config, { blankLineBefore: true }),
      ]),
    ),
  );
}

/** A larger module: several options, a multi-line description, assertions, a merge. */
function ssoModule(): NixExpr {
  const types = (name: string): NixExpr => ref(`lib.types.${name}`);
  const option = (fields: Record<string, Parameters<typeof call>[1]>) =>
    call("lib.mkOption", fields);

  const options = attrset([
    binding("enable", call("lib.mkEnableOption", "single sign-on for the example service")),
    binding("package", call("lib.mkPackageOption", ref("pkgs"), "hello", {}), {
      blankLineBefore: true,
    }),
    binding(
      "url",
      option({
        type: types("str"),
        example: "https://example.com",
        description: indentedString(
          "Public base URL of the service, with a scheme and without a trailing slash.\n" +
            "Users come back here after they sign in.\n",
        ),
      }),
      { blankLineBefore: true },
    ),
    binding(
      "groups",
      option({
        type: call("lib.types.attrsOf", call("lib.types.listOf", types("str"))),
        default: {},
        example: { "example.admins": ["admin"] },
        description: "Identity-provider group to the roles its members receive.",
      }),
      { blankLineBefore: true },
    ),
    binding(
      "secretFile",
      option({
        type: call("lib.types.nullOr", types("str")),
        default: null,
        example: "/run/secrets/example-sso",
        description: indentedString(
          "File holding only the client secret. It is read when the service starts and\n" +
            "never copied to the Nix store, so give a string, not a path literal.\n",
        ),
      }),
      { blankLineBefore: true },
    ),
  ]);

  const assertions = list([
    attrset({
      assertion: op("!=", ref("cfg.secretFile"), null),
      message: "services.example-sso.secretFile must name the client secret file.",
    }),
    attrset({
      assertion: not(call("lib.hasSuffix", "/", ref("cfg.url"))),
      message: string(
        "services.example-sso.url ends in /; write ",
        call("lib.removeSuffix", "/", ref("cfg.url")),
      ),
    }),
  ]);
  const service = attrset([
    binding("assertions", assertions),
    binding(
      ["systemd", "services", "example-sso"],
      attrset([
        binding("description", "Example single sign-on"),
        binding("wantedBy", ["multi-user.target"]),
        binding("after", list([item("network-online.target", { comment: "reaches the IdP" })])),
        binding("serviceConfig", {
          ExecStart: string(call("lib.getExe", ref("cfg.package")), " --url ", ref("cfg.url")),
          LoadCredential: string("secret:", ref("cfg.secretFile")),
          DynamicUser: true,
        }),
      ]),
      { blankLineBefore: true },
    ),
  ]);
  const groupsFile = call("lib.mkIf", op("!=", ref("cfg.groups"), attrset()), {
    environment: attrset([
      binding(
        ["etc", "example-sso/groups.json", "text"],
        call("builtins.toJSON", ref("cfg.groups")),
        { comment: "Read at start-up only; a change needs a restart." },
      ),
    ]),
  });

  return lambda(
    moduleArguments,
    letIn(
      [
        binding("cfg", ref("config.services.example-sso")),
        binding(
          "roleCount",
          call("lib.length", call("lib.concatLists", call("lib.attrValues", ref("cfg.groups")))),
          {
            blankLineBefore: true,
          },
        ),
      ],
      attrset([
        binding(["options", "services", "example-sso"], options),
        binding(
          "config",
          call("lib.mkIf", ref("cfg.enable"), call("lib.mkMerge", [service, groupsFile])),
          { blankLineBefore: true },
        ),
        binding(
          ["meta", "roles"],
          select(ref("config"), ["services", "example-sso", "groups"], attrset()),
          { blankLineBefore: true },
        ),
      ]),
    ),
  );
}

describe("golden modules", () => {
  it("prints the LAYOUT.md module byte for byte", () => {
    const printed = printNix(layoutModule());
    expect(printed).toBe(golden("layout-module.nix"));
    parseNix(printed, "layout-module.nix");
  });

  it("prints a module with options, a let, assertions and a merge as the golden file", () => {
    const printed = printNix(ssoModule());
    expect(printed).toBe(golden("sso-module.nix"));
    parseNix(printed, "sso-module.nix");
  });
});
