// The merge queue, end to end: the real app behind Probot's HTTP server, GitHub's queue modelled by
// the stand-in (a commit per entry built on the one before, groups destroyed and rebuilt when an
// entry leaves, the branch moved to a group's commit when it lands), every webhook checked against
// GitHub's schema of it, every request and answer against GitHub's OpenAPI and GraphQL schemas.
import { describe, expect, it } from "vitest";
import { HOUR, startApp } from "./harness.js";
import type { QueueEntry } from "./standin/standin.js";
import { worldPerTest, type World } from "./world.js";

const createWorld = worldPerTest();

/** A charter amendment signed off by three sectors (civil-society among them). */
async function signedOff(w: World, author: string, title: string, file: string): Promise<number> {
  const pr = await w.openPull({ author, title, files: { [file]: `# ${title}\n` } });
  w.clock.advance(HOUR);
  for (const voter of ["bob", "carol", author === "dan" ? "alice" : "dan"]) await w.approve(pr, voter);
  await w.settle();
  expect(w.signoff(pr)).toMatchObject({ conclusion: "success", title: "Signed off by 3 sectors" });
  return pr;
}

/** Two signed-off charter amendments queued one behind the other, their groups judged. */
async function twoQueued(w: World): Promise<{ first: number; second: number; e1: QueueEntry; e2: QueueEntry }> {
  const first = await signedOff(w, "alice", "Amend article 4", "charter/article-4.md");
  const second = await signedOff(w, "alice", "Amend article 5", "charter/article-5.md");
  const e1 = await w.enqueue(first);
  const e2 = await w.enqueue(second);
  await w.settle();
  return { first, second, e1, e2 };
}

