// Issue 6: the public record, end to end through a real Probot. A real `pull_request.closed`
// payload is delivered; the app reads the rules as they stood before the merge (the merge
// commit's first parent), the PR's facts, and the log; the record comment it writes is asserted on
// the prose lines that decide and on its JSON block (every field, and the hash recomputed).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GENESIS, verifyChain } from "../../src/core/chain.js";
import { expectedHash, parseRecordComment, type DecisionRecord } from "../../src/core/record.js";
import { renderLogIssueBody, renderRecordComment } from "../../src/render/record.js";
import { mockGitHub, serveFile, type GitHubMock } from "../helpers/github-mocks.js";
import { pullRequestPayload } from "../helpers/payloads.js";
import { chainOf } from "../transparency/builders.js";
import { FakeGitHub, type FakeIssue } from "../transparency/fake-github.js";
import { CHECK_DECLARATION, CHECK_SIGNOFF } from "../../src/constants.js";
import {
  APP_ID,
  assertDone,
  HEAD,
  INSTALLATION,
  NUMBER,
  OWNER,
  PAGE,
  REGISTRY,
  REPO,
  requestLine,
  review,
  serveCloseReads,
  servePull,
  setupHandlerTest,
  startApp,
  type PullSpec,
} from "./harness.js";

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/closed/${name}`, import.meta.url), "utf8");
const POLICY = fixture("governance.yml");
/** What the override PR of the tests would make of the policy: a charter amendment needs one sector. */
const RELAXED = fixture("governance-one-sector.yml");

const MERGE = "3f2a".padEnd(40, "0");
const PARENT = "9e1b".padEnd(40, "0");
const CLOSED_AT = "2026-11-24T09:30:00Z";
const OPENED_AT = "2026-11-20T10:00:00Z";
const NOV = new Date("2026-11-24T09:31:00Z");
const CHARTER: PullSpec = { author: "alice", labels: ["decision:charter"], files: ["CHARTER.md"], createdAt: OPENED_AT };
const approvals = (...logins: string[]) => logins.map((login, i) => review(login, "APPROVED", `2026-11-21T0${i + 1}:00:00Z`));

/** A real `pull_request.closed` payload of PR 12, merged (by `merge`) or withdrawn. */
function closedPayload(merged: boolean) {
  return pullRequestPayload(
    "pull_request.closed",
    { owner: OWNER, repo: REPO, installationId: INSTALLATION, number: NUMBER, headSha: HEAD, author: "alice", merged, defaultBranch: "main" },
    // GitHub sets merge_commit_sha on an unmerged PR too (its test merge): the record must not use it.
    { pull_request: { closed_at: CLOSED_AT, created_at: OPENED_AT, merge_commit_sha: merged ? MERGE : "c4295bd74fb0f4fda03689c3df3f2803b658fd85", merged_at: merged ? CLOSED_AT : null, state: "closed" } },
  );
}

/** `GET /repos/{o}/{r}/git/commits/{sha}`: the merge commit and its parents, as GitHub answers. */
function serveMergeCommit(mock: GitHubMock, times = 1): void {
  const url = (sha: string) => `https://api.github.com/repos/${OWNER}/${REPO}/git/commits/${sha}`;
  const who = { name: "alice", email: "alice@example.org", date: CLOSED_AT };
  mock.get(
    `/repos/${OWNER}/${REPO}/git/commits/${MERGE}`,
    {
      body: {
        sha: MERGE,
        node_id: "C_1",
        url: url(MERGE),
        html_url: `https://github.com/${OWNER}/${REPO}/commit/${MERGE}`,
        author: who,
        committer: who,
        message: "Merge pull request #12",
        tree: { sha: "e".repeat(40), url: url("e".repeat(40)) },
        parents: [
          { sha: PARENT, url: url(PARENT), html_url: `https://github.com/${OWNER}/${REPO}/commit/${PARENT}` },
          { sha: HEAD, url: url(HEAD), html_url: `https://github.com/${OWNER}/${REPO}/commit/${HEAD}` },
        ],
        verification: { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null },
      },
    },
    { times },
  );
}

