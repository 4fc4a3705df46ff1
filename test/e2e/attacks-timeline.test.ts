// A writer who stalls someone else's PR through its timeline: labelling and unlabelling it more
// than 100 times pushes its timeline past GraphQL's first page. The app then read REST's timeline,
// which names no branch of a base change, so after any retarget no approval counted (SPEC.md
// promise 1: the PR's own signals decide it; promise 4: a writer cannot stall it). The test failed
// on the code it was written against, and passes once the timeline is paged through GraphQL.
import { describe, expect, it } from "vitest";
import { HOUR } from "./harness.js";
import { worldPerTest } from "./world.js";

const createWorld = worldPerTest();

describe("promise 4 (a writer): a long timeline does not hide which base an approval was given under", () => {
  it("a PR retargeted from staging to main before its approvals, then labelled and unlabelled 101 times by mallory: the approvals count", async () => {
    const w = await createWorld();
    w.repo.branches.set("staging", w.repo.branches.get(w.repo.defaultBranch)!);
    const pr = await w.openPull({ author: "alice", title: "Amend article 4", files: { "CHARTER.md": "# Charter v2\n" }, base: "staging" });
    w.clock.advance(HOUR);
    await w.retarget(pr, "main", "alice");
    w.clock.advance(HOUR);
    // mallory (a writer) adds and removes a label again and again: each one an event of the
    // timeline GitHub keeps (GitHub sends a webhook for each; the last one is delivered).
    for (let i = 0; i < 101; i++) {
      w.standin.setLabels(w.repo, pr, i % 2 === 0 ? ["wip"] : [], "mallory", w.clock.now());
      w.clock.advance(60_000);
    }
    await w.label(pr, ["wip", "later"], "mallory");
    w.clock.advance(HOUR);
    for (const login of ["bob", "carol", "dan"]) await w.approve(pr, login);
    await w.settle();
    await w.sweepUntilQuiet();
    // Every approval was given under main, the base the PR has now.
    expect(w.signoff(pr)).toMatchObject({ conclusion: "success", title: "Signed off by 3 sectors" });
    // Read through GraphQL's pages, which name the branches of a base change; never REST's timeline.
    expect(w.standin.requests.filter((r) => r.path.includes("/timeline"))).toEqual([]);
  });
});

// A writer who brings back a recused vote through a PR's comments: more than 100 comments pushed
// the rest past GraphQL's first page, and the app read them through REST, which gives no edit time,
// only `updated_at`, which a reaction moves too. A reaction to a recusal the app had not seen yet
// (its webhook missed) made it "edited", no signal, and the voter's earlier approval counted again
// (SPEC.md promise 1: only the person who gave a signal withdraws it). The comments are now paged
// through GraphQL, whose `lastEditedAt` a reaction does not move.
describe("promise 1 (a writer): a reaction on a comment past the first 100 does not withdraw its command", () => {
  it("carol recuses while the app is not listening, after mallory's 101 comments, and mallory reacts to the recusal: the recusal still counts", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const pr = await w.openPull({ author: "alice", title: "Amend the charter", files: { "CHARTER.md": "# Charter, amended\n" } });
    w.clock.advance(HOUR);
    for (const voter of ["bob", "carol", "dan"]) await w.approve(pr, voter);
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "success", title: "Signed off by 3 sectors" });

    // mallory (a writer) floods the PR with plain comments (no command: nothing to evaluate).
    w.clock.advance(HOUR);
    for (let i = 0; i < 101; i++) {
      w.standin.addComment(w.repo, pr, { user: "mallory", body: `Remark ${i + 1}.`, at: w.clock.now() });
      w.clock.advance(1_000);
    }
    // carol (business) recuses; GitHub's delivery of that webhook fails: the app has not seen it.
    w.clock.advance(HOUR);
    const recusal = w.standin.addComment(w.repo, pr, { user: "carol", body: "/governance recuse I advise the applicant", at: w.clock.now() });
    // mallory reacts to it: GitHub moves the comment's updated_at, not its lastEditedAt.
    w.clock.advance(HOUR);
    w.standin.react(recusal.id, "mallory", "eyes", w.clock.now());
    const reacted = w.standin.commentJson(recusal.id);
    expect(Date.parse(reacted.updated_at)).toBeGreaterThan(Date.parse(reacted.created_at));

    // Any evaluation (here, the sweep healing the missed webhook) reads carol's recusal unedited.
    await w.app.sweep();
    await w.settle();
    expect(w.signoff(pr)?.conclusion, "carol's approval counted again: the reaction withdrew her recusal").not.toBe("success");
    expect(w.signoff(pr)?.title).not.toMatch(/^Signed off/);
    // Read through GraphQL's pages, which tell an edit from a reaction; never REST's comments.
    expect(w.standin.requests.filter((r) => /\/issues\/\d+\/comments$/.test(r.path) && r.method === "GET")).toEqual([]);
  });
});