describe("a repository whose default branch merges through a merge queue", () => {
  it("life cycle: an objection while queued fails the group and the PR leaves the queue; another passes through and is recorded once", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    // Both enter the queue: #second's group holds #first's changes too, so both are judged.
    const { first, second, e1, e2 } = await twoQueued(w);
    expect(w.groupChecks(e1).signoff).toMatchObject({ conclusion: "success", title: `Pull request #${first} holds` });
    expect(w.groupChecks(e2).signoff).toMatchObject({ conclusion: "success", title: `All 2 pull requests hold: #${first}, #${second}` });
    expect(w.groupChecks(e2).declaration).toMatchObject({ conclusion: "success" });

    // While queued (the groups' checks passed, GitHub still waits for its other checks), bob
    // objects to #first. GitHub asks nothing more of the groups: the review's evaluation finds
    // #first no longer holding and judges again, at once, every group that holds it.
    w.clock.advance(HOUR);
    await w.review(first, "bob", "CHANGES_REQUESTED");
    await w.settle();
    expect(w.groupChecks(e1).signoff).toMatchObject({ conclusion: "failure", title: `#${first} does not hold: Blocked by an objection from Government` });
    // The group behind it holds #first too: it fails as well, naming #first.
    expect(w.groupChecks(e2).signoff?.conclusion).toBe("failure");
    expect(w.groupChecks(e2).signoff?.title).toContain(`#${first} does not hold`);

    // GitHub removes #first from the queue; #second's group is destroyed and built again without it.
    expect(await w.advanceQueue()).toEqual({ dequeued: first });
    const [rebuilt] = w.standin.queueOf(w.repo) as [QueueEntry];
    expect(rebuilt.number).toBe(second);
    expect(rebuilt.headSha).not.toBe(e2.headSha);
    expect(w.standin.readFile(w.repo, "charter/article-4.md", rebuilt.ref)).toBeUndefined();
    expect(w.groupChecks(rebuilt).signoff).toMatchObject({ conclusion: "success", title: `Pull request #${second} holds` });

    // #second lands: the default branch moves to its group's commit, it closes as merged with it.
    w.clock.advance(HOUR);
    expect(await w.advanceQueue()).toEqual({ landed: second });
    expect(w.repo.branches.get("main")).toBe(rebuilt.headSha);
    expect(w.standin.item(w.repo, second)).toMatchObject({ merged: true, mergeCommitSha: rebuilt.headSha });
    expect(w.standin.item(w.repo, first)).toMatchObject({ state: "open", merged: false });

    // Recorded once, with the queue's commit as its merge commit, signed off.
    const records = w.records();
    expect(records).toHaveLength(1);
    expect(records[0]?.record).toMatchObject({ pr: second, outcome: "adopted", signed_off: true, merge_commit: rebuilt.headSha });
    // Nothing more is written by a sweep: no second record of the queue's merge.
    await w.sweepUntilQuiet();
    expect(w.records()).toHaveLength(1);
    expect(w.verifyChain()).toMatchObject({ ok: true, count: 1 });
  });

  it("a process restarted after the groups were judged: an objection while queued still fails every group that holds the PR", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const { first, e1, e2 } = await twoQueued(w);
    expect(w.groupChecks(e2).signoff?.conclusion).toBe("success");

    // A deploy: the process that judged the groups is gone; a new one knows nothing of them.
    await w.apps[0]!.stop();
    w.apps[0] = await startApp({ standin: w.standin, clock: w.clock });
    w.clock.advance(HOUR);
    await w.review(first, "bob", "CHANGES_REQUESTED");
    await w.settle();

    // GitHub says #first is queued; its groups are read from the queue and judged again.
    expect(w.groupChecks(e1).signoff).toMatchObject({ conclusion: "failure", title: `#${first} does not hold: Blocked by an objection from Government` });
    expect(w.groupChecks(e2).signoff?.title).toContain(`#${first} does not hold`);
    expect(await w.advanceQueue()).toEqual({ dequeued: first });
    expect(w.standin.item(w.repo, first).merged).toBe(false);
  });

  it.each([0, 1])("two processes, the objection delivered to process %i: every group holding the PR fails, whichever process judged it", async (to) => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z", processes: 2 });
    const { first, e1, e2 } = await twoQueued(w);
    expect(w.groupChecks(e1).signoff?.conclusion).toBe("success");
    expect(w.groupChecks(e2).signoff?.conclusion).toBe("success");

    w.clock.advance(HOUR);
    const review = w.standin.review(w.repo, first, { user: "bob", state: "CHANGES_REQUESTED", at: w.clock.now() });
    await w.deliver("pull_request_review", w.reviewPayload("submitted", first, review.id), w.apps[to]);
    await w.settle();
    expect(w.groupChecks(e1).signoff?.conclusion).toBe("failure");
    expect(w.groupChecks(e2).signoff?.conclusion).toBe("failure");
  });

  it("a queued PR that keeps holding: its evaluation reads no queue (no request beyond an evaluation's)", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const first = await signedOff(w, "alice", "Amend article 4", "charter/article-4.md");
    await w.enqueue(first);
    await w.settle();
    const readsQueue = (r: { method: string; path: string; body?: unknown }) =>
      r.method === "POST" && r.path === "/graphql" && /mergeQueue\(/.test(String((r.body as { query?: string } | null)?.query ?? ""));
    // The group's evaluation read it.
    expect(w.standin.requests.filter(readsQueue)).toHaveLength(1);
    const from = w.standin.requests.length;
    await w.review(first, "erin", "COMMENTED");
    await w.settle();
    expect(w.standin.requests.length).toBeGreaterThan(from);
    expect(w.standin.requests.slice(from).filter(readsQueue)).toEqual([]);
  });

  it("a group of several PRs lands together: each PR recorded once, with its own entry's commit", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const prs: number[] = [];
    for (const n of [6, 7, 8]) prs.push(await signedOff(w, "alice", `Amend article ${n}`, `charter/article-${n}.md`));
    const entries: QueueEntry[] = [];
    for (const pr of prs) entries.push(await w.enqueue(pr));
    await w.settle();
    const last = entries[2]!;
    expect(w.groupChecks(last).signoff).toMatchObject({ conclusion: "success", title: `All 3 pull requests hold: ${prs.map((p) => `#${p}`).join(", ")}` });

    // GitHub lands the three at once (the last group holds them all).
    expect((await w.landQueue(prs[2]!)).map((e) => e.number)).toEqual(prs);
    await w.settle();
    expect(w.repo.branches.get("main")).toBe(last.headSha);
    const records = w.records();
    expect(records.map((r) => r.record?.pr).sort()).toEqual([...prs].sort());
    for (const [i, pr] of prs.entries()) {
      expect(records.find((r) => r.record?.pr === pr)?.record).toMatchObject({ outcome: "adopted", signed_off: true, merge_commit: entries[i]!.headSha });
    }
    await w.sweepUntilQuiet();
    expect(w.records()).toHaveLength(3);
    expect(w.verifyChain()).toMatchObject({ ok: true, count: 3 });
  });

  it("a new rule since the PR entered the queue counts: the group is judged by the default branch as it stands", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const pr = await signedOff(w, "alice", "Amend article 9", "charter/article-9.md");
    const entry = await w.enqueue(pr);
    await w.settle();
    expect(w.groupChecks(entry).signoff?.conclusion).toBe("success");
    // The secretariat raises the charter's bar to four approvals while the PR waits in the queue.
    const policy = w.standin.readFile(w.repo, ".github/governance.yml")!.replace("      required_sectors: [civil-society]", "      required_sectors: [civil-society]\n      approvals: 4");
    w.standin.commit(w.repo, "main", { ".github/governance.yml": policy }, { at: w.clock.now(), author: "secretariat" });
    await w.requestGroupChecks(entry);
    await w.settle();
    expect(w.groupChecks(entry).signoff?.conclusion).toBe("failure");
    expect(w.groupChecks(entry).signoff?.title).toMatch(new RegExp(`^#${pr} does not hold: `));
  });

  it("merge_group.destroyed and pull_request.dequeued write nothing", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const pr = await signedOff(w, "alice", "Amend article 10", "charter/article-10.md");
    const entry = await w.enqueue(pr);
    await w.settle();
    const writes = w.writes();
    const requests = w.standin.requests.length;
    await w.dequeue(pr, "MANUAL");
    await w.settle();
    expect(w.writes()).toBe(writes);
    // The app reads nothing either: neither event can change a check.
    expect(w.standin.requests.length).toBe(requests);
    expect(w.groupChecks(entry).signoff?.conclusion).toBe("success");
  });
});

