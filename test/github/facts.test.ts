import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { encodeHint } from "../../src/evaluate/sweep-hint.js";
import { GitHubFactsError, getPullRequestFacts, listOpenPullRequests, PULL_REQUEST_QUERY, PULLS_PER_QUERY, pullRequestsQuery, readPullRequest, readPullRequests, TIMELINE_PAGE_QUERY, COMMENTS_PAGE_QUERY } from "../../src/github/facts.js";
import { GraphQLReply, linkNext, mockGitHub, type GitHubMock } from "../helpers/github-mocks.js";
import { validateQuery } from "../helpers/graphql.js";
import { createTestOctokit, setupNock, teardownNock } from "../helpers/probot.js";

const PR = "/repos/org/charter/pulls/12";
const ISSUE = "/repos/org/charter/issues/12";
const HEAD = "a".repeat(40);
const REF = { owner: "org", repo: "charter", pull_number: 12 };
const APP_ID = 4242;

const user = (login: string, type = "User") => ({ login, id: 1000 + login.length, type });

// ---------------------------------------------------------------------------------------------
// The answer of PULL_REQUEST_QUERY, as GitHub's GraphQL API gives it (mock.graphql checks each one
// against GitHub's schema).

type GraphActor = { __typename: "User" | "Bot" | "Organization" | "Mannequin"; login: string; databaseId?: number | null } | null;
/** Account ids, as GitHub gives them: `databaseId` in GraphQL, `id` in REST. */
const idOf = (login: string): number => 1000 + login.length;
const person = (login: string): GraphActor => ({ __typename: "User", login, databaseId: idOf(login) });
/** GitHub's GraphQL names an app's account by its slug, without "[bot]". */
const bot = (slug: string): GraphActor => ({ __typename: "Bot", login: slug, databaseId: idOf(`${slug.replace(/\[bot\]$/, "")}[bot]`) });
const page = <T>(nodes: T[], hasNextPage = false) => ({ pageInfo: { hasNextPage }, nodes });
/** A page of the PR's timeline, with the cursor of its last item (null: the last page). */
const timeline = <T = Record<string, unknown>>(nodes: T[], next: string | null = null) => ({ pageInfo: { hasNextPage: next !== null, endCursor: next ?? (nodes.length > 0 ? "Y3Vyc29yOmxhc3Q=" : null) }, nodes });
/** A page of the PR's comments, paged like its timeline. */
const comments = (nodes: GraphComment[], next: string | null = null) => timeline(nodes, next);

interface GraphReview {
  fullDatabaseId: string | null;
  state: "PENDING" | "COMMENTED" | "APPROVED" | "CHANGES_REQUESTED" | "DISMISSED";
  submittedAt: string | null;
  author: GraphActor;
  commit: { oid: string } | null;
}
const graphReview = (id: number, author: GraphActor, state: GraphReview["state"], submittedAt: string | null, oid = HEAD): GraphReview => ({
  fullDatabaseId: String(id),
  state,
  submittedAt,
  author,
  commit: { oid },
});

interface GraphComment {
  fullDatabaseId: string | null;
  body: string;
  createdAt: string;
  updatedAt: string;
  lastEditedAt: string | null;
  author: GraphActor;
}
const graphComment = (id: number, author: GraphActor, body: string, createdAt: string, lastEditedAt: string | null = null): GraphComment => ({
  fullDatabaseId: String(id),
  body,
  createdAt,
  updatedAt: lastEditedAt ?? createdAt,
  lastEditedAt,
  author,
});

type ChangeType = "ADDED" | "CHANGED" | "COPIED" | "DELETED" | "MODIFIED" | "RENAMED";

interface GraphPr {
  state: "OPEN" | "CLOSED" | "MERGED";
  isDraft: boolean;
  merged: boolean;
  closedAt: string | null;
  changedFiles: number;
  mergeCommit: { oid: string } | null;
  mergeQueueEntry: { position: number } | null;
  author: GraphActor;
  labels: ReturnType<typeof page<{ name: string }>>;
  files: ReturnType<typeof page<{ path: string; changeType: ChangeType }>>;
  reviews: ReturnType<typeof page<GraphReview>>;
  comments: ReturnType<typeof comments>;
  baseRefName: string;
  timelineItems: ReturnType<typeof timeline>;
  forcePushes: BackPage<{ __typename: "HeadRefForcePushedEvent"; createdAt: string; beforeCommit: ReturnType<typeof appSignoff> | null; afterCommit: { oid: string } }>;
  commits: BackPage<{ commit: ReturnType<typeof appSignoff> }> & { totalCount?: number };
  deletions: BackPage<Record<string, unknown>>;
}

type BackPage<T> = { pageInfo: { hasPreviousPage: boolean; startCursor: string | null }; nodes: T[] };
/** A list read backwards (`last:`), with an earlier page behind it when `before` names its cursor. */
const backPage = <T>(nodes: T[], before: string | null = null): BackPage<T> => ({ pageInfo: { hasPreviousPage: before !== null, startCursor: before }, nodes });

/** A commit's check suites as the query asks for them: this app's (id APP_ID) with one sign-off run per summary. */
function appSignoff(summaries: string[] = [], appId = APP_ID, forPull = REF.pull_number, oid = "c".repeat(40), completedAt: string | null = null) {
  const externalId = encodeHint({ signature: "", next: null, error: false }, { pr: forPull, shared: false, group: false, heads: [] });
  return { oid, checkSuites: { nodes: summaries.length === 0 ? [] : [{ app: { databaseId: appId }, checkRuns: { nodes: summaries.map((summary) => ({ summary, externalId, completedAt })) } }] } };
}

/** The `data` of PULL_REQUEST_QUERY for PR #12 of org/charter (default branch "trunk"). */
function prData(over: Partial<GraphPr> = {}) {
  const files = over.files ?? page([{ path: "CHARTER.md", changeType: "MODIFIED" as ChangeType }]);
  return {
    repository: {
      defaultBranchRef: { name: "trunk" },
      pullRequest: {
        number: 12,
        title: "Amend article 4",
        state: "OPEN",
        isDraft: false,
        merged: false,
        createdAt: "2026-11-20T10:00:00Z",
        closedAt: null,
        headRefOid: HEAD,
        changedFiles: files.nodes.length,
        mergeCommit: null,
        mergeQueueEntry: null,
        author: person("Alice"),
        labels: page([{ name: "decision:charter" }]),
        reviews: page<GraphReview>([]),
        comments: comments([]),
        baseRefName: "trunk",
        timelineItems: timeline([]),
        forcePushes: backPage([]),
        deletions: backPage<Record<string, unknown>>([]),
        ...over,
        files,
        commits: { totalCount: 1, ...(over.commits ?? backPage([{ commit: appSignoff([], APP_ID, REF.pull_number, HEAD) }])) },
      },
    },
  };
}

/** Answers the PR's GraphQL query once with `data`. */
function serveGraph(mock: GitHubMock, data: unknown) {
  mock.graphql(() => data);
}

/** Serves `items` as pages of `size`, linked as GitHub links them. */
function servePages(mock: GitHubMock, path: string, items: unknown[], size: number) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  for (let p = 1; p <= pages; p++) {
    const route = p === 1 ? `${path}?per_page=100` : `${path}?per_page=100&page=${p}`;
    mock.get(route, {
      body: items.slice((p - 1) * size, p * size),
      headers: p < pages ? linkNext(`${path}?per_page=100`, p, pages) : {},
    });
  }
}

