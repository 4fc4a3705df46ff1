// Life-cycle scenarios through the end-to-end harness: the real app behind Probot's HTTP server,
// webhooks over HTTP, and the GitHub stand-in holding the state.
import { afterEach, describe, expect, it } from "vitest";
import { GENESIS } from "../../src/core/chain.js";
import { HOUR } from "./harness.js";
import { POLICY, POLICY_PATH, REGISTRY, REGISTRY_PATH, World } from "./world.js";

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
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "0 of 3 sectors: waiting for civil-society" });

    w.clock.advance(HOUR);
    await w.approve(pr, "bob");
    await w.settle();
    expect(w.signoff(pr)?.title).toBe("1 of 3 sectors: waiting for civil-society");

    w.clock.advance(HOUR);
    await w.approve(pr, "dan");
    await w.approve(pr, "carol");
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "success", title: "Signed off by 3 sectors" });

    w.clock.advance(HOUR);
    const mergeSha = await w.merge(pr);
    await w.settle();
    const logs = w.logIssues();
    expect(logs.map((i) => i.title)).toEqual(["Transparency log: 2026-11"]);
    expect(logs[0]?.labels).toEqual(["transparency"]);
    const records = w.records();
    expect(records).toHaveLength(1);
    expect(records[0]?.record).toMatchObject({
      v: 1,
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

describe("an objection and its withdrawal", () => {
  it("blocks while the objection stands, and passes once its author approves", async () => {
    const w = await createWorld();
    const pr = await w.openPull({ author: "alice", title: "Amend article 5", files: CHARTER_V2 });
    await w.approve(pr, "dan");
    await w.approve(pr, "carol");
    await w.review(pr, "bob", "CHANGES_REQUESTED");
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "failure", title: "Blocked by an objection from government" });

    // A review "comment" is no signal: the objection stands.
    w.clock.advance(HOUR);
    await w.review(pr, "bob", "COMMENTED");
    await w.settle();
    expect(w.signoff(pr)?.title).toBe("Blocked by an objection from government");

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
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "0 of 3 sectors: waiting for civil-society" });
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
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "0 of 3 sectors: waiting for civil-society" });

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

    const registry = `${REGISTRY}  - login: newcomer\n    sector: business\n    organisation: A Cooperative\n    declared: 2026-11-20\n    interests: none\n`;
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
