// Issue 8: the GitHub Action. The entry (src/action.ts's runAction) runs in process on real event
// files of @octokit/webhooks-examples, written where the runner writes them (GITHUB_EVENT_PATH),
// without the `installation` a workflow's event never carries, against mocked GitHub; every check
// run it writes is asserted. The committed bundle (dist/action.js) is run as a child process.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GITHUB_ACTIONS_APP_ID, runAction, type ActionOptions } from "../../src/action.js";
import type { PublishReports } from "../../src/evaluate/sweep.js";
import { CHECK_DECLARATION, CHECK_SIGNOFF, MARKER_INSTRUCTIONS } from "../../src/constants.js";
import { createAppOctokit } from "../../src/github/client.js";
import { GraphQLReply, mockGitHub, serveFile, serveGovernance, serveRepository, type GitHubMock } from "../helpers/github-mocks.js";
import { issueCommentPayload, mergeGroupPayload, pullRequestPayload, pushPayload } from "../helpers/payloads.js";
import { MERGE_QUEUE_QUERY } from "../../src/github/merge-queue.js";
import { setupNock, silentLog, teardownNock, withoutRetryAndThrottle } from "../helpers/probot.js";
import {
  appWrites,
  assertDone,
  asExisting,
  checkBodies,
  HEAD,
  NOW,
  NUMBER,
  OWNER,
  POLICY,
  POLICY_URL,
  REGISTRY,
  REPO,
  requestLine,
  review,
  serveOpenHead,
  serveOpenPulls,
  serveNoDirectPushes,
  serveOpenPullsWithChecks,
  servePull,
  watchUnexpected,
  type PullSpec,
} from "../handlers/harness.js";

const TOKEN = "ghs_workflow_token";
/** The one listing of the Action's own check runs on the head: GitHub Actions' app id, the latest of each name. */
const RUNS = `/repos/${OWNER}/${REPO}/commits/${HEAD}/check-runs?app_id=${GITHUB_ACTIONS_APP_ID}&filter=latest&per_page=100`;
const BUNDLE = resolve(import.meta.dirname, "../../dist/action.js");
const CHARTER: PullSpec = { author: "alice", labels: ["decision:charter"], files: ["CHARTER.md"] };
const SIGNED: PullSpec = {
  ...CHARTER,
  reviews: ["bob", "carol", "dan"].map((login, i) => review(login, "APPROVED", `2026-11-21T0${i + 1}:00:00Z`)),
};
const target = { owner: OWNER, repo: REPO, number: NUMBER, headSha: HEAD, author: "alice" };
/** A PR whose head branch is in the repository itself, not in a fork. */
const SAME_REPOSITORY = { pull_request: { head: { repo: { full_name: `${OWNER}/${REPO}` } } } };

type Json = Record<string, unknown>;

/** A workflow's event file: GitHub's webhook payload, without the installation. */
function asWorkflowEvent(payload: Json): Json {
  const { installation: _installation, ...rest } = payload;
  return rest;
}

let dir: string;

interface Run {
  code: number;
  out: string[];
  err: string[];
}

/** Runs the entry as the runner would, with the event file written and the inputs as INPUT_*. */
async function run(
  event: string,
  payload: Json | undefined,
  env: Record<string, string | undefined> = {},
  now = NOW,
  extra: Pick<ActionOptions, "publishReports"> = {},
): Promise<Run> {
  const file = join(dir, "event.json");
  if (payload !== undefined) writeFileSync(file, JSON.stringify(payload));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAction(
    {
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: file,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_RUN_ID: "4242",
      "INPUT_GITHUB-TOKEN": TOKEN,
      "INPUT_APP-ID": String(GITHUB_ACTIONS_APP_ID),
      ...env,
    },
    {
      now: () => now,
      Octokit: withoutRetryAndThrottle(createAppOctokit()),
      log: silentLog,
      stdout: (line) => out.push(line),
      stderr: (line) => err.push(line),
      ...extra,
    },
  );
  return { code, out, err };
}

