// Issue 14 end to end: the public record against insiders. Each attack is played on the stand-in
// as GitHub would let a writer or an administrator play it, then the record is read back and
// `verify` is run as an outsider runs it (the command line, with a token of its own).
import { afterEach, describe, expect, it } from "vitest";
import { GENESIS } from "../../src/core/chain.js";
import { expectedHash } from "../../src/core/record.js";
import { renderLogIssueBody, renderRecordComment } from "../../src/render/record.js";
import { DAY, HOUR } from "./harness.js";
import { POLICY, POLICY_PATH, REGISTRY, REGISTRY_PATH, World } from "./world.js";

let world: World | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

const CHARTER = { labels: ["decision:charter"] };
const PUPPETS = ["puppet1", "puppet2", "puppet3"];
/** The registry with three accounts of the attacker's, declared in three sectors. */
const withPuppets = (ids: (login: string) => number) =>
  REGISTRY.replace(
    "stakeholders:\n",
    `stakeholders:\n${PUPPETS.map((p, i) => `  - login: ${p}\n    id: ${ids(p)}\n    sector: ${["government", "business", "civil-society"][i]}\n    organisation: Front ${i}\n    declared: 2026-11-01\n    interests: none\n`).join("")}`,
  );

async function signedOffByThree(w: World, number: number): Promise<void> {
  for (const who of ["bob", "carol", "dan"]) await w.approve(number, who);
}

describe("closes are judged by the default branch before the merge, whatever the merge method", () => {
  it("rebase merge: sock puppets declared in the PR's first commit neither sign off the PR nor its override", async () => {
    const w = (world = await World.create());
    const pr = await w.openPull({ author: "alice", title: "Amend article 4", files: { [REGISTRY_PATH]: withPuppets(w.userId), "CHARTER.md": "# Charter v2\n" }, ...CHARTER });
    w.clock.advance(HOUR);
    await w.push(pr, { "CHARTER.md": "# Charter v3\n" });
    for (const p of PUPPETS) await w.approve(pr, p);
    await w.settle();
    const before = w.repo.branches.get(w.repo.defaultBranch);
    w.clock.advance(HOUR);
    const merged = await w.merge(pr, "rebase"); // an administrator's override
    await w.settle();

    const [r] = w.records();
    expect(r?.record).toMatchObject({ pr, outcome: "adopted", signed_off: false, approvals: {}, rules: before, merge_commit: merged });
    expect(await w.verify()).toMatchObject({ code: 0, ok: true, count: 1 });
  });

  it("rebase merge: commits that remove a decision kind, change the charter and restore the kind leave it on the record", async () => {
    const w = (world = await World.create());
    const noCharter = POLICY.replace(/  - id: charter\n(?:    .*\n)+/, "");
    const pr = await w.openPull({ author: "alice", title: "Quiet charter change", files: { [POLICY_PATH]: noCharter } });
    await w.push(pr, { "CHARTER.md": "# Charter, changed\n" });
    await w.push(pr, { [POLICY_PATH]: POLICY });
    const before = w.repo.branches.get(w.repo.defaultBranch);
    await w.merge(pr, "rebase");
    await w.settle();

    expect(w.records().map((r) => r.record)).toEqual([expect.objectContaining({ pr, kinds: ["charter"], signed_off: false, rules: before })]);
  });

  it("squash merge: judged by the squash commit's parent, signed off by three sectors", async () => {
    const w = (world = await World.create());
    const pr = await w.openPull({ author: "alice", title: "Amend article 5", files: { "CHARTER.md": "# v2\n" }, ...CHARTER });
    await w.push(pr, { "CHARTER.md": "# v3\n" });
    await signedOffByThree(w, pr);
    await w.settle();
    const before = w.repo.branches.get(w.repo.defaultBranch);
    const merged = await w.merge(pr, "squash");
    await w.settle();
    expect(w.records().map((r) => r.record)).toEqual([expect.objectContaining({ pr, signed_off: true, rules: before, merge_commit: merged, head: merged })]);
  });

  it("a PR based on a branch the writer controls is never recorded, whatever that branch's registry says", async () => {
    const w = (world = await World.create());
    // staging is branched from the default branch (its policy with it); the writer adds puppets there.
    w.repo.branches.set("staging", w.repo.branches.get(w.repo.defaultBranch)!);
    w.standin.commit(w.repo, "staging", { [REGISTRY_PATH]: withPuppets(w.userId) }, { at: w.clock.now() });
    const pr = await w.openPull({ author: "alice", title: "Adopt on staging", files: { "CHARTER.md": "# v2\n" }, base: "staging", ...CHARTER });
    for (const p of PUPPETS) await w.approve(pr, p);
    await w.merge(pr);
    await w.settle();
    expect(w.records()).toEqual([]);
  });
});

