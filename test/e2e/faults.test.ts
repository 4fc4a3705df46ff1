// Faults survived, with figures: GitHub failing at random (fixed seed) under a long scenario, a
// webhook delivered three times, two events for one PR at once, and two app processes on the
// same stand-in, both sweeping. The end state must be what a fault-free run gives.
import { afterEach, describe, expect, it } from "vitest";
import { CHECK_DECLARATION, CHECK_SIGNOFF, LOG_TITLE_PREFIX, MARKER_PREFIX, REPORT_TITLE_PREFIX } from "../../src/constants.js";
import { en } from "../../src/render/messages/en/index.js";
import { decodeMemo, splitMemo } from "../../src/github/signal-memo.js";
import { playScenario, type ScenarioStats } from "./scenario.js";
import { HOUR } from "./harness.js";
import { World, type CheckView } from "./world.js";

const START = "2026-11-02T08:00:00Z";
/** After the scenario: December, so that November's report is due at the final sweeps. */
const AFTER = "2026-12-01T06:00:00Z";
const SCENARIO_SEED = 2026;
const FAULT_SEED = 7;
const STEPS = 200;
const ERROR_TITLE = en["checks.error.title"];

const worlds: World[] = [];
async function createWorld(...args: Parameters<typeof World.create>): Promise<World> {
  const world = await World.create(...args);
  worlds.push(world);
  return world;
}

afterEach(async () => {
  for (const world of worlds.splice(0)) {
    expect(world.standin.violations).toEqual([]);
    await world.stop();
  }
});

interface EndState {
  /** Per open PR: both checks on its head. */
  checks: Map<number, { declaration?: CheckView; signoff?: CheckView }>;
  /** The records, without what differs between two runs (commit hashes, and so the chain's). */
  records: string[];
  closes: number;
}

/** The end state of a world, in terms that two runs of one scenario share. */
function endState(world: World): EndState {
  const checks = new Map<number, { declaration?: CheckView; signoff?: CheckView }>();
  for (const item of world.repo.items.values()) {
    if (item.kind !== "pull" || item.state !== "open") continue;
    const declaration = world.declaration(item.number);
    const seen = world.signoff(item.number);
    // The memo of seen commands names comments by id, and ids differ from one run to the other.
    const memo = splitMemo(decodeMemo(seen?.summary)).commands.map((c) => `${c.login} ${c.verb} ${c.createdAt}`).sort().join("; ");
    const signoff = seen ? { ...seen, summary: `${seen.summary?.replace(/<!-- partnership-governance:seen-commands .*$/s, "") ?? ""}${memo}` } : undefined;
    checks.set(item.number, { ...(declaration ? { declaration } : {}), ...(signoff ? { signoff } : {}) });
  }
  const records = world
    .records()
    .map((r) => {
      const { merge_commit: _m, prev: _p, hash: _h, seq: _s, rules: _r, head: _c, ...rest } = r.record ?? {};
      return JSON.stringify(rest);
    })
    .sort();
  const closes = [...world.repo.items.values()].filter((i) => i.kind === "pull" && i.state === "closed").length;
  return { checks, records, closes };
}

interface Figures {
  recordsFound: number;
  recordDuplicates: number;
  openLogDuplicates: number;
  closedLogDuplicates: number;
  reportDuplicates: number;
  closedReportDuplicates: number;
  instructionDuplicates: number;
  /** The app's comments whose body another of its comments on the same issue has too. */
  commentDuplicates: string[];
  /**
   * Of those, the notes the app posts when it closes one of its issues (a log closed by its
   * report, or as a duplicate), when two writers close the same issue at once or a lost answer
   * is retried: GitHub has no create-if-absent, and closeIssueWithComment does not look first.
   * Counted apart, as a known defect (reported); they sit on closed issues and notify nobody.
   */
  closingNoteDuplicates: string[];
  pending: string[];
}

