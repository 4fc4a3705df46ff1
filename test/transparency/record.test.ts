import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GENESIS, verifyChain } from "../../src/core/chain.js";
import { parseRecordComment, type DecisionRecord } from "../../src/core/record.js";
import { renderLogIssueBody, renderRecordComment } from "../../src/render/record.js";
import { recordClosedPullRequest } from "../../src/transparency/record.js";
import { verifyLog } from "../../src/transparency/verify.js";
import { policyWith } from "../helpers/builders.js";
import { createTestOctokit, setupNock, teardownNock } from "../helpers/probot.js";
import { chainOf, kind, kindResult, prFacts, signoff } from "./builders.js";
import { APP_ID, APP_LOGIN, FakeGitHub, type FakeIssue } from "./fake-github.js";

const policy = policyWith();
const decision = signoff([kindResult(kind("charter"), { government: ["bob"], business: ["carol"] })]);
const NOW = new Date("2026-12-01T08:00:00Z");
/** The app's identity and the rules commit every record of these tests was judged by. */
const IDENTITY = { appLogin: APP_LOGIN, appId: APP_ID, rules: "1".repeat(40) } as const;
/** The input of one close of PR 12, recorded at NOW. */
const closeOf = (over: Partial<Parameters<typeof recordClosedPullRequest>[1]> = {}) => ({
  owner: "org",
  repo: "charter",
  policy,
  facts: prFacts(),
  signoff: decision,
  authorSector: "civil-society",
  ...IDENTITY,
  now: NOW,
  ...over,
});

function logIssue(gh: FakeGitHub, period: string, records: DecisionRecord[], state: "open" | "closed" = "open"): FakeIssue {
  const issue = gh.addIssue({ title: `Transparency log: ${period}`, body: renderLogIssueBody(period, "en"), state });
  for (const r of records) gh.addComment(issue, renderRecordComment(r, { lang: "en" }));
  return issue;
}

const recordsOf = (issue: FakeIssue) =>
  issue.comments.map((c) => parseRecordComment(c.body)?.record).filter((r): r is Record<string, unknown> => !!r);

function verifyAll(gh: FakeGitHub) {
  return verifyChain(gh.issues.filter((i) => i.title.startsWith("Transparency log")).flatMap((i) => i.comments.map((c) => ({ body: c.body }))));
}