describe("a close recorded late counts nothing done after it", () => {
  it("after downtime longer than a period: the missed merge is recorded, with the objection dismissed and the label removed after it", async () => {
    const w = (world = await World.create({ start: "2026-11-02T10:00:00Z" }));
    const first = await w.openPull({ author: "alice", title: "First", files: { "CHARTER.md": "# v2\n" }, ...CHARTER });
    await signedOffByThree(w, first);
    await w.merge(first);
    await w.settle();

    const pr = await w.openPull({ author: "alice", title: "Second", files: { "README.md": "# v2\n" }, ...CHARTER });
    const objection = await w.review(pr, "carol", "CHANGES_REQUESTED");
    await w.settle();
    // The app goes down; an administrator merges, then dismisses the objection and removes the label.
    w.clock.advance(HOUR);
    w.standin.merge(w.repo, pr, w.clock.now());
    w.clock.advance(HOUR);
    w.standin.dismissReview(w.repo, pr, objection, "secretariat", w.clock.now());
    w.standin.setLabels(w.repo, pr, [], "secretariat", w.clock.now());
    // Two months later the app is back.
    w.clock.advance(70 * DAY);
    await w.sweepUntilQuiet();

    const records = w.records().map((r) => r.record);
    expect(records).toEqual([
      expect.objectContaining({ pr: first, seq: 1 }),
      expect.objectContaining({ pr, seq: 2, kinds: ["charter"], signed_off: false, objections: [{ login: "carol", sector: "business" }] }),
    ]);
    expect(await w.verify()).toMatchObject({ code: 0, ok: true, count: 2 });
  });
});

describe("only the app writes the record", () => {
  it("a workflow's look-alike log with a forged record 1 is ignored by the app and named by verify", async () => {
    const w = (world = await World.create());
    const forgedRecord = { ...(await decisionRecordShape(w)), hash: "0".repeat(64) };
    const fake = w.standin.openIssue(w.repo, { user: "github-actions[bot]", title: "Transparency log: 2026-11", body: renderLogIssueBody("2026-11", "en"), labels: ["transparency"] });
    w.standin.addComment(w.repo, fake.number, { user: "github-actions[bot]", body: renderRecordComment(forgedRecord as never, { lang: "en" }) });
    const pr = await w.openPull({ author: "alice", title: "Amend", files: { "CHARTER.md": "# v2\n" }, ...CHARTER });
    await signedOffByThree(w, pr);
    await w.merge(pr);
    await w.settle();

    const records = w.records();
    expect(records.map((r) => [r.pr, r.record?.seq, r.record?.prev])).toEqual([[pr, 1, GENESIS]]);
    expect(records[0]?.issue).not.toBe(fake.number);
    const verified = await w.verify();
    expect(verified).toMatchObject({ code: 1, ok: false, count: 1 });
    // The look-alike issue is named; nothing on it is read as a record.
    expect(verified.problems.map((p) => [p.seq, p.problem, p.url])).toEqual([[null, "foreign", expect.stringContaining(`/issues/${fake.number}`)]]);
  });
});

