// `simulate` as a user runs it: the compiled CLI in lib/, as a child process, on the example policy
// in config/ and on the PR files of test/fixtures/simulate/ (the worked charters of config/charters
// are run in charters.test.ts). `--now` is always given, except where
// the default is what is tested.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const FIX = join(ROOT, "test/fixtures/simulate");
const MAIN = join(ROOT, "lib/cli/main.js");

beforeAll(() => {
  // test/global-setup.ts has built lib/ before any test file runs.
  expect(existsSync(MAIN)).toBe(true);
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Run {
  const argv = [MAIN, "simulate", ...args];
  const r = spawnSync(process.execPath, argv, { cwd: FIX, encoding: "utf8", timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Json {
  declaration: { conclusion: string; title: string; summary: string; missing: Array<{ login: string | null; reason: string }>; declared: Array<{ login: string; in_this_pr: boolean }> };
  signoff: { conclusion: string; title: string; summary: string; is_decision: boolean; kinds: Array<{ id: string; holds: boolean; approvals: Record<string, string[]>; objections: Array<{ login: string; blocking: boolean }> }> };
}

function simulateJson(pr: string, extra: string[] = [], config = "governance.yml", registry = "STAKEHOLDERS.yml"): { status: number | null; out: Json; stderr: string } {
  const r = run(["--config", config, "--registry", registry, "--pr", pr, "--now", "2026-11-28T12:00:00Z", "--json", ...extra]);
  return { status: r.status, out: JSON.parse(r.stdout) as Json, stderr: r.stderr };
}

describe("simulate on PR files", () => {
  it.each([
    // file, declaration, sign-off, a word of the sign-off title
    ["passing.json", "success", "success"],
    ["waiting-sector.json", "success", "pending"],
    ["objection.json", "success", "failure"],
    ["draft.json", "success", "pending"],
    ["comment-period.json", "success", "pending"],
    ["undeclared-author.json", "failure", "success"],
    ["not-a-decision.json", "success", "success"],
  ])("%s: declaration %s, sign-off %s, exit 0", (pr, declaration, signoff) => {
    const { status, out } = simulateJson(pr);
    expect(status).toBe(0);
    expect(out.declaration.conclusion).toBe(declaration);
    expect(out.signoff.conclusion).toBe(signoff);
    expect(out.declaration.title.length).toBeGreaterThan(0);
    expect(out.signoff.title.length).toBeGreaterThan(0);
  });

  it("counts one approval per sector and not the author's own", () => {
    const { out } = simulateJson("passing.json");
    const charter = out.signoff.kinds.find((k) => k.id === "charter");
    expect(charter?.holds).toBe(true);
    expect(charter?.approvals).toEqual({ government: ["bob"], business: ["carol"], "civil-society": ["dan"] });
    expect(out.signoff.summary).toContain("**Charter amendment**: signed off ✓");
  });

  it("matches people by the ids the PR file gives: a renamed member counts, a login taken by another account does not", () => {
    const { status, out } = simulateJson("with-ids.json");
    expect(status).toBe(0);
    expect(out.declaration.conclusion).toBe("success");
    const charter = out.signoff.kinds.find((k) => k.id === "charter");
    // carol's login, under another account's id, brings nothing; dan's account under a new login counts.
    expect(charter?.approvals).toEqual({ government: ["bob"], "civil-society": ["dan-renamed"] });
  });

  it("names the sector it waits for", () => {
    const { out } = simulateJson("waiting-sector.json");
    expect(out.signoff.kinds[0]?.holds).toBe(false);
    expect(out.signoff.title.toLowerCase()).toMatch(/civil[- ]society/);
  });

  it("shows the blocking objection", () => {
    const { out } = simulateJson("objection.json");
    expect(out.signoff.kinds[0]?.objections).toEqual([{ login: "dan", sector: "civil-society", blocking: true }]);
    // Titles name sectors by their names, not their ids.
    expect(out.signoff.title).toBe("Blocked by an objection from Civil society");
  });

  it("waits for the comment period and says when it ends", () => {
    const { out } = simulateJson("comment-period.json");
    expect(out.signoff.title).toContain("2026-11-30");
    expect(out.signoff.summary).toContain("ends November 30, 2026");
  });

  it("tells an undeclared author how to declare, dated --now", () => {
    const { out } = simulateJson("undeclared-author.json");
    expect(out.declaration.missing).toEqual([{ login: "zed", reason: "no-entry" }]);
    expect(out.declaration.summary).toContain("  - login: zed\n");
    expect(out.declaration.summary).toContain("    declared: 2026-11-28\n");
  });

  it("reads the author's own entry from head_registry: declared in this pull request, and a governance decision", () => {
    const { status, out } = simulateJson("self-declaration.json");
    expect(status).toBe(0);
    expect(out.declaration.conclusion).toBe("success");
    expect(out.declaration.declared).toEqual([expect.objectContaining({ login: "frank", in_this_pr: true })]);
    expect(out.signoff.is_decision).toBe(true);
    expect(out.signoff.kinds.map((k) => k.id)).toEqual(["governance"]);
    expect(out.signoff.conclusion).toBe("pending");
  });

  it.each([
    ["2026-11-30T09:59", "pending"],
    ["2026-11-30T10:01", "success"],
    ["2026-11-30T12:01+02:00", "success"],
    ["2026-11-30T11:59+02:00", "pending"],
    ["2026-11-30", "pending"],
  ])("reads --now %s (UTC without an offset): the comment period makes it %s", (now, conclusion) => {
    const r = run(["--config", "governance.yml", "--registry", "STAKEHOLDERS.yml", "--pr", "comment-period.json", "--now", now, "--json"]);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Json).signoff.conclusion).toBe(conclusion);
  });

  it("names a commit linked to no account and fails the declaration (committers mode)", () => {
    const { status, out } = simulateJson("unlinked-commit.json", [], "committers-governance.yml");
    expect(status).toBe(0);
    expect(out.declaration.conclusion).toBe("failure");
    expect(out.declaration.missing).toEqual([{ login: null, reason: "no-account" }]);
    expect(out.declaration.summary).toContain("Commit `9f8e7d6` by Jo Doe was made with an e-mail address that GitHub links to no account");
  });

  it("prints its usage with --help, exit 0", () => {
    const r = run(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage: partnership-governance simulate --config FILE --registry FILE --pr PR.json");
  });

  it("prints both checks in words without --json", () => {
    const r = run(["--config", "governance.yml", "--registry", "STAKEHOLDERS.yml", "--pr", "objection.json", "--now", "2026-11-28"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Stakeholder declaration: success\nAll contributors have declared\n/);
    expect(r.stdout).toContain("\nMulti-sector sign-off: failure\n");
    expect(r.stdout).toContain("- **dan** (Civil society): blocks until they approve");
  });
});

describe("simulate on invalid input", () => {
  it("fails both checks with the diagnostics of an invalid policy, exit 1", () => {
    const { status, out } = simulateJson("passing.json", [], "invalid-governance.yml");
    expect(status).toBe(1);
    expect(out.declaration.conclusion).toBe("failure");
    expect(out.signoff.conclusion).toBe("failure");
    expect(out.signoff.summary).toContain("- [invalid\\-governance\\.yml:11:16](invalid-governance.yml): `sectors: 5`");
    expect(out.declaration.summary).toContain("invalid\\-governance\\.yml:11:16");
    expect((out.signoff as unknown as { diagnostics: unknown[] }).diagnostics).toEqual([
      expect.objectContaining({ file: "invalid-governance.yml", line: 11, column: 16, severity: "error" }),
    ]);
  });

  it("prints the problems as file:line:column: message without --json, exit 1", () => {
    const r = run(["--config", "invalid-governance.yml", "--registry", "STAKEHOLDERS.yml", "--pr", "passing.json", "--now", "2026-11-28"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^invalid-governance\.yml:11:16: `sectors: 5` asks for more sectors/m);
    expect(r.stdout).toContain("Stakeholder declaration: failure\n");
    expect(r.stdout).toContain("Multi-sector sign-off: failure\n");
  });

  it("fails the sign-off of a registry change whose head registry is invalid, exit 0", () => {
    const { status, out } = simulateJson("invalid-head.json");
    expect(status).toBe(0);
    expect(out.signoff.conclusion).toBe("failure");
    expect(out.signoff.summary).toMatch(/pr\\-head\/broken\\-STAKEHOLDERS\\\.yml:\d+:\d+/);
  });

  it.each([
    ["malformed.json", /malformed\.json: reviews\[0\]\.state: should be one of APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED/],
    ["malformed.json", /malformed\.json: reviews\[0\]\.submitted_at: should be a date and time/],
    ["malformed.json", /malformed\.json: \(root\): unknown key extra/],
    ["broken.json", /^broken\.json:1:14 is not valid JSON: Expected double-quoted property name in JSON$/m],
    ["bad-comma.json", /^bad-comma\.json:4:3 is not valid JSON: Expected ',' or '}' after property value in JSON$/m],
    // A head registry that is not there is an error, even when the PR does not change the registry.
    ["missing-head-registry.json", /^Cannot read pr-head\/no-such-registry\.yml \(ENOENT\)$/m],
    ["no-such-file.json", /Cannot read no-such-file\.json \(ENOENT\)/],
  ])("rejects the PR file %s with a clear error, exit 1", (pr, message) => {
    const r = run(["--config", "governance.yml", "--registry", "STAKEHOLDERS.yml", "--pr", pr, "--now", "2026-11-28"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("prints both checks failed, with the problems, as JSON with --json on a PR file it cannot read", () => {
    const r = run(["--config", "governance.yml", "--registry", "STAKEHOLDERS.yml", "--pr", "malformed.json", "--now", "2026-11-28", "--json", "--lang", "fr"]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as Record<string, { conclusion: string; title: string; errors: string[] }>;
    expect(Object.keys(out)).toEqual(["declaration", "signoff"]);
    for (const check of [out.declaration!, out.signoff!]) {
      expect(check.conclusion).toBe("failure");
      expect(check.title).toBe(`Les données d’entrée n’ont pas pu être lues\u00a0: ${check.errors.length} problèmes`);
      expect(check.errors.join("\n")).toBe(r.stderr.trimEnd());
    }
    expect(out.signoff!.errors.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    [["--registry", "STAKEHOLDERS.yml", "--pr", "passing.json"], /missing --config/],
    [["--config", "governance.yml", "--registry", "STAKEHOLDERS.yml", "--pr", "passing.json", "--now", "tomorrow"], /--now tomorrow is not a date/],
    [["--config", "governance.yml", "--registry", "STAKEHOLDERS.yml", "--pr", "passing.json", "--now", "2026-02-30"], /--now 2026-02-30 is not a date/],
    [["--config", "governance.yml", "--registry", "STAKEHOLDERS.yml", "--pr", "passing.json", "--lang", "de"], /--lang de is not one of/],
    [["--config", "governance.yml", "--registry", "STAKEHOLDERS.yml", "--pr", "passing.json", "--verbose"], /Usage: partnership-governance simulate/],
  ])("exits 2 on a usage error: %j", (args, message) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe("simulate on the examples in config/", () => {
  const CONFIG = join(ROOT, "config");

  it("signs off a charter amendment approved by four sectors, though its author has not declared", () => {
    const { status, out } = simulateJson(join(FIX, "config-charter-pass.json"), [], join(CONFIG, "governance.yml"), join(CONFIG, "STAKEHOLDERS.yml"));
    expect(status).toBe(0);
    expect(out.declaration.conclusion).toBe("failure");
    expect(out.declaration.missing).toEqual([{ login: "erin", reason: "no-entry" }]);
    expect(out.signoff.conclusion).toBe("success");
    expect(out.signoff.kinds.map((k) => [k.id, k.holds])).toEqual([["charter", true]]);
  });

  it("does not count an observer's approval and waits", () => {
    const { status, out } = simulateJson(join(FIX, "config-charter-wait.json"), [], join(CONFIG, "governance.yml"), join(CONFIG, "STAKEHOLDERS.yml"));
    expect(status).toBe(0);
    expect(out.signoff.conclusion).toBe("pending");
    const kind = out.signoff.kinds[0] as unknown as { not_counted: Array<{ login: string; reason: string }> };
    expect(kind.not_counted).toContainEqual(expect.objectContaining({ login: "zoe", reason: "observer" }));
  });
});
