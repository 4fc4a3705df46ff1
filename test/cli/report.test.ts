import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runReport } from "../../src/cli/report.js";
import { renderLogIssueBody, renderRecordComment } from "../../src/render/record.js";
import { serveGovernance } from "../helpers/github-mocks.js";
import { setupNock, teardownNock } from "../helpers/probot.js";
import { chainOf } from "../transparency/builders.js";
import { API, captureIO, governedFake, POLICY } from "../transparency/cli-setup.js";
import type { FakeGitHub } from "../transparency/fake-github.js";

/** A log of October 2026 (a period that has ended whatever the clock says). */
function seed(gh: FakeGitHub) {
  const chain = chainOf(2);
  const log = gh.addIssue({ title: "Transparency log: 2026-10", body: renderLogIssueBody("2026-10", "en") });
  for (const r of chain) gh.addComment(log, renderRecordComment(r, { lang: "en" }));
  gh.pulls = [
    { number: 9, title: "Fix `code` | pipes #3", login: "zed", created_at: "2026-10-05T00:00:00Z", closed_at: null },
    { number: 8, title: "Older", login: "zed", created_at: "2026-09-05T00:00:00Z", closed_at: null },
  ];
  gh.serveOpenPulls([]);
  gh.serveRegistryAt("2026-10-01T00:00:00.000Z", null);
  gh.serveRegistryAt("2026-11-01T00:00:00.000Z", null);
  return { log, chain };
}

describe("report", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("prints the report of a period with --dry-run and writes nothing", async () => {
    const gh = governedFake();
    const { chain } = seed(gh);
    const io = captureIO();
    expect(await runReport(["--repo", "org/charter", "--app", "partnership-governance", "--period", "2026-10", "--dry-run"], io)).toBe(0);
    const out = io.out();
    expect(out).toContain("<!-- partnership-governance:report period=2026-10 -->");
    expect(out).toContain("## Transparency report of org/charter for 2026-10");
    // Links point at the GitHub Enterprise host derived from GITHUB_API_URL.
    expect(out).toContain("(https://ghe.test/org/charter/pull/101)");
    expect(out).toContain(`Head of the chain: \`${chain[1]!.hash}\``);
    // The pull request by its name and number, linked: a bare "9" would read as a count.
    expect(out).toContain("| zed | [pull request 9](https://ghe.test/org/charter/pull/9) |");
    expect(gh.mock.writes()).toEqual([]);
    expect(io.err()).toBe("");
  });

  it("publishes the report, closes the log, and says so; a second run finds it", async () => {
    const gh = governedFake();
    const { log } = seed(gh);
    const io = captureIO();
    const code = await runReport(["--repo", "org/charter", "--app", "partnership-governance", "--period", "2026-10"], io);
    expect(io.err()).toBe("");
    expect(code).toBe(0);
    const report = gh.issues.find((i) => i.title === "Transparency report: 2026-10")!;
    expect(io.out()).toBe(`Published the transparency report for 2026-10: https://github.com/org/charter/issues/${report.number}\n`);
    expect(report.body).toContain("#### Adopted (2)");
    expect(log.state).toBe("closed");

    const again = captureIO();
    serveGovernance(gh.mock, { owner: "org", repo: "charter", policy: POLICY });
    expect(await runReport(["--repo", "org/charter", "--app", "partnership-governance", "--period", "2026-10"], again)).toBe(0);
    expect(again.out()).toContain("was already published");
    expect(gh.issues.filter((i) => i.title.startsWith("Transparency report"))).toHaveLength(1);
  });

  it("publishes nothing for a period in which nothing happened", async () => {
    const gh = governedFake();
    gh.serveOpenPulls([]);
    gh.serveRegistryAt("2026-09-01T00:00:00.000Z", null);
    gh.serveRegistryAt("2026-10-01T00:00:00.000Z", null);
    const io = captureIO();
    expect(await runReport(["--repo", "org/charter", "--app", "partnership-governance", "--period", "2026-09"], io)).toBe(0);
    expect(io.out()).toContain("Nothing happened in 2026-09");
    expect(gh.mock.writes()).toEqual([]);
  });

  it("refuses to publish a period that has not ended", async () => {
    governedFake();
    const io = captureIO();
    expect(await runReport(["--repo", "org/charter", "--app", "partnership-governance", "--period", "2999-01"], io)).toBe(1);
    expect(io.err()).toContain("has not ended yet");
  });

  it("exits 1 for a repository that is not governed", async () => {
    const gh = governedFake({ policy: null });
    serveGovernance(gh.mock, { owner: "org", repo: ".github", policy: null });
    const io = captureIO();
    expect(await runReport(["--repo", "org/charter", "--app", "partnership-governance", "--period", "2026-11"], io)).toBe(1);
    expect(io.err()).toContain("org/charter is not governed");
  });

  it.each([
    [[], "--repo OWNER/NAME is needed"],
    [["--repo", "org/charter", "--period", "November"], "`November` is not a period"],
    [["--repo", "org/charter", "--nope"], "Unknown option"],
  ])("exits 2 on a usage error: %j", async (argv, message) => {
    const io = captureIO();
    expect(await runReport(argv, io)).toBe(2);
    expect(io.err()).toContain(message);
  });

  it("exits 2 without credentials", async () => {
    const io = captureIO({ GITHUB_API_URL: API });
    expect(await runReport(["--repo", "org/charter", "--app", "partnership-governance"], io)).toBe(2);
    expect(io.err()).toContain("No GitHub credentials");
  });
});