/** Duplicates and leftovers, which must all be zero (closed duplicate logs excepted: a race's). */
function figures(world: World): Figures {
  const records = world.records();
  const keys = records.map((r) => `${r.pr}@${r.closedAt}`);
  const perPeriod = (prefix: string, state?: "open") => {
    const counts = new Map<string, number>();
    for (const issue of world.issuesTitled(prefix)) {
      if (state && issue.state !== state) continue;
      counts.set(issue.title, (counts.get(issue.title) ?? 0) + 1);
    }
    return [...counts.values()].reduce((n, c) => n + c - 1, 0);
  };
  let instructionDuplicates = 0;
  const commentDuplicates: string[] = [];
  const closingNoteDuplicates: string[] = [];
  for (const item of world.repo.items.values()) {
    if (item.kind === "pull") instructionDuplicates += Math.max(0, world.instructionComments(item.number).length - 1);
    const seen = new Set<string>();
    const closedLog = item.kind === "issue" && item.state === "closed" && item.title.startsWith(LOG_TITLE_PREFIX);
    for (const c of world.standin.commentsOn(world.repo, item.number)) {
      if (c.user !== world.standin.botLogin) continue;
      const note = closedLog && !c.body.includes(MARKER_PREFIX);
      if (seen.has(c.body)) (note ? closingNoteDuplicates : commentDuplicates).push(`#${item.number} (${item.title}): ${c.body.slice(0, 200)}`);
      seen.add(c.body);
    }
  }
  const pending: string[] = [];
  for (const app of world.apps) if (app.queue.size > 0) pending.push(`${app.queue.size} evaluations still queued`);
  for (const item of world.repo.items.values()) {
    if (item.kind !== "pull" || item.state !== "open") continue;
    for (const name of [CHECK_DECLARATION, CHECK_SIGNOFF] as const) {
      const run = world.standin.latestCheck(world.repo, world.headSha(item.number), name);
      if (!run) pending.push(`#${item.number} has no "${name}" check`);
      else if (run.status !== "completed") pending.push(`#${item.number} "${name}" is ${run.status}`);
      else if (run.output.title === ERROR_TITLE) pending.push(`#${item.number} "${name}" failed by an error`);
    }
  }
  const allLogs = perPeriod(LOG_TITLE_PREFIX);
  const openLogs = perPeriod(LOG_TITLE_PREFIX, "open");
  const allReports = perPeriod(REPORT_TITLE_PREFIX);
  const openReports = perPeriod(REPORT_TITLE_PREFIX, "open");
  return {
    recordsFound: records.length,
    recordDuplicates: keys.length - new Set(keys).size,
    openLogDuplicates: openLogs,
    closedLogDuplicates: allLogs - openLogs,
    reportDuplicates: openReports,
    closedReportDuplicates: allReports - openReports,
    instructionDuplicates,
    commentDuplicates,
    closingNoteDuplicates,
    pending,
  };
}

function expectSameEnd(actual: EndState, expected: EndState): void {
  expect([...actual.checks.keys()].sort()).toEqual([...expected.checks.keys()].sort());
  for (const [pr, checks] of expected.checks) expect(actual.checks.get(pr), `PR #${pr}`).toEqual(checks);
  expect(actual.records).toEqual(expected.records);
}

function expectClean(f: Figures): void {
  expect(f.recordDuplicates).toBe(0);
  expect(f.openLogDuplicates).toBe(0);
  expect(f.reportDuplicates).toBe(0);
  expect(f.instructionDuplicates).toBe(0);
  expect(f.commentDuplicates).toEqual([]);
  expect(f.pending).toEqual([]);
}

/** The scenario, then December, then sweeps until a sweep writes nothing. */
async function run(world: World, steps: number): Promise<{ stats: ScenarioStats; sweeps: number }> {
  const stats = await playScenario(world, SCENARIO_SEED, steps);
  world.clock.set(AFTER);
  const sweeps = await world.sweepUntilQuiet(12);
  return { stats, sweeps };
}

let reference: { state: EndState; stats: ScenarioStats } | undefined;

