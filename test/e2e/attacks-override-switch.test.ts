// An administrator merges a decision PR without sign-off and at once makes another branch the
// default branch, before the app handles the close. The close must be judged by the default
// branch when the PR closed (SPEC.md promise 2: every close of a decision PR is on the record,
// by the rules in force on the default branch at that moment), not by the one GitHub names now.
// The test failed on the code it was written against, and passes once the fix is in.
import { expect, it } from "vitest";
import { HOUR } from "./harness.js";
import { worldPerTest, type World } from "./world.js";

const createWorld = worldPerTest();

/** A charter amendment approved by one sector of three, an hour before the administrator merges it. */
async function approvedByOne(w: World): Promise<number> {
  w.repo.branches.set("staging", w.repo.branches.get(w.repo.defaultBranch)!);
  const pr = await w.openPull({ author: "alice", title: "Amend article 4", files: { "CHARTER.md": "# Charter v2\n" } });
  await w.approve(pr, "bob");
  await w.settle();
  w.clock.advance(HOUR);
  return pr;
}

it("promise 2 (an administrator): a decision PR merged without sign-off, then another branch made the default before the app handles the close: the override is on the record", async () => {
  const w = await createWorld();
  const pr = await approvedByOne(w);
  // The administrator merges (1 of 3 sectors): GitHub sends `pull_request.closed` at once, naming
  // the default branch as it is then; the app handles it only after the switch.
  const merged = w.standin.merge(w.repo, pr, w.clock.now(), "merge");
  const closed = w.pullPayload("closed", pr);
  w.clock.advance(60_000);
  await w.switchDefault("staging");
  await w.deliver("pull_request", closed);
  await w.settle();
  await w.sweepUntilQuiet();
  const overrides = w.records().filter((r) => r.record?.pr === pr);
  expect(overrides.map((r) => [r.record?.outcome, r.record?.merge_commit, r.record?.signed_off]), "the override merge went off the record").toEqual([["adopted", merged, false]]);
});

it("promise 2 (an administrator): the same, with the close's webhook lost: the sweep records the override, judged by the default branch at the close", async () => {
  const w = await createWorld();
  const pr = await approvedByOne(w);
  // The administrator merges; GitHub's `pull_request.closed` never reaches the app.
  const merged = w.standin.merge(w.repo, pr, w.clock.now(), "merge");
  w.clock.advance(60_000);
  await w.switchDefault("staging");
  w.clock.advance(HOUR);
  await w.sweepUntilQuiet();
  const overrides = w.records().filter((r) => r.record?.pr === pr);
  expect(overrides.map((r) => [r.record?.outcome, r.record?.merge_commit, r.record?.signed_off]), "the override merge went off the record").toEqual([["adopted", merged, false]]);
});
