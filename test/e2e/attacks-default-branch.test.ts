// Attacks of the second red team (attack2) on the default branch itself: an administrator who
// rewinds or rewrites it, or makes another branch the default; and a writer who hides the PRs
// that share a head commit behind a page of the list. Each test failed on the code it was
// written against, and passes once the flaw is fixed (SPEC.md "What it guarantees").
import { describe, expect, it } from "vitest";
import { pushPayload } from "../helpers/payloads.js";
import { HOUR } from "./harness.js";
import { INSTALLATION, OWNER, POLICY_PATH, REPO, worldPerTest, type World } from "./world.js";

const createWorld = worldPerTest();

/** The push event GitHub sends for the secretariat's push of the default branch from `before` to `after`; then every sweep. */
async function pushed(w: World, before: string, after: string, commits: Array<Record<string, unknown>>, headCommit: Record<string, unknown>, forced: boolean): Promise<void> {
  await w.deliver(
    "push",
    pushPayload(
      { owner: OWNER, repo: REPO, installationId: INSTALLATION, defaultBranch: w.repo.defaultBranch, after },
      { before, forced, created: false, deleted: false, commits, head_commit: headCommit, sender: { login: "secretariat", id: w.userId("secretariat") }, repository: { pushed_at: Math.floor(w.clock.now().getTime() / 1000) } },
    ),
  );
  await w.settle();
  await w.sweepUntilQuiet();
}