/** A REST timeline event as GitHub lists it (GET /repos/{o}/{r}/issues/{n}/timeline). */
function restEvent(event: string, actor: string, at: string, extra: Record<string, unknown> = {}) {
  return {
    id: 900 + at.length,
    node_id: "IE_1",
    url: "https://api.github.com/repos/org/charter/issues/events/1",
    actor: { ...user(actor), node_id: "U_1", avatar_url: "", gravatar_id: "", url: "", html_url: "", followers_url: "", following_url: "", gists_url: "", starred_url: "", subscriptions_url: "", organizations_url: "", repos_url: "", events_url: "", received_events_url: "", site_admin: false },
    event,
    commit_id: null,
    commit_url: null,
    created_at: at,
    performed_via_github_app: null,
    ...extra,
  };
}

const requestLines = (mock: GitHubMock) => mock.requests.map((r) => `${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ""}`);

describe("PULL_REQUEST_QUERY", () => {
  it("is a valid query of GitHub's GraphQL schema", () => {
    expect(validateQuery(PULL_REQUEST_QUERY)).toEqual([]);
    expect(validateQuery(TIMELINE_PAGE_QUERY)).toEqual([]);
    expect(validateQuery(COMMENTS_PAGE_QUERY)).toEqual([]);
  });

  it("asks for at most 100 of each list, with whether there is more", () => {
    for (const list of ["labels", "files", "reviews"]) {
      expect(PULL_REQUEST_QUERY).toMatch(new RegExp(`${list}\\(first: 100\\) \\{\\s*pageInfo \\{ hasNextPage \\}`));
    }
    // Comments and the timeline are paged through GraphQL: with the cursor of the next page.
    expect(PULL_REQUEST_QUERY).toMatch(/comments\(first: 100\) \{ \.\.\.CommentsPage \}/);
    expect(PULL_REQUEST_QUERY).toMatch(/fragment CommentsPage on IssueCommentConnection \{\s*pageInfo \{ hasNextPage endCursor \}/);
  });
});

describe("readPullRequest", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("reads a PR of up to 100 files, reviews, comments and labels in one GraphQL request", async () => {
    const mock = mockGitHub();
    serveGraph(
      mock,
      prData({
        labels: page([{ name: "decision:charter" }, { name: "urgent" }]),
        files: page<{ path: string; changeType: ChangeType }>([
          { path: "CHARTER.md", changeType: "MODIFIED" },
          { path: "docs/new.md", changeType: "ADDED" },
          { path: "docs/old.md", changeType: "DELETED" },
          { path: "docs/mode.sh", changeType: "CHANGED" },
        ]),
        reviews: page([
          graphReview(1, person("bob"), "APPROVED", "2026-11-21T09:00:00Z"),
          graphReview(2, bot("renovate"), "APPROVED", "2026-11-21T09:30:00Z"),
          graphReview(3, person("carol"), "CHANGES_REQUESTED", "2026-11-21T10:00:00Z", "b".repeat(40)),
          // The reviewer's private draft, not submitted.
          graphReview(4, person("dan"), "PENDING", null),
          // A review by a deleted account ("ghost"): no author.
          graphReview(5, null, "APPROVED", "2026-11-21T11:00:00Z"),
          graphReview(6, person("erin"), "DISMISSED", "2026-11-21T12:00:00Z"),
        ]),
        comments: comments([
          graphComment(10, person("erin"), "/governance abstain", "2026-11-21T10:00:00Z"),
          graphComment(11, person("frank"), "/governance recuse", "2026-11-21T10:00:00Z", "2026-11-21T11:00:00Z"),
          graphComment(12, bot("helper"), "hi", "2026-11-21T12:00:00Z"),
          graphComment(13, null, "from a deleted account", "2026-11-21T12:30:00Z"),
          graphComment(3_000_000_000, { __typename: "Organization", login: "acme" }, "ok", "2026-11-21T13:00:00Z"),
        ]),
      }),
    );

    const read = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    mock.assertAllDone();

    expect(requestLines(mock)).toEqual(["POST /graphql"]);
    expect(mock.requests[0]?.body).toEqual({ query: PULL_REQUEST_QUERY, variables: { owner: "org", repo: "charter", number: 12, appId: APP_ID } });
    expect(read.defaultBranch).toBe("trunk");
    const { facts } = read;
    expect(facts).toMatchObject({
      number: 12,
      title: "Amend article 4",
      author: { login: "Alice", id: idOf("Alice"), isBot: false },
      draft: false,
      state: "open",
      merged: false,
      createdAt: "2026-11-20T10:00:00Z",
      closedAt: null,
      mergeCommitSha: null,
      queued: false,
      headSha: HEAD,
      labels: ["decision:charter", "urgent"],
    });
    expect(facts.files).toEqual([{ filename: "CHARTER.md" }, { filename: "docs/new.md" }, { filename: "docs/old.md" }, { filename: "docs/mode.sh" }]);
    expect(facts.filesTruncated).toBeUndefined();
    expect(facts.reviews).toEqual([
      { id: 1, user: { login: "bob", id: idOf("bob"), isBot: false }, state: "APPROVED", commitId: HEAD, submittedAt: "2026-11-21T09:00:00Z" },
      { id: 2, user: { login: "renovate[bot]", id: idOf("renovate[bot]"), isBot: true }, state: "APPROVED", commitId: HEAD, submittedAt: "2026-11-21T09:30:00Z" },
      { id: 3, user: { login: "carol", id: idOf("carol"), isBot: false }, state: "CHANGES_REQUESTED", commitId: "b".repeat(40), submittedAt: "2026-11-21T10:00:00Z" },
      // A dismissal the timeline does not show: nobody named, state unknown (the core keeps it as an objection).
      { id: 6, user: { login: "erin", id: idOf("erin"), isBot: false }, state: "DISMISSED", commitId: HEAD, submittedAt: "2026-11-21T12:00:00Z", dismissal: { by: null, at: "2026-11-21T12:00:00Z", previousState: null } },
    ]);
    expect(facts.comments).toEqual([
      { id: 10, user: { login: "erin", id: idOf("erin"), isBot: false }, body: "/governance abstain", createdAt: "2026-11-21T10:00:00Z", updatedAt: "2026-11-21T10:00:00Z", edited: false },
      { id: 11, user: { login: "frank", id: idOf("frank"), isBot: false }, body: "/governance recuse", createdAt: "2026-11-21T10:00:00Z", updatedAt: "2026-11-21T11:00:00Z", edited: true },
      { id: 12, user: { login: "helper[bot]", id: idOf("helper[bot]"), isBot: true }, body: "hi", createdAt: "2026-11-21T12:00:00Z", updatedAt: "2026-11-21T12:00:00Z", edited: false },
      { id: 3_000_000_000, user: { login: "acme", id: 0, isBot: false }, body: "ok", createdAt: "2026-11-21T13:00:00Z", updatedAt: "2026-11-21T13:00:00Z", edited: false },
    ]);
    expect(facts.commits).toBeUndefined();
  });

  it("names a bot the way REST does, whether GraphQL gives its login with \"[bot]\" or not, and a user named like a bot is still a bot", async () => {
    const mock = mockGitHub();
    serveGraph(
      mock,
      prData({
        author: bot("dependabot"),
        reviews: page([graphReview(1, bot("renovate[bot]"), "APPROVED", "2026-11-21T09:00:00Z")]),
        comments: comments([graphComment(2, person("imposter[bot]"), "hi", "2026-11-21T10:00:00Z")]),
      }),
    );
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    mock.assertAllDone();
    expect(facts.author).toEqual({ login: "dependabot[bot]", id: idOf("dependabot[bot]"), isBot: true });
    expect(facts.reviews.map((r) => r.user)).toEqual([{ login: "renovate[bot]", id: idOf("renovate[bot]"), isBot: true }]);
    expect(facts.comments.map((c) => c.user)).toEqual([{ login: "imposter[bot]", id: idOf("imposter[bot]"), isBot: true }]);
  });

  it("takes a PR whose author's account was deleted as ghost's", async () => {
    const mock = mockGitHub();
    serveGraph(mock, prData({ author: null }));
    const facts = await getPullRequestFacts(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    mock.assertAllDone();
    expect(facts.author).toEqual({ login: "ghost", id: 0, isBot: false });
  });

  it.each<[string, Partial<GraphPr>, Record<string, unknown>]>([
    [
      "merged",
      { state: "MERGED", merged: true, closedAt: "2026-11-24T09:30:00Z", mergeCommit: { oid: "c".repeat(40) }, isDraft: false },
      { state: "closed", merged: true, closedAt: "2026-11-24T09:30:00Z", mergeCommitSha: "c".repeat(40) },
    ],
    [
      "closed without merging",
      { state: "CLOSED", merged: false, closedAt: "2026-11-24T09:30:00Z", mergeCommit: null, isDraft: true },
      { state: "closed", merged: false, closedAt: "2026-11-24T09:30:00Z", mergeCommitSha: null, draft: true },
    ],
    [
      "open, with a merge commit GitHub gives anyway (not merged: no merge commit of record)",
      { state: "OPEN", merged: false, closedAt: null, mergeCommit: { oid: "c".repeat(40) }, isDraft: true },
      { state: "open", merged: false, closedAt: null, mergeCommitSha: null, draft: true },
    ],
    ["open, in a merge queue (third)", { mergeQueueEntry: { position: 3 } }, { state: "open", queued: true }],
  ])("reads the state of a PR %s", async (_case, over, expected) => {
    const mock = mockGitHub();
    serveGraph(mock, prData(over));
    const facts = await getPullRequestFacts(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    mock.assertAllDone();
    expect(facts).toMatchObject(expected);
    expect(requestLines(mock)).toEqual(["POST /graphql"]);
  });

  it.each<[string, ChangeType]>([
    ["renamed", "RENAMED"],
    ["copied", "COPIED"],
  ])("reads the files through REST (every page) when one is %s: GraphQL does not give its previous path", async (_case, changeType) => {
    const mock = mockGitHub();
    serveGraph(
      mock,
      prData({
        files: page<{ path: string; changeType: ChangeType }>([
          { path: "CHARTER.md", changeType: "MODIFIED" },
          { path: "docs/new.md", changeType },
          { path: "README.md", changeType: "MODIFIED" },
        ]),
      }),
    );
    servePages(
      mock,
      `${PR}/files`,
      [
        { filename: "CHARTER.md", status: "modified" },
        { filename: "docs/new.md", previous_filename: "charter/old.md", status: changeType.toLowerCase() },
        { filename: "README.md", status: "modified" },
      ],
      2,
    );
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    mock.assertAllDone();
    expect(facts.files).toEqual([
      { filename: "CHARTER.md" },
      { filename: "docs/new.md", previousFilename: "charter/old.md" },
      { filename: "README.md" },
    ]);
    expect(facts.filesTruncated).toBeUndefined();
    expect(requestLines(mock)).toEqual(["POST /graphql", `GET ${PR}/files?per_page=100`, `GET ${PR}/files?per_page=100&page=2`]);
  });

  it("reads through REST, to the last page, each list that has more than GraphQL gave: files, reviews, labels", async () => {
    const mock = mockGitHub();
    serveGraph(
      mock,
      prData({
        changedFiles: 3,
        labels: page([{ name: "decision:charter" }], true),
        files: page<{ path: string; changeType: ChangeType }>([{ path: "CHARTER.md", changeType: "MODIFIED" }], true),
        reviews: page([graphReview(1, person("bob"), "APPROVED", "2026-11-21T09:00:00Z")], true),
      }),
    );
    servePages(
      mock,
      `${PR}/files`,
      [
        { filename: "CHARTER.md", status: "modified" },
        { filename: "docs/a.md", status: "added" },
        { filename: "README.md", status: "modified" },
      ],
      2,
    );
    servePages(
      mock,
      `${PR}/reviews`,
      [
        { id: 1, user: user("bob"), state: "APPROVED", commit_id: HEAD, submitted_at: "2026-11-21T09:00:00Z" },
        { id: 2, user: user("renovate[bot]", "Bot"), state: "APPROVED", commit_id: HEAD, submitted_at: "2026-11-21T09:30:00Z" },
        { id: 3, user: user("carol"), state: "CHANGES_REQUESTED", commit_id: "b".repeat(40), submitted_at: "2026-11-21T10:00:00Z" },
        { id: 4, user: user("dan"), state: "PENDING", commit_id: HEAD },
        { id: 5, user: null, state: "APPROVED", commit_id: HEAD, submitted_at: "2026-11-21T11:00:00Z" },
      ],
      1,
    );
    servePages(
      mock,
      `${ISSUE}/labels`,
      [
        { id: 1, name: "decision:charter" },
        { id: 2, name: "urgent" },
      ],
      1,
    );

    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    mock.assertAllDone();
    expect(facts.files).toEqual([{ filename: "CHARTER.md" }, { filename: "docs/a.md" }, { filename: "README.md" }]);
    expect(facts.filesTruncated).toBeUndefined();
    expect(facts.reviews).toEqual([
      { id: 1, user: { login: "bob", id: idOf("bob"), isBot: false }, state: "APPROVED", commitId: HEAD, submittedAt: "2026-11-21T09:00:00Z" },
      { id: 2, user: { login: "renovate[bot]", id: idOf("renovate[bot]"), isBot: true }, state: "APPROVED", commitId: HEAD, submittedAt: "2026-11-21T09:30:00Z" },
      { id: 3, user: { login: "carol", id: idOf("carol"), isBot: false }, state: "CHANGES_REQUESTED", commitId: "b".repeat(40), submittedAt: "2026-11-21T10:00:00Z" },
    ]);
    expect(facts.labels).toEqual(["decision:charter", "urgent"]);
    expect([...requestLines(mock)].sort()).toEqual(
      [
        "POST /graphql",
        `GET ${PR}/files?per_page=100`,
        `GET ${PR}/files?per_page=100&page=2`,
        ...[1, 2, 3, 4, 5].map((p) => `GET ${PR}/reviews?per_page=100${p > 1 ? `&page=${p}` : ""}`),
        `GET ${ISSUE}/labels?per_page=100`,
        `GET ${ISSUE}/labels?per_page=100&page=2`,
      ].sort(),
    );
    expect(mock.requests[0]?.path).toBe("/graphql");
  });

  it("reads through REST only the list that has more: the others are GraphQL's", async () => {
    const mock = mockGitHub();
    serveGraph(
      mock,
      prData({
        reviews: page([graphReview(1, person("bob"), "APPROVED", "2026-11-21T09:00:00Z")], true),
        comments: comments([graphComment(10, person("erin"), "first", "2026-11-21T10:00:00Z")]),
      }),
    );
    servePages(
      mock,
      `${PR}/reviews`,
      [
        { id: 1, user: user("bob"), state: "APPROVED", commit_id: HEAD, submitted_at: "2026-11-21T09:00:00Z" },
        { id: 2, user: user("carol"), state: "APPROVED", commit_id: HEAD, submitted_at: "2026-11-21T09:30:00Z" },
      ],
      100,
    );
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    mock.assertAllDone();
    expect(requestLines(mock)).toEqual(["POST /graphql", `GET ${PR}/reviews?per_page=100`]);
    expect(facts.reviews.map((r) => r.id)).toEqual([1, 2]);
    expect(facts.comments.map((c) => c.body)).toEqual(["first"]);
    expect(facts.files).toEqual([{ filename: "CHARTER.md" }]);
    expect(facts.labels).toEqual(["decision:charter"]);
  });

  it("reads through REST a list GraphQL gave as null (GitHub could not list it in time)", async () => {
    const mock = mockGitHub();
    const data = prData({ changedFiles: 1 });
    (data.repository.pullRequest as { files: unknown }).files = null;
    serveGraph(mock, data);
    servePages(mock, `${PR}/files`, [{ filename: "charter/article-4.md", status: "modified" }], 100);
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    mock.assertAllDone();
    expect(requestLines(mock)).toEqual(["POST /graphql", `GET ${PR}/files?per_page=100`]);
    expect(facts.files).toEqual([{ filename: "charter/article-4.md" }]);
  });

  it("reads everything through REST when GitHub's schema lacks a field of the query (an older GitHub Enterprise Server)", async () => {
    const mock = mockGitHub();
    mock.graphql(
      () =>
        new GraphQLReply({
          body: {
            errors: [
              {
                path: ["query PullRequestFacts", "repository", "pullRequest", "comments", "nodes", "fullDatabaseId"],
                extensions: { code: "undefinedField", typeName: "IssueComment", fieldName: "fullDatabaseId" },
                locations: [{ line: 22, column: 17 }],
                message: "Field 'fullDatabaseId' doesn't exist on type 'IssueComment'",
              },
            ],
          },
        }),
    );
    mock.get(PR, {
      body: {
        number: 12, title: "Amend article 4", state: "open", draft: false, merged: false, created_at: "2026-11-20T10:00:00Z", closed_at: null,
        merge_commit_sha: null, changed_files: 1, user: user("alice"), labels: [{ id: 1, name: "decision:charter" }],
        head: { sha: HEAD, ref: "amend" }, base: { ref: "trunk", repo: { id: 1, name: "charter", full_name: "org/charter", default_branch: "trunk" } },
      },
    });
    servePages(mock, `${PR}/files`, [{ filename: "CHARTER.md", status: "modified" }], 100);
    servePages(mock, `${PR}/reviews`, [{ id: 7, user: user("bob"), state: "APPROVED", commit_id: HEAD, submitted_at: "2026-11-21T09:00:00Z" }], 100);
    servePages(mock, `${ISSUE}/comments`, [{ id: 9, user: user("helper[bot]", "Bot"), body: "hi", created_at: "2026-11-21T10:00:00Z", updated_at: "2026-11-21T10:00:00Z" }], 100);
    servePages(mock, `${ISSUE}/timeline`, [{ ...restEvent("base_ref_changed", "bob", "2026-11-20T11:00:00Z") }], 100);

    const { facts, defaultBranch } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });

    mock.assertAllDone();
    expect(defaultBranch).toBe("trunk");
    expect(facts).toMatchObject({ number: 12, state: "open", headSha: HEAD, author: { login: "alice", id: idOf("alice"), isBot: false }, labels: ["decision:charter"], files: [{ filename: "CHARTER.md" }] });
    expect(facts.reviews).toEqual([{ id: 7, user: { login: "bob", id: idOf("bob"), isBot: false }, state: "APPROVED", commitId: HEAD, submittedAt: "2026-11-21T09:00:00Z" }]);
    // REST's timeline names no branch: a base change of unknown branches (no approval before it counts).
    expect(facts).toMatchObject({ baseRef: "trunk", defaultBranch: "trunk", baseChanges: [{ from: null, to: null, at: "2026-11-20T11:00:00Z", actor: "bob" }], seenCommands: [] });
    expect(facts.comments).toEqual([{ id: 9, user: { login: "helper[bot]", id: idOf("helper[bot]"), isBot: true }, body: "hi", createdAt: "2026-11-21T10:00:00Z", updatedAt: "2026-11-21T10:00:00Z", edited: false }]);
  });

  it("marks the files truncated when the PR changes more files than GitHub lists (fail closed)", async () => {
    const mock = mockGitHub();
    serveGraph(mock, prData({ changedFiles: 3_500, files: page<{ path: string; changeType: ChangeType }>([{ path: "CHARTER.md", changeType: "MODIFIED" }], true) }));
    servePages(
      mock,
      `${PR}/files`,
      [
        { filename: "CHARTER.md", status: "modified" },
        { filename: "README.md", status: "modified" },
      ],
      1,
    );
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    mock.assertAllDone();
    expect(facts.files).toEqual([{ filename: "CHARTER.md" }, { filename: "README.md" }]);
    expect(facts.filesTruncated).toBe(true);
  });

  it("marks the files truncated when GraphQL counts more changed files than it lists", async () => {
    const mock = mockGitHub();
    serveGraph(mock, prData({ changedFiles: 2 }));
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    mock.assertAllDone();
    expect(facts.files).toEqual([{ filename: "CHARTER.md" }]);
    expect(facts.filesTruncated).toBe(true);
  });

  it("reads the commits through REST, every page, in committers mode", async () => {
    const mock = mockGitHub();
    serveGraph(mock, prData());
    servePages(
      mock,
      `${PR}/commits`,
      [
        { sha: "1".repeat(40), author: user("alice"), commit: { author: { name: "Alice A", email: "a@x.org", date: "2026-11-20T09:00:00Z" } } },
        { sha: "2".repeat(40), author: null, commit: { author: { name: "Nobody", email: "n@x.org", date: "2026-11-20T09:10:00Z" } } },
        { sha: "3".repeat(40), author: user("dependabot[bot]", "Bot"), commit: { author: { name: "dependabot[bot]", email: "d@x.org", date: "2026-11-20T09:20:00Z" } } },
      ],
      1,
    );
    const facts = await getPullRequestFacts(createTestOctokit(), REF, { needCommits: true, appId: APP_ID });
    mock.assertAllDone();
    expect(facts.commits).toEqual([
      { sha: "1".repeat(40), author: { login: "alice", id: idOf("alice"), isBot: false }, authorName: "Alice A" },
      { sha: "2".repeat(40), author: null, authorName: "Nobody" },
      { sha: "3".repeat(40), author: { login: "dependabot[bot]", id: idOf("dependabot[bot]"), isBot: true }, authorName: "dependabot[bot]" },
    ]);
    expect([...requestLines(mock)].sort()).toEqual(
      ["POST /graphql", `GET ${PR}/commits?per_page=100`, `GET ${PR}/commits?per_page=100&page=2`, `GET ${PR}/commits?per_page=100&page=3`].sort(),
    );
  });

  it("in committers mode, gives GitHub's count of the PR's commits (commits.totalCount), which its REST list caps at 250", async () => {
    const mock = mockGitHub();
    serveGraph(mock, prData({ commits: { ...backPage([{ commit: appSignoff([], APP_ID, REF.pull_number, HEAD) }]), totalCount: 251 } }));
    servePages(mock, `${PR}/commits`, [{ sha: "1".repeat(40), author: user("alice"), commit: { author: { name: "Alice A", email: "a@x.org", date: "2026-11-20T09:00:00Z" } } }], 1);
    const facts = await getPullRequestFacts(createTestOctokit(), REF, { needCommits: true, appId: APP_ID });
    mock.assertAllDone();
    expect(facts.commitCount).toBe(251);
  });

  it("does not read commits unless asked to", async () => {
    const mock = mockGitHub();
    serveGraph(mock, prData());
    const facts = await getPullRequestFacts(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    mock.assertAllDone();
    expect(facts.commits).toBeUndefined();
    expect(mock.requests.some((r) => r.path.endsWith("/commits"))).toBe(false);
  });
});

describe("readPullRequest's errors", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  const failure = (mock: GitHubMock, needCommits = false) =>
    readPullRequest(createTestOctokit(), REF, { needCommits, appId: APP_ID }).then(
      () => {
        throw new Error("expected a failure");
      },
      (e: unknown) => e,
    );

  it("throws a GitHubFactsError naming the request and its id when GitHub answers the query with an error status", async () => {
    const mock = mockGitHub();
    mock.graphql(() => new GraphQLReply({ status: 502, body: { message: "Server Error" }, headers: { "x-github-request-id": "CAFE:1234:5678" } }));
    const error = await failure(mock);
    mock.assertAllDone();
    expect(error).toBeInstanceOf(GitHubFactsError);
    expect(error).toMatchObject({ status: 502, requestId: "CAFE:1234:5678", request: "POST /graphql" });
  });

  it("throws a GitHubFactsError naming the request when GitHub answers 200 with GraphQL errors", async () => {
    const mock = mockGitHub();
    mock.graphql(
      () =>
        new GraphQLReply({
          status: 200,
          body: { data: null, errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded for installation ID 77." }] },
          headers: { "x-github-request-id": "CAFE:9999:0001" },
        }),
    );
    const error = await failure(mock);
    mock.assertAllDone();
    expect(error).toBeInstanceOf(GitHubFactsError);
    // The answer's request id, for the failed check to tell the user (and GitHub support).
    expect(error).toMatchObject({ request: "POST /graphql", requestId: "CAFE:9999:0001" });
    expect((error as Error).message).toContain("API rate limit exceeded for installation ID 77.");
  });

  it("throws a GitHubFactsError when GitHub cannot resolve the PR number (GraphQL NOT_FOUND)", async () => {
    const mock = mockGitHub();
    mock.graphql(
      () =>
        new GraphQLReply({
          status: 200,
          body: {
            data: { repository: { defaultBranchRef: { name: "main" }, pullRequest: null } },
            errors: [{ type: "NOT_FOUND", path: ["repository", "pullRequest"], locations: [{ line: 4, column: 5 }], message: "Could not resolve to a PullRequest with the number of 12." }],
          },
          headers: { "x-github-request-id": "CAFE:9999:0002" },
        }),
    );
    const error = await failure(mock);
    mock.assertAllDone();
    expect(error).toBeInstanceOf(GitHubFactsError);
    expect(error).toMatchObject({ request: "POST /graphql", requestId: "CAFE:9999:0002" });
    expect((error as Error).message).toContain("Could not resolve to a PullRequest with the number of 12.");
  });

  it.each<[string, unknown]>([
    ["the pull request is null", { repository: { defaultBranchRef: { name: "main" }, pullRequest: null } }],
    ["the repository is null", { repository: null }],
  ])("throws a clear GitHubFactsError when %s in the answer", async (_case, data) => {
    const mock = mockGitHub();
    serveGraph(mock, data);
    const error = await failure(mock);
    mock.assertAllDone();
    expect(error).toBeInstanceOf(GitHubFactsError);
    expect(error).toMatchObject({ status: 404, request: "POST /graphql", message: "GitHub did not find pull request #12 of org/charter" });
  });

  it.each([
    ["reviews", `${PR}/reviews`, false],
    ["labels", `${ISSUE}/labels`, false],
    ["files", `${PR}/files`, false],
    ["commits", `${PR}/commits`, true],
  ])("throws a GitHubFactsError naming the request id when reading the %s through REST fails", async (_what, failing, needCommits) => {
    const mock = mockGitHub();
    // Every list has more than GraphQL gave: all are read through REST; one of them fails.
    serveGraph(
      mock,
      prData({
        labels: page([{ name: "decision:charter" }], true),
        files: page<{ path: string; changeType: ChangeType }>([{ path: "CHARTER.md", changeType: "MODIFIED" }], true),
        reviews: page<GraphReview>([], true),
      }),
    );
    for (const path of [`${PR}/files`, `${PR}/reviews`, `${ISSUE}/labels`, ...(needCommits ? [`${PR}/commits`] : [])]) {
      if (path === failing) {
        mock.get(`${path}?per_page=100`, { status: 500, body: { message: "Server Error" }, headers: { "x-github-request-id": "CAFE:1234:5678" } });
      } else {
        // The other reads may or may not have been made when the failure is known.
        mock.get(`${path}?per_page=100`, { body: path.endsWith("/files") ? [{ filename: "CHARTER.md", status: "modified" }] : [] }, { optional: true });
      }
    }
    const error = await failure(mock, needCommits);
    expect(error).toBeInstanceOf(GitHubFactsError);
    expect(error).toMatchObject({ status: 500, requestId: "CAFE:1234:5678", request: `GET ${failing}?per_page=100` });
    mock.assertAllDone();
  });
});

describe("readPullRequests: the PRs sharing a head commit, read together", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  const REPO = { owner: "org", repo: "charter" };
  /** The `data` of pullRequestsQuery for `numbers`: each PR as prData gives #12, with its own number and title. */
  const prsData = (numbers: number[], over: (n: number) => Partial<GraphPr> = () => ({})) => ({
    repository: {
      defaultBranchRef: { name: "trunk" },
      ...Object.fromEntries(numbers.map((n, i) => [`pr${i}`, { ...prData(over(n)).repository.pullRequest, number: n, title: `Copy ${n}` }])),
    },
  });

  it("is a query GitHub's schema accepts, for one PR and for as many as one query reads", () => {
    expect(validateQuery(pullRequestsQuery(1))).toEqual([]);
    expect(validateQuery(pullRequestsQuery(PULLS_PER_QUERY))).toEqual([]);
  });

  it("reads ten PRs in one request, each with its own facts", async () => {
    const mock = mockGitHub();
    const numbers = [21, 22, 23, 24, 25, 26, 27, 28, 29, 30];
    mock.graphql(() => prsData(numbers, (n) => (n === 23 ? { labels: page([]), reviews: page([graphReview(6, person("bob"), "APPROVED", "2026-11-21T10:00:00Z")]) } : {})));
    const reads = await readPullRequests(createTestOctokit(), REPO, numbers, { needCommits: false, appId: APP_ID });
    mock.assertAllDone();
    expect(requestLines(mock)).toEqual(["POST /graphql"]);
    expect(mock.requests[0]?.body).toEqual({ query: pullRequestsQuery(10), variables: { ...REPO, appId: APP_ID, ...Object.fromEntries(numbers.map((n, i) => [`n${i}`, n])) } });
    expect(reads.map((r) => ("read" in r ? [r.pull_number, r.read.facts.number, r.read.facts.title, r.read.defaultBranch] : r))).toEqual(numbers.map((n) => [n, n, `Copy ${n}`, "trunk"]));
    const third = reads[2];
    expect(third && "read" in third ? [third.read.facts.labels, third.read.facts.reviews.map((r) => r.user.login)] : third).toEqual([[], ["bob"]]);
  });

  it("reads more PRs than one query holds in one request per PULLS_PER_QUERY", async () => {
    const mock = mockGitHub();
    const numbers = Array.from({ length: PULLS_PER_QUERY + 1 }, (_, i) => 100 + i);
    mock.graphql(() => prsData(numbers.slice(0, PULLS_PER_QUERY)), { match: (req) => req.variables.n0 === 100 });
    mock.graphql(() => prsData(numbers.slice(PULLS_PER_QUERY)), { match: (req) => req.variables.n0 === 100 + PULLS_PER_QUERY });
    const reads = await readPullRequests(createTestOctokit(), REPO, numbers, { needCommits: false, appId: APP_ID });
    mock.assertAllDone();
    expect(requestLines(mock)).toEqual(["POST /graphql", "POST /graphql"]);
    expect(reads.map((r) => ("read" in r ? r.read.facts.number : r))).toEqual(numbers);
  });

  it("a failed query is an error of every PR it asked for, naming the request: none is left out", async () => {
    const mock = mockGitHub();
    mock.graphql(() => new GraphQLReply({ status: 502, body: { message: "Server Error" }, headers: { "x-github-request-id": "CAFE:1234:0003" } }), { times: 4 });
    const reads = await readPullRequests(createTestOctokit(), REPO, [21, 22], { needCommits: false, appId: APP_ID });
    expect(reads.map((r) => r.pull_number)).toEqual([21, 22]);
    for (const r of reads) {
      expect("error" in r && r.error).toBeInstanceOf(GitHubFactsError);
      expect("error" in r && r.error).toMatchObject({ status: 502, requestId: "CAFE:1234:0003", request: "POST /graphql" });
    }
  });

  it("in committers mode, takes the commits already read for a PR with the same head and base, and reads those of another base", async () => {
    const mock = mockGitHub();
    mock.graphql(() => prsData([21, 22], (n) => (n === 22 ? { baseRefName: "staging" } : {})));
    const commit = { sha: "1".repeat(40), author: user("alice"), commit: { author: { name: "Alice A", email: "a@x.org", date: "2026-11-20T09:00:00Z" } } };
    servePages(mock, "/repos/org/charter/pulls/22/commits", [commit], 1);
    const known = [{ sha: HEAD, author: { login: "alice", id: idOf("alice"), isBot: false } }];
    const reads = await readPullRequests(createTestOctokit(), REPO, [21, 22], { needCommits: true, appId: APP_ID, knownCommits: { headSha: HEAD, baseRef: "trunk", commits: known } });
    mock.assertAllDone();
    expect(requestLines(mock)).toEqual(["POST /graphql", "GET /repos/org/charter/pulls/22/commits?per_page=100"]);
    expect(reads.map((r) => ("read" in r ? r.read.facts.commits?.map((c) => c.sha) : r))).toEqual([[HEAD], ["1".repeat(40)]]);
  });

  it("a PR GitHub does not find is an error of its own", async () => {
    const mock = mockGitHub();
    mock.graphql(() => ({ repository: { ...prsData([21]).repository, pr1: null } }));
    const reads = await readPullRequests(createTestOctokit(), REPO, [21, 22], { needCommits: false, appId: APP_ID });
    mock.assertAllDone();
    expect("read" in reads[0]! && reads[0].read.facts.number).toBe(21);
    expect("error" in reads[1]! && reads[1].error).toMatchObject({ status: 404, message: "GitHub did not find pull request #22 of org/charter" });
  });
});

