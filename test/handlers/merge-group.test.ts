// The merge queue's webhooks through a real Probot: `merge_group.checks_requested` (GitHub's own
// example payload, only the group and the repository changed) judges every PR of the group again
// and writes both checks on the group's commit, nothing on the PRs; `merge_group.destroyed`,
// `pull_request.enqueued` and `.dequeued` read and write nothing. Every request is checked against
// GitHub's OpenAPI description and every GraphQL query and answer against its GraphQL schema.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { MERGE_QUEUE_QUERY } from "../../src/github/merge-queue.js";
import { GraphQLReply, serveFile, type GitHubMock } from "../helpers/github-mocks.js";
import { validateWebhook } from "../helpers/openapi.js";
import { checkRunPayload, mergeGroupPayload, pullRequestPayload, pullRequestQueuePayload } from "../helpers/payloads.js";
import {
  APP_ID,
  appWrites,
  INSTALLATION,
  lines,
  OWNER,
  POLICY,
  REGISTRY,
  REPO,
  review,
  serveChecks,
  servePull,
  setupHandlerTest,
  type PullSpec,
} from "./harness.js";

const SIGNOFF = "Multi-sector sign-off";
const DECLARATION = "Stakeholder declaration";
const GROUP = "c".repeat(40);
const BASE = "d".repeat(40);
const repository = { owner: OWNER, repo: REPO, installationId: INSTALLATION, defaultBranch: "main" };
const group = (number: number, headSha = GROUP) => ({
  head_sha: headSha,
  head_ref: `refs/heads/gh-readonly-queue/main/pr-${number}-${BASE}`,
  base_sha: BASE,
  base_ref: "refs/heads/main",
});
const checksRequested = (number: number, headSha = GROUP) => mergeGroupPayload("checks_requested", { ...repository, mergeGroup: group(number, headSha) });

const approvals = (...logins: string[]) => logins.map((login, i) => review(login, "APPROVED", `2026-11-21T0${i + 1}:00:00Z`, `${i}`.repeat(40)));
/** A charter amendment with its own head commit, signed off by three sectors unless told. */
const charter = (number: number, reviews = approvals("bob", "carol", "dan")): PullSpec => ({
  number,
  author: "alice",
  headSha: `${number % 10}`.repeat(40),
  labels: ["decision:charter"],
  files: ["CHARTER.md"],
  reviews: reviews.map((r) => ({ ...r, commit: `${number % 10}`.repeat(40) })),
});

/** The rules, read once for the group and once by each PR's evaluation (ETag-cached copies). */
function serveRules(mock: GitHubMock, reads: number): void {
  serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: POLICY, times: reads });
  serveFile(mock, { owner: OWNER, repo: REPO, path: "STAKEHOLDERS.yml", ref: null, content: REGISTRY, times: reads });
}

/** The queue of `main` as GitHub's GraphQL gives it: each entry with its PR and its own commit. */
function serveQueue(mock: GitHubMock, entries: Array<{ number: number; commit: string; base?: string; state?: string; builtOn?: string }>): void {
  mock.graphql(
    (req) => {
      expect(req.variables).toMatchObject({ owner: OWNER, repo: REPO, branch: "main" });
      return {
        repository: {
          mergeQueue: {
            entries: {
              pageInfo: { hasNextPage: false, endCursor: null },
              nodes: entries.map((e, i) => ({
                position: i + 1,
                headCommit: { oid: e.commit },
                // Each entry is built on the commit of the one before; the front on main's head.
                baseCommit: { oid: e.builtOn ?? (i === 0 ? BASE : entries[i - 1]!.commit) },
                pullRequest: { number: e.number, state: e.state ?? "OPEN", baseRefName: e.base ?? "main" },
              })),
            },
          },
        },
      };
    },
    { match: (req) => req.query === MERGE_QUEUE_QUERY },
  );
}

type QueueSpec = Parameters<typeof serveQueue>[1];

/**
 * Delivers `checks_requested` for #12's group (commit GROUP) with the queue and the PRs given
 * (`pulls` with their own options, e.g. a failing read), and returns what the app wrote there.
 */
const { deliver } = setupHandlerTest();

