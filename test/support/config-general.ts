// Parses hydra.conf text with Perl's Config::General, the parser Hydra itself uses, so
// tests judge our generated configuration by what Hydra would really read.
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const parserScript = fileURLToPath(new URL("./config-general.pl", import.meta.url));

export interface HydraConfOptions {
  /**
   * Further files to place in the temporary directory, by path relative to it
   * (e.g. `{ "secret.conf": "s = x\n" }`), for `include` lines to find.
   */
  readonly files?: Readonly<Record<string, string>>;
  /**
   * Config::General merely warns on some broken input and Hydra would carry on; by default
   * a warning is an error here. Set this to pin such traps and get the parsed result.
   */
  readonly allowWarnings?: boolean;
}

/** What Config::General made of a file, and any warnings it printed on the way. */
export interface HydraConfReading {
  readonly config: unknown;
  readonly warnings: readonly string[];
}

/**
 * Parses `text` as `hydra.conf`. Give a function instead of a string to learn the temporary
 * directory first, so the text can `include ${dir}/secret.conf` by absolute path, as the
 * generated configuration does.
 */
export function parseHydraConf(
  text: string | ((dir: string) => string),
  options: HydraConfOptions = {},
): unknown {
  const dir = mkdtempSync(join(tmpdir(), "hydra-kanidm-conf-"));
  try {
    for (const [name, content] of Object.entries(options.files ?? {})) {
      const target = normalize(join(dir, name));
      // A test file escaping the temporary directory would write over real files.
      if (isAbsolute(name) || !target.startsWith(dir + "/")) {
        throw new Error(`extra file ${JSON.stringify(name)} must be relative, inside the temp dir`);
      }
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    const conf = join(dir, "hydra.conf");
    writeFileSync(conf, typeof text === "function" ? text(dir) : text);
    return parseHydraConfFile(conf, options);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Parses an existing `hydra.conf` file; relative includes resolve from its directory. */
export function parseHydraConfFile(
  path: string,
  options: Pick<HydraConfOptions, "allowWarnings"> = {},
): unknown {
  const reading = readHydraConfFile(path);
  if (reading.warnings.length > 0 && options.allowWarnings !== true) {
    throw new Error(`Config::General warned on ${path}:\n${reading.warnings.join("")}`);
  }
  return reading.config;
}

/** Parses a `hydra.conf` file and returns the warnings too, whatever they are. */
export function readHydraConfFile(path: string): HydraConfReading {
  const run = spawnSync("perl", [parserScript, path], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error !== undefined) {
    throw new Error(`cannot run perl (${run.error.message}); run test/setup/ensure-tools.sh`);
  }
  if (run.status !== 0) {
    throw new Error(`Config::General refused ${path}:\n${run.stderr.trim()}`);
  }
  return JSON.parse(run.stdout) as HydraConfReading;
}