describe("listOpenPullRequests", () => {
  beforeEach(setupNock);
  afterEach(teardownNock);

  it("reads every page", async () => {
    const mock = mockGitHub();
    const pulls = [1, 2, 3].map((n) => ({
      number: n,
      draft: n === 2,
      user: user(`u${n}`),
      created_at: "2026-11-20T10:00:00Z",
      head: { sha: String(n).repeat(40), ref: `b${n}` },
      labels: [],
    }));
    const path = "/repos/org/charter/pulls";
    mock.get(`${path}?state=open&per_page=100`, { body: pulls.slice(0, 2), headers: linkNext(`${path}?state=open&per_page=100`, 1, 2) });
    mock.get(`${path}?state=open&per_page=100&page=2`, { body: pulls.slice(2) });
    const open = await listOpenPullRequests(createTestOctokit(), { owner: "org", repo: "charter" });
    mock.assertAllDone();
    expect(open.map((p) => [p.number, p.draft, p.headSha.slice(0, 1)])).toEqual([
      [1, false, "1"],
      [2, true, "2"],
      [3, false, "3"],
    ]);
  });
});

/**
 * Reads the PR whose first page of `connection` (served by the caller) ends at cursor "Y3Vyc29yOjk5",
 * serving the two pages after it through `query` (TIMELINE_PAGE_QUERY or COMMENTS_PAGE_QUERY):
 * asserts that each was asked for once, with the cursor of the page before it, and returns the facts.
 */
