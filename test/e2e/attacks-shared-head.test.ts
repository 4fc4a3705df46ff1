// Attacks on a check being GitHub's per commit, not per PR (promise 1: no sector decides alone).
// A writer can point a branch of their own at any commit they can read (another PR's head, a merge
// queue's commit) and open a PR from it: the app's checks on that commit must hold for everything
// it stands for (src/evaluate/evaluate-pr.ts publishForPull). Found by the red team; each failed
// on the code it was written against.
import { describe, expect, it } from "vitest";
import { worldPerTest } from "./world.js";
import { HOUR } from "./harness.js";

const createWorld = worldPerTest();

describe("promise 1: a queue commit's checks are the group's, and only the group's", () => {
  it("a writer opens a PR whose head is the queue's commit of an unsigned consultation: the group's failure is not turned to success, and the queue does not land it", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    // A consultation (a decision by its label) with no approval, queued (by an administrator, or
    // a race, as in merge-queue.test.ts): its group fails, as it must.
    const unsigned = await w.openPull({ author: "alice", title: "Consultation on the budget", files: { "budget.md": "# Budget 2027\n" }, labels: ["consultation"] });
    await w.settle();
    expect(w.signoff(unsigned)?.conclusion).toBe("action_required");
    const entry = await w.enqueue(unsigned);
    await w.settle();
    expect(w.groupChecks(entry).signoff?.conclusion).toBe("failure");

    // The queue's branch is readable: the writer pushes its commit as a branch of their own and
    // opens an unlabelled PR from it ("Not a decision").
    const twin = w.standin.openPull(w.repo, { author: "alice", title: "Budget (copy)", files: { "budget.md": "# Budget 2027\n" }, at: w.clock.now() });
    w.repo.branches.set(twin.headRef, entry.headSha);
    twin.commits = [entry.headSha];
    await w.deliver("pull_request", w.pullPayload("opened", twin.number));
    await w.settle();

    expect(w.groupChecks(entry).signoff?.conclusion, "the queue's commit now shows the twin PR's success").toBe("failure");
    expect(await w.advanceQueue()).toEqual({ dequeued: unsigned });
    expect(w.standin.item(w.repo, unsigned).merged).toBe(false);
  });
});

describe("promise 1: one PR's checks cannot be satisfied by another PR's evaluation", () => {
  it("a twin PR opened on the same head commit without the decision label: the labelled PR's required check is not turned to success", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    // A public consultation: a decision by its label (two sectors, 72 hours of comment period).
    const decision = await w.openPull({ author: "alice", title: "Consultation on the budget", files: { "budget.md": "# Budget 2027\n" }, labels: ["consultation"] });
    await w.settle();
    const head = w.headSha(decision);
    expect(w.signoff(decision)?.conclusion).toBe("action_required");

    // The writer pushes a second branch at the very same commit and opens a PR from it, unlabelled.
    const twin = w.standin.openPull(w.repo, { author: "alice", title: "Budget (draft copy)", files: { "budget.md": "# Budget 2027\n" }, at: w.clock.now() });
    w.repo.branches.set(twin.headRef, head);
    twin.commits = [head];
    await w.deliver("pull_request", w.pullPayload("opened", twin.number));
    await w.settle();
    expect(w.headSha(twin.number)).toBe(head);

    // Branch protection reads the required checks on the head commit: the consultation, with no
    // approval and its comment period running, must not show as passing there.
    expect(w.signoff(decision)?.conclusion, "the twin's 'Not a decision' now stands on the consultation's head").not.toBe("success");
    // Nor after a sweep (it evaluates both PRs, in order, and the last write wins).
    await w.app.sweep();
    await w.settle();
    expect(w.signoff(decision)?.conclusion).not.toBe("success");
  });
});

describe("promise 1: what the app remembered of one PR is not lost when its head is shared", () => {
  // A charter amendment by alice (civil society): three sectors, civil society among them. dan,
  // civil society's voter, approves, then recuses (he chairs the fund it amends). The app must
  // remember the recusal (SPEC "How votes are read": only its author withdraws it). A writer opens
  // a twin PR on the very same head commit: the check on that commit now carries the twin's words.
  // The writer then edits or deletes dan's recusal on the first PR and closes the twin.
  it.each([
    ["edits", "editComment"],
    ["deletes", "deleteComment"],
  ] as const)("a writer %s a voter's recusal while the head's check shows a twin PR's outcome: the recusal still stands", async (_what, how) => {
    const w = await createWorld();
    const charter = { "CHARTER.md": "# Charter\n\nAmended.\n" };
    const pr = await w.openPull({ author: "alice", title: "Amend article 4", files: charter });
    for (const who of ["bob", "carol", "dan"]) await w.approve(pr, who);
    await w.settle();
    w.clock.advance(HOUR);
    const recusal = await w.comment(pr, "dan", "/governance recuse I chair the fund this amends");
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "2 of 3 sectors: waiting for Civil society" });

    // The twin: a branch of the writer's own at the same commit, a PR from it (as restrictive:
    // a charter amendment with no approval, so its own words are written on the shared commit).
    const head = w.headSha(pr);
    w.clock.advance(HOUR);
    const twin = w.standin.openPull(w.repo, { author: "mallory", title: "Amend article 4 (copy)", files: charter, at: w.clock.now() });
    w.repo.branches.set(twin.headRef, head);
    twin.commits = [head];
    await w.deliver("pull_request", w.pullPayload("opened", twin.number));
    await w.settle();
    expect(w.headSha(twin.number)).toBe(head);

    w.clock.advance(HOUR);
    if (how === "editComment") await w.editComment(pr, recusal, "Thanks, all good.", "mallory");
    else await w.deleteComment(pr, recusal, "mallory");
    await w.settle();
    w.clock.advance(HOUR);
    await w.close(twin.number);
    await w.settle();
    // Any later evaluation of the first PR: dan's approval must not come back.
    w.clock.advance(HOUR);
    await w.comment(pr, "erin", "/governance check");
    await w.settle();
    expect(w.signoff(pr), "dan's withdrawn approval came back once his recusal was erased").toMatchObject({
      conclusion: "action_required",
      title: "2 of 3 sectors: waiting for Civil society",
    });
    await w.app.sweep();
    await w.settle();
    expect(w.signoff(pr)?.conclusion).toBe("action_required");
  });
});
