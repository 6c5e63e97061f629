// docs/options.md: the option reference, printed from the same interfaces as the modules.

import { printNix, toNixExpr } from "../../nix/index.js";
import { nixTypeOf } from "./declare.js";
import { readOptions, type OptionInterface, type OptionSchema } from "./schema.js";

const SECTIONS: readonly { prefix: string; source: OptionInterface; intro: string }[] = [
  {
    prefix: "services.hydra-kanidm",
    source: "HydraKanidmOptions",
    intro:
      "Single sign-on for Hydra through Kanidm. Import `nixosModules.default` on a host that " +
      "runs both, or `nixosModules.hydra` and `nixosModules.kanidm` on two hosts with the same " +
      "settings.",
  },
  {
    prefix: "services.hydra-oidc",
    source: "HydraOidcOptions",
    intro:
      "OpenID Connect login for Hydra with any identity provider (`nixosModules.hydra-oidc`). " +
      "`services.hydra-kanidm` sets these for you.",
  },
];

/** Nix source of a value on one line, for the reference's Default and Example rows. */
function inline(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, " ");
}

function optionText(prefix: string, option: OptionSchema): string {
  const rows = [
    `### \`${prefix}.${option.name}\``,
    "",
    option.description,
    "",
    `- Type: \`${inline(printNix(nixTypeOf(option)))}\``,
  ];
  if (option.defaultText !== undefined) rows.push(`- Default: ${option.defaultText}`);
  else if (option.default !== undefined) {
    rows.push(`- Default: \`${inline(printNix(toNixExpr(option.default)))}\``);
  } else rows.push("- Default: none, must be set");
  if (option.example !== undefined) rows.push(`- Example: \`${option.example}\``);
  return rows.join("\n");
}

/** The whole reference as Markdown. */
export function optionsMarkdown(): string {
  const parts = [
    "# Options",
    "",
    "Generated from `src/modules/options/*.ts` by `npm run build:nix`; do not edit.",
  ];
  for (const section of SECTIONS) {
    parts.push("", `## \`${section.prefix}\``, "", section.intro);
    for (const option of readOptions(section.source)) {
      parts.push("", optionText(section.prefix, option));
    }
  }
  return parts.join("\n") + "\n";
}