function judgeGroup(queue: QueueSpec, pulls: Array<[PullSpec, Parameters<typeof servePull>[2]?]>) {
  return deliver("merge_group", checksRequested(12), null, (mock) => {
    serveRules(mock, 1 + pulls.length);
    serveQueue(mock, queue);
    for (const [pr, opts] of pulls) servePull(mock, pr, opts);
    serveChecks(mock, { head: GROUP });
  });
}

describe("merge_group.checks_requested", () => {
  it("the example payload of GitHub fits its webhook schema", () => {
    expect(validateWebhook("webhook-merge-group-checks-requested", checksRequested(12))).toEqual([]);
    expect(validateWebhook("webhook-merge-group-destroyed", mergeGroupPayload("destroyed", { ...repository, mergeGroup: group(12), reason: "invalidated" }))).toEqual([]);
  });

  it("a group of two signed-off PRs: both checks succeed on the group's commit, and nothing is written on the PRs", async () => {
    const { mock, checks } = await judgeGroup(
      [
        { number: 11, commit: "e".repeat(40) },
        { number: 12, commit: GROUP },
        { number: 13, commit: "f".repeat(40) },
      ],
      [[charter(11)], [charter(12)]],
    );
    expect(checks[SIGNOFF]).toMatchObject({ head_sha: GROUP, conclusion: "success", output: { title: "All 2 pull requests hold: #11, #12" } });
    expect(checks[DECLARATION]).toMatchObject({ head_sha: GROUP, conclusion: "success" });
    // Both note the group's base, main's head the queue built on: the record of a PR this commit
    // lands is judged by its rules, not by #11's commit (its first parent).
    expect(checks[SIGNOFF]?.external_id).toBe(`pg1.gb${BASE}`);
    expect(checks[DECLARATION]?.external_id).toBe(`pg1.gb${BASE}`);
    expect(lines(checks[SIGNOFF]?.output.summary)).toEqual(
      expect.arrayContaining([
        "- [#11](https://github.com/org/charter/pull/11) Amend article 4: holds (Signed off by 3 sectors)",
        "- [#12](https://github.com/org/charter/pull/12) Amend article 4: holds (Signed off by 3 sectors)",
      ]),
    );
    // Only the two check runs on the group's commit: no instruction comment, no PR check.
    expect(appWrites(mock).map((r) => `${r.method} ${r.path} ${(r.body as { head_sha?: string }).head_sha}`)).toEqual([
      `POST /repos/${OWNER}/${REPO}/check-runs ${GROUP}`,
      `POST /repos/${OWNER}/${REPO}/check-runs ${GROUP}`,
    ]);
  });

  it("a queue whose entries are not each built on the one before: the group's base is not noted (its landing is then recorded as not signed off)", async () => {
    const { checks } = await judgeGroup(
      [
        { number: 11, commit: "e".repeat(40) },
        { number: 12, commit: GROUP, builtOn: "f".repeat(40) },
      ],
      [[charter(11)], [charter(12)]],
    );
    expect(checks[SIGNOFF]).toMatchObject({ conclusion: "success", external_id: "pg1.g" });
    expect(checks[DECLARATION]).toMatchObject({ external_id: "pg1.g" });
  });

  it("an objection to the PR ahead in the queue fails the group, naming that PR", async () => {
    const { checks } = await judgeGroup(
      [
        { number: 11, commit: "e".repeat(40) },
        { number: 12, commit: GROUP },
      ],
      [[charter(11, [...approvals("bob", "carol", "dan"), review("bob", "CHANGES_REQUESTED", "2026-11-21T09:00:00Z")])], [charter(12)]],
    );
    expect(checks[SIGNOFF]).toMatchObject({ conclusion: "failure", output: { title: "#11 does not hold: Blocked by an objection from Government" } });
    expect(lines(checks[SIGNOFF]?.output.summary)).toContain("- [#11](https://github.com/org/charter/pull/11) Amend article 4: does not hold (Blocked by an objection from Government)");
    expect(checks[DECLARATION]?.conclusion).toBe("success");
  });

  it("a PR of the group that cannot be read fails the group: never a success on facts not read", async () => {
    // #11, ahead, holds: only #12's failed read can fail the group.
    const { checks } = await judgeGroup(
      [
        { number: 11, commit: "e".repeat(40) },
        { number: 12, commit: GROUP },
      ],
      [[charter(11)], [charter(12), { failing: { list: "graphql", requestId: "AB12:3456" } }]],
    );
    expect(checks[SIGNOFF]).toMatchObject({ conclusion: "failure", output: { title: "#12 does not hold: it could not be read from GitHub" } });
    expect(checks[DECLARATION]).toMatchObject({ conclusion: "failure", output: { title: "#12 does not hold: it could not be read from GitHub" } });
  });

  it("a merge queue that GitHub cannot show fails closed, saying why", async () => {
    const { checks } = await deliver("merge_group", checksRequested(12), null, (mock) => {
      serveRules(mock, 1);
      mock.graphql(() => ({ repository: { mergeQueue: null } }), { match: (req) => req.query === MERGE_QUEUE_QUERY });
      serveChecks(mock, { head: GROUP });
    });
    for (const name of [SIGNOFF, DECLARATION]) {
      expect(checks[name]).toMatchObject({ head_sha: GROUP, conclusion: "failure", output: { title: "Cannot tell which pull requests this merge group holds" } });
    }
    expect(lines(checks[SIGNOFF]?.output.summary)[0]).toBe("GitHub shows no merge queue for `main`.");
  });

  it("a GitHub error on the queue's query fails closed with its request id", async () => {
    const { checks } = await deliver("merge_group", checksRequested(12), null, (mock) => {
      serveRules(mock, 1);
      mock.graphql(() => new GraphQLReply({ status: 500, body: { message: "Server Error" }, headers: { "x-github-request-id": "QQ11:2222" } }), {
        match: (req) => req.query === MERGE_QUEUE_QUERY,
      });
      serveChecks(mock, { head: GROUP });
    });
    expect(checks[SIGNOFF]?.output.summary).toContain("QQ11:2222");
    expect(checks[SIGNOFF]?.conclusion).toBe("failure");
  });

  it("in a repository that is not governed, nothing is written", async () => {
    const { mock } = await deliver("merge_group", checksRequested(12), null, (mock) => {
      serveFile(mock, { owner: OWNER, repo: REPO, path: ".github/governance.yml", ref: null, content: null });
      serveFile(mock, { owner: OWNER, repo: ".github", path: ".github/governance.yml", ref: null, content: null });
    });
    expect(appWrites(mock)).toEqual([]);
  });
});