/**
 * This app's runs on the merge commit (`GET /repos/{o}/{r}/commits/{sha}/check-runs`): none, or
 * the two a merge group's evaluation wrote there, noting `external_id`.
 */
function serveMergeCommitRuns(mock: GitHubMock, times: number, groupNote?: string): void {
  const app = { id: APP_ID, slug: "partnership-governance", name: "Partnership Governance" };
  const runs = groupNote
    ? ([CHECK_DECLARATION, CHECK_SIGNOFF] as const).map((name, i) => ({
        id: 900 + i,
        head_sha: MERGE,
        name,
        status: "completed",
        conclusion: "success",
        details_url: "https://github.com/org/charter/blob/main/.github/governance.yml",
        external_id: groupNote,
        app,
        output: { title: "All 2 pull requests hold: #11, #12", summary: "", text: null, annotations_count: 0, annotations_url: "" },
      }))
    : [];
  mock.get(`/repos/${OWNER}/${REPO}/commits/${MERGE}/check-runs?app_id=${APP_ID}&filter=latest&per_page=${PAGE}`, { body: { total_count: runs.length, check_runs: runs } }, { times });
}

/**
 * The rules at the merge's first parent (merged), or at the default branch's head (withdrawn: the
 * contents API without a ref, as an evaluation reads them); for a merge commit a merge group's
 * runs stand on (`groupNote`), at `rulesAt` (the base they note).
 */
function serveRules(mock: GitHubMock, merged: boolean, times = 1, queue?: { groupNote: string; rulesAt: string; parentRead: boolean }): void {
  // Withdrawn: the default branch's head when the close is recorded (PARENT in these tests).
  for (let i = 0; i < times; i++) serveCloseReads(mock, merged ? {} : { branchHead: PARENT });
  if (merged) serveMergeCommitRuns(mock, times, queue?.groupNote);
  if (merged && (!queue || queue.parentRead)) serveMergeCommit(mock, times);
  const ref = queue?.rulesAt ?? PARENT;
  serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref, content: POLICY, times });
  serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref, content: REGISTRY, times });
}

/** The relaxed policy as the contents API would give it. */
function relaxedContent() {
  const bytes = Buffer.from(RELAXED, "utf8");
  return {
    type: "file",
    encoding: "base64",
    size: bytes.length,
    name: "governance.yml",
    path: ".github/governance.yml",
    content: bytes.toString("base64"),
    sha: "1".repeat(40),
    url: `https://api.github.com/repos/${OWNER}/${REPO}/contents/.github/governance.yml`,
    git_url: null,
    html_url: null,
    download_url: null,
    _links: { self: "", git: null, html: null },
  };
}

function logIssue(gh: FakeGitHub, period: string, records: DecisionRecord[]): FakeIssue {
  const issue = gh.addIssue({ title: `Transparency log: ${period}`, body: renderLogIssueBody(period, "en") });
  for (const r of records) gh.addComment(issue, renderRecordComment(r, { lang: "en" }));
  return issue;
}

interface Written {
  body: string;
  lines: string[];
  json: Record<string, unknown>;
}

/** The record comments the app posted (issue comments that carry a record marker). */
function writtenRecords(gh: FakeGitHub): Written[] {
  return gh.mock
    .writes()
    .filter((r) => r.method === "POST" && /\/issues\/\d+\/comments$/.test(r.path))
    .map((r) => (r.body as { body: string }).body)
    .filter((body) => parseRecordComment(body) !== null)
    .map((body) => ({ body, lines: body.split("\n"), json: parseRecordComment(body)!.record! }));
}

async function deliverClose(opts: {
  merged: boolean;
  pr: PullSpec;
  gh: FakeGitHub;
  now?: Date;
  deliveries?: number;
  extra?: (mock: GitHubMock) => void;
  queue?: Parameters<typeof serveRules>[3];
}) {
  const deliveries = opts.deliveries ?? 1;
  const mock = mockGitHub({ installations: [INSTALLATION] });
  serveRules(mock, opts.merged, deliveries, opts.queue);
  // The PR's facts, through the same GraphQL query as an evaluation, as GitHub answers it once closed.
  const closed: PullSpec = { state: opts.merged ? "merged" : "closed", closedAt: CLOSED_AT, ...(opts.merged ? { mergeCommit: MERGE } : {}), ...opts.pr };
  for (let i = 0; i < deliveries; i++) servePull(mock, closed);
  opts.extra?.(mock);
  const app = await startApp(opts.now ?? NOV);
  for (let i = 0; i < deliveries; i++) await app.receive("pull_request", closedPayload(opts.merged));
  assertDone(mock);
  opts.gh.mock.assertAllDone();
  return { mock, records: writtenRecords(opts.gh) };
}

