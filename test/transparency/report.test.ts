import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderLogIssueBody, renderRecordComment } from "../../src/render/record.js";
import { duePeriods, publishDueReports } from "../../src/transparency/report.js";
import { listTransparencyIssues } from "../../src/transparency/issues.js";
import { policyWith } from "../helpers/builders.js";
import { createTestOctokit, setupNock, teardownNock } from "../helpers/probot.js";
import { chainOf } from "./builders.js";
import { APP_LOGIN, FakeGitHub, type FakeIssue } from "./fake-github.js";
import { userId } from "../e2e/standin/standin.js";

const policy = policyWith();
const NOW = new Date("2026-12-01T08:00:00Z");
const REGISTRY = `stakeholders:
  - login: alice
    id: ${userId("alice")}
    sector: civil-society
    organisation: Open Knowledge
    declared: 2026-03-01
    interests: none
  - login: bob
    id: ${userId("bob")}
    sector: government
    organisation: Ministry
    declared: 2025-12-20
    interests: none
`;

function seed(gh: FakeGitHub) {
  const chain = chainOf(3);
  const oct = gh.addIssue({ title: "Transparency log: 2026-10", body: renderLogIssueBody("2026-10", "en") });
  gh.addComment(oct, renderRecordComment(chain[0]!, { lang: "en" }));
  gh.addComment(oct, renderRecordComment(chain[1]!, { lang: "en" }));
  const nov = gh.addIssue({ title: "Transparency log: 2026-11", body: renderLogIssueBody("2026-11", "en") });
  gh.addComment(nov, "Thank you for logging this.", "reader");
  gh.addComment(nov, renderRecordComment(chain[2]!, { lang: "en" }));
  gh.pulls = [
    { number: 20, title: "Amend @everyone", login: "alice", created_at: "2026-11-20T00:00:00Z", closed_at: null },
    { number: 19, title: "Typo", login: "newbie", created_at: "2026-11-02T00:00:00Z", closed_at: "2026-11-03T00:00:00Z" },
    { number: 18, title: "Old", login: "bob", created_at: "2026-10-15T00:00:00Z", closed_at: "2026-10-16T00:00:00Z" },
    { number: 17, title: "Older", login: "bob", created_at: "2026-09-15T00:00:00Z", closed_at: "2026-09-16T00:00:00Z" },
    { number: 16, title: "Never read", login: "bob", created_at: "2026-09-01T00:00:00Z", closed_at: "2026-09-02T00:00:00Z" },
    { number: 15, title: "Never read", login: "bob", created_at: "2026-08-01T00:00:00Z", closed_at: "2026-08-02T00:00:00Z" },
  ];
  gh.serveOpenPulls([
    { number: 20, title: "Amend @everyone", login: "alice", createdAt: "2026-11-20T00:00:00Z", files: ["CHARTER.md"] },
    { number: 21, title: "Not a decision", login: "bob", createdAt: "2026-11-21T00:00:00Z", files: ["README.md"] },
  ]);
  gh.serveRegistryAt("2026-10-01T00:00:00.000Z", null);
  gh.serveRegistryAt("2026-11-01T00:00:00.000Z", "a".repeat(40), REGISTRY);
  gh.serveRegistryAt("2026-12-01T00:00:00.000Z", "a".repeat(40), REGISTRY);
  return { oct, nov, chain };
}

const reports = (gh: FakeGitHub): FakeIssue[] => gh.issues.filter((i) => i.title.startsWith("Transparency report"));

