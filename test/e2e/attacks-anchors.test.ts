// Attacks of the second red team (attack2 992e308, d999ce0, 257f84d) on the log and its anchors:
// a locked log issue (promise 2), and records deleted whose anchors are on commits that no longer
// sit on the default branch or at a PR's head (promise 3). Each failed on the code it was written
// against.
import { describe, expect, it } from "vitest";
import { HOUR } from "./harness.js";
import { worldPerTest } from "./world.js";

const createWorld = worldPerTest();
type World = Awaited<ReturnType<typeof createWorld>>;

/** A charter amendment signed off by three sectors and merged: the period's log exists. */
async function signedOffMerge(w: World, title: string, charter: string): Promise<{ pr: number; merge: string }> {
  const pr = await w.openPull({ author: "alice", title, files: { "CHARTER.md": charter } });
  for (const login of ["bob", "carol", "dan"]) await w.approve(pr, login);
  await w.settle();
  expect(w.signoff(pr)?.conclusion).toBe("success");
  const merge = await w.merge(pr);
  await w.settle();
  return { pr, merge };
}
describe("promise 2 (a writer, then an administrator): a locked log issue keeps nothing off the record", () => {
  it("a writer locks the period's Transparency log issue; the administrator's merge without sign-off that follows is still recorded", async () => {
    const w = await createWorld({ strict: false });
    // A first decision, signed off by three sectors and merged: the period's log issue exists.
    const { pr: first } = await signedOffMerge(w, "Amend article 1", "# Charter v2\n");
    const [log] = w.logIssues();
    expect(log).toBeDefined();
    expect(w.records().map((r) => r.pr)).toEqual([first]);

    // mallory, a writer, locks the log's conversation (GitHub lets anyone with write access lock
    // one; a GitHub App can no longer comment there).
    w.standin.lockIssue(w.repo, log!.number, "mallory");

    // An administrator then merges a charter amendment nobody signed off.
    const override = await w.openPull({ author: "alice", title: "Amend article 2", files: { "CHARTER.md": "# Charter v3\n" } });
    await w.settle();
    await w.merge(override);
    await w.settle();
    await w.sweepUntilQuiet();
    w.clock.advance(HOUR);
    await w.sweepUntilQuiet();

    // The override must be on the record (promise 2): on the log, or on a log the app can write.
    const recorded = w.records().find((r) => r.pr === override);
    expect(recorded, "the merge without sign-off is not on the record").toBeDefined();
    expect(recorded?.record).toMatchObject({ signed_off: false });
    // The app unlocked the log to write, and locked it again.
    expect(w.standin.item(w.repo, log!.number).locked).toBe(true);
  });

  it("the record is written by the close's own delivery, and the log is locked again with the writer's reason", async () => {
    const w = await createWorld();
    const { pr: first } = await signedOffMerge(w, "Amend article 1", "# Charter v2\n");
    const [log] = w.logIssues();
    w.standin.lockIssue(w.repo, log!.number, "mallory", "resolved");

    const override = await w.openPull({ author: "alice", title: "Amend article 2", files: { "CHARTER.md": "# Charter v3\n" } });
    await w.settle();
    await w.merge(override);
    await w.settle();

    expect(w.records().map((r) => [r.pr, r.record?.signed_off])).toEqual([
      [first, true],
      [override, false],
    ]);
    expect(w.standin.item(w.repo, log!.number)).toMatchObject({ locked: true, lockReason: "resolved" });
    expect(await w.verify()).toMatchObject({ ok: true, count: 2 });
  });

  it("when unlocking fails, the delivery fails, the log stays locked, and the next sweep writes the record", async () => {
    const w = await createWorld({ strict: false });
    const { pr: first } = await signedOffMerge(w, "Amend article 1", "# Charter v2\n");
    const [log] = w.logIssues();
    w.standin.lockIssue(w.repo, log!.number, "mallory");
    // GitHub fails the unlock, and the three retries of the app's client too.
    w.standin.faults.addRule({ method: "DELETE", path: /\/issues\/\d+\/lock$/, times: 4, kind: "502" });

    const override = await w.openPull({ author: "alice", title: "Amend article 2", files: { "CHARTER.md": "# Charter v3\n" } });
    await w.settle();
    await w.merge(override);
    await w.settle();
    expect(w.records().map((r) => r.pr)).toEqual([first]);

    w.clock.advance(HOUR);
    await w.sweepUntilQuiet();
    expect(w.records().map((r) => [r.pr, r.record?.signed_off])).toEqual([
      [first, true],
      [override, false],
    ]);
    expect(w.standin.item(w.repo, log!.number).locked).toBe(true);
  });
});

