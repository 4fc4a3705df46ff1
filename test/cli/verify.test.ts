import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runVerify } from "../../src/cli/verify.js";
import { hashRecord, type DecisionRecord } from "../../src/core/record.js";
import { renderLogIssueBody, renderRecordComment } from "../../src/render/record.js";
import { setupNock, teardownNock } from "../helpers/probot.js";
import { chainOf } from "../transparency/builders.js";
import { API, captureIO, governedFake, POLICY } from "../transparency/cli-setup.js";
import { mockGitHub, serveAppBySlug, serveGovernance } from "../helpers/github-mocks.js";
import { APP_ID, FakeGitHub } from "../transparency/fake-github.js";
import { buildRecord } from "../../src/core/record.js";
import { GENESIS } from "../../src/core/chain.js";
import { anchorText } from "../../src/transparency/anchor.js";
import { kind, kindResult, prFacts, signoff } from "../transparency/builders.js";

const chain = chainOf(5);
const [r1, r2, r3, r4, r5] = chain as [DecisionRecord, DecisionRecord, DecisionRecord, DecisionRecord, DecisionRecord];

/** Records 1-3 in the October log, 4-5 in November's (given as lists to tamper with). */
function seed(gh: FakeGitHub, oct: Array<DecisionRecord | string>, nov: Array<DecisionRecord | string>) {
  for (const [period, list] of [["2026-10", oct], ["2026-11", nov]] as const) {
    const issue = gh.addIssue({ title: `Transparency log: ${period}`, body: renderLogIssueBody(period, "en"), state: period === "2026-10" ? "closed" : "open" });
    gh.addComment(issue, "A reader's comment: #1 @bob", "reader");
    for (const r of list) gh.addComment(issue, typeof r === "string" ? r : renderRecordComment(r, { lang: "en" }));
  }
}

const edited = (() => {
  const { hash, ...rest } = { ...r2, title: "Quietly changed" };
  return { ...rest, hash } as DecisionRecord;
})();
const forged = (() => {
  const { hash: _h, ...rest } = { ...r4, pr: 666 };
  return { ...rest, hash: hashRecord(rest) } as DecisionRecord;
})();