describe("promise 2 (an administrator): a force-push that rewrites the default branch is a direct push like any other", () => {
  /** A charter amendment signed off by three sectors and merged: its merge commit. */
  async function signedOff(w: World, title: string, charter: string): Promise<string> {
    const pr = await w.openPull({ author: "alice", title, files: { "CHARTER.md": charter } });
    for (const login of ["bob", "carol", "dan"]) await w.approve(pr, login);
    await w.settle();
    const merged = await w.merge(pr);
    await w.settle();
    return merged;
  }

  /** A harmless direct push, then a charter amendment signed off by three sectors and merged (on the record). */
  async function amended(w: World): Promise<{ harmless: string; merged: string }> {
    const harmless = await w.pushDefault({ "README.md": "# Partnership\n" }, { pusher: "secretariat" });
    await w.settle();
    const merged = await signedOff(w, "Amend article 3", "# Charter v2\n");
    expect(w.records().map((r) => [r.record?.outcome, r.record?.merge_commit])).toEqual([["adopted", merged]]);
    expect(w.standin.readFile(w.repo, "CHARTER.md")).toBe("# Charter v2\n");
    return { harmless, merged };
  }

  /** The push event GitHub sends for a force-push of the default branch from `before` to `after`. */
  const forcePushed = (w: World, before: string, after: string, commits: Array<Record<string, unknown>>, headCommit: Record<string, unknown>) => pushed(w, before, after, commits, headCommit, true);

  const commitJson = (w: World, sha: string, modified: string[], distinct: boolean) => ({
    id: sha,
    tree_id: sha,
    distinct,
    message: "Pushed by secretariat",
    timestamp: w.clock.now().toISOString(),
    url: `https://github.com/${OWNER}/${REPO}/commit/${sha}`,
    author: { name: "secretariat", email: "secretariat@example.org", username: "secretariat" },
    committer: { name: "secretariat", email: "secretariat@example.org", username: "secretariat" },
    added: [],
    removed: [],
    modified,
  });

  it("an administrator force-pushes the default branch back to before a signed-off charter amendment: the rewind is on the record", async () => {
    const w = await createWorld();
    const { harmless, merged } = await amended(w);
    // `git push --force origin <harmless>:main`. GitHub's push event for a rewind lists no
    // commits (none is new between before and after) and names the old commit as head_commit.
    w.clock.advance(HOUR);
    w.repo.branches.set(w.repo.defaultBranch, harmless);
    expect(w.standin.readFile(w.repo, "CHARTER.md")).toBe("# Charter\n");
    await forcePushed(w, merged, harmless, [], commitJson(w, harmless, ["README.md"], false));
    // The charter changed on the default branch: the push is on the record, as any direct push
    // changing a governed path is (SPEC.md promise 2), judged by the rules before it.
    const pushed = w.records().filter((r) => r.record?.outcome === "pushed");
    expect(pushed.map((r) => r.record?.merge_commit), "the rewind that undid the charter amendment is not on the record").toEqual([harmless]);
    expect(pushed[0]?.record).toMatchObject({ v: 2, forced: true, rules: merged, kinds: ["charter"], signed_off: false, pusher: "secretariat" });
    expect((await w.verify()).ok).toBe(true);
  });

  it("a force-push back to a commit whose own push is on the record is a record of its own", async () => {
    const w = await createWorld();
    // A charter edit pushed directly (on the record), then a signed-off amendment over it.
    const pushedOnce = await w.pushDefault({ "CHARTER.md": "# Charter, pushed\n" }, { pusher: "secretariat" });
    await w.settle();
    const merged = await signedOff(w, "Amend article 3", "# Charter v2\n");
    expect(w.records().map((r) => [r.record?.outcome, r.record?.merge_commit])).toEqual([
      ["pushed", pushedOnce],
      ["adopted", merged],
    ]);
    w.clock.advance(HOUR);
    w.repo.branches.set(w.repo.defaultBranch, pushedOnce);
    await forcePushed(w, merged, pushedOnce, [], commitJson(w, pushedOnce, ["CHARTER.md"], false));
    expect(w.records().map((r) => [r.record?.outcome, r.record?.merge_commit, r.record?.forced])).toEqual([
      ["pushed", pushedOnce, undefined],
      ["adopted", merged, undefined],
      ["pushed", pushedOnce, true],
    ]);
    expect((await w.verify()).ok).toBe(true);
  });

  it("an administrator force-pushes a commit built on the state before a signed-off charter amendment, touching only the README: the push is on the record", async () => {
    const w = await createWorld();
    const { harmless, merged } = await amended(w);
    // A commit whose parent is the harmless one (the amendment not in its history), changing the
    // README only; force-pushed over the default branch. Its own diff names the README alone.
    w.clock.advance(HOUR);
    w.repo.branches.set("rewrite", harmless);
    const rewritten = w.standin.commit(w.repo, "rewrite", { "README.md": "# Partnership, tidied\n" }, { at: w.clock.now(), author: "secretariat" });
    w.repo.branches.set(w.repo.defaultBranch, rewritten);
    expect(w.standin.readFile(w.repo, "CHARTER.md")).toBe("# Charter\n");
    const commit = commitJson(w, rewritten, ["README.md"], true);
    await forcePushed(w, merged, rewritten, [commit], commit);
    const pushed = w.records().filter((r) => r.record?.outcome === "pushed");
    expect(pushed.map((r) => r.record?.merge_commit), "the force-push that undid the charter amendment is not on the record").toEqual([rewritten]);
    expect(pushed[0]?.record).toMatchObject({ forced: true, rules: merged, kinds: ["charter"] });
  });

  it("a force-push back to an earlier PR's merge commit is no merge of a PR: it is on the record", async () => {
    const w = await createWorld();
    const firstMerge = await signedOff(w, "Amend article 1", "# Charter v1.1\n");
    const secondMerge = await signedOff(w, "Amend article 2", "# Charter v2\n");
    w.clock.advance(HOUR);
    w.repo.branches.set(w.repo.defaultBranch, firstMerge);
    await forcePushed(w, secondMerge, firstMerge, [], commitJson(w, firstMerge, ["CHARTER.md"], false));
    expect(w.records().map((r) => [r.record?.outcome, r.record?.merge_commit])).toEqual([
      ["adopted", firstMerge],
      ["adopted", secondMerge],
      ["pushed", firstMerge],
    ]);
  });

  it("a force-push back to a PR's merge commit within a minute of its merge, undoing a direct push over it, is no merge of a PR: it is on the record", async () => {
    const w = await createWorld();
    const merged = await signedOff(w, "Amend article 1", "# Charter v1.1\n");
    // A charter edit pushed directly over the merge (on the record), then undone by a force-push
    // back to the merge commit at once: GitHub's time of that push is within a minute of the
    // merge's, so only its being forced tells it from the merge itself.
    const over = await w.pushDefault({ "CHARTER.md": "# Charter, pushed over\n" }, { pusher: "secretariat" });
    await w.settle();
    w.repo.branches.set(w.repo.defaultBranch, merged);
    await forcePushed(w, over, merged, [], commitJson(w, merged, ["CHARTER.md"], false));
    expect(w.records().map((r) => [r.record?.outcome, r.record?.merge_commit, r.record?.forced]), "the rewind to the merge commit is not on the record").toEqual([
      ["adopted", merged, undefined],
      ["pushed", over, undefined],
      ["pushed", merged, true],
    ]);
    expect((await w.verify()).ok).toBe(true);
  });

  it("after a rewind, a fast-forward back to a PR's merge commit an hour later is no merge of a PR: it is on the record", async () => {
    const w = await createWorld();
    const before = w.repo.branches.get(w.repo.defaultBranch)!;
    const merged = await signedOff(w, "Amend article 1", "# Charter v1.1\n");
    w.clock.advance(HOUR);
    w.repo.branches.set(w.repo.defaultBranch, before);
    await forcePushed(w, merged, before, [], commitJson(w, before, ["CHARTER.md"], false));
    // `git push origin <merge commit>:main`: a fast-forward, by the PR's merge commit (whose base
    // is the default branch), long after GitHub merged it.
    w.clock.advance(HOUR);
    w.repo.branches.set(w.repo.defaultBranch, merged);
    const commit = commitJson(w, merged, ["CHARTER.md"], false);
    await pushed(w, before, merged, [commit], commit, false);
    expect(w.records().map((r) => [r.record?.outcome, r.record?.merge_commit]), "the charter came back off the record").toEqual([
      ["adopted", merged],
      ["pushed", before],
      ["pushed", merged],
    ]);
  });
});

