// Life-cycle scenarios through the end-to-end harness: the real app behind Probot's HTTP server,
// webhooks over HTTP, and the GitHub stand-in holding the state.
import { afterEach, describe, expect, it } from "vitest";
import { GENESIS } from "../../src/core/chain.js";
import { PULL_REQUEST_QUERY } from "../../src/github/facts.js";
import { APP_ID, HOUR } from "./harness.js";
import type { LoggedRequest } from "./standin/standin.js";
import { OWNER, POLICY, POLICY_PATH, REGISTRY, REGISTRY_PATH, REPO, World } from "./world.js";
import { userId } from "./standin/standin.js";

let world: World | undefined;

async function createWorld(...args: Parameters<typeof World.create>): Promise<World> {
  world = await World.create(...args);
  return world;
}

afterEach(async () => {
  if (!world) return;
  // Every request the app made, and every answer, fit GitHub's description.
  expect(world.standin.violations).toEqual([]);
  await world.stop();
  world = undefined;
});

const CHARTER_V2 = { "CHARTER.md": "# Charter\n\nArticle 4, amended.\n" };

describe("a decision, from opening to the report", () => {
  it("opens waiting, signs off sector by sector, merges, is recorded once and reported after the month", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const pr = await w.openPull({ author: "alice", title: "Amend article 4", files: CHARTER_V2 });
    await w.settle();
    expect(w.declaration(pr)).toMatchObject({ conclusion: "success", title: "All contributors have declared" });
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "0 of 3 sectors: waiting for Civil society" });

    w.clock.advance(HOUR);
    await w.approve(pr, "bob");
    await w.settle();
    expect(w.signoff(pr)?.title).toBe("1 of 3 sectors: waiting for Civil society");

    w.clock.advance(HOUR);
    await w.approve(pr, "dan");
    await w.approve(pr, "carol");
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "success", title: "Signed off by 3 sectors" });

    w.clock.advance(HOUR);
    const headBefore = w.repo.branches.get(w.repo.defaultBranch);
    const mergeSha = await w.merge(pr);
    await w.settle();
    const logs = w.logIssues();
    expect(logs.map((i) => i.title)).toEqual(["Transparency log: 2026-11"]);
    expect(logs[0]?.labels).toEqual(["transparency"]);
    const records = w.records();
    expect(records).toHaveLength(1);
    expect(records[0]?.record).toMatchObject({
      v: 2,
      rules: headBefore,
      head: mergeSha,
      repo: "partners/charter",
      seq: 1,
      prev: GENESIS,
      pr,
      title: "Amend article 4",
      author: "alice",
      author_sector: "civil-society",
      kinds: ["charter"],
      outcome: "adopted",
      signed_off: true,
      approvals: { business: ["carol"], "civil-society": ["dan"], government: ["bob"] },
      objections: [],
      merge_commit: mergeSha,
    });
    expect(w.verifyChain()).toMatchObject({ ok: true, count: 1 });
    // Anchored on the merge commit, and verified as an outsider would (the CLI, with a token).
    expect(w.anchors(mergeSha)).toEqual([{ seq: 1, hash: records[0]?.record?.hash, prev: GENESIS, pr, commit: mergeSha }]);
    expect(await w.verify()).toEqual({ code: 0, ok: true, count: 1, head: records[0]?.record?.hash, problems: [] });

    // A sweep within the month publishes nothing; after it, the report, and the log is closed.
    await w.sweepUntilQuiet();
    expect(w.reportIssues()).toEqual([]);
    w.clock.set("2026-12-01T06:00:00Z");
    await w.sweepUntilQuiet();
    const reports = w.reportIssues();
    expect(reports.map((i) => i.title)).toEqual(["Transparency report: 2026-11"]);
    expect(reports[0]?.body).toContain(String(records[0]?.record?.hash));
    expect(w.logIssues()[0]?.state).toBe("closed");
    // Sweeping again publishes nothing more.
    await w.sweepUntilQuiet();
    expect(w.reportIssues()).toHaveLength(1);
    expect(w.records()).toHaveLength(1);
  });
});

/** A request as "METHOD path status", its query's parameters sorted (their order is no matter). */
function shown(r: LoggedRequest): string {
  const [path, query] = r.path.split("?");
  const params = query ? `?${[...new URLSearchParams(query)].map(([k, v]) => `${k}=${v}`).sort().join("&")}` : "";
  return `${r.method} ${path}${params} ${r.status}`;
}

