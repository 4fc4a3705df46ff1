// Issue 6, "nothing lost for good": the sweep records a decision whose close it never heard of
// (a webhook missed, or a recording that failed), exactly once, and completes a report whose
// continuation comments were not all posted (a crash between creating the issue and posting them).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyChain } from "../../src/core/chain.js";
import { buildRecord, expectedHash, parseRecordComment } from "../../src/core/record.js";
import { healWindowStart, publishReports, sweep, type SweepSource } from "../../src/evaluate/sweep.js";
import type { Services } from "../../src/handlers/services.js";
import { renderLogIssueBody, renderRecordComment } from "../../src/render/record.js";
import { publishDueReports, REPORT_HEAL_GRACE_MS, reportPartsMarker } from "../../src/transparency/report.js";
import { policyWith } from "../helpers/builders.js";
import { GITHUB_API, linkNext, mockGitHub, serveFile, type GitHubMock } from "../helpers/github-mocks.js";
import { createTestOctokit, setupNock, teardownNock } from "../helpers/probot.js";
import { HEAD, REGISTRY, review, serveCloseReads, serveOpenPullsWithChecks, servePull } from "../handlers/harness.js";
import { chainOf, kind, kindResult, prFacts, signoff } from "../transparency/builders.js";
import { APP_LOGIN, FakeGitHub, type FakeIssue } from "../transparency/fake-github.js";
import { readFileSync } from "node:fs";

const OWNER = "org";
const REPO = "charter";
const POLICY = readFileSync(new URL("../fixtures/closed/governance.yml", import.meta.url), "utf8");
const NOW = new Date("2026-12-03T08:00:00Z");
const MERGE = "3f2a".padEnd(40, "0");
const PARENT = "9e1b".padEnd(40, "0");
const PULLS = `/repos/${OWNER}/${REPO}/pulls`;

interface Listed {
  number: number;
  closed_at: string;
  updated_at?: string;
  merged?: boolean;
  labels?: string[];
}

/** `GET /pulls?state=closed&sort=updated&direction=desc`, in pages linked as GitHub links them. */
function serveClosedPulls(mock: GitHubMock, pages: Listed[][], opts: { times?: number; unread?: number } = {}): void {
  // The default branch's activity in the window, read with the closes: no direct push.
  mock.get(`/repos/${OWNER}/${REPO}/activity?ref=refs%2Fheads%2Fmain&direction=desc&per_page=100`, { body: [] }, { times: opts.times ?? 1, optional: true });
  const path = `${PULLS}?state=closed&sort=updated&direction=desc&per_page=100`;
  const total = pages.length + (opts.unread ?? 0);
  pages.forEach((items, i) => {
    mock.get(
      i === 0 ? path : `${path}&page=${i + 1}`,
      {
        body: items.map((p) => ({
          number: p.number,
          state: "closed",
          title: `PR ${p.number}`,
          user: { login: "alice", id: 1, type: "User" },
          labels: (p.labels ?? []).map((name, k) => ({ id: k + 1, name })),
          created_at: "2026-10-01T00:00:00Z",
          updated_at: p.updated_at ?? p.closed_at,
          closed_at: p.closed_at,
          merged_at: p.merged ? p.closed_at : null,
          merge_commit_sha: p.merged ? MERGE : "c".repeat(40),
          head: { sha: HEAD, ref: `pr-${p.number}` },
        })),
        headers: i < total - 1 ? linkNext(path, i + 1, total) : {},
      },
      { times: opts.times ?? 1 },
    );
  });
}

/**
 * The GraphQL query of changed files of several PRs (one alias `pr<n>` each; not the query of one
 * PR's facts, which asks for its files too): answers each PR it asks for, and remembers which.
 */
function serveChangedFiles(mock: GitHubMock, files: Record<number, string[]>, asked: number[][], times = 1): void {
  const numbersIn = (query: string) => [...query.matchAll(/pr\d+: pullRequest\(number: (\d+)\)/g)].map((m) => Number(m[1]));
  mock.graphql(
    (req) => {
      const numbers = numbersIn(req.query);
      asked.push(numbers);
      const repository = Object.fromEntries(
        numbers.map((n) => [`pr${n}`, { files: { totalCount: (files[n] ?? []).length, nodes: (files[n] ?? []).map((path) => ({ path, changeType: "MODIFIED" })) } }]),
      );
      return { repository };
    },
    { times, match: (req) => numbersIn(req.query).length > 0 },
  );
}