describe("promise 3 (an administrator): a record whose anchor left the default branch is still missed when deleted", () => {
  it("an administrator rewinds the default branch past the last adopted decision's merge commit and deletes its record: verify names the deletion", async () => {
    const w = await createWorld();
    const merges: string[] = [];
    for (const [i, text] of ["# Charter v2\n", "# Charter v3\n"].entries()) {
      merges.push((await signedOffMerge(w, `Amend article ${i + 1}`, text)).merge);
      w.clock.advance(HOUR);
    }
    expect(w.records().map((r) => r.record?.seq)).toEqual([1, 2]);
    expect(w.anchors(merges[1]!)).toHaveLength(1);
    expect(await w.verify()).toMatchObject({ ok: true, count: 2 });

    // The administrator moves the default branch back to the first merge (the second merge
    // commit, which carries record 2's anchor, is now on no branch), then deletes record 2.
    w.repo.branches.set(w.repo.defaultBranch, merges[0]!);
    const [log] = w.logIssues();
    const second = w.recordComments().find((c) => c.record.seq === 2)!;
    await w.deleteComment(log!.number, second.id, "secretariat");
    await w.settle();
    expect(w.records().map((r) => r.record?.seq)).toEqual([1]);

    // Record 2's anchor still exists on its commit (nobody can delete a check run): the record is
    // missing, and verify must say so.
    expect(w.anchors(merges[1]!)).toHaveLength(1);
    const verified = await w.verify();
    expect(verified.ok, "a deleted record whose anchor is off the default branch passes verify").toBe(false);
    expect(verified.problems).toContainEqual(expect.objectContaining({ seq: 2, problem: "deleted" }));
  });
});

describe("promise 3 (a writer): a withdrawn decision's record cannot be deleted unseen", () => {
  it("a writer reopens a withdrawn charter PR, pushes a commit that undoes its charter change, closes it again and deletes its record: verify names the deletion", async () => {
    const w = await createWorld();
    // Record 1: an adopted amendment (the chain goes on after the deleted record's place).
    await signedOffMerge(w, "Amend article 1", "# Charter v2\n");
    w.clock.advance(HOUR);
    // Record 2: a charter amendment withdrawn; its anchor is on the PR's head at the close.
    const withdrawn = await w.openPull({ author: "bob", title: "Amend article 2", files: { "CHARTER.md": "# Charter v2, with article 2\n", "NOTES.md": "notes\n" } });
    await w.settle();
    const head = w.headSha(withdrawn);
    await w.close(withdrawn);
    await w.settle();
    expect(w.records().map((r) => [r.record?.seq, r.record?.outcome])).toEqual([
      [1, "adopted"],
      [2, "withdrawn"],
    ]);
    expect(w.anchors(head)).toHaveLength(1);

    // A writer reopens it, pushes a commit that puts the charter back as it is on the
    // default branch (the PR is no longer a decision), closes it again: no new record.
    w.clock.advance(HOUR);
    await w.reopen(withdrawn);
    await w.push(withdrawn, { "CHARTER.md": "# Charter v2\n" });
    await w.close(withdrawn);
    await w.settle();
    expect(w.records()).toHaveLength(2);
    // Then deletes record 2 (a writer may delete anyone's comment).
    const [log] = w.logIssues();
    const second = w.recordComments().find((c) => c.record.seq === 2)!;
    await w.deleteComment(log!.number, second.id, "mallory");
    await w.settle();
    expect(w.records().map((r) => r.record?.seq)).toEqual([1]);

    expect(w.anchors(head)).toHaveLength(1);
    const verified = await w.verify();
    expect(verified.ok, "the deleted record of a withdrawn decision passes verify").toBe(false);
    expect(verified.problems).toContainEqual(expect.objectContaining({ seq: 2, problem: "deleted" }));
  });
});