describe("verify", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("says intact, with the count and the head, reading every page", async () => {
    const gh = governedFake({ pageSize: 2 });
    seed(gh, [r1, r2, r3], [r4, r5]);
    const io = captureIO();
    expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance"], io)).toBe(0);
    expect(io.out()).toBe(`intact: 5 records, head ${r5.hash}\n`);
    gh.mock.assertAllDone();
  });

  it("verifies up to a period", async () => {
    const gh = governedFake();
    seed(gh, [r1, r2, r3], [r4, "tampered beyond repair <!-- partnership-governance:record pr=105 closed=x -->"]);
    const io = captureIO();
    expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance", "--period", "2026-10"], io)).toBe(0);
    expect(io.out()).toBe(`intact: 3 records, head ${r3.hash}\n`);
  });

  it.each([
    ["edited", [r1, edited, r3], [r4, r5], "record 2 (pull request 102) was edited"],
    ["deleted", [r1, r3], [r4, r5], "record 2 (pull request unknown) was deleted"],
    ["deleted across periods", [r1, r2, r3], [r5], "record 4 (pull request unknown) was deleted"],
    ["inserted", [r1, r2, r3], [forged, r4, r5], "record 4 (pull request 666) was inserted"],
    ["reordered", [r1, r3, r2], [r4, r5], "record 2 (pull request 102) was moved out of order"],
    ["unreadable", [r1, r2, "<!-- partnership-governance:record pr=103 closed=x -->\nGone."], [r4, r5], "record ? (pull request 103) was made unreadable"],
  ] as const)("names the first %s record", async (_n, oct, nov, message) => {
    const gh = governedFake();
    seed(gh, [...oct], [...nov]);
    const io = captureIO();
    expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance"], io)).toBe(1);
    expect(io.out().split("\n")[0]).toBe(`tampered: ${message}`);
    expect(io.out()).toMatch(/\nat https:\/\/github\.com\/org\/charter\/issues\/\d+#issuecomment-\d+\ndetail: /);
  });

  it("still verifies when the repository's policy cannot be read", async () => {
    const gh = governedFake({ policy: null });
    serveGovernance(gh.mock, { owner: "org", repo: ".github", policy: null });
    seed(gh, [r1], []);
    const io = captureIO();
    expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance"], io)).toBe(0);
    expect(io.out()).toBe(`intact: 1 record, head ${r1.hash}\n`);
  });

  it.each([
    [[], "--repo OWNER/NAME is needed"],
    [["--repo", "nope"], "`nope` is not a repository"],
    [["--repo", "org/charter", "--period", "2026-13"], "`2026-13` is not a period"],
    [["--repo", "org/charter", "--dry-run"], "`--dry-run` is not an option"],
    [["--repo", "org/charter", "extra"], "Unexpected argument"],
  ])("exits 2 on a usage error: %j", async (argv, message) => {
    const io = captureIO();
    expect(await runVerify(argv, io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err()).toContain("Usage: partnership-governance verify");
  });

  it("exits 2 without credentials", async () => {
    const io = captureIO({});
    expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance"], io)).toBe(2);
    expect(io.err()).toContain("No GitHub credentials");
  });

  it("exits 2 when GitHub fails", async () => {
    const mock = mockGitHub({ baseUrl: API });
    serveAppBySlug(mock, { id: 4242, slug: "partnership-governance" });
    serveGovernance(mock, { owner: "org", repo: "charter", policy: POLICY });
    mock.get("/repos/org/charter/issues?state=all&creator=partnership-governance%5Bbot%5D&per_page=100", {
      status: 401,
      body: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" },
    });
    const io = captureIO();
    expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance"], io)).toBe(2);
    expect(io.err()).toContain("GitHub could not be read or written: Bad credentials");
    mock.assertAllDone();
  });

  describe("with anchors (v2 records)", () => {
    /** `n` v2 records, each merged in its own commit on the default branch and anchored there. */
    function anchoredChain(gh: FakeGitHub, n: number): DecisionRecord[] {
      const out: DecisionRecord[] = [];
      for (let seq = 1; seq <= n; seq++) {
        const commit = String(seq).repeat(40).slice(0, 40).replace(/[^0-9]/g, "0");
        const r = buildRecord({
          repo: "org/charter",
          seq,
          prev: out[seq - 2]?.hash ?? GENESIS,
          facts: prFacts({ number: 200 + seq, closedAt: `2026-11-0${seq}T12:00:00Z`, mergeCommitSha: commit }),
          signoff: signoff([kindResult(kind("charter"), { government: ["bob"], business: ["carol"] })]),
          authorSector: "civil-society",
          rules: "f".repeat(40),
        });
        gh.addCommit(commit, `2026-11-0${seq}T12:00:00Z`);
        // As the app writes them: on its commit, and a copy on the commit of the record before.
        gh.runs.push({ id: 80000 + seq, head_sha: commit, name: "Transparency record", app_id: APP_ID, text: anchorText(r, commit) });
        if (seq > 1) gh.runs.push({ id: 81000 + seq, head_sha: out[seq - 2]!.merge_commit!, name: "Transparency record", app_id: APP_ID, text: anchorText(r, commit) });
        out.push(r);
      }
      return out;
    }
    const logOf = (gh: FakeGitHub, records: Array<DecisionRecord | string>) => {
      const issue = gh.addIssue({ title: "Transparency log: 2026-11", body: renderLogIssueBody("2026-11", "en") });
      return { issue, comments: records.map((r) => gh.addComment(issue, typeof r === "string" ? r : renderRecordComment(r, { lang: "en" }))) };
    };
    const json = (io: ReturnType<typeof captureIO>) => JSON.parse(io.out()) as { ok: boolean; count: number; head: string | null; problems: Array<{ seq: number | null; pr: number | null; problem: string; url: string | null }> };

    it("prints the SPEC's JSON: intact, with the count and the head", async () => {
      const gh = governedFake();
      const records = anchoredChain(gh, 3);
      logOf(gh, records);
      const io = captureIO();
      expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance", "--json"], io)).toBe(0);
      expect(json(io)).toEqual({ ok: true, count: 3, head: records[2]!.hash, problems: [] });
    });

    it("names a record comment edited at all, even when its text still hashes, and who edited it", async () => {
      const gh = governedFake();
      const { comments } = logOf(gh, anchoredChain(gh, 3));
      // An edit that changed nothing, by an administrator.
      Object.assign(comments[1]!, { updated_at: "2026-11-20T00:00:00Z", last_edited_at: "2026-11-20T00:00:00Z", editor: "mallory" });
      const io = captureIO();
      expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance", "--json"], io)).toBe(1);
      expect(json(io).problems).toEqual([{ seq: 2, pr: 202, problem: "edited", url: expect.stringContaining(`#issuecomment-${comments[1]!.id}`) }]);
      const text = captureIO();
      expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance"], text)).toBe(1);
      expect(text.out() + text.err()).toContain("the comment was edited by mallory at 2026-11-20T00:00:00Z");
    });

    it("takes a record comment someone reacted to for what it is: intact (a reaction moves updated_at, it is no edit)", async () => {
      const gh = governedFake();
      const records = anchoredChain(gh, 3);
      const { comments } = logOf(gh, records);
      comments[2]!.updated_at = "2026-11-20T00:00:00Z"; // a 👍 on the last record
      const io = captureIO();
      expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance", "--json"], io)).toBe(0);
      expect(json(io)).toEqual({ ok: true, count: 3, head: records[2]!.hash, problems: [] });
    });

    it("catches an edit that recomputes the hash and the chain after it: the anchor still says the old hash", async () => {
      const gh = governedFake();
      const records = anchoredChain(gh, 2);
      // The last record rewritten by an administrator with a consistent hash (posted anew, so no edit mark).
      const { hash: _h, ...rest } = { ...records[1]!, signed_off: false };
      const rewritten = { ...rest, hash: hashRecord(rest) } as DecisionRecord;
      logOf(gh, [records[0]!, rewritten]);
      const io = captureIO();
      expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance", "--json"], io)).toBe(1);
      expect(json(io).problems).toEqual([expect.objectContaining({ seq: 2, pr: 202, problem: "edited" })]);
    });

    it("catches an administrator who deletes the last record: its anchor remains", async () => {
      const gh = governedFake();
      const records = anchoredChain(gh, 3);
      logOf(gh, records.slice(0, 2));
      const io = captureIO();
      expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance", "--json"], io)).toBe(1);
      // Named from its anchor on the default branch (read back to the app's creation), or from the
      // copy on record 2's commit (the next test takes the branch away).
      expect(json(io).problems).toEqual([{ seq: 3, pr: null, problem: "deleted", url: expect.stringMatching(/\/runs\/8[01]003$/) }]);
    });

    it("catches a deleted last record whose commit is on no branch and in no PR: the copy of its anchor on the record before leads to it", async () => {
      const gh = governedFake();
      const records = anchoredChain(gh, 3);
      // The administrator rewinds the default branch past record 3's commit, then deletes record 3.
      gh.history = gh.history.filter((h) => h.oid !== records[2]!.merge_commit);
      logOf(gh, records.slice(0, 2));
      const io = captureIO();
      expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance", "--json"], io)).toBe(1);
      expect(json(io).problems).toEqual([{ seq: 3, pr: null, problem: "deleted", url: expect.stringContaining("/runs/81003") }]);
    });

    it("follows the copies past several deleted records, naming each", async () => {
      const gh = governedFake();
      const records = anchoredChain(gh, 5);
      const gone = new Set(records.slice(2).map((r) => r.merge_commit));
      gh.history = gh.history.filter((h) => !gone.has(h.oid));
      logOf(gh, records.slice(0, 2));
      const io = captureIO();
      expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance", "--json"], io)).toBe(1);
      expect(json(io).problems.map((p) => [p.seq, p.problem])).toEqual([[3, "deleted"], [4, "deleted"], [5, "deleted"]]);
    });

    it("reads anchors back to the app's creation: a chain started again over records hidden from the log (their log deleted) is caught, however much history lies between (attack3 f11c916)", async () => {
      const gh = governedFake();
      // Records 1 and 2 in September, each anchored on its merge commit; their log is deleted.
      const old = anchoredChain(gh, 2).map((r, i) => ({ r, day: `2026-09-1${i}T12:00:00Z` }));
      gh.history = gh.history.map((h, i) => ({ ...h, committedDate: old[old.length - 1 - i]!.day }));
      // More than two pages of other commits between, all older than the period before the log's.
      for (let i = 0; i < 120; i++) gh.addCommit(`e${String(i).padStart(39, "0")}`, "2026-09-25T12:00:00Z");
      // A chain started again at record 1 in November, anchored on its own commit.
      const restart = buildRecord({
        repo: "org/charter", seq: 1, prev: GENESIS,
        facts: prFacts({ number: 300, closedAt: "2026-11-05T12:00:00Z", mergeCommitSha: "d".repeat(40) }),
        signoff: signoff([kindResult(kind("charter"), { government: ["bob"] })]), authorSector: null, rules: "f".repeat(40),
      });
      gh.addCommit("d".repeat(40), "2026-11-05T12:00:00Z");
      gh.runs.push({ id: 82001, head_sha: "d".repeat(40), name: "Transparency record", app_id: APP_ID, text: anchorText(restart, "d".repeat(40)) });
      logOf(gh, [restart]);
      const io = captureIO();
      expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance", "--json"], io)).toBe(1);
      expect(json(io).problems.map((p) => [p.seq, p.problem])).toEqual([[1, "edited"], [2, "deleted"]]);
    });

    it("names an issue the app opened whose title and marker were both edited away", async () => {
      const gh = governedFake();
      const records = anchoredChain(gh, 2);
      const { issue } = logOf(gh, records);
      Object.assign(issue, { title: "Minutes", body: "Nothing to see" });
      const io = captureIO();
      expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance", "--json"], io)).toBe(1);
      // The issue, and its records: no longer on any log the app finds.
      expect(json(io).problems.map((p) => [p.seq, p.problem])).toEqual([[1, "deleted"], [2, "deleted"], [null, "edited"]]);
    });

    it("names a v2 record without its anchor, and a record or a log written by anyone but the app as foreign", async () => {
      const gh = governedFake();
      const records = anchoredChain(gh, 2);
      gh.runs = gh.runs.filter((r) => r.id !== 80002);
      const { issue } = logOf(gh, records);
      gh.addComment(issue, renderRecordComment(chainOf(3)[2]!, { lang: "en" }), "github-actions[bot]");
      gh.addIssue({ title: "Transparency log: 2026-12", body: renderLogIssueBody("2026-12", "en"), login: "mallory" });
      const io = captureIO();
      expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance", "--json"], io)).toBe(1);
      expect(json(io).problems.map((p) => [p.seq, p.problem])).toEqual([[2, "unanchored"], [3, "foreign"], [null, "foreign"]]);
    });

    it("takes no anchor from another app's check run, even when GitHub's answer holds it (the query's app filter not applied)", async () => {
      const gh = governedFake();
      const records = anchoredChain(gh, 2);
      // Record 2's anchor and its copy were never written (a crash); another app writes a
      // `Transparency record` run for it. The fake answers every app's suites, as GitHub would if
      // the query's filter were not applied: only the app's own runs are anchors.
      gh.runs = gh.runs.filter((r) => r.id !== 80002 && r.id !== 81002);
      const commit = records[1]!.merge_commit!;
      gh.runs.push({ id: 90002, head_sha: commit, name: "Transparency record", app_id: APP_ID + 1, text: anchorText(records[1]!, commit) });
      logOf(gh, records);
      const io = captureIO();
      expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance", "--json"], io)).toBe(1);
      expect(json(io).problems.map((p) => [p.seq, p.problem])).toEqual([[2, "unanchored"]]);
    });

    /**
     * `verify` of a year of 365 anchored records in twelve monthly logs, with `others` more commits
     * on the default branch (no decision): the requests it sent.
     */
    async function verifyYear(others: number): Promise<number> {
      const gh = new FakeGitHub({ baseUrl: API, maxIssues: 13, maxComments: 400 });
      serveGovernance(gh.mock, { owner: "org", repo: "charter", policy: POLICY });
      const records: DecisionRecord[] = [];
      for (let seq = 1; seq <= 365; seq++) {
        const commit = seq.toString(16).padStart(40, "0");
        const day = new Date(Date.UTC(2026, 0, seq)).toISOString().replace(/\.\d{3}Z$/, "Z");
        const r = buildRecord({
          repo: "org/charter", seq, prev: records[seq - 2]?.hash ?? GENESIS,
          facts: prFacts({ number: 1000 + seq, closedAt: day, mergeCommitSha: commit }),
          signoff: signoff([kindResult(kind("charter"), { government: ["bob"] })]), authorSector: null, rules: "f".repeat(40),
        });
        gh.addCommit(commit, day);
        gh.runs.push({ id: 90000 + seq, head_sha: commit, name: "Transparency record", app_id: APP_ID, text: anchorText(r, commit) });
        if (seq > 1) gh.runs.push({ id: 91000 + seq, head_sha: records[seq - 2]!.merge_commit!, name: "Transparency record", app_id: APP_ID, text: anchorText(r, commit) });
        records.push(r);
      }
      for (let i = 0; i < others; i++) gh.addCommit(`e${i.toString(16).padStart(39, "0")}`, "2026-12-31T12:00:00Z");
      for (let month = 1; month <= 12; month++) {
        const period = `2026-${String(month).padStart(2, "0")}`;
        const issue = gh.addIssue({ title: `Transparency log: ${period}`, body: renderLogIssueBody(period, "en") });
        for (const r of records.filter((x) => x.closed_at.startsWith(period))) gh.addComment(issue, renderRecordComment(r, { lang: "en" }));
      }
      const io = captureIO();
      expect(await runVerify(["--repo", "org/charter", "--app", "partnership-governance", "--json"], io)).toBe(0);
      expect(JSON.parse(io.out())).toMatchObject({ ok: true, count: 365 });
      return gh.mock.requests.length;
    }

    it("verifies a year of records (365, in twelve monthly logs) in requests that grow with pages, not records", async () => {
      // 1 app look-up, 1 read of the policy, 1 page of the app's issues and 1 of the labelled ones
      // (look-alikes), 12 pages of comments (GraphQL, with each comment's edit time and editor), 8
      // queries of the default branch's history back to the app's creation (50 commits each, with
      // their anchors: every record's commit is among them, and the copies of the next records'
      // anchors come in the same answers), 1 of closed PRs.
      expect(await verifyYear(0)).toBe(25);
    }, 120_000);

    it("verifies a year of records among 1,000 other commits in 20 more requests: one per page of history", async () => {
      expect(await verifyYear(1000)).toBe(45);
    }, 120_000);

    it("exits 2 and asks which app when run with a token and no --app", async () => {
      governedFake();
      const io = captureIO();
      expect(await runVerify(["--repo", "org/charter"], io)).toBe(2);
      expect(io.err()).toContain("Which app wrote the record? Give --app SLUG");
    });
  });
});
