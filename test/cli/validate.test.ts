// `partnership-governance validate` run as the user runs it: a child process on the build in lib/.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { userId } from "../e2e/standin/standin.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const MAIN = join(ROOT, "lib", "cli", "main.js");

beforeAll(() => {
  // test/global-setup.ts has built lib/ once before any test file runs.
  readFileSync(MAIN);
});

/** A checkout with the given files; returns its folder. */
function checkout(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "pg-validate-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  const { GITHUB_REPOSITORY: _drop, ...base } = process.env;
  const r = spawnSync(process.execPath, [MAIN, "validate", ...args], { cwd, env: { ...base, ...env }, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split("\n").filter(Boolean) };
}

const SECTORS = "sectors:\n  - id: gov\n    name: G\n  - id: biz\n    name: B\n";
const ENTRY = (login: string, sector: string, declared = "2026-03-01") =>
  `  - login: ${login}\n    sector: ${sector}\n    organisation: Org\n    declared: ${declared}\n    interests: none\n    id: ${userId(login)}\n`;

describe("validate", () => {
  it("says the examples in config/ are valid (exit 0)", () => {
    const dir = checkout({});
    mkdirSync(join(dir, ".github"));
    copyFileSync(join(ROOT, "config", "governance.yml"), join(dir, ".github", "governance.yml"));
    copyFileSync(join(ROOT, "config", "STAKEHOLDERS.yml"), join(dir, "STAKEHOLDERS.yml"));
    const r = run(dir, []);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.lines).toEqual([".github/governance.yml and STAKEHOLDERS.yml are valid."]);
  });

  it("points at the line of each problem in the policy and the registry (exit 1)", () => {
    const dir = checkout({
      "gov.yml": `${SECTORS}transparency:\n  report: daily\n`,
      "people.yml": `stakeholders:\n${ENTRY("alice", "gov")}${ENTRY("bob", "academia", "2026-02-30")}`,
    });
    const r = run(dir, ["--config", "gov.yml", "--registry=people.yml"]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual(["gov.yml:7:11: `report` must be one of: weekly, monthly, quarterly, off.", "The registry was not checked, because the policy has problems.", "1 problem in gov.yml."]);
    writeFileSync(join(dir, "gov.yml"), SECTORS);
    const r2 = run(dir, ["--config", "gov.yml", "--registry", "people.yml"]);
    expect(r2.code).toBe(1);
    expect(r2.lines).toEqual([
      "people.yml:9:13: The declaration of `bob` names the sector `academia`, which the policy does not declare. Use one of: gov, biz. Until then it is not current.",
      "people.yml:11:15: The declaration of `bob` is dated `2026-02-30`, which is not a date of the calendar. Write it YYYY-MM-DD, like 2026-03-01. Until then it is not current.",
      "2 problems in gov.yml and people.yml.",
    ]);
  });

  it("prints warnings and still exits 0", () => {
    const dir = checkout({
      ".github/governance.yml": `${SECTORS}decisions:\n  - id: vote\n    name: Vote\n    labels: [vote]\n    rule:\n      approvals: { at_least: 0.67, of: cast, in: each }\n`,
      "STAKEHOLDERS.yml": `stakeholders:\n${ENTRY("alice", "gov")}`,
    });
    const r = run(dir, []);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      ".github/governance.yml:11:7: warning: Sector `biz` has no voters in the registry, so the kind `vote` cannot be decided until someone of that sector declares.",
      ".github/governance.yml:11:30: warning: 0.67 is not 2/3: shares are compared exactly. If you mean 2/3, write 2/3.",
      ".github/governance.yml and STAKEHOLDERS.yml are valid, with 2 warnings.",
    ]);
  });

  it("points at the first byte that is not UTF-8, in the policy and in the registry", () => {
    const dir = checkout({ ".github/governance.yml": SECTORS });
    writeFileSync(join(dir, "latin1.yml"), Buffer.concat([Buffer.from(`${SECTORS}    # caf`), Buffer.from([0xe9]), Buffer.from("\n")]));
    const policy = run(dir, ["--config", "latin1.yml"]);
    expect(policy.code).toBe(1);
    expect(policy.lines[0]).toBe("latin1.yml:6:10: This file is not UTF-8 text. Save it again with the UTF-8 encoding.");
    writeFileSync(join(dir, "STAKEHOLDERS.yml"), Buffer.concat([Buffer.from("stakeholders:\n  - login: zo"), Buffer.from([0xeb]), Buffer.from("\n")]));
    const registry = run(dir, []);
    expect(registry.code).toBe(1);
    expect(registry.lines[0]).toBe("STAKEHOLDERS.yml:2:14: This file is not UTF-8 text. Save it again with the UTF-8 encoding.");
  });

  it("fails when the policy's registry in this repository is missing: nobody could ever sign off", () => {
    const dir = checkout({ ".github/governance.yml": SECTORS });
    const r = run(dir, []);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual(["There is no registry file `STAKEHOLDERS.yml`: nobody has declared, so every contributor's declaration check fails and no decision can be signed off until it exists. Create it (the first one is merged by an administrator), or give its path with `--registry`.", "1 problem in .github/governance.yml and STAKEHOLDERS.yml."]);
  });

  it("resolves _extends in this repository from disk, and warns that another repository's base was not checked", () => {
    const dir = checkout({
      ".github/governance.yml": "_extends: org/app:base.yml\ntransparency:\n  report: weekly\n",
      "base.yml": SECTORS,
    });
    writeFileSync(join(dir, "STAKEHOLDERS.yml"), "stakeholders: []\n");
    expect(run(dir, [], { GITHUB_REPOSITORY: "org/app" }).lines).toEqual([".github/governance.yml and STAKEHOLDERS.yml are valid."]);
    const r = run(dir, [], { GITHUB_REPOSITORY: "someone/else" });
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      ".github/governance.yml:1:11: warning: The rules are also read from `org/app:base.yml`, in another repository: whoever can change that repository changes these rules without a decision here. That repository must be governed too (the app installed there, its rules files signed off by several sectors).",
      ".github/governance.yml:1:11: warning: The base policy `org/app:base.yml` is in another repository and was not checked here.",
      "The registry was not checked, because the base policy was not available.",
      ".github/governance.yml is valid, with 2 warnings.",
    ]);
  });

  it("warns that a registry in another repository must be governed too", () => {
    const dir = checkout({
      ".github/governance.yml": `${SECTORS}registry: org/people:STAKEHOLDERS.yml\n`,
      "people.yml": `stakeholders:\n${ENTRY("alice", "gov")}`,
    });
    const r = run(dir, ["--registry", "people.yml"], { GITHUB_REPOSITORY: "org/app" });
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^\.github\/governance\.yml:\d+:11: warning: The rules are also read from `org\/people:STAKEHOLDERS\.yml`, in another repository: .* That repository must be governed too/);
    expect(r.lines.at(-1)).toBe(".github/governance.yml and people.yml are valid, with 1 warning.");
    for (const lang of ["fr", "es", "ru", "zh", "ar"]) {
      const translated = run(dir, ["--registry", "people.yml", "--lang", lang], { GITHUB_REPOSITORY: "org/app" });
      expect(translated.lines[0]).toContain(": warning: ");
      expect(translated.lines[0]).toContain("org/people:STAKEHOLDERS.yml");
      expect(translated.lines[0]).not.toBe(r.lines[0]);
    }
  });

  it("warns that ids: optional matches people by login alone", () => {
    const dir = checkout({ ".github/governance.yml": `${SECTORS}declarations:\n  ids: optional\n`, "STAKEHOLDERS.yml": "stakeholders:\n  - { login: alice, sector: gov, organisation: O, declared: 2026-03-01, interests: none }\n" });
    const r = run(dir, []);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^\.github\/governance\.yml:\d+:8: warning: With `ids: optional`/);
  });

  it("reports an entry without an id as a problem where ids are required (exit 1)", () => {
    const dir = checkout({ ".github/governance.yml": SECTORS, "STAKEHOLDERS.yml": "stakeholders:\n  - { login: alice, sector: gov, organisation: O, declared: 2026-03-01, interests: none }\n" });
    const r = run(dir, []);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe("STAKEHOLDERS.yml:2:14: The declaration of `alice` gives no account `id`, which the policy requires. Add the account’s numeric GitHub user id (`gh api users/alice --jq .id`). Until then it is not current.");
  });

  it.each([
    ["an unknown option", ["--strict"], "`--strict` is not an option of this command."],
    ["a missing value", ["--config"], "The option `--config` needs a value."],
    ["a file that cannot be read", ["--config", "nope.yml"], "Cannot read `nope.yml`: there is no such file."],
    ["a language the app does not have", ["--lang", "de"], "`de` is not a language of the app. Use one of: en, fr, es, ru, zh, ar."],
  ])("exits 2 for %s, without a stack trace", (_n, args, message) => {
    const dir = checkout({ ".github/governance.yml": SECTORS });
    const r = run(dir, args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe(message);
    expect(r.stderr).toContain("Usage: partnership-governance validate");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 when the registry is in another repository and --registry is not given", () => {
    const dir = checkout({ ".github/governance.yml": `${SECTORS}registry: org/people:STAKEHOLDERS.yml\n` });
    const r = run(dir, []);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("The policy's registry is `org/people:STAKEHOLDERS.yml`, in another repository. Give a copy of it with `--registry FILE` to check it.");
  });

  it("reports a hostile file as a problem, not a crash", () => {
    const dir = checkout({ ".github/governance.yml": `a: ${"[".repeat(100_000)}\n` });
    const r = run(dir, []);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe(".github/governance.yml:1:68: The settings are nested more than 64 levels deep here. Simplify the file.");
  });
});
