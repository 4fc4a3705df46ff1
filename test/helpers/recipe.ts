// The README's outsider recipe ("Verifying the chain with standard tools"): the shell block an
// auditor copies, taken from the README as written and run with bash, curl, jq and sha256sum, in a
// folder of its own, as an outsider would run it. Shared by the tests that run it against the
// stand-in's records (test/e2e/outsider-recipe.test.ts) and against the demo's (test/demo.test.ts).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const README = resolve(import.meta.dirname, "../../README.md");

/** The README's shell block that checks the chain (the one that recomputes the hashes). */
export function readmeRecipe(): string {
  const blocks = [...readFileSync(README, "utf8").matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  const found = blocks.filter((b) => b.includes("sha256sum") && b.includes("GITHUB_API=${GITHUB_API:-https://api.github.com}"));
  if (found.length !== 1) throw new Error(`the README should hold one outsider recipe, not ${found.length}`);
  return found[0]!;
}

/** What the recipe's variables are set to (README: `REPO`, `SLUG`, `LOG_ISSUE`, `GITHUB_TOKEN`, `GITHUB_API`). */
export interface RecipeEnv {
  REPO: string;
  SLUG: string;
  LOG_ISSUE: string;
  GITHUB_TOKEN: string;
  GITHUB_API: string;
}

export interface RecipeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the recipe with `bash -euo pipefail` and nothing but `env` and PATH, in a new folder
 * removed afterwards. Not blocking: a stand-in serving in this process can answer it.
 */
export async function runRecipe(env: RecipeEnv): Promise<RecipeRun> {
  const cwd = mkdtempSync(join(tmpdir(), "recipe-"));
  try {
    const child = spawn("bash", ["--norc", "--noprofile", "-euo", "pipefail", "-c", readmeRecipe()], {
      cwd,
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => void (stderr += d.toString()));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    return { code, stdout, stderr };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