describe("what a merge group costs", () => {
  /** Requests GitHub counts against the installation's rate limit: all but 304s (and tokens). */
  const counted = (w: World, from: number) =>
    w.standin.requests.slice(from).filter((r) => r.status !== 304 && !r.path.endsWith("/access_tokens"));

  it("a group of 1 and a group of 5: the queue, each PR once, the group's checks once, two writes", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const prs: number[] = [];
    for (let n = 1; n <= 5; n++) prs.push(await signedOff(w, "alice", `Amend article ${20 + n}`, `charter/article-${20 + n}.md`));
    w.standin.enableMergeQueue(w.repo);
    const entries = prs.map((pr) => w.standin.enqueue(w.repo, pr, { at: w.clock.now() }));

    const cost = async (entry: QueueEntry) => {
      const from = w.standin.requests.length;
      await w.requestGroupChecks(entry);
      await w.settle();
      expect(w.groupChecks(entry).signoff?.conclusion).toBe("success");
      return counted(w, from).map((r) => `${r.method} ${r.path.split("?")[0]!.replace(/[0-9a-f]{40}/, "<sha>")}`);
    };
    // The rules were read by the PRs' own evaluations: answered 304 (not counted) from now on.
    const one = await cost(entries[0]!);
    expect(one).toEqual([
      "POST /graphql", // the queue's entries
      "GET /repos/partners/charter/commits/<sha>/check-runs", // this app's checks on the group's commit (and the PRs whose head it also is, as they note)
      "POST /graphql", // the PR, as every evaluation reads it
      "POST /repos/partners/charter/check-runs",
      "POST /repos/partners/charter/check-runs",
    ]);
    const five = await cost(entries[4]!);
    expect(five).toHaveLength(1 + 5 + 1 + 2);
    console.log(`counted requests per merge group: of 1 PR ${one.length}, of 5 PRs ${five.length}`);
    // Asked again with nothing changed: the checks already say it, nothing is written.
    expect(await cost(entries[4]!)).toHaveLength(1 + 5 + 1);
  });
});

