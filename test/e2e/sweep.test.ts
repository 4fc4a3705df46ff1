// The sweep costs pages, not PRs: with nothing to do it evaluates no PR, and it still heals within
// one sweep what a missed webhook left stale (a review, a dismissal, a comment command, a label, a
// push, a change of the rules), a comment period that ended, a declaration that lapsed, and a
// check that failed by an error.
import { afterEach, describe, expect, it } from "vitest";
import { CHECK_SIGNOFF } from "../../src/constants.js";
import { DAY, HOUR } from "./harness.js";
import { POLICY_PATH, World } from "./world.js";

const worlds: World[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) {
    expect(world.standin.violations).toEqual([]);
    await world.stop();
  }
});

async function createWorld(...args: Parameters<typeof World.create>): Promise<World> {
  const world = await World.create(...args);
  worlds.push(world);
  return world;
}

/** The PRs evaluated since request `from` (each evaluation reads its PR with one query). */
function evaluatedSince(world: World, from: number): number[] {
  const numbers = world.standin.requests
    .slice(from)
    .filter((r) => r.method === "POST" && r.path.startsWith("/graphql"))
    .map((r) => r.body as { query?: string; variables?: { number?: number } })
    .filter((b) => b.query?.includes("PullRequestFacts"))
    .map((b) => b.variables?.number ?? -1);
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/** One sweep (of the first process by default), settled; returns the PRs it evaluated and its counted requests. */
async function sweep(world: World, app = world.app): Promise<{ evaluated: number[]; requests: number }> {
  const from = world.standin.requests.length;
  await app.sweep();
  await world.settle();
  return { evaluated: evaluatedSince(world, from), requests: world.standin.requests.slice(from).filter((r) => r.status !== 304).length };
}

async function fivePulls(world: World): Promise<number[]> {
  const numbers: number[] = [];
  for (let i = 0; i < 5; i++) numbers.push(await world.openPull({ author: "alice", title: `Charter ${i}`, files: { "CHARTER.md": `# Charter ${i}\n` } }));
  await world.settle();
  return numbers;
}

describe("the sweep finds what needs work without evaluating every PR", () => {
  it("evaluates no PR when every check is current, in one listing request for all of them", async () => {
    const world = await createWorld({ processes: 2 });
    await fivePulls(world);
    const first = await sweep(world);
    expect(first.evaluated).toEqual([]);
    // A process that evaluated none of them (a restart) tells the same from the checks' hints.
    expect((await sweep(world, world.apps[1])).evaluated).toEqual([]);
    // The rules' reads are answered 304; the listing is one GraphQL request for up to 100 PRs.
    const again = await sweep(world);
    expect(again.evaluated).toEqual([]);
    expect(again.requests).toBeLessThanOrEqual(3);
  });

  it("heals within one sweep a missed review, dismissal, comment command, label and push: only that PR", async () => {
    const world = await createWorld();
    const [a, b, c, d, e] = await fivePulls(world);
    // Each happens on GitHub, and its webhook never arrives.
    world.standin.review(world.repo, a!, { user: "bob", state: "APPROVED", at: world.clock.now() });
    let { evaluated } = await sweep(world);
    expect(evaluated).toEqual([a]);
    expect(world.checkText(a!, CHECK_SIGNOFF)).toContain("bob");

    const objection = world.standin.review(world.repo, b!, { user: "carol", state: "CHANGES_REQUESTED", at: world.clock.now() });
    ({ evaluated } = await sweep(world));
    expect(evaluated).toEqual([b]);
    expect(world.signoff(b!)?.conclusion).toBe("failure");
    world.standin.dismissReview(world.repo, b!, objection.id);
    ({ evaluated } = await sweep(world));
    expect(evaluated).toEqual([b]);

    world.standin.addComment(world.repo, c!, { user: "bob", body: "/governance abstain", at: world.clock.now() });
    ({ evaluated } = await sweep(world));
    expect(evaluated).toEqual([c]);

    world.standin.setLabels(world.repo, d!, ["consultation"]);
    ({ evaluated } = await sweep(world));
    expect(evaluated).toEqual([d]);

    const head = world.standin.pushToPull(world.repo, e!, { "CHARTER.md": "# Charter e, again\n" }, world.clock.now());
    ({ evaluated } = await sweep(world));
    expect(evaluated).toEqual([e]);
    expect(world.signoff(e!, head)?.conclusion).toBeDefined();

    expect((await sweep(world)).evaluated).toEqual([]);
  });

  it("leaves out of its signature only what changes no check: a review's text, the PR's title and body, a force-push back to the head it judged", async () => {
    const world = await createWorld();
    const [a, b, c] = await fivePulls(world);
    const review = world.standin.review(world.repo, a!, { user: "bob", state: "APPROVED", at: world.clock.now(), body: "Looks right." });
    await world.deliver("pull_request_review", world.reviewPayload("submitted", a!, review.id));
    await world.settle();
    const before = new Map([a!, b!, c!].map((n) => [n, world.checkText(n, CHECK_SIGNOFF)] as const));
    world.clock.advance(HOUR);
    // Each happens on GitHub, and its webhook never arrives.
    review.body = "/governance recuse (a review's text is never a command)";
    world.standin.setTitle(world.repo, b!, "Charter: nothing to see");
    world.standin.item(world.repo, b!).body = "/governance abstain";
    const pull = world.standin.item(world.repo, c!);
    const [judged, commits] = [world.headSha(c!), [...pull.commits]];
    const other = world.standin.forcePushToPull(world.repo, c!, { "CHARTER.md": "# Something else\n" }, world.clock.now());
    world.repo.branches.set(pull.headRef, judged);
    pull.commits = commits;
    pull.events.push({ type: "head_ref_force_pushed", actor: pull.user, at: world.clock.now().toISOString(), before: other, after: judged });
    expect((await sweep(world)).evaluated).toEqual([]);
    // An evaluation of each now (as a webhook would start) shows what the checks already show.
    for (const n of [a!, b!, c!]) await world.deliver("pull_request", world.pullPayload("synchronize", n));
    await world.settle();
    for (const n of [a!, b!, c!]) expect(world.checkText(n, CHECK_SIGNOFF)).toBe(before.get(n));
  });

  it("evaluates every PR again when the rules changed without a push event reaching the app", async () => {
    const world = await createWorld();
    const numbers = await fivePulls(world);
    const policy = (world.standin.readFile(world.repo, POLICY_PATH) ?? "").replace("sectors: 3", "sectors: 2");
    world.standin.commit(world.repo, world.repo.defaultBranch, { [POLICY_PATH]: policy }, { at: world.clock.now(), author: "secretariat" });
    expect((await sweep(world)).evaluated).toEqual(numbers);
    expect((await sweep(world)).evaluated).toEqual([]);
  });

  it("looks again when a comment period ends, and not before", async () => {
    const world = await createWorld();
    const n = await world.openPull({ author: "alice", title: "Consult", files: { "notes.md": "x\n" }, labels: ["consultation"] });
    await world.approve(n, "bob");
    await world.approve(n, "carol");
    await world.settle();
    expect(world.signoff(n)?.conclusion).toBe("action_required");
    world.clock.advance(71 * HOUR);
    expect((await sweep(world)).evaluated).toEqual([]);
    world.clock.advance(2 * HOUR);
    expect((await sweep(world)).evaluated).toEqual([n]);
    expect(world.signoff(n)?.conclusion).toBe("success");
  });

  it("looks again when a voter's declaration lapses", async () => {
    // bob declared 2026-01-15 with renew_after_days 365: current through 2027-01-15.
    const world = await createWorld({ start: "2027-01-14T10:00:00Z" });
    const n = await world.openPull({ author: "alice", title: "Charter", files: { "CHARTER.md": "# New\n" } });
    await world.approve(n, "bob");
    await world.approve(n, "carol");
    await world.approve(n, "dan");
    await world.settle();
    expect(world.signoff(n)?.conclusion).toBe("success");
    world.clock.advance(12 * HOUR);
    expect((await sweep(world)).evaluated).toEqual([]);
    world.clock.advance(2 * DAY);
    expect((await sweep(world)).evaluated).toEqual([n]);
    expect(world.signoff(n)?.conclusion).not.toBe("success");
  });

  it("evaluates again a PR whose checks failed by an error, until they no longer do", async () => {
    const world = await createWorld();
    const [a] = await fivePulls(world);
    // GitHub fails every GraphQL read while a review's webhook is handled: the checks fail closed.
    world.standin.faults.addRule({ method: "POST", path: "/graphql", kind: "500", times: 1000 });
    await world.approve(a!, "bob");
    await world.settle();
    expect(world.signoff(a!)?.conclusion).toBe("failure");
    expect(world.checkText(a!, CHECK_SIGNOFF)).not.toContain("bob");
    world.standin.faults.clear();
    expect((await sweep(world)).evaluated).toEqual([a]);
    expect(world.checkText(a!, CHECK_SIGNOFF)).toContain("bob");
    expect((await sweep(world)).evaluated).toEqual([]);
  });
});