/** The fault-free run of the scenario (played once per file). */
async function faultFree(): Promise<{ state: EndState; stats: ScenarioStats }> {
  if (reference) return reference;
  // Its requests are the same as the faulty run's, which is checked against GitHub's description.
  const world = await createWorld({ start: START, standin: { validate: undefined } });
  const { stats } = await run(world, STEPS);
  const state = endState(world);
  expectClean(figures(world));
  expect(world.verifyChain()).toMatchObject({ ok: true, count: state.records.length });
  reference = { state, stats };
  return reference;
}

describe("10% of GitHub requests failing at random", () => {
  it("ends exactly as the fault-free run: same checks, one record per closed decision, one chain, no duplicates", async () => {
    const clean = await faultFree();
    expect(clean.stats.events).toBeGreaterThanOrEqual(200);
    expect(clean.state.records.length).toBeGreaterThan(10);

    const world = await createWorld({ start: START, strict: false });
    world.standin.faults.setRandom({ rate: 0.1, seed: FAULT_SEED, slowMs: 100 });
    const { stats, sweeps } = await run(world, STEPS);
    const state = endState(world);
    const f = figures(world);
    const chain = world.verifyChain();
    const counts = world.standin.faults.counts;
    // A PR's facts come in one GraphQL request: faults hit those as they hit REST requests.
    const graphql = world.standin.requests.filter((r) => r.path === "/graphql");
    const graphqlFaults = graphql.filter((r) => r.fault !== null && r.fault.kind !== "slow");

    console.log(
      [
        "faults: 10% of GitHub requests, fixed seed",
        `  events delivered: ${stats.events} (PRs opened ${stats.opened}, merged ${stats.merged}, withdrawn ${stats.withdrawn}); webhooks refused: ${stats.refused}`,
        `  GitHub requests: ${world.standin.requests.length}; faults injected: ${counts.total} ${JSON.stringify(counts.byKind)}`,
        `  GraphQL requests: ${graphql.length}, failed by a fault: ${graphqlFaults.length} ${JSON.stringify(Object.fromEntries(["403", "429", "500", "502", "drop"].map((k) => [k, graphqlFaults.filter((r) => r.fault?.kind === k).length])))}`,
        `  sweeps until quiet: ${sweeps}`,
        `  records expected ${clean.state.records.length}, found ${f.recordsFound}; duplicates: records ${f.recordDuplicates}, open logs ${f.openLogDuplicates}, reports ${f.reportDuplicates}, instruction comments ${f.instructionDuplicates}, other comments ${f.commentDuplicates.length}; duplicates closed by the app: logs ${f.closedLogDuplicates}, reports ${f.closedReportDuplicates}; closing notes posted twice: ${f.closingNoteDuplicates.length}`,
        `  open PRs compared: ${state.checks.size}; chain: ${chain.ok ? `intact (${chain.count} records)` : JSON.stringify(chain)}`,
      ].join("\n"),
    );

    // One GraphQL request now reads what four REST requests did: the run makes about 1,100
    // requests, so about 110 faults (rate limits and slow answers included); GraphQL's ~210 get
    // their share.
    expect(counts.total).toBeGreaterThan(75);
    expect(graphqlFaults.length).toBeGreaterThanOrEqual(10);
    expect(stats.events).toBe(clean.stats.events);
    expectSameEnd(state, clean.state);
    expect(f.recordsFound).toBe(clean.state.records.length);
    expectClean(f);
    expect(chain).toMatchObject({ ok: true, count: clean.state.records.length });
  }, 240_000);
});

