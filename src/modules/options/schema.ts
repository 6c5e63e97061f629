// Reads an option interface with ts-morph: each property becomes an option with its
// description, type, default and example, all taken from the TypeScript source and TSDoc.

import { Project, type InterfaceDeclaration } from "ts-morph";
import { fileURLToPath } from "node:url";

/** One option as the interface declares it. */
export interface OptionSchema {
  readonly name: string;
  /** The property's TypeScript type, as written (`HttpUrl | null`). */
  readonly tsType: string;
  readonly description: string;
  /** `@default`, parsed as JSON; absent when the option has no literal default. */
  readonly default?: unknown;
  /** `@defaultText`: how the manual shows a default that the module computes. */
  readonly defaultText?: string;
  /** `@example`, as written: JSON, or Nix source shown as a literal expression. */
  readonly example?: string;
}

/** The interfaces we read, by the file that declares them. */
const SOURCES = {
  HydraKanidmOptions: "hydra-kanidm.ts",
  HydraOidcOptions: "hydra-oidc.ts",
} as const;

/** Names of the option interfaces. */
export type OptionInterface = keyof typeof SOURCES;

let project: Project | undefined;

/** The options of one interface, in declaration order. */
export function readOptions(name: OptionInterface): readonly OptionSchema[] {
  project ??= new Project({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
  });
  const file = fileURLToPath(new URL(SOURCES[name], import.meta.url));
  const source = project.getSourceFile(file) ?? project.addSourceFileAtPath(file);
  return optionsOf(source.getInterfaceOrThrow(name));
}

function optionsOf(declaration: InterfaceDeclaration): OptionSchema[] {
  return declaration.getProperties().map((property) => {
    const name = property.getName();
    const doc = property.getJsDocs()[0];
    if (doc === undefined) throw new Error(`${declaration.getName()}.${name} has no TSDoc`);

    const tags = new Map(
      doc.getTags().map((tag) => [tag.getTagName(), (tag.getCommentText() ?? "").trim()]),
    );
    const description = (doc.getDescription() ?? "").trim().replace(/\s*\n\s*/g, " ");
    const rawDefault = tags.get("default");

    return {
      name,
      tsType: property.getTypeNodeOrThrow().getText(),
      description,
      ...(rawDefault === undefined ? {} : { default: parseDefault(rawDefault, name) }),
      ...(tags.has("defaultText") ? { defaultText: tags.get("defaultText")! } : {}),
      ...(tags.has("example") ? { example: tags.get("example")! } : {}),
    };
  });
}

function parseDefault(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`@default of ${name} is not JSON: ${text}`);
  }
}
