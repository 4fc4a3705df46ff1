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