/** What the app asked of GitHub since request `from` (installation tokens aside). */
function asked(w: World, from = 0): string[] {
  return w.standin.requests.slice(from).filter((r) => !r.path.endsWith("/access_tokens")).map(shown);
}

describe("what an evaluation asks of GitHub", () => {
  const repoPath = `/repos/${OWNER}/${REPO}`;

  it("reads the default branch's policy and registry, the PR in one GraphQL query and this app's checks in one list: four counted reads", async () => {
    const w = await createWorld();
    const pr = await w.openPull({ author: "alice", title: "Amend article 3", files: CHARTER_V2 });
    await w.settle();
    const checkRuns = `GET ${repoPath}/commits/${w.headSha(pr)}/check-runs?app_id=${APP_ID}&filter=latest&per_page=100`;
    // No GET of the repository (its default branch), no ?ref= on the files: the contents API
    // reads the default branch. The PR, its files, reviews, comments and labels: one query.
    expect(asked(w)).toEqual([
      `GET ${repoPath}/contents/${POLICY_PATH} 200`,
      `GET ${repoPath}/contents/${REGISTRY_PATH} 200`,
      "POST /graphql 200",
      `${checkRuns} 200`,
      `POST ${repoPath}/check-runs 201`,
      `POST ${repoPath}/check-runs 201`,
    ]);
    const query = w.standin.requests.find((r) => r.path === "/graphql");
    expect(query?.body).toEqual({ query: PULL_REQUEST_QUERY, variables: { owner: OWNER, repo: REPO, number: pr, appId: w.standin.appId } });
    expect(w.signoff(pr)?.title).toBe("0 of 3 sectors: waiting for Civil society");

    // The next evaluation of the PR: the files have not changed (304, not counted); the PR and
    // its checks are read again, and the sign-off check updated.
    const from = w.standin.requests.length;
    await w.approve(pr, "bob");
    await w.settle();
    const runId = w.repo.checkRuns.find((r) => r.name === "Multi-sector sign-off")?.id;
    expect(asked(w, from)).toEqual([
      `GET ${repoPath}/contents/${POLICY_PATH} 304`,
      `GET ${repoPath}/contents/${REGISTRY_PATH} 304`,
      "POST /graphql 200",
      `${checkRuns} 200`,
      `PATCH ${repoPath}/check-runs/${runId} 200`,
    ]);
    expect(w.signoff(pr)?.title).toBe("1 of 3 sectors: waiting for Civil society");
  });

  it("reads past the first hundred files and reviews through REST, and comments through GraphQL's pages, to the last page", async () => {
    const w = await createWorld();
    // 120 files, the charter annex last (the 121st): a charter amendment only by its last page.
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`a/${String(i).padStart(3, "0")}.md`] = `${i}\n`;
    files["charter/annex-9.md"] = "Annex\n";
    const long = await w.openPull({ author: "alice", title: "Many files", files });
    await w.settle();
    expect(w.signoff(long)).toMatchObject({ conclusion: "action_required", title: "0 of 3 sectors: waiting for Civil society" });
    expect(asked(w).filter((r) => r.includes(`/pulls/${long}/files`))).toEqual([
      `GET ${repoPath}/pulls/${long}/files?per_page=100 200`,
      `GET ${repoPath}/pulls/${long}/files?page=2&per_page=100 200`,
    ]);

    // A motion (two thirds of the four voters take part): 100 review comments by an observer come
    // first, then bob's and carol's approvals (the 101st and 102nd reviews); 104 remarks, then
    // dan's abstention (the 105th comment). Counted only when both lists are read to the end.
    const motion = await w.openPull({ author: "secretariat", title: "Motion on the budget", files: { "motions/budget.md": "1\n" }, labels: ["motion"] });
    for (let i = 0; i < 100; i++) w.standin.review(w.repo, motion, { user: "zoe", state: "COMMENTED", at: w.clock.now() });
    await w.approve(motion, "bob");
    await w.approve(motion, "carol");
    for (let i = 0; i < 104; i++) w.standin.addComment(w.repo, motion, { user: "zoe", body: `Remark ${i}`, at: w.clock.now() });
    await w.settle();
    expect(w.signoff(motion)?.conclusion).toBe("action_required");
    w.clock.advance(HOUR);
    await w.comment(motion, "dan", "/governance abstain");
    await w.settle();
    expect(w.signoff(motion)?.conclusion).toBe("success");
    const lists = asked(w).filter((r) => r.includes(`/pulls/${motion}/reviews`) || r.includes(`/issues/${motion}/comments`));
    expect(lists).toContain(`GET ${repoPath}/pulls/${motion}/reviews?page=2&per_page=100 200`);
    expect(lists.filter((r) => r.includes("/comments"))).toEqual([]);
    // The comments past the first 100 through GraphQL (which tells an edit from a reaction), with the cursor.
    const commentPages = w.standin.requests.filter((r) => /^query PullRequestComments\b/.test(String((r.body as { query?: unknown } | undefined)?.query ?? "")));
    expect(commentPages.length).toBeGreaterThan(0);
    expect(commentPages.every((r) => (r.body as { variables: { number: number } }).variables.number === motion)).toBe(true);
  });
});

