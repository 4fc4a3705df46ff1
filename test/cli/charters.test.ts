// The four worked charters of config/charters/: each validates, and each has a PR file that
// passes and one that does not, run through `simulate` as a process, as a secretariat would.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const MAIN = join(ROOT, "lib/cli/main.js");
const NOW = "2026-11-28T12:00:00Z";

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const files = (charter: string) => {
  const dir = join("config/charters", charter);
  return { config: join(dir, "governance.yml"), registry: join(dir, "STAKEHOLDERS.yml"), pr: (f: string) => join(dir, `${f}.json`) };
};

function simulate(charter: string, pr: string): { declaration: { conclusion: string; title: string }; signoff: { conclusion: string; title: string; summary?: string } } {
  const f = files(charter);
  const r = cli(["simulate", "--config", f.config, "--registry", f.registry, "--pr", f.pr(pr), "--now", NOW, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

describe.each(["fsc-general-assembly", "gnso-council", "eiti-msg", "w3c-consensus"])("worked charter %s", (charter) => {
  it("validates", () => {
    const f = files(charter);
    const r = cli(["validate", "--config", f.config, "--registry", f.registry]);
    expect(r.stdout + r.stderr).not.toMatch(/warning|error/i);
    expect(r.status).toBe(0);
  });

  it("signs off its passing PR", () => {
    const out = simulate(charter, "pass");
    expect(out.declaration.conclusion).toBe("success");
    expect(out.signoff.conclusion).toBe("success");
    expect(out.signoff.title).toMatch(/^Signed off by \d sectors?$/);
  });
});

describe("the failing PR of each charter names what is missing", () => {
  it.each([
    ["fsc-general-assembly", "pending", "Quorum: Economic chamber 2 of 5 took part, needs more than 1/2"],
    ["gnso-council", "pending", "Approvals: Non-Contracted Parties House 7 of 13 registered voters approved, needs at least 2/3"],
    ["eiti-msg", "pending", "Approvals: Civil society 1 counted, needs at least 2"],
    ["w3c-consensus", "failure", "Blocked by an objection from Non-profit members"],
  ])("%s: %s, %s", (charter, conclusion, title) => {
    const out = simulate(charter, "fail");
    expect(out.signoff.conclusion).toBe(conclusion);
    expect(out.signoff.title).toBe(title);
  });

  it("GNSO: the passing vote is carried by the second branch of the any (3/4 of one House, a majority of the other)", () => {
    const f = files("gnso-council");
    const r = cli(["simulate", "--config", f.config, "--registry", f.registry, "--pr", f.pr("pass"), "--now", NOW]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/6 of 7 registered voters approved/);
    expect(r.stdout).toMatch(/7 of 13 registered voters approved/);
  });
});
