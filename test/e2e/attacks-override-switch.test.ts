// An administrator merges a decision PR without sign-off and at once makes another branch the
// default branch, before the app handles the close. The close must be judged by the default
// branch when the PR closed (SPEC.md promise 2: every close of a decision PR is on the record,
// by the rules in force on the default branch at that moment), not by the one GitHub names now.
// The test failed on the code it was written against, and passes once the fix is in.
import { expect, it } from "vitest";
import { loadPayload } from "../helpers/payloads.js";
import { HOUR } from "./harness.js";
import { INSTALLATION, worldPerTest, type World } from "./world.js";

const createWorld = worldPerTest();

/** Settings > Default branch: `to`; GitHub sends `repository.edited` with the change. */
async function switchDefault(w: World, to: string): Promise<void> {
  const from = w.repo.defaultBranch;
  w.repo.defaultBranch = to;
  const payload = loadPayload("repository.edited");
  payload.changes = { default_branch: { from } };
  payload.repository = w.standin.repoJson(w.repo) as never;
  payload.installation = { id: INSTALLATION } as never;
  payload.sender = w.standin.userJson("secretariat") as never;
  await w.deliver("repository", payload);
  await w.settle();
}

it("promise 2 (an administrator): a decision PR merged without sign-off, then another branch made the default before the app handles the close: the override is on the record", async () => {
  const w = await createWorld();
  w.repo.branches.set("staging", w.repo.branches.get(w.repo.defaultBranch)!);
  const pr = await w.openPull({ author: "alice", title: "Amend article 4", files: { "CHARTER.md": "# Charter v2\n" } });
  await w.approve(pr, "bob");
  await w.settle();
  w.clock.advance(HOUR);
  // The administrator merges (1 of 3 sectors): GitHub sends `pull_request.closed` at once, naming
  // the default branch as it is then; the app handles it only after the switch.
  const merged = w.standin.merge(w.repo, pr, w.clock.now(), "merge");
  const closed = w.pullPayload("closed", pr);
  w.clock.advance(60_000);
  await switchDefault(w, "staging");
  await w.deliver("pull_request", closed);
  await w.settle();
  await w.sweepUntilQuiet();
  const overrides = w.records().filter((r) => r.record?.pr === pr);
  expect(overrides.map((r) => [r.record?.outcome, r.record?.merge_commit, r.record?.signed_off]), "the override merge went off the record").toEqual([["adopted", merged, false]]);
});

it("promise 2 (an administrator): the same, with the close's webhook lost: the sweep records the override, judged by the default branch at the close", async () => {
  const w = await createWorld();
  w.repo.branches.set("staging", w.repo.branches.get(w.repo.defaultBranch)!);
  const pr = await w.openPull({ author: "alice", title: "Amend article 4", files: { "CHARTER.md": "# Charter v2\n" } });
  await w.approve(pr, "bob");
  await w.settle();
  w.clock.advance(HOUR);
  // The administrator merges; GitHub's `pull_request.closed` never reaches the app.
  const merged = w.standin.merge(w.repo, pr, w.clock.now(), "merge");
  w.clock.advance(60_000);
  await switchDefault(w, "staging");
  w.clock.advance(HOUR);
  await w.sweepUntilQuiet();
  const overrides = w.records().filter((r) => r.record?.pr === pr);
  expect(overrides.map((r) => [r.record?.outcome, r.record?.merge_commit, r.record?.signed_off]), "the override merge went off the record").toEqual([["adopted", merged, false]]);
});
