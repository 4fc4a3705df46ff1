// Promise 4 (a writer): PRs opened on one head commit do not multiply the cost of another PR's
// check (found by the second red team). A check is GitHub's per commit, so an evaluation judges
// every open PR sharing its head (src/evaluate/evaluate-pr.ts publishForPull): it reads their
// facts in one batched query (src/github/facts.ts readPullRequests), not one query each.
import { describe, expect, it } from "vitest";
import { World } from "./world.js";

/** Requests counted against GitHub's rate limit: not a 304, not a token. */
const counted = (w: World, from: number) => w.standin.requests.slice(from).filter((r) => r.status !== 304 && !r.path.endsWith("/access_tokens"));

/** What one review of a consultation costs, with `twins` unlabelled PRs opened on its head commit. */
async function costOfAReview(twins: number): Promise<{ requests: string[]; conclusion: string | null; title: string | null | undefined }> {
  const w = await World.create({ start: "2026-11-20T10:00:00Z" });
  try {
    const decision = await w.openPull({ author: "alice", title: "Consultation on the budget", files: { "budget.md": "# Budget 2027\n" }, labels: ["consultation"] });
    await w.settle();
    const head = w.headSha(decision);
    for (let i = 0; i < twins; i++) {
      const twin = w.standin.openPull(w.repo, { author: "alice", title: `Budget (copy ${i})`, files: { "budget.md": "# Budget 2027\n" }, at: w.clock.now() });
      w.repo.branches.set(twin.headRef, head);
      twin.commits = [head];
      await w.deliver("pull_request", w.pullPayload("opened", twin.number));
    }
    await w.settle();
    await w.approve(decision, "bob");
    await w.settle();
    await w.approve(decision, "carol");
    await w.settle();
    const from = w.standin.requests.length;
    await w.approve(decision, "erin");
    await w.settle();
    expect(w.standin.violations).toEqual([]);
    const signoff = w.signoff(decision);
    return { requests: counted(w, from).map((r) => `${r.method} ${r.path}`), conclusion: signoff?.conclusion ?? null, title: signoff?.title };
  } finally {
    await w.stop();
  }
}

describe("promise 4 (a writer): PRs opened on one head commit do not multiply the cost of another PR's check", () => {
  it("a writer opens 10 unlabelled PRs on a consultation's head: one review of the consultation costs what it costs with one", { timeout: 240_000 }, async () => {
    const one = await costOfAReview(1);
    const ten = await costOfAReview(10);
    // SPEC.md's performance contract: at most 4 counted requests for an evaluation of a PR of up
    // to 100 files, reviews and comments. Ten PRs of the writer's must not make it ten times that.
    expect(ten.requests.length, `counted requests of one review: ${one.requests.length} with one twin, ${ten.requests.length} with ten:\n${ten.requests.join("\n")}`).toBe(one.requests.length);
    // Still judged: the consultation's period is not over, so the head's check waits.
    expect(ten.conclusion).toBe("action_required");
    expect(ten.title).toBe(one.title);
  });

  it("the query reading the twins fails, again on every retry: the head's checks fail, naming the twin and the request, never pass", async () => {
    const w = await World.create({ start: "2026-11-20T10:00:00Z" });
    try {
      const decision = await w.openPull({ author: "alice", title: "Consultation on the budget", files: { "budget.md": "# Budget 2027\n" }, labels: ["consultation"] });
      await w.settle();
      const head = w.headSha(decision);
      const twin = w.standin.openPull(w.repo, { author: "alice", title: "Budget (copy)", files: { "budget.md": "# Budget 2027\n" }, at: w.clock.now() });
      w.repo.branches.set(twin.headRef, head);
      twin.commits = [head];
      await w.deliver("pull_request", w.pullPayload("opened", twin.number));
      await w.settle();
      // The review's evaluation reads the consultation (the first GraphQL request), then the twins
      // together (the second): GitHub fails that one and each of its retries.
      for (let nth = 2; nth <= 6; nth++) w.standin.faults.addRule({ method: "POST", path: "/graphql", nth, kind: "502", phase: "before" });
      await w.approve(decision, "bob");
      await w.settle();
      const signoff = w.signoff(decision);
      expect(signoff?.conclusion).toBe("failure");
      expect(`${signoff?.title ?? ""}\n${signoff?.summary ?? ""}`).toContain(`#${twin.number}`);
      expect(signoff?.summary).toMatch(/request id: STANDIN:\d+/);
    } finally {
      await w.stop();
    }
  });
});