const written = (mock: GitHubMock) =>
  mock.sent("POST", `/repos/${OWNER}/${REPO}/check-runs`).map((r) => {
    const b = r.body as { name: string; head_sha: string; conclusion: string; output: { title: string } };
    return [b.head_sha, b.name, b.conclusion, b.output.title];
  });

describe("the GitHub Action's entry", () => {
  beforeEach(() => {
    setupNock();
    watchUnexpected();
    dir = mkdtempSync(join(tmpdir(), "governance-action-"));
  });
  afterEach(() => {
    teardownNock();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the instruction comment of the login given as app-login, and leaves other bots' marked comments alone", async () => {
    const mock = mockGitHub();
    const COMMENT_PATH = `/repos/${OWNER}/${REPO}/issues/comments`;
    const marked = (id: number, user: string) => ({ id, user, body: `Old instructions\n\n${MARKER_INSTRUCTIONS}`, at: "2026-11-21T08:00:00Z" });
    serveGovernance(mock, { owner: OWNER, repo: REPO, policy: POLICY, registry: REGISTRY });
    servePull(mock, { author: "newcomer" }, { appComments: [marked(700, "github-actions[bot]"), marked(701, "governance-app[bot]")] });
    serveActionChecks(mock, {}, 2);
    mock.patch(`${COMMENT_PATH}/701`, undefined, { body: { id: 701 } });

    const result = await run("pull_request_target", asWorkflowEvent(pullRequestPayload("pull_request.opened", { ...target, author: "newcomer" })), {
      "INPUT_APP-LOGIN": "governance-app[bot]",
    });

    assertDone(mock);
    expect(result.code).toBe(0);
    expect(mock.writes().filter((w) => w.path.startsWith(COMMENT_PATH)).map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH ${COMMENT_PATH}/701`]);
  });

  it.each([
    ["pull_request_target", () => pullRequestPayload("pull_request.opened", target)],
    ["pull_request_review", () => pullRequestPayload("pull_request_review.submitted", target, SAME_REPOSITORY)],
  ])("evaluates the PR of a %s event with the workflow's token and writes both checks", async (event, payload) => {
    const mock = mockGitHub();
    serveActionEvaluation(mock, SIGNED);

    const result = await run(event, asWorkflowEvent(payload()));

    assertDone(mock);
    expect(result).toEqual({ code: 0, out: [`Partnership Governance handled the ${event} event.`], err: [] });
    expect(written(mock)).toEqual([
      [HEAD, CHECK_DECLARATION, "success", "All contributors have declared"],
      [HEAD, CHECK_SIGNOFF, "success", "Signed off by 3 sectors"],
    ]);
    expect(checkBodies(mock)[CHECK_SIGNOFF]).toMatchObject({ status: "completed", completed_at: NOW.toISOString(), details_url: POLICY_URL });
    expect(new Set(mock.requests.map((r) => r.headers.authorization))).toEqual(new Set([`token ${TOKEN}`]));
    // The evaluation's reads: the rules without a default-branch lookup, the PR in one GraphQL
    // query, the runs of the workflow's app (GitHub Actions) in one listing; then the writes.
    expect(mock.requests.map(requestLine)).toEqual([
      `GET /repos/${OWNER}/${REPO}/contents/.github/governance.yml`,
      `GET /repos/${OWNER}/${REPO}/contents/STAKEHOLDERS.yml`,
      "POST /graphql",
      `GET ${RUNS}`,
      `POST /repos/${OWNER}/${REPO}/check-runs`,
      `POST /repos/${OWNER}/${REPO}/check-runs`,
    ]);
  });

  it.each([
    ["a fork", { pull_request: { head: { repo: { full_name: "someone/charter" } } } }],
    ["a deleted fork", { pull_request: { head: { repo: null } } }],
  ])("leaves a review on a PR from %s to the sweep: the workflow's token is read-only then", async (_case, head) => {
    const mock = mockGitHub();

    const result = await run("pull_request_review", asWorkflowEvent(pullRequestPayload("pull_request_review.submitted", target, head)));

    assertDone(mock);
    expect(mock.requests).toEqual([]);
    expect(result).toEqual({
      code: 0,
      out: [
        "A review on a pull request from a fork: GitHub gives this workflow a read-only token, so the checks are not written now. The next scheduled sweep writes them, or at once a comment /governance check on the pull request.",
      ],
      err: [],
    });
  });

  it("answers `/governance check` in an issue_comment event with a reaction and an evaluation", async () => {
    const mock = mockGitHub();
    serveActionEvaluation(mock, { ...CHARTER, reviews: SIGNED.reviews!.slice(0, 2) });
    mock.post(`/repos/${OWNER}/${REPO}/issues/comments/4711/reactions`, { content: "+1" }, { status: 201, body: { id: 1, content: "+1" } });
    const payload = issueCommentPayload("issue_comment.created", {
      owner: OWNER, repo: REPO, number: NUMBER, body: "/governance check", commentId: 4711, commenter: "carol",
    });

    const result = await run("issue_comment", asWorkflowEvent(payload));

    assertDone(mock);
    expect(result.code).toBe(0);
    expect(written(mock)).toEqual([
      [HEAD, CHECK_DECLARATION, "success", "All contributors have declared"],
      [HEAD, CHECK_SIGNOFF, "action_required", "2 of 3 sectors: waiting for Civil society"],
    ]);
  });

  it("re-evaluates the open PRs on a push to the default branch that changes the registry", async () => {
    const mock = mockGitHub();
    // The push handler reads the rules as evaluations do (the default branch, no ref).
    serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: POLICY });
    serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY });
    serveOpenPulls(mock, [[NUMBER]]);
    serveActionEvaluation(mock, { author: "alice" });
    const payload = pushPayload({ owner: OWNER, repo: REPO, defaultBranch: "main", modified: ["STAKEHOLDERS.yml"] });

    const result = await run("push", asWorkflowEvent(payload));

    assertDone(mock);
    expect(result.code).toBe(0);
    expect(written(mock)).toEqual([
      [HEAD, CHECK_DECLARATION, "success", "All contributors have declared"],
      [HEAD, CHECK_SIGNOFF, "success", "Not a decision"],
    ]);
  });

  it("judges a merge_group event's PRs again and writes both checks on the queue's commit", async () => {
    const GROUP = "c".repeat(40);
    const mock = mockGitHub();
    // The rules: read for the group, then by the PR's own evaluation (ETag-cached).
    serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: POLICY, times: 2 });
    serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY, times: 2 });
    mock.graphql(
      () => ({
        repository: {
          mergeQueue: {
            entries: {
              pageInfo: { hasNextPage: false, endCursor: null },
              nodes: [{ position: 1, headCommit: { oid: GROUP }, baseCommit: { oid: "d".repeat(40) }, pullRequest: { number: NUMBER, state: "OPEN", baseRefName: "main" } }],
            },
          },
        },
      }),
      { match: (req) => req.query === MERGE_QUEUE_QUERY },
    );
    servePull(mock, SIGNED);
    mock.get(`/repos/${OWNER}/${REPO}/commits/${GROUP}/check-runs?app_id=${GITHUB_ACTIONS_APP_ID}&filter=latest&per_page=100`, {
      body: { total_count: 0, check_runs: [] },
    });
    mock.post(`/repos/${OWNER}/${REPO}/check-runs`, undefined, { status: 201, body: { id: 1 } }, { times: 2 });
    const payload = mergeGroupPayload("checks_requested", {
      owner: OWNER,
      repo: REPO,
      defaultBranch: "main",
      mergeGroup: { head_sha: GROUP, head_ref: `refs/heads/gh-readonly-queue/main/pr-${NUMBER}-${"d".repeat(40)}`, base_sha: "d".repeat(40), base_ref: "refs/heads/main" },
    });

    const result = await run("merge_group", asWorkflowEvent(payload));

    assertDone(mock);
    expect(result.code).toBe(0);
    expect(written(mock)).toEqual([
      [GROUP, CHECK_DECLARATION, "success", `Pull request #${NUMBER} holds`],
      [GROUP, CHECK_SIGNOFF, "success", `Pull request #${NUMBER} holds`],
    ]);
  });

  it("recognises the check runs the workflow wrote before as its own (GitHub Actions' app id) and writes nothing when unchanged", async () => {
    const first = mockGitHub();
    serveActionEvaluation(first, SIGNED);
    expect((await run("pull_request_target", asWorkflowEvent(pullRequestPayload("pull_request.synchronize", target)))).code).toBe(0);
    const bodies = checkBodies(first);

    // The next event: GitHub lists the runs written before as the "github-actions" app's.
    setupNock();
    const mock = mockGitHub();
    serveEvaluationWithRuns(mock, SIGNED, {
      [CHECK_DECLARATION]: { appId: GITHUB_ACTIONS_APP_ID, run: asExisting(101, bodies[CHECK_DECLARATION]) },
      [CHECK_SIGNOFF]: { appId: GITHUB_ACTIONS_APP_ID, run: asExisting(102, bodies[CHECK_SIGNOFF]) },
    });

    const result = await run("pull_request_target", asWorkflowEvent(pullRequestPayload("pull_request.synchronize", target)));

    assertDone(mock);
    expect(result.code).toBe(0);
    // Nothing written: the only POST is the GraphQL query that reads the PR.
    expect(appWrites(mock)).toEqual([]);
    expect(mock.writes().map(requestLine)).toEqual(["POST /graphql"]);
  });

  it("does not take a run of the same name written by another app (the hosted app) for its own", async () => {
    const first = mockGitHub();
    serveActionEvaluation(first, SIGNED);
    expect((await run("pull_request_target", asWorkflowEvent(pullRequestPayload("pull_request.opened", target)))).code).toBe(0);
    const bodies = checkBodies(first);

    setupNock();
    const mock = mockGitHub();
    serveEvaluationWithRuns(
      mock,
      SIGNED,
      {
        [CHECK_DECLARATION]: { appId: 1, run: asExisting(101, bodies[CHECK_DECLARATION]) },
        [CHECK_SIGNOFF]: { appId: 1, run: asExisting(102, bodies[CHECK_SIGNOFF]) },
      },
      2,
    );

    const result = await run("pull_request_target", asWorkflowEvent(pullRequestPayload("pull_request.opened", target)));

    assertDone(mock);
    expect(result.code).toBe(0);
    expect(written(mock)).toEqual([
      [HEAD, CHECK_DECLARATION, "success", "All contributors have declared"],
      [HEAD, CHECK_SIGNOFF, "success", "Signed off by 3 sectors"],
    ]);
  });

  it.each(["schedule", "workflow_dispatch"])("runs one sweep of the workflow's repository on %s: reports, then every open PR", async (event) => {
    const consultation: PullSpec = { author: "alice", labels: ["consultation"], createdAt: NOW.toISOString(), reviews: SIGNED.reviews!.slice(0, 2) };
    const mock = mockGitHub();
    // The sweep reads the rules (of the default branch, as evaluations do), records missed
    // closes, publishes the due reports (the transparency module's, tested with it: recorded
    // here), lists the open PRs and evaluates each.
    serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: POLICY });
    serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY });
    // The healing pass of the public record: no PR closed lately.
    // The healing pass looks back to the chain's last record (the log: none yet), then lists closes.
    mock.get(`/repos/${OWNER}/${REPO}/issues?state=all&creator=github-actions%5Bbot%5D&per_page=100`, { body: [] });
    mock.get(`/repos/${OWNER}/${REPO}/pulls?state=closed&sort=updated&direction=desc&per_page=100`, { body: [] });
    serveNoDirectPushes(mock, OWNER, REPO, { lookup: true });
    // The listing of open PRs with the app's checks: this one has none yet.
    serveOpenPullsWithChecks(mock, [{ number: NUMBER, labels: ["consultation"], reviews: 2 }]);
    serveActionEvaluation(mock, consultation);
    const reports: unknown[] = [];
    const publishReports: PublishReports = async (_octokit, repo, rules, now) => {
      reports.push({ repo, sectors: rules.policy?.sectors.length, now: now.toISOString(), requestsBefore: mock.requests.length });
    };
    const payload = event === "schedule" ? { schedule: "17 * * * *" } : { inputs: {}, ref: "refs/heads/main", repository: { name: REPO, owner: { login: OWNER } } };

    // 72 hours after the PR opened: its comment period has just ended.
    const later = new Date(NOW.getTime() + 72 * 3_600_000);
    const result = await run(event, payload, {}, later, { publishReports });

    assertDone(mock);
    expect(result).toEqual({
      code: 0,
      out: ["Sweep done: 1 installation, 1 repository (1 governed), 1 open pull request evaluated, no evaluation failed, no other error."],
      err: [],
    });
    expect(reports).toEqual([{ repo: { owner: OWNER, repo: REPO }, sectors: 3, now: later.toISOString(), requestsBefore: 6 }]);
    expect(written(mock)).toEqual([
      [HEAD, CHECK_DECLARATION, "success", "All contributors have declared"],
      [HEAD, CHECK_SIGNOFF, "success", "Signed off by 2 sectors"],
    ]);
  });

  it("fails the step when the sweep skips the repository after an error", async () => {
    const mock = mockGitHub();
    serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: POLICY });
    serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY });
    // The healing pass looks back to the chain's last record (the log: none yet), then lists closes.
    mock.get(`/repos/${OWNER}/${REPO}/issues?state=all&creator=github-actions%5Bbot%5D&per_page=100`, { body: [] });
    mock.get(`/repos/${OWNER}/${REPO}/pulls?state=closed&sort=updated&direction=desc&per_page=100`, { body: [] });
    serveNoDirectPushes(mock, OWNER, REPO, { lookup: true });
    mock.graphql(() => new GraphQLReply({ status: 500, body: { message: "Server Error" } }), { match: (req) => req.query.includes("OpenPullRequestChecks") });

    const result = await run("schedule", { schedule: "17 * * * *" }, {}, NOW, { publishReports: async () => undefined });

    assertDone(mock);
    expect(result.code).toBe(1);
    expect(result.out).toEqual(["Sweep done: 1 installation, 1 repository (1 governed), 0 open pull requests evaluated, no evaluation failed, 1 other error."]);
    expect(result.err).toEqual([expect.stringMatching(/^::error::Partnership Governance failed on the schedule event: sweep: repository skipped after an error; the next sweep tries again: [^\n]+$/)]);
  });

  it("uses the API and web addresses the runner gives (GitHub Enterprise Cloud's ghe.com)", async () => {
    const mock = mockGitHub({ baseUrl: "https://api.octo.ghe.com" });
    serveActionEvaluation(mock, SIGNED);

    const result = await run("pull_request_target", asWorkflowEvent(pullRequestPayload("pull_request.opened", target)), {
      GITHUB_API_URL: "https://api.octo.ghe.com",
      GITHUB_SERVER_URL: "https://octo.ghe.com",
    });

    assertDone(mock);
    expect(result.code).toBe(0);
    expect(checkBodies(mock)[CHECK_SIGNOFF]?.details_url).toBe(`https://octo.ghe.com/${OWNER}/${REPO}/blob/main/.github/governance.yml`);
  });

  it("fails the step in one line when an evaluation fails, after failing the checks closed", async () => {
    const mock = mockGitHub();
    serveGovernance(mock, { owner: OWNER, repo: REPO, policy: POLICY, registry: REGISTRY });
    servePull(mock, SIGNED, { failing: { list: "graphql", requestId: "CAFE:1234" } });
    // Where the failed checks go: the PR's head commit, read again (REST) after the failure.
    serveOpenHead(mock);
    serveActionChecks(mock, {}, 2);

    const result = await run("pull_request_target", asWorkflowEvent(pullRequestPayload("pull_request.opened", target)));

    assertDone(mock);
    expect(result.code).toBe(1);
    expect(result.out).toEqual(["Partnership Governance handled the pull_request_target event."]);
    expect(result.err).toEqual([
      expect.stringMatching(/^::error::Partnership Governance failed on the pull_request_target event: evaluation failed: the checks fail closed: [^\n]+$/),
    ]);
    expect(written(mock)).toEqual([
      [HEAD, CHECK_DECLARATION, "failure", "Could not read this pull request from GitHub"],
      [HEAD, CHECK_SIGNOFF, "failure", "Could not read this pull request from GitHub"],
    ]);
    expect(checkBodies(mock)[CHECK_SIGNOFF]?.output.text ?? checkBodies(mock)[CHECK_SIGNOFF]?.output.summary).toContain("CAFE:1234");
  });

  it.each<[string, Record<string, string | undefined>, string, Json | undefined]>([
    ["outside a workflow", { GITHUB_EVENT_NAME: undefined }, "GITHUB_EVENT_NAME is not set", undefined],
    ["without a token", { "INPUT_GITHUB-TOKEN": "", GITHUB_TOKEN: undefined }, "No GitHub token", undefined],
    ["with an app id that is no number", { "INPUT_APP-ID": "github-actions" }, "it is `github-actions`", undefined],
    ["without an event file", { GITHUB_EVENT_PATH: undefined, GITHUB_EVENT_NAME: "push" }, "GITHUB_EVENT_PATH is not set", undefined],
    ["on a pull_request event", { GITHUB_EVENT_NAME: "pull_request" }, "replace pull_request with pull_request_target", {}],
    ["sweeping without a repository", { GITHUB_EVENT_NAME: "schedule", GITHUB_REPOSITORY: "not a repo" }, "it is `not a repo`", {}],
  ])("exits 1 with one line, asking GitHub nothing, %s", async (_case, env, says, payload) => {
    const mock = mockGitHub();
    const result = await run("push", payload, env);
    assertDone(mock);
    expect(mock.requests).toEqual([]);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(/^::error::[^\n]+$/);
    expect(result.err[0]).toContain(says);
  });

  it("exits 1 with one line when the event file is not JSON", async () => {
    writeFileSync(join(dir, "broken.json"), "{ not json");
    const result = await run("push", undefined, { GITHUB_EVENT_PATH: join(dir, "broken.json") });
    expect(result.code).toBe(1);
    expect(result.err).toEqual([expect.stringMatching(/^::error::Cannot read the event file .*broken\.json: [^\n]+$/)]);
  });
});