describe("Re-run pressed on a check of a merge queue's commit", () => {
  const rerun = (branch: string) =>
    checkRunPayload(
      "check_run.rerequested",
      { ...repository, headSha: GROUP, name: SIGNOFF, appId: APP_ID, pullNumbers: [] },
      { check_run: { check_suite: { head_branch: branch, head_sha: GROUP } } },
    );

  /** The PRs GitHub associates with the group's commit: the queued PR, whose head is another commit. */
  const associated = (mock: GitHubMock, heads: Record<number, string>) =>
    mock.get(`/repos/${OWNER}/${REPO}/commits/${GROUP}/pulls?per_page=100`, {
      body: Object.entries(heads).map(([number, sha]) => ({
        number: Number(number),
        state: "open",
        head: { sha, ref: `pr-${number}`, label: `${OWNER}:pr-${number}` },
        base: { sha: BASE, ref: "main", label: `${OWNER}:main` },
      })),
    });

  it("judges the group again and writes on the group's commit", async () => {
    const { checks } = await deliver("check_run", rerun(`gh-readonly-queue/main/pr-12-${BASE}`), null, (mock) => {
      associated(mock, { 12: "2".repeat(40) });
      serveRules(mock, 2);
      serveQueue(mock, [{ number: 12, commit: GROUP }]);
      servePull(mock, charter(12));
      serveChecks(mock, { head: GROUP });
    });
    expect(checks[SIGNOFF]).toMatchObject({ head_sha: GROUP, conclusion: "success", output: { title: "Pull request #12 holds" } });
  });

  it("a suite branch naming a PR whose queue entry is another commit: fails closed", async () => {
    const { checks } = await deliver("check_run", rerun(`gh-readonly-queue/main/pr-12-${BASE}`), null, (mock) => {
      associated(mock, {});
      serveRules(mock, 1);
      serveQueue(mock, [{ number: 12, commit: "e".repeat(40) }]);
      serveChecks(mock, { head: GROUP });
    });
    expect(checks[SIGNOFF]).toMatchObject({ head_sha: GROUP, conclusion: "failure", output: { title: "Cannot tell which pull requests this merge group holds" } });
  });

  it("a PR's own head on a branch a writer named like the queue's stays a PR's head: the PR is evaluated", async () => {
    const { checks } = await deliver("check_run", rerun(`gh-readonly-queue/main/pr-12-${BASE}`), null, (mock) => {
      associated(mock, { 12: GROUP });
      serveRules(mock, 1);
      servePull(mock, { ...charter(12), headSha: GROUP });
      serveChecks(mock, { head: GROUP });
    });
    expect(checks[SIGNOFF]).toMatchObject({ head_sha: GROUP, output: { title: "0 of 3 sectors: waiting for Civil society" } });
  });
});

