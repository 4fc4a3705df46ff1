// Attacks found on the sweep's hints (red team, attack1): a missed webhook must heal within one
// sweep, whatever else a writer does meanwhile. Each test asserts what SPEC.md demands and fails
// on the code it was written against because the attack works.
import { describe, expect, it } from "vitest";
import { CHECK_SIGNOFF } from "../../src/constants.js";
import { HOUR } from "./harness.js";
import { worldPerTest } from "./world.js";

const createWorld = worldPerTest();

describe("promise 1 through the sweep: a stale passing check does not outlive a missed signal", () => {
  it("a recusal whose webhook was missed, and a writer deleting one plain comment: the sweep still sees the recusal", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const pr = await w.openPull({ author: "alice", title: "Amend the charter", files: { "CHARTER.md": "# Charter, amended\n" } });
    // A plain comment of the author's (no command: the app does not evaluate for it).
    const chatter = await w.comment(pr, "alice", "Thanks for the quick reviews, everyone.");
    w.clock.advance(HOUR);
    for (const voter of ["bob", "carol", "dan"]) await w.approve(pr, voter);
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "success", title: "Signed off by 3 sectors" });

    // carol (business) recuses: a conflict of interest. GitHub's delivery of that webhook fails.
    w.clock.advance(HOUR);
    w.standin.addComment(w.repo, pr, { user: "carol", body: "/governance recuse I advise the applicant", at: w.clock.now() });
    // The author deletes her own plain comment (its webhook arrives; no command, nothing to do).
    const deleted = w.commentPayload("deleted", pr, chatter);
    w.standin.removeComment(chatter);
    await w.deliver("issue_comment", deleted);
    await w.settle();

    // The sweep is the safety net for the missed webhook: business no longer signs off.
    await w.app.sweep();
    await w.settle();
    expect(w.signoff(pr)?.conclusion, "the stale 'Signed off by 3 sectors' stays: the sweep never looks again").not.toBe("success");
  });

  it("a PR retargeted from a staging branch to the default branch, whose webhook was missed: the sweep sees it became a charter amendment", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    // A writer prepares `staging` (no branch protection) with a charter change, then opens a PR
    // onto `staging` that changes only notes: "Not a decision".
    w.repo.branches.set("staging", w.repo.branches.get("main")!);
    const hidden = w.standin.commit(w.repo, "staging", { "CHARTER.md": "# Charter, rewritten by one sector\n" }, { at: w.clock.now(), author: "alice" });
    const pull = w.standin.openPull(w.repo, { author: "alice", title: "Notes", files: { "notes.md": "notes\n" }, base: "staging", at: w.clock.now() });
    await w.deliver("pull_request", w.pullPayload("opened", pull.number));
    await w.settle();
    expect(w.signoff(pull.number)).toMatchObject({ conclusion: "success", title: expect.stringMatching(/^Not a decision/) });

    // Retargeted to the default branch: GitHub now lists the staging commit too, so the PR changes
    // CHARTER.md. The `pull_request.edited` webhook is lost.
    w.clock.advance(HOUR);
    w.standin.setBase(w.repo, pull.number, "main");
    pull.commits = [hidden, ...pull.commits];
    await w.app.sweep();
    await w.settle();
    expect(w.signoff(pull.number)?.conclusion, "'Not a decision' stays on a charter amendment into the default branch").not.toBe("success");
  });

  it("a decision label added and removed again while the webhooks were missed: the label sticks, and the sweep sees it", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const pr = await w.openPull({ author: "alice", title: "Notes on the budget", files: { "notes.md": "budget notes\n" } });
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "success", title: expect.stringMatching(/^Not a decision/) });

    // The secretariat labels it a public consultation and alice (a writer) takes the label off an
    // hour later: both webhooks are lost. The labels are as before; the label history is not.
    w.clock.advance(HOUR);
    w.standin.setLabels(w.repo, pr, ["consultation"], "secretariat", w.clock.now());
    w.clock.advance(HOUR);
    w.standin.setLabels(w.repo, pr, [], "alice", w.clock.now());
    await w.app.sweep();
    await w.settle();
    expect(w.signoff(pr)?.conclusion, "'Not a decision' stays on a PR that was labelled a consultation").toBe("action_required");
  });

  it("a branch made the default while a PR into it was 'Not a decision': the sweep judges it as a decision", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    // `next` carries the same rules as `main`; a PR into it amends the charter: no decision there.
    w.repo.branches.set("next", w.repo.branches.get("main")!);
    const pull = w.standin.openPull(w.repo, { author: "alice", title: "Charter for next", files: { "CHARTER.md": "# Charter, one sector's\n" }, base: "next", at: w.clock.now() });
    await w.deliver("pull_request", w.pullPayload("opened", pull.number));
    await w.settle();
    expect(w.signoff(pull.number)).toMatchObject({ conclusion: "success", title: expect.stringMatching(/^Not a decision/) });

    // An administrator makes `next` the default branch (same rules, so the rules' digest is the
    // same); the app is told nothing it acts on.
    w.clock.advance(HOUR);
    w.repo.defaultBranch = "next";
    await w.app.sweep();
    await w.settle();
    expect(w.signoff(pull.number)?.conclusion, "'Not a decision' stays on a charter amendment into the default branch").not.toBe("success");
  });

  it("a writer edits a voter's plain comment into a recusal while its webhook is missed: the sweep shows it as not counted", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const pr = await w.openPull({ author: "alice", title: "Amend the charter", files: { "CHARTER.md": "# Charter, amended\n" } });
    const remark = await w.comment(pr, "carol", "I will look at this tomorrow.");
    w.clock.advance(HOUR);
    await w.settle();
    expect(w.checkText(pr, CHECK_SIGNOFF)).not.toMatch(/edited/i);

    // The comment count, ids and reviews are unchanged: only the comment's last update moved.
    w.clock.advance(HOUR);
    w.standin.editComment(remark, "/governance recuse", w.clock.now(), "mallory");
    await w.app.sweep();
    await w.settle();
    // What an evaluation shows (an edited command is no signal, and is listed as not counted).
    const swept = w.checkText(pr, CHECK_SIGNOFF);
    await w.deliver("pull_request", { ...w.pullPayload("opened", pr), action: "edited", changes: { title: { from: "Amend" } } });
    await w.settle();
    expect(swept, "the check still shows what it showed before the edit").toBe(w.checkText(pr, CHECK_SIGNOFF));
  });
});