const logsOf = (gh: FakeGitHub) => gh.issues.filter((i) => i.title.startsWith("Transparency log: "));
const verifyAll = (gh: FakeGitHub) => verifyChain(logsOf(gh).flatMap((i) => i.comments.map((c) => ({ body: c.body }))));

setupHandlerTest();

describe("pull_request.closed: the record", () => {
  it("records a merged decision, judged at the merge commit's first parent, chained to the log's head", async () => {
    // Issue numbers of the fake stop below the PR's number, so its comments are the harness's.
    const gh = new FakeGitHub({ maxIssues: 4 });
    const before = chainOf(2);
    const log = logIssue(gh, "2026-11", before);

    const { mock, records } = await deliverClose({ merged: true, pr: { ...CHARTER, reviews: approvals("bob", "carol", "dan") }, gh });

    expect(records).toHaveLength(1);
    const [r] = records as [Written];
    expect(r.json).toEqual({
      v: 2,
      repo: "org/charter",
      seq: 3,
      prev: before[1]!.hash,
      pr: 12,
      title: "Amend article 4",
      author: "alice",
      author_sector: "civil-society",
      kinds: ["charter"],
      outcome: "adopted",
      signed_off: true,
      approvals: { business: ["carol"], "civil-society": ["dan"], government: ["bob"] },
      objections: [],
      opened_at: OPENED_AT,
      closed_at: CLOSED_AT,
      merge_commit: MERGE,
      rules: PARENT,
      head: MERGE,
      hash: expectedHash(r.json),
    });
    expect(r.lines[0]).toBe(`<!-- partnership-governance:record pr=12 closed=${CLOSED_AT} -->`);
    expect(r.lines).toContain("### Record 3: decision adopted");
    expect(r.lines).toContain("- **Sign-off:** held when the pull request closed");
    expect(r.lines).toContain("- **Counted approvals:** Business: carol; Civil society: dan; Government: bob");
    expect(r.lines).toContain("- **Author:** alice (Civil society)");
    expect(r.lines).toContain(`- **Merge commit:** \`${MERGE}\``);
    expect(r.body).not.toContain("Merged without sign-off");
    // The rules were read at the parent only, the PR through the one GraphQL query of an evaluation;
    // the record went on the existing log, and the chain holds.
    expect(mock.sent("GET").filter((q) => q.path.includes("/contents/")).map((q) => q.query.ref)).toEqual([PARENT, PARENT]);
    expect(mock.requests.map(requestLine).filter((l) => !l.endsWith("/access_tokens"))).toEqual([
      `GET /repos/${OWNER}/${REPO}/pulls/${NUMBER}`,
      `GET /repos/${OWNER}/${REPO}/commits/${MERGE}/check-runs?app_id=${APP_ID}&filter=latest&per_page=${PAGE}`,
      `GET /repos/${OWNER}/${REPO}/git/commits/${MERGE}`,
      `GET /repos/${OWNER}/${REPO}/contents/.github/governance.yml?ref=${PARENT}`,
      `GET /repos/${OWNER}/${REPO}/contents/STAKEHOLDERS.yml?ref=${PARENT}`,
      "POST /graphql",
      "POST /graphql",
    ]);
    // Anchored: the app's check run on the merge commit says the record's seq, hash and prev.
    expect(gh.runs).toEqual([expect.objectContaining({ head_sha: MERGE, name: "Transparency record", text: JSON.stringify({ seq: 3, hash: r.json.hash, prev: before[1]!.hash, pr: 12, commit: MERGE }) })]);
    expect(log.comments).toHaveLength(3);
    expect(gh.mock.sent("POST", `/repos/${OWNER}/${REPO}/issues`)).toEqual([]);
    expect(verifyAll(gh)).toMatchObject({ ok: true, count: 3 });
  });

  it("a PR the merge queue landed behind another entry: judged by the base the group's runs note, not by the entry ahead (its first parent)", async () => {
    const gh = new FakeGitHub({ maxIssues: 4 });
    logIssue(gh, "2026-11", chainOf(1));
    const BASE = "b0a5".padEnd(40, "0");
    const { mock, records } = await deliverClose({
      merged: true,
      gh,
      pr: { ...CHARTER, reviews: approvals("bob", "carol", "dan") },
      queue: { groupNote: `pg1.g-7b${BASE}`, rulesAt: BASE, parentRead: false },
    });
    expect(records).toHaveLength(1);
    expect(records[0]!.json).toMatchObject({ outcome: "adopted", signed_off: true, merge_commit: MERGE, rules: BASE });
    // The first parent (the entry ahead's commit) is never read, nor its rules.
    expect(mock.sent("GET").filter((q) => q.path.includes("/contents/")).map((q) => q.query.ref)).toEqual([BASE, BASE]);
    expect(mock.sent("GET").filter((q) => q.path.includes("/git/commits/"))).toEqual([]);
  });

  it("a merge commit with a merge group's runs noting no base: judged by the first parent, and never recorded as signed off", async () => {
    const gh = new FakeGitHub({ maxIssues: 4 });
    logIssue(gh, "2026-11", chainOf(1));
    const { records } = await deliverClose({
      merged: true,
      gh,
      pr: { ...CHARTER, reviews: approvals("bob", "carol", "dan") },
      queue: { groupNote: "pg1.g", rulesAt: PARENT, parentRead: true },
    });
    expect(records).toHaveLength(1);
    expect(records[0]!.json).toMatchObject({ outcome: "adopted", signed_off: false, rules: PARENT });
    expect(records[0]!.lines).toContain(
      "**Merged without sign-off:** this pull request was merged while its sign-off did not hold (an administrator override).",
    );
  });

  it("records a withdrawn decision: rules of the default branch, no merge commit, the objection kept", async () => {
    const gh = new FakeGitHub({ maxIssues: 4 });
    const before = chainOf(1);
    logIssue(gh, "2026-11", before);

    const { records, mock } = await deliverClose({
      merged: false,
      gh,
      pr: { ...CHARTER, reviews: [...approvals("bob"), review("carol", "CHANGES_REQUESTED", "2026-11-22T10:00:00Z")] },
    });

    const [r] = records as [Written];
    expect(records).toHaveLength(1);
    expect(r.json).toMatchObject({
      seq: 2,
      prev: before[0]!.hash,
      outcome: "withdrawn",
      signed_off: false,
      approvals: { government: ["bob"] },
      objections: [{ login: "carol", sector: "business" }],
      merge_commit: null,
      closed_at: CLOSED_AT,
    });
    expect(r.json.hash).toBe(expectedHash(r.json));
    expect(r.lines).toContain("### Record 2: decision withdrawn");
    expect(r.lines).toContain("- **Objections:** carol (Business)");
    expect(r.lines).toContain("- **Sign-off:** did not hold when the pull request closed");
    expect(r.lines.some((l) => l.startsWith("- **Merge commit:**"))).toBe(false);
    // A withdrawn PR is never "merged without sign-off".
    expect(r.body).not.toContain("Merged without sign-off");
    // The rules of the default branch's head at the close (the webhook comes at the close).
    expect(mock.requests.map(requestLine).filter((l) => !l.endsWith("/access_tokens"))).toEqual([
      `GET /repos/${OWNER}/${REPO}/pulls/${NUMBER}`,
      `GET /repos/${OWNER}/${REPO}/commits?sha=main&per_page=1`,
      `GET /repos/${OWNER}/${REPO}/contents/.github/governance.yml?ref=${PARENT}`,
      `GET /repos/${OWNER}/${REPO}/contents/STAKEHOLDERS.yml?ref=${PARENT}`,
      "POST /graphql",
      "POST /graphql",
    ]);
    expect(r.json).toMatchObject({ v: 2, rules: PARENT, head: HEAD });
    expect(gh.runs.map((run) => run.head_sha)).toEqual([HEAD]);
  });

  it("records an administrator's merge as merged without sign-off, by the base's rules, whatever the PR changed", async () => {
    const gh = new FakeGitHub({ maxIssues: 4 });
    logIssue(gh, "2026-11", []);
    // The PR relaxes the charter rule to one sector and is merged over its unmet sign-off. Its
    // own policy is offered at its head and at the merge commit; the app must read neither.
    const { records, mock } = await deliverClose({
      merged: true,
      gh,
      pr: { ...CHARTER, files: [".github/governance.yml", "CHARTER.md"], reviews: approvals("bob", "carol") },
      extra: (m) => {
        for (const ref of [MERGE, HEAD]) {
          m.get(`/repos/${OWNER}/${REPO}/contents/.github/governance.yml?ref=${ref}`, { body: relaxedContent() }, { optional: true });
        }
      },
    });

    expect(mock.sent("GET").filter((q) => q.path.includes("/contents/")).map((q) => q.query.ref)).toEqual([PARENT, PARENT]);
    expect(records).toHaveLength(1);
    const [w] = records as [Written];
    expect(w.json).toMatchObject({
      seq: 1,
      prev: GENESIS,
      kinds: ["charter", "governance"],
      outcome: "adopted",
      signed_off: false,
      approvals: { business: ["carol"], government: ["bob"] },
      merge_commit: MERGE,
    });
    expect(w.json.hash).toBe(expectedHash(w.json));
    expect(w.lines).toContain(
      "**Merged without sign-off:** this pull request was merged while its sign-off did not hold (an administrator override).",
    );
    expect(w.lines).toContain("- **Decision kinds:** charter, governance");
  });

  it("writes nothing for a PR that is no decision: no record, no request of the log", async () => {
    const gh = new FakeGitHub({ maxIssues: 4 });
    logIssue(gh, "2026-11", chainOf(1));

    await deliverClose({ merged: true, gh, pr: { author: "alice", files: ["README.md"], createdAt: OPENED_AT, reviews: approvals("bob") } });

    expect(gh.mock.requests).toEqual([]);
  });

  it("opens the log of a new period with the labels, and chains its first record to the previous period's last", async () => {
    const gh = new FakeGitHub({ maxIssues: 4 });
    const november = chainOf(3);
    const old = logIssue(gh, "2026-11", november);

    const { records } = await deliverClose({
      merged: true,
      gh,
      now: new Date("2026-12-01T00:05:00Z"),
      pr: { ...CHARTER, reviews: approvals("bob", "carol", "dan") },
    });

    const created = gh.mock.sent("POST", `/repos/${OWNER}/${REPO}/issues`);
    expect(created.map((c) => c.body)).toEqual([
      { title: "Transparency log: 2026-12", body: renderLogIssueBody("2026-12", "en"), labels: ["transparency"] },
    ]);
    const dec = logsOf(gh).find((i) => i.title === "Transparency log: 2026-12")!;
    expect(dec.comments.map((c) => parseRecordComment(c.body)?.record?.seq)).toEqual([4]);
    const [r] = records as [Written];
    expect(r.json).toMatchObject({ seq: 4, prev: november[2]!.hash, closed_at: CLOSED_AT });
    expect(r.json.hash).toBe(expectedHash(r.json));
    // Monthly reports: November's log stays open until its report closes it.
    expect(old.state).toBe("open");
    expect(verifyAll(gh)).toMatchObject({ ok: true, count: 4 });
  });

  it("writes one record for a close delivered twice", async () => {
    const gh = new FakeGitHub({ maxIssues: 4 });
    const log = logIssue(gh, "2026-11", chainOf(1));

    const { records } = await deliverClose({ merged: true, gh, deliveries: 2, pr: { ...CHARTER, reviews: approvals("bob", "carol", "dan") } });

    expect(records).toHaveLength(1);
    expect(log.comments).toHaveLength(2);
    expect(gh.mock.writes().filter((w) => w.method === "DELETE")).toEqual([]);
    expect(verifyAll(gh)).toMatchObject({ ok: true, count: 2 });
  });
});