describe("recordClosedPullRequest", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("opens the log of a new period and chains its first record to the previous period", async () => {
    const gh = new FakeGitHub();
    const november = chainOf(3);
    const old = logIssue(gh, "2026-11", november);
    gh.addComment(old, "A comment from a reader @someone", "reader");
    const octokit = createTestOctokit();

    const result = await recordClosedPullRequest(octokit, {
      owner: "org",
      repo: "charter",
      policy,
      facts: prFacts({ number: 12, closedAt: "2026-12-01T07:59:00Z" }),
      signoff: decision,
      authorSector: "civil-society",
      ...IDENTITY,
      now: NOW,
    });

    expect(result).toMatchObject({ status: "recorded", issueNumber: 2, attempts: 1 });
    const dec = gh.issue(2);
    expect(dec.title).toBe("Transparency log: 2026-12");
    expect(dec.labels).toEqual(["transparency"]);
    expect(dec.body).toContain("<!-- partnership-governance:log period=2026-12 -->");
    expect(recordsOf(dec)).toEqual([expect.objectContaining({ seq: 4, prev: november[2]!.hash, pr: 12, closed_at: "2026-12-01T07:59:00Z" })]);
    expect(dec.comments[0]!.body).toContain("<!-- partnership-governance:record pr=12 closed=2026-12-01T07:59:00Z -->");
    // With monthly reports, the November log stays open until its report is published.
    expect(old.state).toBe("open");
    expect(verifyAll(gh)).toMatchObject({ ok: true, count: 4 });
    gh.mock.assertAllDone();
  });

  it("starts the chain at GENESIS in a repository without a log", async () => {
    const gh = new FakeGitHub();
    const result = await recordClosedPullRequest(createTestOctokit(), {
      owner: "org",
      repo: "charter",
      policy,
      facts: prFacts({ merged: false, mergeCommitSha: null }),
      signoff: decision,
      authorSector: null,
      ...IDENTITY,
      now: NOW,
    });
    expect(result.status).toBe("recorded");
    expect(recordsOf(gh.issue(1))).toEqual([expect.objectContaining({ seq: 1, prev: GENESIS, outcome: "withdrawn", merge_commit: null })]);
  });

  it("writes no second record for a repeated delivery, even across a period boundary", async () => {
    const gh = new FakeGitHub();
    const input = {
      owner: "org",
      repo: "charter",
      policy,
      facts: prFacts({ closedAt: "2026-11-30T23:59:00Z" }),
      signoff: decision,
      authorSector: "civil-society",
      ...IDENTITY,
    };
    const octokit = createTestOctokit();
    const first = await recordClosedPullRequest(octokit, { ...input, now: new Date("2026-11-30T23:59:30Z") });
    expect(first.status).toBe("recorded");
    const writes = gh.restWrites().length;
    const again = await recordClosedPullRequest(octokit, { ...input, now: new Date("2026-11-30T23:59:40Z") });
    expect(again).toMatchObject({ status: "already-recorded", issueNumber: 1 });
    expect(gh.restWrites().length).toBe(writes);
    // The retry arrives after midnight: the December log is opened, but no record is written twice.
    const late = await recordClosedPullRequest(octokit, { ...input, now: NOW });
    expect(late).toMatchObject({ status: "already-recorded", issueNumber: 1 });
    expect(gh.issues.flatMap(recordsOf)).toHaveLength(1);
  });

  it("resolves a race for one seq: the later writer deletes its record and writes again", async () => {
    const gh = new FakeGitHub();
    const existing = chainOf(2);
    const log = logIssue(gh, "2026-12", existing);
    // Another process posts record 3 (for PR 77) just before ours lands.
    const rival = chainOf(3)[2]!;
    const rivalRecord = { ...rival, pr: 77 };
    const { hash: _h, ...rest } = rivalRecord;
    const { hashRecord } = await import("../../src/core/record.js");
    const rivalFixed = { ...rest, hash: hashRecord(rest) } as DecisionRecord;
    let raced = false;
    gh.beforeComment = (issue) => {
      if (raced) return;
      raced = true;
      gh.addComment(issue, renderRecordComment(rivalFixed, { lang: "en" }));
    };

    const result = await recordClosedPullRequest(createTestOctokit(), {
      owner: "org",
      repo: "charter",
      policy,
      facts: prFacts({ number: 12, closedAt: "2026-12-01T07:59:00Z" }),
      signoff: decision,
      authorSector: "civil-society",
      ...IDENTITY,
      now: NOW,
    });

    expect(result).toMatchObject({ status: "recorded", attempts: 2 });
    const deletes = gh.mock.sent("DELETE");
    expect(deletes).toHaveLength(1);
    expect(recordsOf(log).map((r) => [r.seq, r.pr])).toEqual([
      [1, 101],
      [2, 102],
      [3, 77],
      [4, 12],
    ]);
    expect(recordsOf(log)[3]!.prev).toBe(rivalFixed.hash);
    expect(verifyAll(gh)).toMatchObject({ ok: true, count: 4 });
  });

  it("keeps the oldest log when a race opened two for one period, and closes the other", async () => {
    const gh = new FakeGitHub();
    logIssue(gh, "2026-11", chainOf(1));
    const a = logIssue(gh, "2026-12", []);
    const b = logIssue(gh, "2026-12", []);
    const result = await recordClosedPullRequest(createTestOctokit(), {
      owner: "org",
      repo: "charter",
      policy,
      facts: prFacts({ closedAt: "2026-12-01T07:59:00Z" }),
      signoff: decision,
      authorSector: "civil-society",
      ...IDENTITY,
      now: NOW,
    });
    expect(result).toMatchObject({ status: "recorded", issueNumber: a.number });
    expect(b.state).toBe("closed");
    expect(b.state_reason).toBe("duplicate");
    expect(b.comments[0]!.body).toContain(`issues/${a.number}`);
    expect(recordsOf(b)).toEqual([]);
    expect(recordsOf(a)).toHaveLength(1);
  });

  it("ignores a look-alike log opened by a person", async () => {
    const gh = new FakeGitHub();
    const real = logIssue(gh, "2026-12", chainOf(1));
    const fake = gh.addIssue({ title: "Transparency log: 2026-12", body: renderLogIssueBody("2026-12", "en"), login: "mallory" });
    gh.addComment(fake, renderRecordComment(chainOf(7)[6]!, { lang: "en" }), "mallory");
    const result = await recordClosedPullRequest(createTestOctokit(), {
      owner: "org",
      repo: "charter",
      policy,
      facts: prFacts({ closedAt: "2026-12-01T07:59:00Z" }),
      signoff: decision,
      authorSector: "civil-society",
      ...IDENTITY,
      now: NOW,
    });
    expect(result).toMatchObject({ status: "recorded", issueNumber: real.number, record: { seq: 2 } });
    expect(fake.state).toBe("open");
    expect(fake.comments).toHaveLength(1);
  });

  it("closes the previous monthly log when the next opens and reports are off", async () => {
    const gh = new FakeGitHub();
    const old = logIssue(gh, "2026-11", chainOf(1));
    await recordClosedPullRequest(createTestOctokit(), {
      owner: "org",
      repo: "charter",
      policy: policyWith({ transparency: { log: true, report: "off", labels: ["transparency"], language: "en" } }),
      facts: prFacts({ closedAt: "2026-12-01T07:59:00Z" }),
      signoff: decision,
      authorSector: "civil-society",
      ...IDENTITY,
      now: NOW,
    });
    expect(old.state).toBe("closed");
    expect(gh.issue(2).title).toBe("Transparency log: 2026-12");
  });

  it.each([
    ["the log is off", policyWith({ transparency: { log: false, report: "monthly", labels: ["transparency"], language: "en" } }), decision, "log-off"],
    ["the PR is no decision", policy, signoff([]), "not-a-decision"],
  ])("writes nothing when %s", async (_n, pol, so, reason) => {
    const gh = new FakeGitHub();
    const result = await recordClosedPullRequest(createTestOctokit(), {
      owner: "org",
      repo: "charter",
      policy: pol,
      facts: prFacts(),
      signoff: so,
      authorSector: null,
      ...IDENTITY,
      now: NOW,
    });
    expect(result).toEqual({ status: "not-logged", reason });
    expect(gh.mock.requests).toEqual([]);
    expect(nock.isDone()).toBe(true);
  });

  it("reads every page of a long log to find its head", async () => {
    const gh = new FakeGitHub({ pageSize: 2 });
    const records = chainOf(5);
    logIssue(gh, "2026-12", records);
    const result = await recordClosedPullRequest(createTestOctokit(), {
      owner: "org",
      repo: "charter",
      policy,
      facts: prFacts({ closedAt: "2026-12-01T07:59:00Z" }),
      signoff: decision,
      authorSector: "civil-society",
      ...IDENTITY,
      now: NOW,
    });
    expect(result).toMatchObject({ status: "recorded", record: { seq: 6, prev: records[4]!.hash } });
    expect(gh.issue(1).comments.at(-1)!.login).toBe(APP_LOGIN);
  });

  it("anchors each record: a neutral `Transparency record` check run on its commit saying seq, hash and prev", async () => {
    const gh = new FakeGitHub();
    const result = await recordClosedPullRequest(createTestOctokit(), closeOf({ facts: prFacts({ number: 12, closedAt: "2026-12-01T07:59:00Z" }) }));
    if (result.status !== "recorded") throw new Error(result.status);
    expect(result.record).toMatchObject({ v: 2, rules: IDENTITY.rules, head: prFacts().mergeCommitSha });
    const [post] = gh.mock.sent("POST", "/repos/org/charter/check-runs");
    expect(post?.body).toMatchObject({
      name: "Transparency record",
      head_sha: prFacts().mergeCommitSha,
      status: "completed",
      conclusion: "neutral",
      output: { text: JSON.stringify({ seq: 1, hash: result.record.hash, prev: GENESIS, pr: 12, commit: prFacts().mergeCommitSha }) },
    });
    // The first record has no record before it: no copy.
    expect(gh.mock.sent("POST", "/repos/org/charter/check-runs")).toHaveLength(1);
    gh.mock.assertAllDone();
  });

  it("writes the anchor a crashed writer left unwritten when the close is delivered again, and only then", async () => {
    const gh = new FakeGitHub();
    const input = closeOf();
    await recordClosedPullRequest(createTestOctokit(), input);
    gh.runs = []; // the process died between the comment and the check run
    expect(await recordClosedPullRequest(createTestOctokit(), input)).toMatchObject({ status: "already-recorded" });
    expect(gh.runs).toHaveLength(1);
    expect(await recordClosedPullRequest(createTestOctokit(), input)).toMatchObject({ status: "already-recorded" });
    expect(gh.runs).toHaveLength(1);
  });

  describe("the last record's comment edited, by GitHub's lastEditedAt (never updated_at), its anchor missing after a crash", () => {
    const A = "a".repeat(40);
    const closeIn = (number: number, commit: string, hour: number) =>
      closeOf({ facts: prFacts({ number, closedAt: `2026-12-01T0${hour}:00:00Z`, mergeCommitSha: commit }), now: new Date(`2026-12-01T0${hour}:00:30Z`) });
    async function crashedHead() {
      const gh = new FakeGitHub();
      const first = await recordClosedPullRequest(createTestOctokit(), closeIn(12, A, 1));
      if (first.status !== "recorded") throw new Error(first.status);
      gh.runs = []; // the process died between the comment and the check run
      return { gh, first, comment: gh.issues[0]!.comments[0]! };
    }

    it("a reaction (updated_at moved, lastEditedAt null) is no edit: the next record chains onto it", async () => {
      const { first, comment } = await crashedHead();
      comment.updated_at = "2026-12-01T01:30:00Z";
      const second = await recordClosedPullRequest(createTestOctokit(), closeIn(13, "b".repeat(40), 2));
      expect(second).toMatchObject({ status: "recorded", record: { seq: 2, prev: first.record.hash } });
    });

    it("an edit by another user stops nothing: the next record is written, from the text as it stands, and verify names the head edited by them and unanchored", async () => {
      const { first, comment } = await crashedHead();
      comment.updated_at = comment.last_edited_at = "2026-12-01T01:30:00Z";
      comment.editor = "mallory";
      const second = await recordClosedPullRequest(createTestOctokit(), closeIn(13, "b".repeat(40), 2));
      expect(second).toMatchObject({ status: "recorded", record: { seq: 2, prev: first.record.hash } });
      const verified = await verifyLog(createTestOctokit(), { owner: "org", repo: "charter" }, { labels: ["transparency"], appLogin: APP_LOGIN, appId: APP_ID });
      expect(verified.problems.map((p) => [p.seq, p.problem])).toEqual([[1, "edited"], [1, "unanchored"]]);
      expect(verified.problems[0]!.detail).toContain("by mallory");
    });
  });

  describe("the copy of each anchor on the previous record's commit", () => {
    const A = "a".repeat(40);
    const B = "b".repeat(40);
    const C = "c".repeat(40);
    /** The close of PR `number`, merged in `commit`, recorded an hour after the one before. */
    const mergedIn = (number: number, commit: string, hour: number) =>
      closeOf({ facts: prFacts({ number, closedAt: `2026-12-01T0${hour}:00:00Z`, mergeCommitSha: commit }), now: new Date(`2026-12-01T0${hour}:00:30Z`) });
    const texts = (gh: FakeGitHub, sha: string) => gh.runs.filter((r) => r.head_sha === sha).map((r) => JSON.parse(r.text ?? "null") as Record<string, unknown>);

    it("writes record N's anchor on its commit and a copy, naming that commit, on record N-1's", async () => {
      const gh = new FakeGitHub();
      const first = await recordClosedPullRequest(createTestOctokit(), mergedIn(12, A, 1));
      const second = await recordClosedPullRequest(createTestOctokit(), mergedIn(13, B, 2));
      if (first.status !== "recorded" || second.status !== "recorded") throw new Error("not recorded");
      expect(texts(gh, B)).toEqual([{ seq: 2, hash: second.record.hash, prev: first.record.hash, pr: 13, commit: B }]);
      expect(texts(gh, A)).toEqual([
        { seq: 1, hash: first.record.hash, prev: GENESIS, pr: 12, commit: A },
        { seq: 2, hash: second.record.hash, prev: first.record.hash, pr: 13, commit: B },
      ]);
      const copy = gh.mock.sent("POST", "/repos/org/charter/check-runs").find((r) => (r.body as { head_sha: string }).head_sha === A && (r.body as { external_id: string }).external_id === "record-2-follows");
      expect((copy?.body as { output: { summary: string } }).output.summary).toContain("This is a copy, written on the commit of record 1");
    });

    it("writes a copy a crashed writer left unwritten when the close is delivered again, and only then", async () => {
      const gh = new FakeGitHub();
      await recordClosedPullRequest(createTestOctokit(), mergedIn(12, A, 1));
      await recordClosedPullRequest(createTestOctokit(), mergedIn(13, B, 2));
      gh.runs = gh.runs.filter((r) => !(r.head_sha === A && r.text?.includes('"seq":2')));
      expect(await recordClosedPullRequest(createTestOctokit(), mergedIn(13, B, 2))).toMatchObject({ status: "already-recorded" });
      expect(texts(gh, A).map((t) => t.seq)).toEqual([1, 2]);
      expect(texts(gh, B).map((t) => t.seq)).toEqual([2]);
      expect(await recordClosedPullRequest(createTestOctokit(), mergedIn(13, B, 2))).toMatchObject({ status: "already-recorded" });
      expect(gh.runs).toHaveLength(3);
    });

    it("never reuses the seq of a record deleted from the end of the log whose commit left the default branch: its copy is found", async () => {
      const gh = new FakeGitHub();
      await recordClosedPullRequest(createTestOctokit(), mergedIn(12, A, 1));
      const second = await recordClosedPullRequest(createTestOctokit(), mergedIn(13, B, 2));
      if (second.status !== "recorded") throw new Error(second.status);
      // An administrator rewinds the branch past B and deletes record 2.
      gh.history = gh.history.filter((h) => h.oid !== B);
      const log = gh.issue(second.issueNumber);
      log.comments = log.comments.filter((c) => parseRecordComment(c.body)?.record?.seq !== 2);
      const third = await recordClosedPullRequest(createTestOctokit(), mergedIn(14, C, 3));
      expect(third).toMatchObject({ status: "recorded", record: { seq: 3, prev: second.record.hash } });
      // Its copy goes on the commit of the record it chained to, so the walk goes on from there.
      expect(texts(gh, B).map((t) => t.seq)).toEqual([2, 3]);
    });
  });

  describe("the chain goes on whatever was done to the log (attack3 6c1a5ee, f11c916)", () => {
    const A = "a".repeat(40);
    const B = "b".repeat(40);
    const C = "c".repeat(40);
    const mergedIn = (number: number, commit: string, hour: number) =>
      closeOf({ facts: prFacts({ number, closedAt: `2026-12-01T0${hour}:00:00Z`, mergeCommitSha: commit }), now: new Date(`2026-12-01T0${hour}:00:30Z`) });
    const recorded = async (gh: FakeGitHub, number: number, commit: string, hour: number) => {
      const r = await recordClosedPullRequest(createTestOctokit(), mergedIn(number, commit, hour));
      if (r.status !== "recorded") throw new Error(r.status);
      return r;
    };

    it("an unreadable last record (its JSON broken by an administrator) stops nothing: the next goes on past it, from its anchor", async () => {
      const gh = new FakeGitHub();
      await recorded(gh, 12, A, 1);
      const second = await recorded(gh, 13, B, 2);
      const broken = gh.issue(second.issueNumber).comments[1]!;
      broken.body = broken.body.replace('"seq"', '"seq" broken');
      expect(parseRecordComment(broken.body)?.record).toBeNull();
      const third = await recordClosedPullRequest(createTestOctokit(), mergedIn(14, C, 3));
      expect(third).toMatchObject({ status: "recorded", record: { seq: 3, prev: second.record.hash } });
    });

    it("a log without its label is still the app's log: found by its author, the chain goes on in it", async () => {
      const gh = new FakeGitHub();
      const first = await recorded(gh, 12, A, 1);
      gh.issue(first.issueNumber).labels = [];
      const second = await recordClosedPullRequest(createTestOctokit(), mergedIn(13, B, 2));
      expect(second).toMatchObject({ status: "recorded", issueNumber: first.issueNumber, record: { seq: 2, prev: first.record.hash } });
      expect(gh.issues).toHaveLength(1);
    });

    it("a log issue deleted with every record on it: the chain is not started again, it goes on from the highest anchor", async () => {
      const gh = new FakeGitHub();
      await recorded(gh, 12, A, 1);
      const second = await recorded(gh, 13, B, 2);
      gh.issues = gh.issues.filter((i) => i.number !== second.issueNumber);
      const third = await recordClosedPullRequest(createTestOctokit(), mergedIn(14, C, 3));
      expect(third).toMatchObject({ status: "recorded", record: { seq: 3, prev: second.record.hash } });
      // Its copy goes on the commit of the record it chained to.
      expect(gh.runs.filter((r) => r.head_sha === B).map((r) => JSON.parse(r.text ?? "null") as { seq: number }).map((t) => t.seq)).toEqual([2, 3]);
    });
  });

  it("chains onto the app's own log only: a look-alike log and record by a workflow's bot are ignored", async () => {
    const gh = new FakeGitHub();
    const mine = chainOf(2, "org/charter");
    logIssue(gh, "2026-11", mine);
    // A writer's workflow opens December's log first, with a forged record 3.
    const forged = gh.addIssue({ title: "Transparency log: 2026-12", body: renderLogIssueBody("2026-12", "en"), login: "github-actions[bot]" });
    gh.addComment(forged, renderRecordComment(chainOf(3)[2]!, { lang: "en" }), "github-actions[bot]");
    const result = await recordClosedPullRequest(createTestOctokit(), closeOf({ authorSector: null }));
    expect(result).toMatchObject({ status: "recorded", issueNumber: 3 });
    expect(gh.issue(3).login).toBe(APP_LOGIN);
    expect(recordsOf(gh.issue(3))).toEqual([expect.objectContaining({ seq: 3, prev: mine[1]!.hash })]);
  });
});
