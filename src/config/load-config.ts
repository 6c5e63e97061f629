// Loads a host config file: imports it (TypeScript runs through tsx) and takes its default
// export, turning a failure into one line that names the file.

import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** The default export of the file, or why there is none. */
export type LoadedConfig =
  { readonly ok: true; readonly config: unknown } | { readonly ok: false; readonly reason: string };

/** A thrown value as one line: tools like esbuild report over several. */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join(" ");
}

/** Imports `file` and returns its default export. */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  let loaded: { default?: unknown };
  try {
    loaded = (await import(pathToFileURL(resolve(file)).href)) as { default?: unknown };
  } catch (error) {
    return { ok: false, reason: `cannot be loaded: ${oneLine(error)}` };
  }
  if (loaded.default === undefined) {
    return {
      ok: false,
      reason: "has no default export; end it with `export default defineConfig({ ... });`",
    };
  }
  return { ok: true, config: loaded.default };
}