describe("faults on chosen requests", () => {
  it("survives writes that GitHub applied but whose answers were lost: one open log, one record, one instruction comment", async () => {
    const w = await createWorld({ strict: false });
    const faults = w.standin.faults;
    faults.addRule({ method: "POST", path: /^\/repos\/[^/]+\/[^/]+\/issues$/, nth: 1, kind: "500", phase: "after" });
    // #1 is the decision, #2 the log issue and #3 the duplicate the lost answer above makes (the
    // app closes it), #4 the newcomer's PR, which gets the instruction comment.
    faults.addRule({ method: "POST", path: /\/issues\/2\/comments$/, nth: 1, kind: "drop", phase: "after" });
    faults.addRule({ method: "POST", path: /\/issues\/4\/comments$/, nth: 1, kind: "502", phase: "after" });
    faults.addRule({ method: "POST", path: /\/check-runs$/, nth: 1, kind: "502", phase: "after" });

    const pr = await w.openPull({ author: "alice", title: "Amend article 10", files: { "CHARTER.md": "10\n" } });
    await w.approve(pr, "dan");
    await w.approve(pr, "bob");
    await w.approve(pr, "carol");
    await w.settle();
    w.clock.advance(HOUR);
    await w.merge(pr);
    await w.settle();
    const newcomer = await w.openPull({ author: "newcomer", title: "A first contribution", files: { "docs/a.md": "a\n" } });
    await w.settle();
    await w.sweepUntilQuiet();

    // Each rule fired, and each lost answer made the app's client send the write again.
    expect(faults.rules.map((r) => r.fired)).toEqual([1, 1, 1, 1]);
    expect(faults.counts.byKind).toEqual({ "500 after": 1, "drop after": 1, "502 after": 2 });
    expect(w.logIssues().filter((i) => i.state === "open")).toHaveLength(1);
    expect(w.records().map((r) => r.pr)).toEqual([pr]);
    expect(w.verifyChain()).toMatchObject({ ok: true, count: 1 });
    // The record and the instruction comment were each posted twice (the retries of the lost
    // answers), and the app removed its own second of each.
    expect(w.standin.requests.filter((r) => r.method === "DELETE" && r.applied)).toHaveLength(2);
    expect(w.instructionComments(newcomer)).toHaveLength(1);
    expect(figures(w).commentDuplicates).toEqual([]);
    expect(w.signoff(pr)?.conclusion).toBe("success");
  });

  it("waits out rate limits (403 with the limit spent, 429 with retry-after) and slow answers, and retries 5xx and dropped connections", async () => {
    const w = await createWorld();
    const faults = w.standin.faults;
    // The PR's facts come in one GraphQL request per evaluation: its first three attempts are
    // limited, limited again, and slow; the next evaluation's fail with a 500, then a dropped
    // connection. REST reads fail too: the policy file (502) and the list of check runs (500).
    const graphql = "/graphql";
    faults.addRule({ method: "POST", path: graphql, nth: 1, kind: "403" });
    faults.addRule({ method: "POST", path: graphql, nth: 2, kind: "429" });
    faults.addRule({ method: "POST", path: graphql, nth: 3, kind: "slow", delayMs: 300 });
    faults.addRule({ method: "POST", path: graphql, nth: 4, kind: "500" });
    faults.addRule({ method: "POST", path: graphql, nth: 5, kind: "drop" });
    faults.addRule({ method: "GET", path: /\/contents\//, nth: 1, kind: "502" });
    faults.addRule({ method: "GET", path: /\/check-runs$/, nth: 1, kind: "500" });
    const pr = await w.openPull({ author: "alice", title: "Amend article 11", files: { "CHARTER.md": "11\n" } });
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "0 of 3 sectors: waiting for Civil society" });
    expect(w.declaration(pr)?.conclusion).toBe("success");
    await w.approve(pr, "bob");
    await w.settle();
    expect(faults.rules.map((r) => r.fired)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "1 of 3 sectors: waiting for Civil society" });
    expect(w.declaration(pr)?.conclusion).toBe("success");
    const reads = w.standin.requests.filter((r) => r.method === "POST" && r.path === graphql);
    expect(reads.map((r) => r.status)).toEqual([403, 429, 200, 500, 0, 200]);
    expect(reads[2]?.ms).toBeGreaterThanOrEqual(300);
    // Each attempt asked the same thing.
    expect(new Set(reads.map((r) => JSON.stringify(r.body))).size).toBe(1);
  });
});

