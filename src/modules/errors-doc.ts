// docs/errors.md: every refusal and warning, printed from the same templates the checks use.

import { MESSAGES, type MessageId } from "./messages.js";

/** What to do for each message, where the message alone may not say enough. */
const ADVICE: Partial<Record<MessageId, string>> = {
  urlInvalid: "URLs keep no query or fragment; a trailing slash is fine and is removed.",
  secretPathLiteral:
    "`./secret` is copied into the Nix store, readable by every user of the machine. Keep " +
    "secrets in a file outside the store (sops-nix, agenix, systemd credentials) and give " +
    "its path as a string.",
  roleFromTwoGroups:
    "Hydra's `ners` login deletes a user's roles and inserts the mapped ones; the same role " +
    "twice violates a primary key. `pr1568` reads roles from a claim and is not affected.",
  confValue:
    "hydra.conf is read by Perl's Config::General: a line break would start a new key, " +
    "`/*` and `*/` open and close comments, and `<...>` can open a block.",
  twoOidcSections:
    "Search your configuration for `enable_oidc_login` or `<oidc>` in " +
    "`services.hydra.extraConfig`.",
};

/** The reference as Markdown, assertions first, each with its id, message and advice. */
export function errorsMarkdown(): string {
  const ids = Object.keys(MESSAGES) as MessageId[];
  const section = (kind: "assertion" | "warning", title: string) => [
    `## ${title}`,
    ...ids
      .filter((id) => MESSAGES[id].kind === kind)
      .flatMap((id) => {
        const advice = ADVICE[id];
        return ["", `### \`${id}\``, "", `> ${MESSAGES[id].text}`, ...(advice ? ["", advice] : [])];
      }),
  ];

  return (
    [
      "# Refusals and warnings",
      "",
      "Generated from `src/modules/messages.ts` by `npm run build:nix`; do not edit. In the",
      "messages, `{option}` is the option's full name, `{value}` the value given, quoted.",
      "",
      ...section("assertion", "Refusals (the configuration does not build)"),
      "",
      ...section("warning", "Warnings (it builds, and NixOS prints them)"),
    ].join("\n") + "\n"
  );
}
