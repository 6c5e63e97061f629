// Loads a host config file: imports it (TypeScript runs through tsx) and takes its default
// export, turning a failure into one line that names the file.

import { realpathSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The default export of the file, or why there is none. */
export type LoadedConfig =
  { readonly ok: true; readonly config: unknown } | { readonly ok: false; readonly reason: string };

/** This clone, which is the package `hydra-kanidm` a config imports. */
const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));

/** A thrown value as one line: tools like esbuild report over several. */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      // Node's list of the files that required the missing one only repeats the config.
      .replace(/\nRequire stack:[\s\S]*$/, "")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .join(" ")
  );
}

/**
 * Whether `file` sits outside this clone, where `import "hydra-kanidm"` cannot resolve: the
 * package is found by walking up from the config to this repository's package.json.
 */
function outsideRepository(file: string): boolean {
  const path = relative(realpathSync(REPOSITORY), realpathSync(file));
  return path.startsWith("..") || isAbsolute(path);
}

function loadFailure(file: string, error: unknown): string {
  const message = oneLine(error);
  if (/Cannot find (module|package) 'hydra-kanidm'/.test(message) && outsideRepository(file)) {
    return (
      "cannot import hydra-kanidm: a config must live inside this repository's folder " +
      `(${REPOSITORY.replace(/\/$/, "")}), which it imports hydra-kanidm from; move it there.`
    );
  }
  return `cannot be loaded: ${message}`;
}

/** Imports `file` and returns its default export. */
export async function loadConfig(file: string): Promise<LoadedConfig> {
  let loaded: { default?: unknown };
  try {
    loaded = (await import(pathToFileURL(resolve(file)).href)) as { default?: unknown };
  } catch (error) {
    return { ok: false, reason: loadFailure(file, error) };
  }
  if (loaded.default === undefined) {
    return {
      ok: false,
      reason: "has no default export; end it with `export default defineConfig({ ... });`",
    };
  }
  return { ok: true, config: loaded.default };
}