async function readTwoMorePages(mock: GitHubMock, query: "PullRequestTimeline" | "PullRequestComments", connection: "timelineItems" | "comments", second: unknown, third: unknown) {
  const pages: Array<Record<string, unknown>> = [];
  mock.graphql(
    (req) => {
      pages.push(req.variables);
      return { repository: { pullRequest: { [connection]: req.variables.after === "Y3Vyc29yOjk5" ? second : third } } };
    },
    { times: 2, match: (req) => new RegExp(`^query ${query}\\b`).test(req.query) },
  );
  const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
  mock.assertAllDone();
  expect(requestLines(mock)).toEqual(["POST /graphql", "POST /graphql", "POST /graphql"]);
  expect(pages).toEqual([
    { owner: "org", repo: "charter", number: 12, after: "Y3Vyc29yOjk5" },
    { owner: "org", repo: "charter", number: 12, after: "Y3Vyc29yOjE5OQ==" },
  ]);
  return facts;
}

describe("readPullRequest: what nobody but GitHub or this app can write", () => {
  let mock: GitHubMock;
  beforeEach(() => {
    setupNock();
    mock = mockGitHub();
  });
  afterEach(() => teardownNock());

  const memo = (rows: unknown[]) => `Signed off.\n\n<!-- partnership-governance:seen-commands data=${JSON.stringify(rows)} -->`;

  it("reads labels, review dismissals (with who dismissed) and base changes from the timeline, in one request", async () => {
    serveGraph(
      mock,
      prData({
        baseRefName: "trunk",
        reviews: page([graphReview(6, person("carol"), "DISMISSED", "2026-11-21T10:00:00Z")]),
        timelineItems: timeline([
          { __typename: "LabeledEvent", createdAt: "2026-11-20T10:05:00Z", actor: person("carol"), label: { name: "decision:charter" } },
          { __typename: "UnlabeledEvent", createdAt: "2026-11-20T10:06:00Z", actor: person("mallory"), label: { name: "decision:charter" } },
          { __typename: "BaseRefChangedEvent", createdAt: "2026-11-21T08:00:00Z", actor: person("mallory"), previousRefName: "staging", currentRefName: "trunk" },
          { __typename: "ReviewDismissedEvent", createdAt: "2026-11-21T11:00:00Z", actor: person("mallory"), previousReviewState: "CHANGES_REQUESTED", review: { fullDatabaseId: "6" } },
        ]),
      }),
    );
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    expect(requestLines(mock)).toEqual(["POST /graphql"]);
    expect(facts.labelEvents).toEqual([
      { label: "decision:charter", added: true, at: "2026-11-20T10:05:00Z", actor: "carol" },
      { label: "decision:charter", added: false, at: "2026-11-20T10:06:00Z", actor: "mallory" },
    ]);
    expect(facts.baseChanges).toEqual([{ from: "staging", to: "trunk", at: "2026-11-21T08:00:00Z", actor: "mallory" }]);
    expect(facts).toMatchObject({ baseRef: "trunk", defaultBranch: "trunk" });
    expect(facts.reviews[0]?.dismissal).toEqual({ by: { login: "mallory", id: idOf("mallory"), isBot: false }, at: "2026-11-21T11:00:00Z", previousState: "CHANGES_REQUESTED" });
  });

  it("remembers the commands of this app's own sign-off runs only: on the commits and on force-pushed heads, never another app's", async () => {
    serveGraph(
      mock,
      prData({
        commits: backPage([
          { commit: appSignoff([memo([[101, "bob", 7, "recuse", "2026-11-21T09:00:00Z"]])]) },
          // Another app (a workflow's, say) writing a run of the same name: never read.
          { commit: appSignoff([memo([[102, "carol", 8, "abstain", "2026-11-21T09:30:00Z"]])], 99) },
        ]),
        forcePushes: backPage([{ __typename: "HeadRefForcePushedEvent", createdAt: "2026-11-21T10:05:00Z", beforeCommit: appSignoff([memo([[103, "dan", null, "abstain", "2026-11-21T10:00:00Z"]])]), afterCommit: { oid: HEAD } }]),
      }),
    );
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    expect(facts.seenCommands).toEqual([
      { commentId: 101, login: "bob", userId: 7, verb: "recuse", createdAt: "2026-11-21T09:00:00Z" },
      { commentId: 103, login: "dan", userId: null, verb: "abstain", createdAt: "2026-11-21T10:00:00Z" },
    ]);
  });

  it("remembers the decision labels of this app's own sign-off runs apart from its commands, never another app's", async () => {
    serveGraph(
      mock,
      prData({
        commits: backPage([
          { commit: appSignoff([memo([[101, "bob", 7, "recuse", "2026-11-21T09:00:00Z"], ["label", "consultation", "2026-11-20T10:00:00Z"]])]) },
          // Another app's run of the same name claiming a label: never read.
          { commit: appSignoff([memo([["label", "decision:charter", "2026-11-20T09:00:00Z"]])], 99) },
        ]),
      }),
    );
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    expect(facts.seenCommands).toEqual([{ commentId: 101, login: "bob", userId: 7, verb: "recuse", createdAt: "2026-11-21T09:00:00Z" }]);
    expect(facts.seenLabels).toEqual([{ verb: "label", label: "consultation", at: "2026-11-20T10:00:00Z" }]);
  });

  const OLD = "b".repeat(40);
  const BEFORE = "d".repeat(40);
  const carolAbstains = memo([[301, "carol", 8, "abstain", "2026-11-21T09:00:00Z"]]);
  const carolRow = { commentId: 301, login: "carol", userId: 8, verb: "abstain", createdAt: "2026-11-21T09:00:00Z" };
  const isMemoPages = (req: { query: string }) => /query MemoPages/.test(req.query);

  it("reads earlier commits, one query per page, only when the first page holds no run of its own on the head (a push of 100 commits): the memo beyond is found", async () => {
    serveGraph(mock, prData({ commits: backPage([{ commit: appSignoff([], APP_ID, REF.pull_number, HEAD) }], "Y3Vyc29yOjE=") }));
    mock.graphql(
      (req) => {
        expect(req.variables).toMatchObject({ commits: "Y3Vyc29yOjE=", readCommits: true, readPushes: false, readDeletions: false });
        return { repository: { pullRequest: { commits: backPage([{ commit: appSignoff([carolAbstains], APP_ID, REF.pull_number, OLD, "2026-11-21T09:05:00Z") }]) } } };
      },
      { match: isMemoPages },
    );
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    expect(requestLines(mock)).toEqual(["POST /graphql", "POST /graphql"]);
    expect(facts.seenCommands).toEqual([carolRow]);
    expect(facts.memoUnreachable).toBeUndefined();
  });

  it("reads nothing further when its own run on the head was completed after the last force-push shown, however long the PR", async () => {
    serveGraph(
      mock,
      prData({
        commits: backPage([{ commit: appSignoff([carolAbstains], APP_ID, REF.pull_number, HEAD, "2026-11-21T10:00:00Z") }], "Y3Vyc29yOjE="),
        forcePushes: backPage([{ __typename: "HeadRefForcePushedEvent", createdAt: "2026-11-21T09:59:00Z", beforeCommit: appSignoff([], APP_ID, REF.pull_number, BEFORE), afterCommit: { oid: HEAD } }], "Y3Vyc29yOjE="),
      }),
    );
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    expect(requestLines(mock)).toEqual(["POST /graphql"]);
    expect(facts.seenCommands).toEqual([carolRow]);
  });

  it("reads earlier force-pushes when the head's run is older than the last force-push (a head reset to one judged before): the memo on a replaced head is found", async () => {
    serveGraph(
      mock,
      prData({
        commits: backPage([{ commit: appSignoff([memo([])], APP_ID, REF.pull_number, HEAD, "2026-11-21T08:00:00Z") }]),
        forcePushes: backPage([{ __typename: "HeadRefForcePushedEvent", createdAt: "2026-11-21T11:00:00Z", beforeCommit: appSignoff([], APP_ID, REF.pull_number, BEFORE), afterCommit: { oid: HEAD } }], "Y3Vyc29yOjE="),
      }),
    );
    mock.graphql(
      () => ({
        repository: {
          pullRequest: {
            forcePushes: backPage([
              { __typename: "HeadRefForcePushedEvent", createdAt: "2026-11-21T09:30:00Z", beforeCommit: appSignoff([], APP_ID, REF.pull_number, HEAD), afterCommit: { oid: OLD } },
              { __typename: "HeadRefForcePushedEvent", createdAt: "2026-11-21T10:30:00Z", beforeCommit: appSignoff([carolAbstains], APP_ID, REF.pull_number, OLD, "2026-11-21T10:00:00Z"), afterCommit: { oid: BEFORE } },
            ]),
          },
        },
      }),
      { match: isMemoPages },
    );
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    expect(requestLines(mock)).toEqual(["POST /graphql", "POST /graphql"]);
    expect(facts.seenCommands).toEqual([carolRow]);
    expect(facts.memoUnreachable).toBeUndefined();
  });

  it("says the memo is out of reach when a force-push replaced a head the app never judged after its newest run, with the comments deleted by others than their authors (the PR's query gives them: no request more)", async () => {
    serveGraph(
      mock,
      prData({
        commits: backPage([{ commit: appSignoff([], APP_ID, REF.pull_number, HEAD) }]),
        forcePushes: backPage([{ __typename: "HeadRefForcePushedEvent", createdAt: "2026-11-21T11:00:00Z", beforeCommit: appSignoff([], APP_ID, REF.pull_number, BEFORE), afterCommit: { oid: HEAD } }]),
        deletions: backPage<Record<string, unknown>>([
          { __typename: "CommentDeletedEvent", createdAt: "2026-11-21T10:30:00Z", actor: { login: "mallory" }, deletedCommentAuthor: { login: "carol" } },
          // bob deleting his own comment withdraws what only he may withdraw.
          { __typename: "CommentDeletedEvent", createdAt: "2026-11-21T10:40:00Z", actor: { login: "bob" }, deletedCommentAuthor: { login: "Bob" } },
        ]),
      }),
    );
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    expect(requestLines(mock)).toEqual(["POST /graphql"]);
    expect(facts.memoUnreachable).toEqual({ deleted: [{ author: "carol", by: "mallory", at: "2026-11-21T10:30:00Z" }] });
  });

  it("reads at most 10 earlier pages of commits: beyond, the memo is out of reach (no request more, the fail-closed decision is the core's)", async () => {
    serveGraph(mock, prData({ commits: backPage([{ commit: appSignoff([], APP_ID, REF.pull_number, HEAD) }], "Y3Vyc29yOjE=") }));
    mock.graphql(() => ({ repository: { pullRequest: { commits: backPage([{ commit: appSignoff([], APP_ID, REF.pull_number, OLD) }], "Y3Vyc29yOjE=") } } }), { match: isMemoPages, times: 10 });
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    expect(requestLines(mock)).toHaveLength(11);
    expect(facts.memoUnreachable).toEqual({ deleted: [] });
  });

  it("reads the earlier deletions page by page when the memo is out of reach and the PR's query gave only the last 100", async () => {
    serveGraph(
      mock,
      prData({
        commits: backPage([{ commit: appSignoff([], APP_ID, REF.pull_number, HEAD) }]),
        forcePushes: backPage([{ __typename: "HeadRefForcePushedEvent", createdAt: "2026-11-21T11:00:00Z", beforeCommit: null, afterCommit: { oid: HEAD } }]),
        deletions: backPage<Record<string, unknown>>([{ __typename: "CommentDeletedEvent", createdAt: "2026-11-21T10:30:00Z", actor: { login: "mallory" }, deletedCommentAuthor: { login: "stranger" } }], "Y3Vyc29yOjE="),
      }),
    );
    mock.graphql(
      (req) => {
        expect(req.variables).toMatchObject({ deletions: "Y3Vyc29yOjE=", readCommits: false, readPushes: false, readDeletions: true });
        return { repository: { pullRequest: { deletions: backPage([{ __typename: "CommentDeletedEvent", createdAt: "2026-11-21T09:30:00Z", actor: { login: "mallory" }, deletedCommentAuthor: { login: "carol" } }]) } } };
      },
      { match: isMemoPages },
    );
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    expect(requestLines(mock)).toEqual(["POST /graphql", "POST /graphql"]);
    expect(facts.memoUnreachable?.deleted.map((d) => d.author)).toEqual(["stranger", "carol"]);
  });

  it("never takes another PR's memo: a PR stacked on another's branch has its commits, and their runs were written for that PR", async () => {
    serveGraph(
      mock,
      prData({
        commits: backPage([
          // PR #11's head, with its own run remembering carol's recusal there: no signal on #12.
          { commit: appSignoff([memo([[201, "carol", 8, "recuse", "2026-11-21T09:00:00Z"]])], APP_ID, 11) },
          { commit: appSignoff([memo([[202, "bob", 7, "abstain", "2026-11-21T09:30:00Z"]])]) },
        ]),
      }),
    );
    const { facts } = await readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    expect(facts.seenCommands).toEqual([{ commentId: 202, login: "bob", userId: 7, verb: "abstain", createdAt: "2026-11-21T09:30:00Z" }]);
  });

  it("reads a timeline of more than one page through GraphQL, to its last page: a base change's branches stay known", async () => {
    const labelled = (i: number) => ({ __typename: i % 2 === 0 ? "LabeledEvent" : "UnlabeledEvent", createdAt: `2026-11-20T11:${String(i % 60).padStart(2, "0")}:00Z`, actor: person("mallory"), label: { name: "wip" } });
    const retargeted = { __typename: "BaseRefChangedEvent", createdAt: "2026-11-20T10:30:00Z", actor: person("alice"), previousRefName: "staging", currentRefName: "trunk" };
    const dismissed = { __typename: "ReviewDismissedEvent", createdAt: "2026-11-21T11:00:00Z", actor: person("mallory"), previousReviewState: "CHANGES_REQUESTED", review: { fullDatabaseId: "6" } };
    serveGraph(mock, prData({ timelineItems: timeline([retargeted, ...Array.from({ length: 99 }, (_, i) => labelled(i))], "Y3Vyc29yOjk5"), reviews: page([graphReview(6, person("carol"), "DISMISSED", "2026-11-21T10:00:00Z")]) }));
    const facts = await readTwoMorePages(mock, "PullRequestTimeline", "timelineItems", timeline(Array.from({ length: 100 }, (_, i) => labelled(i)), "Y3Vyc29yOjE5OQ=="), timeline([labelled(0), dismissed]));
    expect(facts.labelEvents).toHaveLength(200);
    expect(facts.baseChanges).toEqual([{ from: "staging", to: "trunk", at: "2026-11-20T10:30:00Z", actor: "alice" }]);
    expect(facts.reviews[0]?.dismissal).toEqual({ by: { login: "mallory", id: idOf("mallory"), isBot: false }, at: "2026-11-21T11:00:00Z", previousState: "CHANGES_REQUESTED" });
  });

  it("fails with a GitHubFactsError when GitHub says there is another page of the timeline but gives no cursor (never decides on part of it)", async () => {
    serveGraph(mock, prData({ timelineItems: { pageInfo: { hasNextPage: true, endCursor: null }, nodes: [] } }));
    await expect(readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID })).rejects.toThrow(/no cursor for the next page/);
  });

  it("reads comments of more than one page through GraphQL, to its last page: a reaction (updatedAt moved, never edited) is no edit, an edit is", async () => {
    const filler = (i: number) => graphComment(1000 + i, person("mallory"), `filler ${i}`, "2026-11-21T08:00:00Z");
    // frank's recusal, reacted to by mallory: GitHub moved its updatedAt, not its lastEditedAt.
    const recusal = { ...graphComment(11, person("frank"), "/governance recuse", "2026-11-21T10:00:00Z"), updatedAt: "2026-11-21T11:00:00Z" };
    const edited = graphComment(12, person("erin"), "/governance abstain", "2026-11-21T10:00:00Z", "2026-11-21T10:30:00Z");
    serveGraph(mock, prData({ comments: comments(Array.from({ length: 100 }, (_, i) => filler(i)), "Y3Vyc29yOjk5") }));
    const facts = await readTwoMorePages(mock, "PullRequestComments", "comments", comments(Array.from({ length: 100 }, (_, i) => filler(100 + i)), "Y3Vyc29yOjE5OQ=="), comments([recusal, edited]));
    expect(facts.comments).toHaveLength(202);
    expect(facts.comments.slice(200).map((c) => [c.id, c.user.login, c.updatedAt, c.edited])).toEqual([
      [11, "frank", "2026-11-21T11:00:00Z", false],
      [12, "erin", "2026-11-21T10:30:00Z", true],
    ]);
  });

  it("fails with a GitHubFactsError when GitHub says there is another page of the comments but gives no cursor (never decides on part of them)", async () => {
    serveGraph(mock, prData({ comments: { pageInfo: { hasNextPage: true, endCursor: null }, nodes: [graphComment(10, person("erin"), "first", "2026-11-21T10:00:00Z")] } }));
    const read = readPullRequest(createTestOctokit(), REF, { needCommits: false, appId: APP_ID });
    await expect(read).rejects.toThrow(GitHubFactsError);
    await expect(read).rejects.toThrow(/no cursor for the next page of pull request #12's comments/);
  });
});