describe("publishDueReports", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("publishes missed periods oldest first, closes their logs, and never republishes", async () => {
    const gh = new FakeGitHub({ pageSize: 2 });
    const { oct, nov, chain } = seed(gh);
    const octokit = createTestOctokit();

    const results = await publishDueReports(octokit, { owner: "org", repo: "charter", policy, now: NOW, appLogin: APP_LOGIN });

    expect(results.map((r) => [r.period, r.status])).toEqual([
      ["2026-10", "published"],
      ["2026-11", "published"],
    ]);
    const [october, november] = reports(gh);
    expect(october!.title).toBe("Transparency report: 2026-10");
    expect(november!.title).toBe("Transparency report: 2026-11");
    expect(october!.number).toBeLessThan(november!.number);
    expect(october!.labels).toEqual(["transparency"]);
    expect(october!.body).toContain("<!-- partnership-governance:report period=2026-10 -->");
    expect(october!.body).toContain("#### Adopted (2)");
    // The chain is verified up to the report's period, and its head shown.
    expect(october!.body).toContain(`Head of the chain: \`${chain[1]!.hash}\``);
    expect(november!.body).toContain(`Head of the chain: \`${chain[2]!.hash}\``);
    expect(november!.body).toContain("the chain of 3 records is intact");
    // PRs opened in November, by sector, and who had no declaration; the open decision, inert.
    expect(november!.body).toContain("| civil\\-society | 0 | 0 | 1 |");
    expect(november!.body).toContain("| newbie | [pull request 19](https://github.com/org/charter/pull/19) |");
    expect(november!.body).toContain("- [20: Amend @&#8203;everyone](https://github.com/org/charter/pull/20): charter (alice)");
    expect(november!.body).not.toContain("Not a decision](");
    // The logs are closed with a link to their report.
    for (const [log, report] of [[oct, october!], [nov, november!]] as const) {
      expect(log.state).toBe("closed");
      expect(log.comments.at(-1)!.body).toContain(`issues/${report.number}`);
    }
    // Paging stopped at the first PR created before October: pages 1 and 2 of 3, read once.
    expect(gh.mock.sent("GET", "/repos/org/charter/pulls")).toHaveLength(2);
    expect(gh.mock.sent("GET").some((r) => r.path.includes("/reviews"))).toBe(false);

    // A second sweep finds both reports and writes nothing.
    const writes = gh.mock.writes().length;
    const again = await publishDueReports(octokit, { owner: "org", repo: "charter", policy, now: new Date("2026-12-15T00:00:00Z"), appLogin: APP_LOGIN });
    expect(again.map((r) => [r.period, r.status])).toEqual([["2026-11", "exists"]]);
    expect(gh.mock.writes().length).toBe(writes);
    expect(reports(gh)).toHaveLength(2);
  });

  it("publishes no report for a period in which nothing happened", async () => {
    const gh = new FakeGitHub();
    gh.addIssue({ title: "Transparency report: 2026-10", body: "<!-- partnership-governance:report period=2026-10 -->\n" });
    gh.pulls = [{ number: 3, title: "x", login: "bob", created_at: "2026-10-15T00:00:00Z", closed_at: null }];
    gh.serveOpenPulls([]);
    gh.serveRegistryAt("2026-11-01T00:00:00.000Z", null);
    gh.serveRegistryAt("2026-12-01T00:00:00.000Z", null);
    const results = await publishDueReports(createTestOctokit(), { owner: "org", repo: "charter", policy, now: NOW, appLogin: APP_LOGIN });
    expect(results).toEqual([{ status: "empty", period: "2026-11" }]);
    expect(gh.mock.writes()).toEqual([]);
  });

  it("with reports off, closes the monthly logs of past months only", async () => {
    const gh = new FakeGitHub();
    const oct = gh.addIssue({ title: "Transparency log: 2026-11", body: renderLogIssueBody("2026-11", "en") });
    const dec = gh.addIssue({ title: "Transparency log: 2026-12", body: renderLogIssueBody("2026-12", "en") });
    const off = policyWith({ transparency: { log: true, report: "off", labels: ["transparency"], language: "en" } });
    expect(await publishDueReports(createTestOctokit(), { owner: "org", repo: "charter", policy: off, now: NOW, appLogin: APP_LOGIN })).toEqual([]);
    expect(oct.state).toBe("closed");
    expect(dec.state).toBe("open");
    expect(reports(gh)).toEqual([]);
  });
});

describe("duePeriods", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it.each([
    ["nothing yet: the last ended period", [], "2026-W49", ["2026-W48"]],
    ["an open log two weeks back", ["log 2026-W47 open"], "2026-W49", ["2026-W47", "2026-W48"]],
    ["reported up to W46", ["report 2026-W46", "log 2026-W46 closed"], "2026-W49", ["2026-W47", "2026-W48"]],
    ["all reported", ["report 2026-W48", "log 2026-W48 closed"], "2026-W49", ["2026-W48"]],
  ])("%s", async (_n, seeds, current, expected) => {
    const gh = new FakeGitHub();
    for (const s of seeds) {
      const [what, period, state] = s.split(" ") as [string, string, string | undefined];
      const prefix = what === "log" ? "Transparency log: " : "Transparency report: ";
      const body = what === "log" ? renderLogIssueBody(period, "en") : `<!-- partnership-governance:report period=${period} -->`;
      gh.addIssue({ title: `${prefix}${period}`, body, state: state === "closed" ? "closed" : "open" });
    }
    const issues = await listTransparencyIssues(createTestOctokit(), { owner: "org", repo: "charter" }, ["transparency"], APP_LOGIN);
    const now = new Date({ "2026-W49": "2026-12-02T00:00:00Z" }[current]!);
    expect(duePeriods(issues, "weekly", now)).toEqual(expected);
  });
});