describe("attacks on the merge queue (promise 1: no sector decides alone; promise 2: nothing lands off the record)", () => {
  const UNKNOWN = "Cannot tell which pull requests this merge group holds";

  /** #signed is signed off; #unsigned has no approval at all. Both are open. */
  async function twoPulls(w: World): Promise<{ signed: number; unsigned: number }> {
    const signed = await signedOff(w, "alice", "Amend article 11", "charter/article-11.md");
    const unsigned = await w.openPull({ author: "alice", title: "Amend article 12", files: { "charter/article-12.md": "# 12\n" } });
    await w.settle();
    expect(w.signoff(unsigned)?.conclusion).toBe("action_required");
    return { signed, unsigned };
  }

  it("a PR not signed off hidden behind a signed-off one: the group's commit holds both, and fails naming the unsigned one", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const { signed, unsigned } = await twoPulls(w);
    // An administrator (or a race) puts the unsigned PR first; the signed-off one is queued behind it.
    const hidden = await w.enqueue(unsigned);
    const front = await w.enqueue(signed);
    await w.settle();
    expect(front.ref).toMatch(new RegExp(`/pr-${signed}-`));
    expect(w.standin.readFile(w.repo, "charter/article-12.md", front.ref)).toBe("# 12\n");
    for (const check of [w.groupChecks(front).signoff, w.groupChecks(hidden).signoff]) {
      expect(check?.conclusion).toBe("failure");
      expect(check?.title).toBe(`#${unsigned} does not hold: 0 of 3 sectors: waiting for Civil society`);
    }
    // Its own PR check still passes: only the group's commit is refused.
    expect(w.signoff(signed)?.conclusion).toBe("success");
  });

  it("a crafted branch name naming a signed-off PR on the commit of an unsigned one's group: fails closed", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const { signed, unsigned } = await twoPulls(w);
    const first = await w.enqueue(signed);
    const second = await w.enqueue(unsigned);
    await w.settle();
    expect(w.groupChecks(second).signoff?.conclusion).toBe("failure");
    // The webhook says the group is #signed's, but its commit is the one holding #unsigned.
    const payload = w.groupPayload("checks_requested", second);
    (payload.merge_group as Record<string, unknown>).head_ref = `refs/heads/${first.ref}`;
    await w.deliverChecked("merge_group", "webhook-merge-group-checks-requested", payload);
    await w.settle();
    const checks = w.groupChecks(second);
    expect(checks.signoff).toMatchObject({ conclusion: "failure", title: UNKNOWN });
    expect(checks.declaration).toMatchObject({ conclusion: "failure", title: UNKNOWN });
    expect(checks.signoff?.summary).toContain(`not this commit (\`${second.headSha}\`)`);
  });

  it.each([
    ["not a queue branch", (ref: string) => ref.replace("gh-readonly-queue/", "feature/")],
    ["no commit after the number", (ref: string) => ref.replace(/-[0-9a-f]{40}$/, "")],
    ["a number with a leading zero", (ref: string) => ref.replace(/\/pr-(\d+)-/, "/pr-0$1-")],
    ["a path that climbs", (ref: string) => ref.replace("gh-readonly-queue/main/", "gh-readonly-queue/main/../main/")],
    ["another base than the group's", (ref: string) => ref.replace("gh-readonly-queue/main/", "gh-readonly-queue/release/")],
    ["a number that is not queued", (ref: string) => ref.replace(/\/pr-\d+-/, "/pr-999-")],
  ])("a queue branch name with %s: fails closed, nothing judged as passing", async (_name, craft) => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const pr = await signedOff(w, "alice", "Amend article 13", "charter/article-13.md");
    w.standin.enableMergeQueue(w.repo);
    const entry = w.standin.enqueue(w.repo, pr, { at: w.clock.now() });
    const payload = w.groupPayload("checks_requested", entry);
    const group = payload.merge_group as Record<string, string>;
    group.head_ref = craft(group.head_ref!);
    await w.deliverChecked("merge_group", "webhook-merge-group-checks-requested", payload);
    await w.settle();
    expect(w.groupChecks(entry).signoff).toMatchObject({ conclusion: "failure", title: UNKNOWN });
    expect(w.groupChecks(entry).declaration).toMatchObject({ conclusion: "failure", title: UNKNOWN });
  });

  it("a queue commit for a PR based elsewhere: fails closed", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const pr = await signedOff(w, "alice", "Amend article 14", "charter/article-14.md");
    w.standin.commit(w.repo, "release", { "RELEASE.md": "1.0\n" }, { at: w.clock.now(), author: "secretariat" });
    w.standin.enableMergeQueue(w.repo);
    const entry = w.standin.enqueue(w.repo, pr, { at: w.clock.now() });
    // Retargeted to another branch while its group waits (GitHub would dequeue it; a late
    // webhook still asks for the group's checks).
    w.standin.setBase(w.repo, pr, "release");
    await w.requestGroupChecks(entry);
    await w.settle();
    expect(w.groupChecks(entry).signoff).toMatchObject({ conclusion: "failure", title: UNKNOWN });
    expect(w.groupChecks(entry).signoff?.summary).toContain("is based on `release`, not on `main`");
  });

  it("a GitHub error while the queue is read: fails closed with the request id", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const pr = await signedOff(w, "alice", "Amend article 15", "charter/article-15.md");
    w.standin.enableMergeQueue(w.repo);
    const entry = w.standin.enqueue(w.repo, pr, { at: w.clock.now() });
    // The merge queue's query is the first GraphQL request of the group's evaluation; GitHub
    // answers it with a server error, again on the retries.
    w.standin.faults.addRule({ method: "POST", path: "/graphql", kind: "502", phase: "before", times: 10 });
    await w.requestGroupChecks(entry);
    await w.settle();
    expect(w.groupChecks(entry).signoff).toMatchObject({ conclusion: "failure", title: UNKNOWN });
    expect(w.groupChecks(entry).signoff?.summary).toMatch(/request id: STANDIN:\d+/);
  });
});