describe("edits and deletions of the record are seen", () => {
  async function twoRecords(w: World) {
    for (const title of ["One", "Two"]) {
      const pr = await w.openPull({ author: "alice", title, files: { "CHARTER.md": `# ${title}\n` }, ...CHARTER });
      await signedOffByThree(w, pr);
      await w.merge(pr);
      await w.settle();
      w.clock.advance(HOUR);
    }
    return w.recordComments();
  }

  async function thirdRecord(w: World) {
    const pr = await w.openPull({ author: "alice", title: "Three", files: { "CHARTER.md": "# Three\n" }, ...CHARTER });
    await signedOffByThree(w, pr);
    await w.merge(pr);
    await w.settle();
    return w.records().at(-1)?.record;
  }

  /** Rewrites a record comment as not signed off, its hash recomputed (as `editor`, at `at`); returns the forgery. */
  function rewrite(w: World, c: { id: number; record: Record<string, unknown> }, at: Date, editor?: string) {
    const { hash: _h, ...rest }: Record<string, unknown> = { ...c.record, signed_off: false };
    const forged = { ...rest, hash: expectedHash(rest) };
    w.standin.editComment(c.id, renderRecordComment(forged as never, { lang: "en" }), at, editor);
    return forged;
  }

  it("an administrator who edits the last record and recomputes its hash: verify names it, the next record chains onto the true one", async () => {
    const w = (world = await World.create());
    const [, second] = await twoRecords(w);
    const original = second!.record;
    rewrite(w, second!, w.clock.now());

    const verified = await w.verify();
    expect(verified.problems).toEqual(expect.arrayContaining([expect.objectContaining({ seq: 2, problem: "edited" })]));
    const third = await thirdRecord(w);
    expect(third).toMatchObject({ seq: 3, prev: original.hash });
  });

  it("a writer edits a record comment without changing a character: verify names it edited, and by whom", async () => {
    const w = (world = await World.create());
    const [, second] = await twoRecords(w);
    const comment = w.standin.commentJson(second!.id);
    w.clock.advance(HOUR);
    w.standin.editComment(second!.id, comment.body, w.clock.now(), "mallory");

    const verified = await w.verify();
    expect(verified).toMatchObject({ code: 1, ok: false, count: 2 });
    expect(verified.problems).toEqual([expect.objectContaining({ seq: 2, problem: "edited", url: comment.html_url })]);
    expect((await w.verifyText()).out).toContain(`the comment was edited by mallory at ${w.clock.now().toISOString().replace(/\.\d{3}Z$/, "Z")}`);
  });

  it("a reaction on a record comment is no edit (GitHub moves its updated_at all the same): verify says intact", async () => {
    const w = (world = await World.create());
    const [, second] = await twoRecords(w);
    w.clock.advance(HOUR);
    w.standin.react(second!.id, "erin", "+1", w.clock.now());
    expect(w.standin.commentJson(second!.id).updated_at).not.toBe(w.standin.commentJson(second!.id).created_at);

    expect(await w.verify()).toMatchObject({ code: 0, ok: true, count: 2, problems: [] });
    // And the app continues the chain from it as from any record.
    const third = await thirdRecord(w);
    expect(third).toMatchObject({ seq: 3, prev: second!.record.hash });
  });

  /** A crash between a record's comment and its anchor: no check run (nor copy) says its seq. */
  function dropAnchors(w: World, seq: number) {
    const kept = w.repo.checkRuns.filter((r) => r.name !== "Transparency record" || (JSON.parse(r.output.text ?? "{}") as { seq?: number }).seq !== seq);
    expect(kept.length).toBeLessThan(w.repo.checkRuns.length);
    w.repo.checkRuns.splice(0, w.repo.checkRuns.length, ...kept);
  }

  it("anyone's reaction on the last record, whose anchor a crash left unwritten, is no edit: the app still chains onto it", async () => {
    const w = (world = await World.create());
    const [, second] = await twoRecords(w);
    dropAnchors(w, 2);
    w.standin.react(second!.id, "erin", "+1", w.clock.now());
    expect(w.standin.commentJson(second!.id).updated_at).not.toBe(w.standin.commentJson(second!.id).created_at);

    // The app reads lastEditedAt, not updated_at: a reaction does not stop the record.
    const third = await thirdRecord(w);
    expect(third).toMatchObject({ seq: 3, prev: second!.record.hash });
  });

  it("a writer rewrites the last record in the second it was written (its updated_at still its created_at): the next record chains onto the anchor's true hash", async () => {
    const w = (world = await World.create());
    const [, second] = await twoRecords(w);
    const original = second!.record;
    const created = w.standin.commentJson(second!.id).created_at;
    rewrite(w, second!, new Date(created), "mallory");
    expect(w.standin.commentJson(second!.id).updated_at).toBe(created);

    const third = await thirdRecord(w);
    expect(third).toMatchObject({ seq: 3, prev: original.hash });
    // verify names record 2 (the comment edited, its anchor says otherwise), and nothing after it.
    const { problems } = await w.verify();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => [p.seq, p.problem])).toEqual(problems.map(() => [2, "edited"]));
  });

  it("a writer rewrites the last record whose anchor a crash left unwritten: the next close is still recorded (fail closed: on the record), and verify names the rewrite, by whom, and the missing anchor", async () => {
    const w = (world = await World.create());
    const [, second] = await twoRecords(w);
    dropAnchors(w, 2);
    rewrite(w, second!, w.clock.now(), "mallory");

    // Nothing says what record 2 was: the chain goes on from its text as it stands, rather than
    // letting one edit keep every later close off the record.
    const third = await thirdRecord(w);
    expect(w.recordComments().map((c) => c.record.seq)).toEqual([1, 2, 3]);
    expect(third).toMatchObject({ seq: 3 });
    const { code, out } = await w.verifyText();
    expect(code).toBe(1);
    expect(out).toContain("mallory");
    const verified = await w.verify();
    expect(verified.problems.map((p) => [p.seq, p.problem])).toEqual(expect.arrayContaining([[2, "edited"], [2, "unanchored"]]));
  });

  it("an administrator who deletes the last record: verify finds its anchor, the next record does not reuse its seq", async () => {
    const w = (world = await World.create());
    const [, second] = await twoRecords(w);
    w.standin.removeComment(second!.id);

    const verified = await w.verify();
    expect(verified).toMatchObject({ code: 1, ok: false, count: 1 });
    expect(verified.problems).toEqual([expect.objectContaining({ seq: 2, pr: null, problem: "deleted" })]);
    const third = await thirdRecord(w);
    expect(third).toMatchObject({ seq: 3, prev: second!.record.hash });
  });

  it("a record comment inserted by another app, and an anchor written by another app, are not the app's", async () => {
    const w = (world = await World.create());
    const [first] = await twoRecords(w);
    const log = w.logIssues()[0]!;
    w.standin.addComment(w.repo, log.number, { user: "evil-app[bot]", body: renderRecordComment({ ...first!.record, seq: 3 } as never, { lang: "en" }) });
    w.standin.addForeignCheckRun(w.repo, { appId: 999, sha: String(first!.record.merge_commit), name: "Transparency record", text: JSON.stringify({ seq: 9, hash: "f".repeat(64), prev: "0".repeat(64) }) });
    const verified = await w.verify();
    expect(verified.problems.map((p) => [p.seq, p.problem])).toEqual([[3, "foreign"]]);
  });
});