function serveMergeCommit(mock: GitHubMock): void {
  // This app's runs on the merge commit: none (no merge group landed it).
  mock.get(`/repos/${OWNER}/${REPO}/commits/${MERGE}/check-runs?app_id=1&filter=latest&per_page=100`, { body: { total_count: 0, check_runs: [] } });
  const url = (sha: string) => `${GITHUB_API}/repos/${OWNER}/${REPO}/git/commits/${sha}`;
  mock.get(`/repos/${OWNER}/${REPO}/git/commits/${MERGE}`, {
    body: {
      sha: MERGE,
      node_id: "C_1",
      url: url(MERGE),
      html_url: "",
      author: { name: "a", email: "a@example.org", date: "2026-11-24T09:30:00Z" },
      committer: { name: "a", email: "a@example.org", date: "2026-11-24T09:30:00Z" },
      message: "Merge",
      tree: { sha: "e".repeat(40), url: url("e".repeat(40)) },
      parents: [{ sha: PARENT, url: url(PARENT), html_url: "" }],
      verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
    },
  });
}

/** One sweep's reads of the repository: its rules, whether its policy changed, its open PRs. */
function serveRepositoryReads(mock: GitHubMock, times: number, policyChanged = false): void {
  serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: POLICY, times });
  serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY, times });
  mock.get(
    `/repos/${OWNER}/${REPO}/commits?path=.github/governance.yml&since=2026-11-01T00:00:00.000Z&per_page=1`,
    { body: policyChanged ? [{ sha: "d".repeat(40), url: "", html_url: "", node_id: "C", comments_url: "", parents: [], commit: { message: "m", url: "", comment_count: 0 } }] : [] },
    { times },
  );
  serveOpenPullsWithChecks(mock, [], { times });
}

function harness() {
  const keys: string[] = [];
  const warnings: unknown[] = [];
  const octokit = createTestOctokit();
  let now = NOW;
  const services: Services = {
    appId: 1,
    appLogin: APP_LOGIN,
    now: () => now,
    log: { debug: () => undefined, warn: (o) => void warnings.push(o) },
    evaluate: async () => {
      throw new Error("no open PR to evaluate");
    },
    run: async (_id, key, task) => {
      keys.push(key);
      await task();
    },
  };
  const source: SweepSource = {
    async *installations() {
      yield { id: 77, octokit };
    },
    async *repositories() {
      yield { owner: OWNER, repo: REPO, defaultBranch: "main" };
    },
  };
  return { keys, warnings, octokit, services, source, setNow: (d: Date) => void (now = d) };
}

/** The state a writer leaves when it stops after posting `posted` continuation comments. */
function stopAfter(report: FakeIssue, log: FakeIssue, posted: number): void {
  report.comments.splice(posted);
  log.comments = log.comments.filter((c) => !c.body.includes(`issues/${report.number}`));
  log.state = "open";
  log.state_reason = null;
}

const recordsIn = (issue: FakeIssue) => issue.comments.map((c) => parseRecordComment(c.body)?.record).filter((r) => !!r);