describe("promise 2 (an administrator): switching the default branch is a change of the default branch like a push", () => {
  /** The switch, delivered, then every sweep it calls for. */
  async function switchDefault(w: World, to: string, opts: { deleteOld?: boolean } = {}): Promise<void> {
    await w.switchDefault(to, opts);
    await w.sweepUntilQuiet();
  }

  it("an administrator makes another branch, with another charter, the default branch: the change is on the record", async () => {
    const w = await createWorld();
    const main = w.repo.branches.get(w.repo.defaultBranch)!;
    // A branch the administrator prepared from the default one, its charter rewritten (no PR, no sign-off).
    w.repo.branches.set("staging", main);
    const staging = w.standin.commit(w.repo, "staging", { "CHARTER.md": "# Charter, rewritten on staging\n" }, { at: w.clock.now(), author: "secretariat" });
    w.clock.advance(HOUR);
    await switchDefault(w, "staging");
    expect(w.standin.readFile(w.repo, "CHARTER.md")).toBe("# Charter, rewritten on staging\n");
    // The charter on the default branch changed without a decision: an administrator may do it,
    // but only on the record (SPEC.md promise 2), judged by the old default branch's rules.
    expect(w.records().map((r) => r.record?.merge_commit), "the switch of the default branch is not on the record").toContain(staging);
    expect(w.records()[0]?.record).toMatchObject({ outcome: "pushed", pr: null, signed_off: false, rules: main, kinds: ["charter"], pusher: "secretariat", default_branch: { from: "main", to: "staging" } });
    expect((await w.verify()).ok).toBe(true);
  });

  it("the switch's webhook lost (`repository.edited` never delivered): the next sweep records it, naming both branches, once", async () => {
    const w = await createWorld();
    await w.app.sweep();
    await w.settle();
    const main = w.repo.branches.get(w.repo.defaultBranch)!;
    w.repo.branches.set("staging", main);
    const staging = w.standin.commit(w.repo, "staging", { "CHARTER.md": "# Charter, rewritten on staging\n" }, { at: w.clock.now(), author: "secretariat" });
    w.clock.advance(HOUR);
    // Settings > Default branch: `staging`; the app is down, the webhook lost.
    w.repo.defaultBranch = "staging";
    await w.sweepUntilQuiet();
    expect(w.records().map((r) => r.record), "the switch of the default branch went off the record").toEqual([
      expect.objectContaining({ outcome: "pushed", merge_commit: staging, rules: main, kinds: ["charter"], pusher: "ghost", default_branch: { from: "main", to: "staging" }, forced: true }),
    ]);
    expect((await w.verify()).ok).toBe(true);
  });

  it("the old default branch deleted before the app hears of the switch: recorded, every governed path taken as changed", async () => {
    const w = await createWorld();
    w.repo.branches.set("staging", w.repo.branches.get(w.repo.defaultBranch)!);
    const staging = w.standin.commit(w.repo, "staging", { "CHARTER.md": "# Charter, rewritten on staging\n" }, { at: w.clock.now(), author: "secretariat" });
    w.clock.advance(HOUR);
    await switchDefault(w, "staging", { deleteOld: true });
    const record = w.records()[0]?.record;
    expect(record?.merge_commit).toBe(staging);
    expect(record?.kinds).toEqual(expect.arrayContaining(["charter", "governance"]));
  });

  it("a switch to a branch at the same commit changes nothing and is not recorded; open PRs are judged again", async () => {
    const w = await createWorld();
    const pr = await w.openPull({ author: "alice", title: "Amend article 3", files: { "CHARTER.md": "# Charter v2\n" } });
    await w.settle();
    expect(w.signoff(pr)?.title).not.toBe("Not a decision");
    w.repo.branches.set("trunk", w.repo.branches.get(w.repo.defaultBranch)!);
    await switchDefault(w, "trunk");
    expect(w.records()).toEqual([]);
    // The PR is into `main`, no longer the default branch: judged again, it is no decision there.
    expect(w.signoff(pr)?.title).toMatch(/^Not a decision: into main/);
  });
});

