// `.env` in the current folder, read with Node's own parser (the one Probot uses). The server
// applies it over the environment, as Probot does; the command line lets the environment win
// (a token given for one command is not replaced by a stale file).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";

export function applyDotEnv(env: NodeJS.ProcessEnv, options: { override: boolean; cwd?: string }): void {
  let text: string;
  try {
    text = readFileSync(join(options.cwd ?? process.cwd(), ".env"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  for (const [key, value] of Object.entries(parseEnv(text))) {
    if (options.override || env[key] === undefined) env[key] = value;
  }
}
