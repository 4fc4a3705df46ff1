// `.env` in the current folder, read with Node's own parser (the one Probot uses). The server
// applies it over the environment, as Probot does; the command line lets the environment win
// (a token given for one command is not replaced by a stale file).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";

/** The variables of `.env` in `cwd`, or none when there is no such file. */
export function readDotEnv(cwd: string): Record<string, string> {
  try {
    return parseEnv(readFileSync(join(cwd, ".env"), "utf8")) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
}

export function applyDotEnv(env: NodeJS.ProcessEnv, options: { override: boolean; cwd?: string }): void {
  for (const [key, value] of Object.entries(readDotEnv(options.cwd ?? process.cwd()))) {
    if (options.override || env[key] === undefined) env[key] = value;
  }
}
