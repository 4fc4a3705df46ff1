// Attacks on the app's memory of the commands it has seen (promise 1: only the person who gave a
// signal withdraws it). The memo lives in the app's own sign-off runs, per commit; a writer who
// deletes a voter's command and then shapes the pushes so that the run holding the memo is out of
// the app's reach must neither erase the command nor stall the PR without saying why and how to
// recover (src/github/memo-search.ts, src/core/memo-gap.ts). The first was found by the red team
// (attack3) and failed on the code it was written against.
import { describe, expect, it } from "vitest";
import { HOUR } from "./harness.js";
import { POLICY, POLICY_PATH, REGISTRY, REGISTRY_PATH, worldPerTest, type World } from "./world.js";

const createWorld = worldPerTest();

/**
 * The charter kind with `dismiss_stale: false` (a valid policy: approvals of earlier commits
 * count). bob, carol and dan approve alice's amendment (signed off); carol then withdraws her
 * approval with `/governance abstain` (only she can), and alice, a writer, deletes that comment.
 * The app remembers the abstention in its sign-off run on the head.
 */
async function abstentionDeleted(w: World): Promise<{ pr: number; abstain: number }> {
  const pr = await w.openPull({ author: "alice", title: "Amend article 4", files: { "CHARTER.md": "# Charter\n\nAmended.\n" } });
  for (const who of ["bob", "carol", "dan"]) await w.approve(pr, who);
  await w.settle();
  expect(w.signoff(pr)).toMatchObject({ conclusion: "success" });

  w.clock.advance(HOUR);
  const abstain = await w.comment(pr, "carol", "/governance abstain: I need to consult my members");
  await w.settle();
  expect(w.signoff(pr)?.conclusion).toBe("action_required");

  w.clock.advance(HOUR);
  await w.deleteComment(pr, abstain, "alice");
  await w.settle();
  expect(w.signoff(pr)?.conclusion, "the app remembers the deleted abstention").toBe("action_required");
  w.clock.advance(HOUR);
  return { pr, abstain };
}

async function charterWorld(): Promise<World> {
  const policy = POLICY.replace("      required_sectors: [civil-society]\n", "      required_sectors: [civil-society]\n    dismiss_stale: false\n");
  expect(policy).toContain("dismiss_stale: false");
  return createWorld({ files: { [POLICY_PATH]: policy, [REGISTRY_PATH]: REGISTRY, "CHARTER.md": "# Charter\n" } });
}

const graphqlRequests = (w: World): number => w.standin.requests.filter((r) => r.method === "POST" && r.path === "/graphql").length;

describe("promise 1: the app's memory of the commands it saw survives any shape of pushes", () => {
  it("a writer deletes a voter's abstention, then pushes 100 commits in one push: the abstention still stands, and re-evaluating the head reads no more than before", async () => {
    const w = await charterWorld();
    const { pr } = await abstentionDeleted(w);

    // alice pushes 100 commits (one push, one `synchronize`): typo fixes to a notes file.
    for (let i = 0; i < 100; i++) w.standin.pushToPull(w.repo, pr, { "notes.md": `typo fix ${i}\n` }, w.clock.now());
    await w.deliver("pull_request", w.pullPayload("synchronize", pr));
    await w.settle();
    expect(w.signoff(pr)?.conclusion, "carol's withdrawn approval counts again: three sectors").toBe("action_required");
    expect(w.signoff(pr)?.title).not.toMatch(/lost track/);

    // The memo is now on the new head: the next evaluation of it (a review) reads one query.
    const before = graphqlRequests(w);
    w.clock.advance(HOUR);
    await w.review(pr, "bob", "COMMENTED");
    await w.settle();
    expect(graphqlRequests(w) - before).toBe(1);
    expect(w.signoff(pr)?.conclusion).toBe("action_required");
  });

  it("a writer deletes a voter's abstention, then force-pushes 21 times between two evaluations: the abstention still stands", async () => {
    const w = await charterWorld();
    const { pr } = await abstentionDeleted(w);

    // 21 force-pushes in a row; the app hears of the last only (the others' webhooks coalesced or missed).
    for (let i = 0; i < 21; i++) {
      w.standin.forcePushToPull(w.repo, pr, { "CHARTER.md": `# Charter\n\nAmended, take ${i}.\n` }, w.clock.now());
      w.clock.advance(60_000);
    }
    await w.deliver("pull_request", w.pullPayload("synchronize", pr));
    await w.settle();
    expect(w.signoff(pr)?.conclusion, "carol's withdrawn approval counts again: three sectors").toBe("action_required");
    expect(w.signoff(pr)?.title).not.toMatch(/lost track/);
  });

  it("a writer deletes a voter's abstention, pushes a commit and force-pushes over it before the app judges it (the memo is on no commit it can reach): the sign-off fails, names the voter, and only her new signal lifts it", async () => {
    const w = await charterWorld();
    const { pr } = await abstentionDeleted(w);

    // The commit the app judged last is now only the parent of a head that a force-push replaced.
    w.standin.pushToPull(w.repo, pr, { "notes.md": "typo fix\n" }, w.clock.now());
    w.clock.advance(60_000);
    await w.forcePush(pr, { "CHARTER.md": "# Charter\n\nAmended again.\n" });
    await w.settle();
    const lost = w.signoff(pr);
    expect(lost?.conclusion, "carol's withdrawn approval counts again").toBe("failure");
    expect(lost?.title).toBe("Waiting for carol to give their signal again: the app lost track of commands on this pull request");
    expect(lost?.summary).toContain("Until this person gives a signal again");

    // Nobody else lifts it: another approval, a sweep, a new commit of the author.
    w.clock.advance(HOUR);
    await w.approve(pr, "zoe");
    await w.app.sweep();
    await w.settle();
    await w.push(pr, { "notes.md": "another fix\n" });
    await w.settle();
    expect(w.signoff(pr)?.conclusion).toBe("failure");

    // carol herself gives her signal again: her abstention, posted anew, is known and stands.
    w.clock.advance(HOUR);
    await w.comment(pr, "carol", "/governance abstain: still consulting");
    await w.settle();
    expect(w.signoff(pr)?.conclusion).toBe("action_required");
    expect(w.signoff(pr)?.title).not.toMatch(/lost track/);
  });
});
