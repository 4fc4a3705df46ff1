// `sweep` refuses wrong usage and missing credentials with exit 2, before any request.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

const EMPTY = mkdtempSync(join(tmpdir(), "pg-sweep-"));

function io(env: Record<string, string | undefined>) {
  const out = { stdout: "", stderr: "" };
  // An empty folder: no .env of the developer's to give credentials.
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s), cwd: EMPTY, env } };
}

describe("partnership-governance sweep", () => {
  it.each([
    ["an unknown option", ["sweep", "--period", "2026-11"], { GITHUB_TOKEN: "t", GITHUB_REPOSITORY: "o/r" }, /Usage: partnership-governance sweep/],
    ["no credentials", ["sweep"], {}, /No GitHub credentials: set GITHUB_TOKEN, or APP_ID and PRIVATE_KEY/],
    ["a token without a repository", ["sweep"], { GITHUB_TOKEN: "t" }, /say which repository to sweep/],
    ["a malformed repository", ["sweep", "--repo", "not a repo"], { GITHUB_TOKEN: "t" }, /say which repository to sweep/],
  ])("%s: exit 2", async (_name, argv, env, message) => {
    const { out, io: cli } = io(env);
    expect(await main(argv, cli)).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stdout).toBe("");
  });
});