describe("the sweep heals missed closes", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("starts the window at the previous log period", () => {
    expect(healWindowStart(policyWith(), NOW).toISOString()).toBe("2026-11-01T00:00:00.000Z");
    const weekly = policyWith({ transparency: { log: true, report: "weekly", labels: ["transparency"], language: "en" } });
    expect(healWindowStart(weekly, NOW).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("records a missed decision close exactly once, reading no further back than the window, and nothing on a second sweep", async () => {
    const gh = new FakeGitHub({ maxIssues: 4 });
    const recorded = chainOf(1); // PR 101, closed 2026-11-01T12:00:00Z, on the November log
    const nov = gh.addIssue({ title: "Transparency log: 2026-11", body: renderLogIssueBody("2026-11", "en") });
    gh.addComment(nov, renderRecordComment(recorded[0]!, { lang: "en" }));
    const mock = mockGitHub();
    serveRepositoryReads(mock, 2);
    serveClosedPulls(
      mock,
      [
        [
          { number: 12, closed_at: "2026-11-24T09:30:00Z", merged: true, labels: ["decision:charter"] },
          { number: 13, closed_at: "2026-11-25T10:00:00Z", updated_at: "2026-11-25T10:00:00Z" },
          { number: 101, closed_at: "2026-11-01T12:00:00Z", merged: true, labels: ["decision:charter"] },
        ],
        [
          // Closed before the window, but its last update (a comment) was in it: not a candidate.
          { number: 9, closed_at: "2026-10-30T00:00:00Z", updated_at: "2026-11-02T00:00:00Z", labels: ["decision:charter"] },
          { number: 10, closed_at: "2026-11-01T00:00:00Z", updated_at: "2026-11-01T00:00:00Z" },
          { number: 8, closed_at: "2026-10-20T00:00:00Z", labels: ["decision:charter"] },
        ],
      ],
      { times: 2, unread: 1 },
    );
    const asked: number[][] = [];
    serveChangedFiles(mock, { 13: ["README.md"], 10: ["docs/guide.md"] }, asked, 2);
    // Only the missed one is recorded: its merge's first parent, its rules there, its facts.
    serveCloseReads(mock, { number: 12 });
    serveMergeCommit(mock);
    serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: PARENT, content: POLICY });
    serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: PARENT, content: REGISTRY });
    // Read through the one GraphQL query of an evaluation, as GitHub answers it for a merged PR.
    servePull(mock, {
      number: 12,
      state: "merged",
      closedAt: "2026-11-24T09:30:00Z",
      mergeCommit: MERGE,
      author: "alice",
      labels: ["decision:charter"],
      files: ["CHARTER.md"],
      reviews: ["bob", "carol", "dan"].map((l, i) => review(l, "APPROVED", `2026-11-21T0${i + 1}:00:00Z`)),
    });
    const h = harness();

    const first = await sweep(h.source, h.services, undefined);

    expect(first).toEqual({ installations: 1, repositories: 1, governed: 1, pullRequests: 0, evaluated: 0, errors: 0 });
    expect(h.warnings).toEqual([]);
    expect(h.keys).toEqual(["record:org/charter#12@2026-11-24T09:30:00Z"]);
    // The record went on December's log (the period it was written in), chained to November's head.
    const dec = gh.issues.find((i) => i.title === "Transparency log: 2026-12")!;
    const records = recordsIn(dec);
    expect(records).toEqual([expect.objectContaining({ seq: 2, prev: recorded[0]!.hash, pr: 12, closed_at: "2026-11-24T09:30:00Z", outcome: "adopted", signed_off: true })]);
    expect(records[0]!.hash).toBe(expectedHash(records[0]!));
    // Paging stopped at the page holding a PR last updated before the window (page 3 never read).
    expect(mock.sent("GET", PULLS).filter((r) => r.query.state === "closed").map((r) => r.query.page ?? "1")).toEqual(["1", "2"]);
    // Files were asked, in one query, only for the unrecorded PRs without a decision label.
    expect(asked).toEqual([[13, 10]]);
    // The log's record markers were read once: one listing of issues, one of each log's comments.
    expect(gh.mock.sent("GET", `/repos/${OWNER}/${REPO}/issues`).length).toBeGreaterThanOrEqual(1);

    const writes = gh.mock.writes().length;
    const second = await sweep(h.source, h.services, undefined);

    expect(second.errors).toBe(0);
    expect(h.keys).toHaveLength(1);
    expect(gh.mock.writes().length).toBe(writes);
    expect(verifyChain([...nov.comments, ...dec.comments].map((c) => ({ body: c.body })))).toMatchObject({ ok: true, count: 2 });
    mock.assertAllDone();
    gh.mock.assertAllDone();
  });

  it("hands every unrecorded close to recordClose when the policy changed in the window (fail closed)", async () => {
    const gh = new FakeGitHub({ maxIssues: 4 });
    const mock = mockGitHub();
    serveRepositoryReads(mock, 1, true);
    serveClosedPulls(mock, [[{ number: 13, closed_at: "2026-11-25T10:00:00Z" }]]);
    // recordClose judges it (withdrawn, recorded late) by the rules of the default branch as it
    // stood at the close, its head then: not a decision there.
    const THEN = "d".repeat(40);
    serveCloseReads(mock, { number: 13 });
    mock.get(`/repos/${OWNER}/${REPO}/commits?sha=main&until=2026-11-25T10:00:00Z&per_page=1`, {
      body: [{ sha: THEN, url: "", html_url: "", node_id: "C", comments_url: "", parents: [], commit: { message: "m", url: "", comment_count: 0 } }],
    });
    serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: THEN, content: POLICY });
    serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: THEN, content: REGISTRY });
    servePull(mock, { number: 13, state: "closed", closedAt: "2026-11-25T10:00:00Z", files: ["README.md"] });
    const h = harness();

    const stats = await sweep(h.source, h.services, undefined);

    expect(stats.errors).toBe(0);
    expect(h.keys).toEqual(["record:org/charter#13@2026-11-25T10:00:00Z"]);
    expect(gh.mock.writes()).toEqual([]);
    mock.assertAllDone();
  });

  it("looks for a change of the policy where it was read from: the organisation's .github, for a repository without its own", async () => {
    const gh = new FakeGitHub({ maxIssues: 4 });
    const mock = mockGitHub();
    const commit = [{ sha: "d".repeat(40), url: "", html_url: "", node_id: "C", comments_url: "", parents: [], commit: { message: "m", url: "", comment_count: 0 } }];
    // The sweep's rules: none of its own at main, the organisation's (its default branch), its registry.
    serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: null });
    serveFile(mock, { owner: OWNER, repo: ".github", path: ".github/governance.yml", ref: null, content: POLICY });
    serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY });
    serveOpenPullsWithChecks(mock, []);
    serveClosedPulls(mock, [[{ number: 13, closed_at: "2026-11-25T10:00:00Z" }]]);
    // The organisation's policy changed in the window: today's rules may not say what was a decision.
    mock.get(`/repos/${OWNER}/.github/commits?path=.github/governance.yml&since=2026-11-01T00:00:00.000Z&per_page=1`, { body: commit });
    // So the close goes to recordClose, which judges it by the rules as they stood at the close.
    const THEN = "d".repeat(40);
    serveCloseReads(mock, { number: 13 });
    mock.get(`/repos/${OWNER}/${REPO}/commits?sha=main&until=2026-11-25T10:00:00Z&per_page=1`, { body: commit });
    serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: THEN, content: null });
    serveFile(mock, { owner: OWNER, repo: ".github", path: ".github/governance.yml", ref: null, content: POLICY });
    serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: THEN, content: REGISTRY });
    servePull(mock, { number: 13, state: "closed", closedAt: "2026-11-25T10:00:00Z", files: ["README.md"] });
    const h = harness();

    const stats = await sweep(h.source, h.services, undefined);

    expect(stats.errors).toBe(0);
    expect(h.keys).toEqual(["record:org/charter#13@2026-11-25T10:00:00Z"]);
    // The repository's own policy file, which does not exist, was not the one looked at.
    expect(mock.sent("GET", `/repos/${OWNER}/${REPO}/commits`).filter((r) => r.query.path)).toEqual([]);
    expect(gh.mock.writes()).toEqual([]);
    mock.assertAllDone();
  });

  it("with the log off, lists nothing", async () => {
    const gh = new FakeGitHub({ maxIssues: 4 });
    const mock = mockGitHub();
    const off = POLICY.replace("log: true", "log: false");
    serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: off });
    serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY });
    serveOpenPullsWithChecks(mock, []);
    const h = harness();
    expect((await sweep(h.source, h.services, undefined)).errors).toBe(0);
    expect(mock.sent("GET", PULLS).filter((r) => r.query.state === "closed")).toEqual([]);
    expect(gh.mock.requests).toEqual([]);
    mock.assertAllDone();
  });
});