describe("nothing reaches the default branch off the record", () => {
  it("a direct push deleting the policy is recorded, by the rules before it, before governance stops", async () => {
    const w = (world = await World.create());
    const sha = await w.pushDefault({ [POLICY_PATH]: null }, { pusher: "bob" });
    await w.settle();
    expect(w.records().map((r) => r.record)).toEqual([
      expect.objectContaining({ v: 2, pr: null, outcome: "pushed", signed_off: false, merge_commit: sha, head: sha, pusher: "bob", author_sector: "government", kinds: ["governance"] }),
    ]);
    expect(w.anchors(sha)).toHaveLength(1);
    expect(await w.verify()).toMatchObject({ code: 0, ok: true, count: 1 });
  });

  it("a direct push changing a governed path is recorded; a push that is a PR's merge is recorded once, as the PR's close", async () => {
    const w = (world = await World.create());
    const sha = await w.pushDefault({ "CHARTER.md": "# Pushed\n" }, { pusher: "carol" });
    await w.pushDefault({ "README.md": "# Not governed\n" }, { pusher: "carol" });
    const pr = await w.openPull({ author: "alice", title: "Merged", files: { "CHARTER.md": "# v3\n" }, ...CHARTER });
    await signedOffByThree(w, pr);
    await w.merge(pr, "merge", { push: true });
    await w.settle();
    expect(w.records().map((r) => [r.record?.pr, r.record?.outcome, r.record?.merge_commit === sha])).toEqual([
      [null, "pushed", true],
      [pr, "adopted", false],
    ]);
  });
});

/** A record's shape (for a forgery), as the app would write it. */
async function decisionRecordShape(_w: World) {
  return { v: 2, repo: "partners/charter", seq: 1, prev: GENESIS, pr: 99, title: "Forged", author: "mallory", author_sector: "civil-society", kinds: ["charter"], outcome: "adopted", signed_off: true, approvals: {}, objections: [], opened_at: "2026-11-01T00:00:00Z", closed_at: "2026-11-02T00:00:00Z", merge_commit: null };
}