describe("redeliveries and races", () => {
  it("records a close delivered three times once, and answers a /governance check delivered three times once", async () => {
    const w = await createWorld();
    const pr = await w.openPull({ author: "alice", title: "Amend article 9", files: { "CHARTER.md": "9\n" } });
    await w.approve(pr, "dan");
    await w.approve(pr, "bob");
    await w.approve(pr, "carol");
    await w.settle();
    const comment = w.standin.addComment(w.repo, pr, { user: "erin", body: "/governance check", at: w.clock.now() });
    const check = w.commentPayload("created", pr, comment.id);
    const checkRunsBefore = w.repo.checkRuns.length;
    for (let i = 0; i < 3; i++) await w.app.send("issue_comment", check, { delivery: "delivery-check" });
    await w.settle();
    expect(w.standin.reactions.filter((r) => r.commentId === comment.id)).toHaveLength(1);
    expect(w.repo.checkRuns.length).toBe(checkRunsBefore);

    w.clock.advance(HOUR);
    w.standin.merge(w.repo, pr, w.clock.now());
    const closed = w.pullPayload("closed", pr);
    const answers = await Promise.all([0, 1, 2].map(() => w.app.send("pull_request", closed, { delivery: "delivery-close" })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await w.settle();
    await w.app.send("pull_request", closed, { delivery: "delivery-close" });
    await w.settle();
    expect(w.records().map((r) => r.pr)).toEqual([pr]);
    expect(w.logIssues()).toHaveLength(1);
    expect(w.verifyChain()).toMatchObject({ ok: true, count: 1 });
  });

  it("settles two events for the same PR arriving at once on the latest state", async () => {
    const w = await createWorld();
    const pr = await w.openPull({ author: "alice", title: "Budget", files: { "budget.md": "1\n" } });
    await w.settle();
    expect(w.signoff(pr)?.title).toBe("Not a decision");
    w.standin.setLabels(w.repo, pr, ["decision:charter"]);
    const review = w.standin.review(w.repo, pr, { user: "dan", state: "APPROVED", at: w.clock.now() });
    await Promise.all([w.deliver("pull_request", w.pullPayload("labeled", pr)), w.deliver("pull_request_review", w.reviewPayload("submitted", pr, review.id))]);
    await w.settle();
    expect(w.signoff(pr)).toMatchObject({ conclusion: "action_required", title: "1 of 3 sectors: waiting for 2 more sectors" });
    const runs = w.repo.checkRuns.filter((r) => r.name === CHECK_SIGNOFF && r.headSha === w.headSha(pr));
    expect(runs).toHaveLength(1);
  });

  it("two app processes on one stand-in, both taking webhooks and sweeping, end as one process does", async () => {
    const steps = 90;
    const single = await createWorld({ start: START });
    await run(single, steps);
    const expected = endState(single);

    const w = await createWorld({ start: START, processes: 2 });
    await playScenario(w, SCENARIO_SEED, steps);
    // A close redelivered to the other process while the first one records it.
    const closed = [...w.repo.items.values()].find((i) => i.kind === "pull" && i.state === "closed" && i.merged);
    expect(closed).toBeDefined();
    w.clock.set(AFTER);
    const payload = w.pullPayload("closed", closed!.number);
    await Promise.all(w.apps.map((app) => app.send("pull_request", payload)));
    const sweeps = await w.sweepUntilQuiet(12);
    const f = figures(w);
    console.log(`two processes: ${w.events} events, ${sweeps} sweeps until quiet, records ${f.recordsFound} (expected ${expected.records.length}), duplicates closed by the app: logs ${f.closedLogDuplicates}, reports ${f.closedReportDuplicates}; closing notes posted twice: ${f.closingNoteDuplicates.length}`);
    expectSameEnd(endState(w), expected);
    expectClean(f);
    expect(w.verifyChain()).toMatchObject({ ok: true, count: expected.records.length });
  }, 120_000);
});