describe("promise 1 (a writer): the PRs that share a head commit are all found, however many there are", () => {
  /** A writer's branch with a commit; `count` PRs into it from branches at that commit; the commit. */
  async function parked(w: World, count: number): Promise<string> {
    w.standin.commit(w.repo, "parking", {}, { at: w.clock.now() });
    const opener = w.standin.openPull(w.repo, { author: "alice", title: "Budget 2027", files: { "budget.md": "# Budget 2027\n" }, base: "parking", at: w.clock.now() });
    await w.deliver("pull_request", w.pullPayload("opened", opener.number));
    const head = w.headSha(opener.number);
    // PRs from branches at that commit, into `parking` (never judged: not into the default
    // branch). GitHub's "pull requests associated with a commit" lists them all.
    for (let i = 0; i < count; i++) {
      const park = w.standin.openPull(w.repo, { author: "alice", title: `Parked ${i}`, files: { "budget.md": "# Budget 2027\n" }, base: "parking", at: w.clock.now() });
      w.repo.branches.set(park.headRef, head);
      park.commits = [head];
    }
    return head;
  }

  /** A PR into the default branch, from a branch at `head`, delivered as opened. */
  async function openAt(w: World, head: string, spec: { title: string; labels?: string[] }): Promise<number> {
    const pull = w.standin.openPull(w.repo, { author: "alice", files: { "budget.md": "# Budget 2027\n" }, at: w.clock.now(), ...spec });
    w.repo.branches.set(pull.headRef, head);
    pull.commits = [head];
    await w.deliver("pull_request", w.pullPayload("opened", pull.number));
    await w.settle();
    return pull.number;
  }

  const associatedReads = (w: World, head: string) => w.standin.requests.filter((r) => r.method === "GET" && r.path.startsWith(`/repos/${OWNER}/${REPO}/commits/${head}/pulls`)).length;

  it("a writer parks a hundred PRs into another branch on a consultation's head commit, then opens an unlabelled twin: the consultation's check is not turned to success", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const head = await parked(w, 100);
    // The consultation: a decision by its label (two sectors, 72 hours), on that commit.
    const decision = await openAt(w, head, { title: "Consultation on the budget", labels: ["consultation"] });
    expect(w.signoff(decision)?.conclusion).toBe("action_required");
    // The unlabelled twin, into the default branch, on the same commit.
    const before = associatedReads(w, head);
    const twin = await openAt(w, head, { title: "Budget (copy)" });
    // Branch protection reads the required check on the head commit: the consultation, with no
    // approval and its comment period running, must not show as passing there.
    expect(w.signoff(decision)?.conclusion, "the twin's 'Not a decision' stands on the consultation's head").toBe("action_required");
    expect(w.signoff(twin)?.title).toContain(`#${decision}`);
    // The cost: the list's two pages (102 PRs) per evaluation that judges the others.
    expect(associatedReads(w, head) - before).toBeGreaterThanOrEqual(2);
  });

  it("beyond the bound of pages read, the checks on the shared head fail saying why, never pass", async () => {
    // Pages of ten: the bound of ten pages is reached with a hundred PRs.
    const w = await createWorld({ start: "2026-11-20T10:00:00Z", standin: { maxPerPage: 10 } });
    const head = await parked(w, 100);
    const decision = await openAt(w, head, { title: "Consultation on the budget", labels: ["consultation"] });
    const reads = associatedReads(w, head);
    await openAt(w, head, { title: "Budget (copy)" });
    expect(w.signoff(decision)?.conclusion).toBe("failure");
    expect(w.signoff(decision)?.title).toBe("Too many pull requests on this commit to judge");
    expect(w.declaration(decision)?.conclusion).toBe("failure");
    // Bounded: at most ten pages per evaluation that lists them.
    const perListing = associatedReads(w, head) - reads;
    expect(perListing).toBeGreaterThan(0);
    expect(perListing % 10).toBe(0);
  });
});

