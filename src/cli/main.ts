#!/usr/bin/env node
// The command line, `partnership-governance <command>`: a small dispatcher. Each command lives in
// its own file and exports `run<Name>(argv, io): Promise<number>`, the process's exit status.
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readDotEnv } from "../dotenv.js";
import { t } from "../render/i18n.js";
import { processIO, type CliIO } from "./io.js";
import { runValidate } from "./validate.js";
// -- Commands of other areas: add their imports here --------------------------------------------
import { runSimulate } from "./simulate.js";
import { runReport } from "./report.js";
import { runVerify } from "./verify.js";
import { runSweep } from "./sweep.js";

export type Command = (argv: string[], io: CliIO) => Promise<number>;

export const COMMANDS: Record<string, Command> = {
  validate: runValidate,
  // -- and register them here -------------------------------------------------------------------
  simulate: runSimulate,
  report: runReport,
  verify: runVerify,
  sweep: runSweep,
};

/**
 * Runs one command line; never throws: an unexpected error is one line on stderr, exit 2.
 * `.env` in the folder gives the variables the environment does not (as the server reads it,
 * except that the environment wins: a token given for one command is not replaced by a file).
 */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    io = { ...io, env: { ...readDotEnv(io.cwd), ...io.env } };
  } catch (err) {
    io.stderr(`${t("en", "cli.error.unreadable", { file: ".env", reason: (err as Error).message })}\n`);
    return 2;
  }
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout)(`${t("en", "cli.usage.main")}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`${t("en", "cli.error.unknown-command", { command: name })}\n\n${t("en", "cli.usage.main")}\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    // No stack trace for the user: the message says what failed; DEBUG shows the rest.
    io.stderr(`${t("en", "cli.error.unexpected", { message: err instanceof Error ? err.message : String(err) })}\n`);
    if (io.env.DEBUG) io.stderr(`${err instanceof Error ? err.stack : ""}\n`);
    return 2;
  }
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  void main(process.argv.slice(2), processIO()).then((code) => {
    process.exitCode = code;
  });
}