describe("a queued PR that stops holding", () => {
  /** A review submitted on #12 at its head `headSha`. */
  const reviewed = (headSha: string) =>
    pullRequestPayload("pull_request_review.submitted", { owner: OWNER, repo: REPO, installationId: INSTALLATION, number: 12, headSha, author: "alice" });

  it("an objection to a queued PR, in a process that never judged its group: the queue is read and the group fails", async () => {
    // #12 is first in the queue (GitHub says so with its facts); bob (Government) now objects.
    const objected = charter(12, [...approvals("carol", "dan"), review("bob", "CHANGES_REQUESTED", "2026-11-22T09:00:00Z", "2".repeat(40))]);
    const queued: PullSpec = { ...objected, queuePosition: 1 };
    const { mock } = await deliver("pull_request_review", reviewed(queued.headSha!), null, (mock) => {
      // The PR's evaluation, then the group's: the rules, the queue and the PR, each read again.
      serveRules(mock, 3);
      servePull(mock, queued);
      servePull(mock, queued);
      serveChecks(mock, { head: queued.headSha!, creates: 2 });
      serveQueue(mock, [{ number: 12, commit: GROUP }]);
      serveQueue(mock, [{ number: 12, commit: GROUP }]);
      serveChecks(mock, { head: GROUP });
    });
    const written = appWrites(mock).filter((r) => r.path.endsWith("/check-runs")).map((r) => (r.body as { head_sha: string; name: string; conclusion: string }));
    expect(written.filter((r) => r.head_sha === GROUP && r.name === SIGNOFF)).toEqual([
      expect.objectContaining({ conclusion: "failure", output: expect.objectContaining({ title: "#12 does not hold: Blocked by an objection from Government" }) }),
    ]);
  });

  it("a queued PR that keeps holding: no queue is read", async () => {
    const { mock } = await deliver("pull_request_review", reviewed(charter(12).headSha!), null, (mock) => {
      serveRules(mock, 1);
      servePull(mock, { ...charter(12), queuePosition: 1 });
      serveChecks(mock, { head: charter(12).headSha!, creates: 2 });
    });
    expect(mock.requests.filter((r) => r.path === "/graphql" && (r.body as { query?: string }).query === MERGE_QUEUE_QUERY)).toEqual([]);
  });
});

describe("events of the queue that change no check", () => {
  it.each([
    ["merge_group.destroyed (merged)", "merge_group", () => mergeGroupPayload("destroyed", { ...repository, mergeGroup: group(12), reason: "merged" }), "webhook-merge-group-destroyed"],
    ["merge_group.destroyed (dequeued)", "merge_group", () => mergeGroupPayload("destroyed", { ...repository, mergeGroup: group(12), reason: "dequeued" }), "webhook-merge-group-destroyed"],
    ["pull_request.enqueued", "pull_request", () => pullRequestQueuePayload("enqueued", { owner: OWNER, repo: REPO, installationId: INSTALLATION, number: 12 }), "webhook-pull-request-enqueued"],
    ["pull_request.dequeued", "pull_request", () => pullRequestQueuePayload("dequeued", { owner: OWNER, repo: REPO, installationId: INSTALLATION, number: 12 }), "webhook-pull-request-dequeued"],
  ] as const)("%s reads and writes nothing", async (_name, event, payload, schema) => {
    const body = payload();
    expect(validateWebhook(schema, body)).toEqual([]);
    const { mock } = await deliver(event, body, null);
    expect(mock.requests).toEqual([]);
  });
});

describe("app.yml", () => {
  it("subscribes to merge_group and asks to read merge queues, nothing more of them", () => {
    const manifest = parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8")) as { default_events: string[]; default_permissions: Record<string, string> };
    expect(manifest.default_events).toContain("merge_group");
    expect(manifest.default_permissions.merge_queues).toBe("read");
  });
});