describe("a report whose continuation comments were not all posted", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  const policy = policyWith();
  /** November's log with enough records (long titles, inert) to need a report in several parts. */
  function seed(gh: FakeGitHub) {
    const nov = gh.addIssue({ title: "Transparency log: 2026-11", body: renderLogIssueBody("2026-11", "en") });
    let prev = "0".repeat(64);
    for (let i = 1; i <= 60; i++) {
      const rec = buildRecord({
        repo: "org/charter",
        seq: i,
        prev,
        facts: prFacts({ number: 100 + i, title: `Decision ${i}: ${"a long title ".repeat(300)}`, closedAt: `2026-11-${String(1 + (i % 28)).padStart(2, "0")}T12:00:00Z` }),
        signoff: signoff([kindResult(kind("charter"), { government: ["bob"], business: ["carol"] })]),
        authorSector: "civil-society",
      });
      prev = rec.hash;
      gh.addComment(nov, renderRecordComment(rec, { lang: "en" }));
    }
    gh.serveOpenPulls([]);
    gh.serveOpenPulls([]);
    for (const at of ["2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"]) {
      gh.serveRegistryAt(at, null);
      gh.serveRegistryAt(at, null);
    }
    return nov;
  }

  it("posts the missing parts once the writer's grace has passed, and leaves a complete report alone", async () => {
    const gh = new FakeGitHub({ maxIssues: 4, pageSize: 1000 });
    const nov = seed(gh);
    const octokit = createTestOctokit();
    await publishDueReports(octokit, { owner: OWNER, repo: REPO, policy, now: NOW, appLogin: APP_LOGIN });
    const report = gh.issues.find((i) => i.title === "Transparency report: 2026-11")!;
    const total = Number(/total=(\d+)/.exec(report.body)![1]);
    expect(total).toBeGreaterThanOrEqual(3);
    expect(report.body).toContain(reportPartsMarker("2026-11", total));
    expect(report.comments).toHaveLength(total - 1);
    const complete = report.comments.map((c) => c.body);
    // As the writer would have left it had it stopped after the first continuation: the later
    // parts never posted, the log never closed.
    stopAfter(report, nov, 1);
    // GitHub's own record of the creation time; the fake's issues are created 2026-12-01.
    gh.mock.get(`/repos/${OWNER}/${REPO}/issues/${report.number}`, () => ({ body: gh.issueJson(report) }), { optional: true, times: 5 });

    // Within the grace the writer may still be posting: nothing is written.
    const soon = await publishDueReports(octokit, { owner: OWNER, repo: REPO, policy, now: new Date(Date.parse("2026-12-01T00:00:00Z") + REPORT_HEAL_GRACE_MS - 1), appLogin: APP_LOGIN });
    expect(soon).toEqual([expect.objectContaining({ status: "exists", period: "2026-11" })]);
    expect(report.comments).toHaveLength(1);
    expect(nov.state).toBe("open");

    // After it, the report is completed in order and its log closed.
    const later = await publishDueReports(octokit, { owner: OWNER, repo: REPO, policy, now: NOW, appLogin: APP_LOGIN });
    expect(later).toEqual([expect.objectContaining({ status: "exists", period: "2026-11", completed: total - 2 })]);
    expect(report.comments.map((c) => c.body)).toEqual(complete);
    expect(nov.state).toBe("closed");
    expect(gh.mock.writes().filter((w) => w.method === "PATCH" && w.path.endsWith(`/issues/${report.number}`))).toEqual([]);

    // A complete report: one read of its comments, no write.
    const writes = gh.mock.writes().length;
    const again = await publishDueReports(octokit, { owner: OWNER, repo: REPO, policy, now: new Date("2026-12-20T00:00:00Z"), appLogin: APP_LOGIN });
    expect(again).toEqual([expect.objectContaining({ status: "exists", period: "2026-11" })]);
    expect(gh.mock.writes().length).toBe(writes);
  });

  it("is completed by the sweep through the app's own transparency pass", async () => {
    const gh = new FakeGitHub({ maxIssues: 4, pageSize: 1000 });
    const nov = seed(gh);
    const h = harness();
    const mock = mockGitHub();
    for (let i = 0; i < 2; i++) {
      serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: POLICY });
      serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY });
    }
    serveClosedPulls(mock, [[]], { times: 2 });
    serveOpenPullsWithChecks(mock, [], { times: 2 });
    expect((await sweep(h.source, h.services, publishReports)).errors).toBe(0);
    const report = gh.issues.find((i) => i.title === "Transparency report: 2026-11")!;
    const complete = report.comments.map((c) => c.body);
    expect(complete.length).toBeGreaterThanOrEqual(2);
    stopAfter(report, nov, 0);
    gh.mock.get(`/repos/${OWNER}/${REPO}/issues/${report.number}`, () => ({ body: gh.issueJson(report) }));

    expect((await sweep(h.source, h.services, publishReports)).errors).toBe(0);

    expect(report.comments.map((c) => c.body)).toEqual(complete);
    expect(nov.state).toBe("closed");
    mock.assertAllDone();
  });
});

describe("two processes closing the same log", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("keeps one closing note: the later writer removes its own copy", async () => {
    const gh = new FakeGitHub({ maxIssues: 4 });
    const nov = gh.addIssue({ title: "Transparency log: 2026-11", body: renderLogIssueBody("2026-11", "en") });
    const report = gh.addIssue({
      title: "Transparency report: 2026-11",
      body: "<!-- partnership-governance:report period=2026-11 -->\n",
      created_at: "2026-12-01T00:00:00Z",
    });
    const note = `The period 2026-11 has ended; its transparency report is https://github.com/${OWNER}/${REPO}/issues/${report.number}.`;
    // The other process has posted its note and not yet closed the issue when this one reads it.
    gh.addComment(nov, note);

    const results = await publishDueReports(createTestOctokit(), { owner: OWNER, repo: REPO, policy: policyWith(), now: NOW, appLogin: APP_LOGIN });

    expect(results).toEqual([expect.objectContaining({ status: "exists", period: "2026-11" })]);
    expect(nov.state).toBe("closed");
    expect(nov.comments.map((c) => c.body)).toEqual([note]);
    expect(gh.mock.sent("DELETE")).toHaveLength(1);
  });
});