describe("an objection and its withdrawal", () => {
  it("blocks while the objection stands, and passes once its author approves", async () => {
    const w = await createWorld();
    const pr = await w.openPull({ author: "alice", title: "Amend article 5", files: CHARTER_V2 });
    await w.approve(pr, "dan");
    await w.approve(pr, "carol");
    await w.review(pr, "bob", "CHANGES_REQUESTED");
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "failure", title: "Blocked by an objection from Government" });

    // A review "comment" is no signal: the objection stands.
    w.clock.advance(HOUR);
    await w.review(pr, "bob", "COMMENTED");
    await w.settle();
    expect(w.signoff(pr)?.title).toBe("Blocked by an objection from Government");

    w.clock.advance(HOUR);
    await w.approve(pr, "bob");
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "success", title: "Signed off by 3 sectors" });
  });

  it("stops blocking when the objection is dismissed", async () => {
    const w = await createWorld();
    const pr = await w.openPull({ author: "alice", title: "Amend article 6", files: CHARTER_V2 });
    const objection = await w.review(pr, "carol", "CHANGES_REQUESTED");
    await w.settle();
    expect(w.signoff(pr)?.conclusion).toBe("failure");
    await w.dismiss(pr, objection);
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "0 of 3 sectors: waiting for Civil society" });
  });
});

describe("a stale approval after a push", () => {
  it("no longer counts an approval of the earlier head, and counts it again once renewed", async () => {
    const w = await createWorld();
    const pr = await w.openPull({ author: "alice", title: "Amend article 7", files: CHARTER_V2 });
    await w.approve(pr, "dan");
    await w.approve(pr, "bob");
    await w.approve(pr, "carol");
    await w.settle();
    const first = w.headSha(pr);
    expect(w.signoff(pr)?.conclusion).toBe("success");

    w.clock.advance(HOUR);
    const second = await w.push(pr, { "CHARTER.md": "# Charter\n\nArticle 7, amended again.\n" });
    await w.settle();
    expect(second).not.toBe(first);
    // The check on the earlier head stays as it was; the new head's waits for fresh approvals.
    expect(w.signoff(pr, first)?.conclusion).toBe("success");
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "0 of 3 sectors: waiting for Civil society" });

    w.clock.advance(HOUR);
    await w.approve(pr, "dan");
    await w.approve(pr, "bob");
    await w.settle();
    expect(w.signoff(pr)?.title).toBe("2 of 3 sectors: waiting for 1 more sector");
    await w.approve(pr, "carol");
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "success", title: "Signed off by 3 sectors" });
  });
});