/**
 * The committed bundle, copied alone into an empty folder: the runner has the Action's files but
 * no node_modules, so the bundle must need no package (BullMQ and ioredis are left out of it).
 */
let alone = "";
beforeAll(() => {
  alone = join(mkdtempSync(join(tmpdir(), "governance-action-alone-")), "action.js");
  copyFileSync(BUNDLE, alone);
});
afterAll(() => rmSync(resolve(alone, ".."), { recursive: true, force: true }));

/** Runs the committed bundle as the runner does (node dist/action.js), with only `env`. */
function runBundle(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [alone], { env: { PATH: process.env.PATH ?? "", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

type RunsByName = Record<string, { appId: number; run: ReturnType<typeof asExisting> }>;

/**
 * The check runs of the workflow's app on the head, as the Action lists them: once for both
 * names, only those of GitHub Actions' app id (`app_id`), the latest of each name. `runs` are
 * listed whatever their app (GitHub filters by app, and the app checks again); `creates` is how
 * many runs the app is expected to create.
 */
function serveActionChecks(mock: GitHubMock, runs: RunsByName, creates: number): void {
  mock.get(RUNS, {
    body: {
      total_count: Object.keys(runs).length,
      check_runs: Object.entries(runs).map(([name, { appId, run: existing }]) => ({
        id: existing.id,
        head_sha: HEAD,
        name,
        status: "completed",
        conclusion: existing.conclusion,
        details_url: POLICY_URL,
        app:
          appId === GITHUB_ACTIONS_APP_ID
            ? { id: appId, slug: "github-actions", name: "GitHub Actions" }
            : { id: appId, slug: "partnership-governance", name: "Partnership Governance" },
        output: { title: existing.title, summary: existing.summary, text: existing.text ?? null, annotations_count: 0, annotations_url: "" },
      })),
    },
  });
  if (creates > 0) {
    mock.post(`/repos/${OWNER}/${REPO}/check-runs`, undefined, { status: 201, body: { id: 900 } }, { times: creates });
  }
}

/** Every GitHub answer of one evaluation by the Action, in the order it asks, with no run yet. */
function serveActionEvaluation(mock: GitHubMock, pr: PullSpec): void {
  serveEvaluationWithRuns(mock, pr, {}, 2);
}

/**
 * One evaluation whose check-run listing holds the given runs, each of the given app; `creates` is
 * how many runs the app is expected to create.
 */
function serveEvaluationWithRuns(mock: GitHubMock, pr: PullSpec, runs: RunsByName, creates = 0): void {
  serveGovernance(mock, { owner: OWNER, repo: REPO, policy: POLICY, registry: REGISTRY });
  servePull(mock, pr);
  serveActionChecks(mock, runs, creates);
}

describe("the committed bundle (dist/action.js)", () => {
  it("holds neither BullMQ nor ioredis (the durable queue is for servers with REDIS_URL), and needs neither", () => {
    const bundle = readFileSync(BUNDLE, "utf8");
    // BullMQ's Lua scripts and ioredis's command table, had either been bundled.
    expect(bundle).not.toContain("moveToFinished");
    expect(bundle).not.toContain("georadiusbymember");
    // Left out, they are imported only when a durable queue starts: never by a top-level import.
    expect(bundle).not.toMatch(/^import[^;]*from\s*"(?:bullmq|ioredis)"/m);
    expect(bundle).not.toMatch(/[;}]import\s*\{[^}]*\}\s*from\s*"(?:bullmq|ioredis)"/);
  });

  it("delivers a pull_request_target event to the app with the workflow's token, against the runner's API address", async () => {
    // A stand-in for the API on a local port (the bundle is a child process: nock cannot reach
    // it): the repository is there, with no policy, so the app reads the rules and stops.
    const seen: string[] = [];
    const api = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization}`);
      const found = req.url === `/repos/${OWNER}/${REPO}`;
      res.writeHead(found ? 200 : 404, { "content-type": "application/json" });
      res.end(JSON.stringify(found ? { id: 1, name: REPO, full_name: `${OWNER}/${REPO}`, default_branch: "main", owner: { login: OWNER } } : { message: "Not Found" }));
    });
    await new Promise<void>((done) => api.listen(0, "127.0.0.1", done));
    const dirOfEvent = mkdtempSync(join(tmpdir(), "governance-bundle-"));
    try {
      const file = join(dirOfEvent, "event.json");
      writeFileSync(file, JSON.stringify(asWorkflowEvent(pullRequestPayload("pull_request.opened", target))));
      const { port } = api.address() as AddressInfo;
      const result = await runBundle({
        GITHUB_EVENT_NAME: "pull_request_target",
        GITHUB_EVENT_PATH: file,
        GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
        GITHUB_API_URL: `http://127.0.0.1:${port}`,
        "INPUT_GITHUB-TOKEN": TOKEN,
        "INPUT_APP-ID": "15368",
        LOG_LEVEL: "error",
      });
      expect(result).toEqual({ code: 0, stdout: "Partnership Governance handled the pull_request_target event.\n", stderr: "" });
      // The policy is read from the default branch without looking its name up (no GET /repos/{o}/{r}).
      expect(seen[0]).toBe(`GET /repos/${OWNER}/${REPO}/contents/.github%2Fgovernance.yml token ${TOKEN}`);
      expect(seen.map((line) => line.split(" ")[1])).not.toContain(`/repos/${OWNER}/${REPO}`);
      expect(seen.every((line) => line.endsWith(`token ${TOKEN}`))).toBe(true);
    } finally {
      rmSync(dirOfEvent, { recursive: true, force: true });
      await new Promise<void>((done) => api.close(() => done()));
    }
  });

  const node = (env: Record<string, string>) =>
    spawnSync(process.execPath, [alone], { env: { PATH: process.env.PATH ?? "", ...env }, encoding: "utf8", timeout: 15_000 });

  it.each([
    ["outside a workflow", {}, "GITHUB_EVENT_NAME is not set"],
    ["on a pull_request event", { GITHUB_EVENT_NAME: "pull_request", GITHUB_TOKEN: "t" }, "replace pull_request with pull_request_target"],
  ])("runs as node runs it, and exits 1 with one line %s", (_case, env, says) => {
    const result = node(env);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n")).toEqual([expect.stringContaining(says)]);
    expect(result.stderr).toMatch(/^::error::/);
  });
});