describe("promise 2 (a writer, then whoever pushes the default branch): a PR's merge into another branch is no merge into the default branch", () => {
  it("a charter change merged into `staging`, then the default branch fast-forwarded to that merge commit: the push is on the record", async () => {
    const w = await createWorld();
    w.repo.branches.set("staging", w.repo.branches.get(w.repo.defaultBranch)!);
    // A writer's PR into `staging` (never judged, never recorded: nothing reached the default branch).
    const pr = await w.openPull({ author: "alice", title: "Tidy the charter", files: { "CHARTER.md": "# Charter, tidied on staging\n" }, base: "staging" });
    await w.settle();
    const merge = await w.merge(pr);
    await w.settle();
    expect(w.records()).toEqual([]);

    // `git push origin staging:main`: a fast-forward of the default branch to the PR's merge
    // commit, by an administrator (or a writer where the branch is not protected).
    w.clock.advance(HOUR);
    const before = w.repo.branches.get(w.repo.defaultBranch)!;
    w.repo.branches.set(w.repo.defaultBranch, merge);
    expect(w.standin.readFile(w.repo, "CHARTER.md")).toBe("# Charter, tidied on staging\n");
    const commit = { id: merge, tree_id: merge, distinct: false, message: "Merge pull request", timestamp: w.clock.now().toISOString(), url: `https://github.com/${OWNER}/${REPO}/commit/${merge}`, author: { name: "alice", email: "alice@example.org", username: "alice" }, committer: { name: "GitHub", email: "noreply@github.com", username: "web-flow" }, added: [], removed: [], modified: ["CHARTER.md"] };
    await pushed(w, before, merge, [commit], commit, false);

    // The charter reached the default branch by a push, not by the PR (whose base was staging).
    expect(w.records().map((r) => [r.record?.outcome, r.record?.merge_commit]), "the charter change reached the default branch off the record").toEqual([["pushed", merge]]);
  });
});

describe("promise 2 (an administrator): pushes while the policy is invalid are on the record", () => {
  it("the policy broken by a push, then a charter push and a README push: each recorded, judged by the last valid rules, saying so", async () => {
    const w = await createWorld();
    const valid = w.repo.branches.get(w.repo.defaultBranch)!;
    // The push that breaks the policy is judged by the valid rules before it (a rules change).
    const broken = await w.pushDefault({ [POLICY_PATH]: "decisions: [\n" }, { pusher: "secretariat" });
    await w.settle();
    w.clock.advance(HOUR);
    // With the policy invalid, nothing can say what is governed: every push goes on the record.
    const charter = await w.pushDefault({ "CHARTER.md": "# Charter, pushed while the rules were broken\n" }, { pusher: "secretariat" });
    await w.settle();
    w.clock.advance(HOUR);
    const readme = await w.pushDefault({ "README.md": "# Partnership\n" }, { pusher: "secretariat" });
    await w.settle();
    await w.sweepUntilQuiet();

    expect(w.records().map((r) => [r.record?.merge_commit, r.record?.rules, r.record?.judged_by, r.record?.kinds]), "a push under an invalid policy went off the record").toEqual([
      [broken, valid, undefined, ["governance"]],
      [charter, broken, valid, ["charter"]],
      [readme, charter, valid, []],
    ]);
    const bodies = w.logIssues().flatMap((i) => w.standin.commentsOn(w.repo, i.number).map((c) => c.body));
    expect(bodies.filter((b) => b.includes("**Rules invalid:**") && b.includes(valid))).toHaveLength(2);
    expect(await w.verify()).toMatchObject({ code: 0, ok: true, count: 3 });
  });
});