describe("a policy change on the default branch", () => {
  it("evaluates every open PR again under the new rules", async () => {
    const w = await createWorld();
    const guide = await w.openPull({ author: "carol", title: "Rewrite the guide", files: { "docs/guide.md": "Guide\n" } });
    const charter = await w.openPull({ author: "alice", title: "Amend article 8", files: CHARTER_V2 });
    await w.approve(charter, "dan");
    await w.approve(charter, "bob");
    await w.settle();
    expect(w.signoff(guide)).toMatchObject({ conclusion: "success", title: "Not a decision" });
    expect(w.signoff(charter)?.title).toBe("2 of 3 sectors: waiting for 1 more sector");

    // The partnership (by a signed-off governance PR, merged) makes the guide a decision and
    // lowers the charter's bar to two sectors.
    const policy = POLICY.replace("      sectors: 3\n      required_sectors: [civil-society]", "      sectors: 2").concat(
      "  - id: docs\n    name: Documentation\n    paths: [\"docs/**\"]\n    sign_off:\n      sectors: 2\n",
    );
    expect(policy).not.toBe(POLICY);
    w.clock.advance(HOUR);
    await w.pushDefault({ [POLICY_PATH]: policy });
    await w.settle();
    expect(w.signoff(guide)).toMatchObject({ conclusion: "action_required", title: "0 of 2 sectors: waiting for 2 more sectors" });
    expect(w.signoff(charter)).toMatchObject({ conclusion: "success", title: "Signed off by 2 sectors" });
  });

  it("re-evaluates open PRs when the registry changes: a newcomer's declaration lands", async () => {
    const w = await createWorld();
    const pr = await w.openPull({ author: "newcomer", title: "Fix a typo", files: { "README.md": "Hello\n" } });
    await w.settle();
    expect(w.declaration(pr)?.conclusion).toBe("failure");
    const asked = w.instructionComments(pr);
    expect(asked).toHaveLength(1);
    const askedBody = asked[0]?.body;

    const registry = `${REGISTRY}  - login: newcomer\n    id: ${userId("newcomer")}\n    sector: business\n    organisation: A Cooperative\n    declared: 2026-11-20\n    interests: none\n`;
    w.clock.advance(HOUR);
    await w.pushDefault({ [REGISTRY_PATH]: registry });
    await w.settle();
    expect(w.declaration(pr)).toMatchObject({ conclusion: "success", title: "All contributors have declared" });
    // The instruction comment is edited to a thank-you, never duplicated.
    const comments = w.instructionComments(pr);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.id).toBe(asked[0]?.id);
    expect(comments[0]?.body).not.toBe(askedBody);
  });
});

describe("time passing", () => {
  it("ends a comment period at the sweep after it", async () => {
    const w = await createWorld({ start: "2026-11-20T10:00:00Z" });
    const pr = await w.openPull({ author: "alice", title: "Consult on the budget", files: { "budget.md": "1\n" }, labels: ["consultation"] });
    await w.approve(pr, "bob");
    await w.approve(pr, "carol");
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "Comment period ends 2026-11-23 10:00 UTC" });

    w.clock.advance(71 * HOUR);
    await w.sweepUntilQuiet();
    expect(w.signoff(pr)?.conclusion).toBe("action_required");
    w.clock.advance(2 * HOUR);
    await w.sweepUntilQuiet();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "success", title: "Signed off by 2 sectors" });
  });

  it("rolls the period over: a new log chained to the last, the ended month reported, and a missed month caught up", async () => {
    const w = await createWorld({ start: "2026-11-30T20:00:00Z" });
    const a = await w.openPull({ author: "alice", title: "Withdrawn motion", files: {}, labels: ["motion"] });
    const b = await w.openPull({ author: "bob", title: "Budget consultation", files: { "budget.md": "2\n" }, labels: ["consultation"] });
    await w.settle();
    w.clock.set("2026-11-30T23:30:00Z");
    await w.close(a);
    await w.settle();
    w.clock.set("2026-12-01T00:30:00Z");
    await w.close(b);
    await w.settle();

    expect(w.logIssues().map((i) => i.title)).toEqual(["Transparency log: 2026-11", "Transparency log: 2026-12"]);
    const records = w.records();
    expect(records.map((r) => [r.pr, r.record?.seq, r.record?.outcome])).toEqual([
      [a, 1, "withdrawn"],
      [b, 2, "withdrawn"],
    ]);
    expect(records[1]?.record?.prev).toBe(records[0]?.record?.hash);
    expect(w.verifyChain()).toMatchObject({ ok: true, count: 2 });

    await w.sweepUntilQuiet();
    expect(w.reportIssues().map((i) => i.title)).toEqual(["Transparency report: 2026-11"]);
    expect(w.logIssues().map((i) => i.state)).toEqual(["closed", "open"]);

    // The app is down through January: February's first sweep publishes December, then January
    // (nothing happened in January: no report).
    w.clock.set("2027-02-01T09:00:00Z");
    await w.sweepUntilQuiet();
    expect(w.reportIssues().map((i) => i.title)).toEqual(["Transparency report: 2026-11", "Transparency report: 2026-12"]);
    expect(w.logIssues().map((i) => i.state)).toEqual(["closed", "closed"]);
    expect(w.verifyChain()).toMatchObject({ ok: true, count: 2 });
  });
});
