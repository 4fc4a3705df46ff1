// Gathering the facts of one pull request from GitHub into the value the pure core decides on.
// Every list is read to its last page; a GitHub error becomes a GitHubFactsError that names the
// request id, so the failed check can tell the user (and GitHub support) which request failed.
import type { Actor, BaseChange, ChangedFile, CommentFact, CommitFact, LabelEvent, PullRequestFacts, ReviewDismissal, ReviewFact } from "../core/types.js";
import { graphqlQuery, type GitHub } from "./client.js";
import type { RepoRef } from "./files.js";
import { APP_SIGNOFF_FRAGMENT, findMemo, MEMO_PAGES_QUERY, type MemoPagesResult, type MemoWindow } from "./memo-search.js";
import { splitMemo } from "./signal-memo.js";

export class GitHubFactsError extends Error {
  override readonly name = "GitHubFactsError";
  /** HTTP status of the failed request (0 when none was received). */
  readonly status: number;
  /** GitHub's `x-github-request-id` of the failed request, when it answered. */
  readonly requestId: string | null;
  /** What was being read, e.g. "GET /repos/o/r/pulls/1/reviews". */
  readonly request: string;

  constructor(message: string, status: number, requestId: string | null, request: string, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
    this.requestId = requestId;
    this.request = request;
  }
}

interface ErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, unknown> };
  /** A GraphQL answer with `errors` (HTTP 200) keeps its headers here. */
  headers?: Record<string, unknown>;
  errors?: unknown;
  request?: { method?: unknown; url?: unknown };
}

/** Wraps any error of a GitHub request into a GitHubFactsError (kept as is when it is one). */
export function toFactsError(error: unknown, what: string): GitHubFactsError {
  if (error instanceof GitHubFactsError) return error;
  const e = (error ?? {}) as ErrorLike;
  // GitHub answers a failed GraphQL query with HTTP 200 and `errors` (GraphqlResponseError).
  const status = typeof e.status === "number" ? e.status : Array.isArray(e.errors) ? 200 : 0;
  const id = e.response?.headers?.["x-github-request-id"] ?? e.headers?.["x-github-request-id"];
  const method = typeof e.request?.method === "string" ? e.request.method : "GET";
  const request = typeof e.request?.url === "string" ? `${method} ${e.request.url.replace(/^https?:\/\/[^/]+/, "")}` : what;
  const message = typeof e.message === "string" ? e.message : String(error);
  return new GitHubFactsError(message, status, typeof id === "string" ? id : null, request, { cause: error });
}

async function reading<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw toFactsError(error, what);
  }
}

interface UserLike {
  login: string;
  /** The account's numeric id: REST `user.id`, GraphQL `databaseId`. */
  id?: number | null;
  type?: string;
}

/**
 * An account GitHub names, with its numeric id. GitHub gives every user and bot an id; an actor
 * it gives none for (an enterprise account) gets 0, which is no account's id: it matches no
 * registry entry that gives an id, so nobody is matched by login where an id was expected.
 */
export function toActor(user: UserLike): Actor {
  return {
    login: user.login,
    id: typeof user.id === "number" ? user.id : 0,
    isBot: user.type === "Bot" || user.login.toLowerCase().endsWith("[bot]"),
  };
}

/** A deleted account, as GitHub shows it (REST gives no user, GraphQL a null author). */
export const GHOST: Actor = { login: "ghost", id: 0, isBot: false };

/**
 * The fields of a GraphQL `Actor` the app reads: the login and the account's numeric id, which
 * the `Actor` interface does not have but its account types do (GitHub's schema).
 */
export const ACTOR_FIELDS = "__typename login ... on User { databaseId } ... on Bot { databaseId } ... on Mannequin { databaseId }";

const later = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

export interface PullRequestRef extends RepoRef {
  pull_number: number;
}

/** The timeline events a decision needs: labels, review dismissals and base changes (with their branches). */
const TIMELINE_TYPES = "[LABELED_EVENT, UNLABELED_EVENT, REVIEW_DISMISSED_EVENT, BASE_REF_CHANGED_EVENT]";
const TIMELINE_FRAGMENT = `fragment TimelinePage on PullRequestTimelineItemsConnection {
  pageInfo { hasNextPage endCursor }
  nodes {
    __typename
    ... on LabeledEvent { createdAt actor { ${ACTOR_FIELDS} } label { name } }
    ... on UnlabeledEvent { createdAt actor { ${ACTOR_FIELDS} } label { name } }
    ... on ReviewDismissedEvent { createdAt actor { ${ACTOR_FIELDS} } previousReviewState review { fullDatabaseId } }
    ... on BaseRefChangedEvent { createdAt actor { ${ACTOR_FIELDS} } previousRefName currentRefName }
  }
}`;

const COMMENTS_FRAGMENT = `fragment CommentsPage on IssueCommentConnection {
  pageInfo { hasNextPage endCursor }
  nodes { fullDatabaseId body createdAt updatedAt lastEditedAt author { ${ACTOR_FIELDS} } }
}`;

/** The query `name` for the page of a PR's `connection` after `$after`, read as `fragment` (named `spread`) gives it. */
const pageQuery = (name: string, connection: string, spread: string, fragment: string): string => `query ${name}($owner: String!, $repo: String!, $number: Int!, $after: String!) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      ${connection} { ...${spread} }
    }
  }
}

${fragment}`;

/**
 * The next page of a PR's timeline (after the first, which PULL_REQUEST_QUERY reads), one counted
 * request each: through GraphQL, which names the branches of a base change (REST's timeline does
 * not, and an approval whose base is unknown cannot count: a writer's 101 labels would stall the PR).
 */
export const TIMELINE_PAGE_QUERY = pageQuery("PullRequestTimeline", `timelineItems(first: 100, after: $after, itemTypes: ${TIMELINE_TYPES})`, "TimelinePage", TIMELINE_FRAGMENT);

/**
 * The next page of a PR's comments (after the first, which PULL_REQUEST_QUERY reads), one counted
 * request each: through GraphQL, which tells an edit (`lastEditedAt`) from a reaction (REST's
 * `updated_at` moves with both, and a writer's reaction to a recusal would make it "edited", no signal).
 */
export const COMMENTS_PAGE_QUERY = pageQuery("PullRequestComments", "comments(first: 100, after: $after)", "CommentsPage", COMMENTS_FRAGMENT);

/** What PULL_REQUEST_QUERY and pullRequestsQuery read of each PR (a PullRequest's fields). */
const PULL_FIELDS = `
      number
      title
      state
      isDraft
      merged
      createdAt
      closedAt
      headRefOid
      baseRefName
      changedFiles
      mergeCommit { oid }
      mergeQueueEntry { position }
      author { ${ACTOR_FIELDS} }
      labels(first: 100) { pageInfo { hasNextPage } nodes { name } }
      files(first: 100) { pageInfo { hasNextPage } nodes { path changeType } }
      reviews(first: 100) {
        pageInfo { hasNextPage }
        nodes { fullDatabaseId state submittedAt author { ${ACTOR_FIELDS} } commit { oid } }
      }
      comments(first: 100) { ...CommentsPage }
      timelineItems(first: 100, itemTypes: ${TIMELINE_TYPES}) { ...TimelinePage }
      forcePushes: timelineItems(last: 20, itemTypes: [HEAD_REF_FORCE_PUSHED_EVENT]) {
        pageInfo { hasPreviousPage startCursor }
        nodes { __typename ... on HeadRefForcePushedEvent { createdAt beforeCommit { ...AppSignoff } afterCommit { oid } } }
      }
      commits(last: 100) { totalCount pageInfo { hasPreviousPage startCursor } nodes { commit { ...AppSignoff } } }
      deletions: timelineItems(last: 100, itemTypes: [COMMENT_DELETED_EVENT]) {
        pageInfo { hasPreviousPage startCursor }
        nodes { __typename ... on CommentDeletedEvent { createdAt actor { login } deletedCommentAuthor { login } } }
      }`;

/**
 * One GraphQL query for everything an evaluation reads of a PR: the PR, its first 100 files,
 * reviews, comments and labels, the repository's default branch, and what nobody but GitHub (or
 * this app) can write: the PR's timeline of labels, review dismissals and base changes (who did
 * what, when: SPEC.md "What it guarantees, and against whom"), and this app's own sign-off check
 * runs on the PR's last 100 commits and on the heads that force-pushes replaced (the memo of the
 * commands the app has seen: src/github/signal-memo.ts). REST would need four requests (PR, files,
 * reviews, comments), each counted against the rate limit the first time; SPEC.md's performance
 * contract allows four for a whole evaluation. Lists longer than one page, and renamed files
 * (GraphQL does not give a renamed file's old path), are then read through REST, to their last page;
 * but the comments and the timeline through GraphQL's further pages (COMMENTS_PAGE_QUERY, TIMELINE_PAGE_QUERY).
 */
export const PULL_REQUEST_QUERY = `query PullRequestFacts($owner: String!, $repo: String!, $number: Int!, $appId: Int!) {
  repository(owner: $owner, name: $repo) {
    defaultBranchRef { name }
    pullRequest(number: $number) {${PULL_FIELDS}
    }
  }
}

${TIMELINE_FRAGMENT}

${COMMENTS_FRAGMENT}

${APP_SIGNOFF_FRAGMENT}`;

/**
 * At most this many PRs are read by one pullRequestsQuery: each asks GitHub for about 4,200 nodes
 * (the memo's check runs on 100 commits are most of them; a query may ask for 500,000), and a
 * smaller query is less likely to reach GitHub's time limit.
 */
export const PULLS_PER_QUERY = 25;

/** The alias of the `i`th PR of pullRequestsQuery. */
const pullAlias = (i: number): string => `pr${i}`;

/**
 * The facts of `count` PRs of one repository in one query (numbers `$n0`…): the same fields as
 * PULL_REQUEST_QUERY, each PR under its alias `pr0`…
 */
export function pullRequestsQuery(count: number): string {
  const indices = Array.from({ length: count }, (_, i) => i);
  return `query PullRequestsFacts($owner: String!, $repo: String!, $appId: Int!, ${indices.map((i) => `$n${i}: Int!`).join(", ")}) {
  repository(owner: $owner, name: $repo) {
    defaultBranchRef { name }
${indices.map((i) => `    ${pullAlias(i)}: pullRequest(number: $n${i}) { ...PullFacts }`).join("\n")}
  }
}

fragment PullFacts on PullRequest {${PULL_FIELDS}
}

${TIMELINE_FRAGMENT}

${COMMENTS_FRAGMENT}

${APP_SIGNOFF_FRAGMENT}`;
}

interface GraphActor {
  __typename: string;
  login: string;
  /** Asked on User, Bot and Mannequin; absent on other kinds of actor. */
  databaseId?: number | null;
}

interface GraphReview {
  fullDatabaseId: string | null;
  state: string;
  submittedAt: string | null;
  author: GraphActor | null;
  commit: { oid: string } | null;
}

interface GraphComment {
  fullDatabaseId: string | null;
  body: string;
  createdAt: string;
  updatedAt: string;
  /** When the comment's body was last edited (null: never). Not `updatedAt`, which a reaction moves too. */
  lastEditedAt: string | null;
  author: GraphActor | null;
}

interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: Array<T | null> | null;
}

/** The answer of TIMELINE_PAGE_QUERY. */
export type TimelinePageResult = PageResult<"timelineItems", GraphTimelineItem>;
/** The answer of COMMENTS_PAGE_QUERY. */
export type CommentsPageResult = PageResult<"comments", GraphComment>;
/** The answer of a pageQuery: one page of the PR's `connection`. */
interface PageResult<K extends string, T> {
  repository: { pullRequest: { [key in K]?: Page<T> | null } | null } | null;
}

type GraphTimelineItem =
  | { __typename: "LabeledEvent" | "UnlabeledEvent"; createdAt: string; actor: GraphActor | null; label: { name: string } }
  | { __typename: "ReviewDismissedEvent"; createdAt: string; actor: GraphActor | null; previousReviewState: string; review: { fullDatabaseId: string | null } | null }
  | { __typename: "BaseRefChangedEvent"; createdAt: string; actor: GraphActor | null; previousRefName: string; currentRefName: string };

/** The answer of PULL_REQUEST_QUERY (the fields it asks for, as GitHub's schema types them). */
export interface PullRequestQueryResult {
  repository: {
    defaultBranchRef: { name: string } | null;
    pullRequest: {
      number: number;
      title: string;
      state: "OPEN" | "CLOSED" | "MERGED";
      isDraft: boolean;
      merged: boolean;
      createdAt: string;
      closedAt: string | null;
      headRefOid: string;
      changedFiles: number;
      mergeCommit: { oid: string } | null;
      /** The PR's entry in a merge queue (null: in none; undefined: read through REST, which does not say). */
      mergeQueueEntry?: { position: number } | null;
      author: GraphActor | null;
      labels: Page<{ name: string }> | null;
      files: Page<{ path: string; changeType: string }> | null;
      reviews: Page<GraphReview> | null;
      comments: Page<GraphComment> | null;
      /** Null when read through REST (older GitHub Enterprise Server): then REST's timeline. */
      baseRefName: string | null;
      timelineItems: Page<GraphTimelineItem> | null;
      forcePushes: MemoWindow["forcePushes"];
      /** totalCount: how many commits the PR has (REST's list gives at most 250 of them). */
      commits: (NonNullable<MemoWindow["commits"]> & { totalCount?: number }) | null;
      /** The PR's number of commits when read through REST (its `commits`), which gives no commits' page. */
      restCommitCount?: number;
      deletions?: MemoWindow["deletions"];
    } | null;
  } | null;
}

/** GraphQL names an app's account by its slug; REST (and everything else here) by "slug[bot]". */
export function graphActor(author: GraphActor): Actor {
  const id = author.databaseId ?? null;
  if (author.__typename !== "Bot") return toActor({ login: author.login, id });
  return toActor({ login: author.login.toLowerCase().endsWith("[bot]") ? author.login : `${author.login}[bot]`, id, type: "Bot" });
}

const nodesOf = <T>(page: Page<T> | null | undefined): T[] => (page?.nodes ?? []).filter((n): n is T => n !== null);
/** A list to read through REST: one with more than a page, or one GitHub did not give (null). */
const morePages = (page: Page<unknown> | null | undefined): boolean => page?.pageInfo.hasNextPage ?? true;

export interface ReadOptions {
  needCommits: boolean;
  /** This app's id: only its own sign-off runs are read for the commands it has seen. */
  appId: number;
  /** readPullRequests: the commits of a PR already read, for a PR with the same head and base. */
  knownCommits?: { headSha: string; baseRef: string; commits: CommitFact[] };
}

export interface PullRequestRead {
  facts: PullRequestFacts;
  /** The repository's default branch, as GitHub names it now. */
  defaultBranch: string;
}

/**
 * The facts of one PR (and the repository's default branch): one GraphQL request for a PR of up
 * to 100 files, reviews and comments; REST for whatever does not fit.
 */
export async function readPullRequest(octokit: GitHub, ref: PullRequestRef, opts: ReadOptions): Promise<PullRequestRead> {
  const { owner, repo, pull_number } = ref;
  const base = `/repos/${owner}/${repo}/pulls/${pull_number}`;
  const [result, commits] = await Promise.all([
    reading("POST /graphql", () =>
      graphqlQuery(octokit)<PullRequestQueryResult>(PULL_REQUEST_QUERY, { owner, repo, number: pull_number, appId: opts.appId }),
    ).catch(
      async (error: unknown) => {
        // A GitHub whose GraphQL schema lacks a field of the query (an older GitHub Enterprise
        // Server): the PR through REST, and every list through REST (null: not given).
        if (!isSchemaMismatch(error)) throw error;
        return fromRest(await reading(`GET ${base}`, async () => (await octokit.rest.pulls.get({ owner, repo, pull_number })).data));
      },
    ),
    opts.needCommits ? readCommits(octokit, ref) : Promise.resolve(undefined),
  ]);
  const pr = result.repository?.pullRequest;
  if (!result.repository || !pr) throw notFound(ref);
  return completePull(octokit, ref, result.repository.defaultBranchRef, pr, commits, opts);
}

type GraphPull = NonNullable<NonNullable<PullRequestQueryResult["repository"]>["pullRequest"]>;

const notFound = ({ owner, repo, pull_number }: PullRequestRef): GitHubFactsError =>
  new GitHubFactsError(`GitHub did not find pull request #${pull_number} of ${owner}/${repo}`, 404, null, "POST /graphql");

/** A PR's commits (REST "List commits on a pull request": GitHub lists at most 250 there). */
async function readCommits(octokit: GitHub, { owner, repo, pull_number }: PullRequestRef): Promise<CommitFact[]> {
  const commits = await reading(`GET /repos/${owner}/${repo}/pulls/${pull_number}/commits`, () => octokit.paginate(octokit.rest.pulls.listCommits, { owner, repo, pull_number, per_page: 100 }));
  return commits.map((c): CommitFact => {
    const linked = c.author as UserLike | null | Record<string, never>;
    const fact: CommitFact = { sha: c.sha, author: linked && typeof linked.login === "string" ? toActor(linked as UserLike) : null };
    const name = c.commit.author?.name;
    if (name) fact.authorName = name;
    return fact;
  });
}

/** One PR's read: its facts, or why they could not be read (a GitHub error, named). */
export type PullRead = { pull_number: number; read: PullRequestRead } | { pull_number: number; error: GitHubFactsError };

/**
 * The facts of several PRs of one repository (the PRs sharing a head commit): one GraphQL request
 * for up to PULLS_PER_QUERY of them (each of up to 100 files, reviews and comments), REST for
 * whatever does not fit, as readPullRequest reads one. A PR that cannot be read is an error of its
 * own, and a query that fails is an error of each PR it asked for: nothing is left out unsaid.
 */
export async function readPullRequests(octokit: GitHub, repo: RepoRef, numbers: readonly number[], opts: ReadOptions): Promise<PullRead[]> {
  const chunks: number[][] = [];
  for (let i = 0; i < numbers.length; i += PULLS_PER_QUERY) chunks.push(numbers.slice(i, i + PULLS_PER_QUERY));
  return (await Promise.all(chunks.map((chunk) => readChunk(octokit, repo, chunk, opts)))).flat();
}

async function readChunk(octokit: GitHub, repo: RepoRef, numbers: readonly number[], opts: ReadOptions): Promise<PullRead[]> {
  const failed = (pull_number: number, error: unknown): PullRead => ({ pull_number, error: toFactsError(error, "POST /graphql") });
  const readOne = (pull_number: number): Promise<PullRead> =>
    readPullRequest(octokit, { ...repo, pull_number }, opts).then(
      (read) => ({ pull_number, read }),
      (error: unknown) => failed(pull_number, error),
    );
  let result: { repository: Record<string, unknown> | null };
  try {
    const variables = Object.fromEntries(numbers.map((n, i) => [`n${i}`, n]));
    result = await reading("POST /graphql", () => graphqlQuery(octokit)<typeof result>(pullRequestsQuery(numbers.length), { ...repo, ...variables, appId: opts.appId }));
  } catch (error) {
    // An older GitHub Enterprise Server (see readPullRequest): each PR as it reads one.
    if (isSchemaMismatch(error)) return Promise.all(numbers.map(readOne));
    return numbers.map((n) => failed(n, error));
  }
  const repository = result.repository;
  return Promise.all(
    numbers.map(async (pull_number, i): Promise<PullRead> => {
      const ref = { ...repo, pull_number };
      try {
        const pr = repository?.[pullAlias(i)] as GraphPull | null | undefined;
        if (!repository || !pr) throw notFound(ref);
        // Two PRs with the same head into the same base have the same commits: read once.
        const known = opts.knownCommits;
        const same = known !== undefined && known.headSha === pr.headRefOid && known.baseRef === pr.baseRefName;
        const commits = opts.needCommits ? (same ? known.commits : await readCommits(octokit, ref)) : undefined;
        return { pull_number, read: await completePull(octokit, ref, repository.defaultBranchRef as { name: string } | null, pr, commits, opts) };
      } catch (error) {
        return failed(pull_number, error);
      }
    }),
  );
}

/** A PR's facts from its GraphQL answer, with REST for every list that did not fit in it. */
async function completePull(
  octokit: GitHub,
  ref: PullRequestRef,
  defaultBranchRef: { name: string } | null,
  pr: GraphPull,
  commits: CommitFact[] | undefined,
  opts: ReadOptions,
): Promise<PullRequestRead> {
  const { owner, repo, pull_number } = ref;
  const base = `/repos/${owner}/${repo}/pulls/${pull_number}`;
  const list = { owner, repo, pull_number, per_page: 100 } as const;
  const graphFiles = nodesOf(pr.files);
  const renamed = graphFiles.some((f) => f.changeType === "RENAMED" || f.changeType === "COPIED");
  const [files, reviews, comments, labels, timeline] = await Promise.all([
    morePages(pr.files) || renamed
      ? reading(`GET ${base}/files`, () => octokit.paginate(octokit.rest.pulls.listFiles, list)).then((all) =>
          all.map((f): ChangedFile => (f.previous_filename ? { filename: f.filename, previousFilename: f.previous_filename } : { filename: f.filename })),
        )
      : graphFiles.map((f): ChangedFile => ({ filename: f.path })),
    morePages(pr.reviews)
      ? reading(`GET ${base}/reviews`, () => octokit.paginate(octokit.rest.pulls.listReviews, list)).then(restReviews)
      : graphReviews(nodesOf(pr.reviews)),
    pr.comments === null
      ? // Read through REST (a GitHub whose GraphQL schema lacks a field of the query): REST's comments.
        reading(`GET /repos/${owner}/${repo}/issues/${pull_number}/comments`, () =>
          octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: pull_number, per_page: 100 }),
        ).then(restComments)
      : graphPages(octokit, ref, pr.comments, "comments", COMMENTS_PAGE_QUERY).then(graphComments),
    morePages(pr.labels)
      ? reading(`GET /repos/${owner}/${repo}/issues/${pull_number}/labels`, () =>
          octokit.paginate(octokit.rest.issues.listLabelsOnIssue, { owner, repo, issue_number: pull_number, per_page: 100 }),
        ).then((all) => all.map((l) => l.name))
      : nodesOf(pr.labels).map((l) => l.name),
    pr.timelineItems === null
      ? // Read through REST (a GitHub whose GraphQL schema lacks a field of the query): REST's timeline.
        reading(`GET /repos/${owner}/${repo}/issues/${pull_number}/timeline`, () =>
          octokit.paginate(octokit.rest.issues.listEventsForTimeline, { owner, repo, issue_number: pull_number, per_page: 100 }),
        ).then((all) => restTimeline(all as RestTimelineEvent[]))
      : graphPages(octokit, ref, pr.timelineItems, "timelineItems", TIMELINE_PAGE_QUERY).then(graphTimeline),
  ]);
  attachDismissals(reviews, timeline.dismissals);
  // The app's memo of seen commands: the pages the query gave, and earlier ones only when needed.
  const memo = await findMemo(pr, { number: pull_number, headSha: pr.headRefOid, appId: opts.appId }, (variables) =>
    reading("POST /graphql", () => graphqlQuery(octokit)<MemoPagesResult>(MEMO_PAGES_QUERY, { owner, repo, number: pull_number, appId: opts.appId, ...variables })),
  );
  const remembered = splitMemo(memo.seen);

  const facts: PullRequestFacts = {
    number: pr.number,
    title: pr.title,
    author: pr.author ? graphActor(pr.author) : GHOST,
    draft: pr.isDraft,
    state: pr.state === "OPEN" ? "open" : "closed",
    merged: pr.merged,
    createdAt: pr.createdAt,
    closedAt: pr.closedAt,
    mergeCommitSha: pr.merged ? (pr.mergeCommit?.oid ?? null) : null,
    ...(pr.mergeQueueEntry !== undefined ? { queued: pr.mergeQueueEntry !== null } : {}),
    headSha: pr.headRefOid,
    labels,
    files,
    // GitHub lists at most 3,000 files of a PR ("List pull requests files"): beyond, fail closed.
    ...(pr.changedFiles > files.length ? { filesTruncated: true } : {}),
    reviews,
    comments,
    labelEvents: timeline.labels,
    baseChanges: timeline.bases,
    seenCommands: remembered.commands,
    seenLabels: remembered.labels,
    ...(memo.unreachable ? { memoUnreachable: memo.unreachable } : {}),
    ...(defaultBranchRef ? { defaultBranch: defaultBranchRef.name } : {}),
    ...(pr.baseRefName !== null ? { baseRef: pr.baseRefName } : {}),
  };
  if (commits) {
    facts.commits = commits;
    const count = pr.commits?.totalCount ?? pr.restCommitCount;
    if (count !== undefined) facts.commitCount = count;
  }
  return { facts, defaultBranch: defaultBranchRef?.name ?? "HEAD" };
}

/**
 * Every item of the PR's `connection` (its timeline or its comments): `first`, then the pages after
 * it through `query` (a pageQuery), one counted request each.
 */
async function graphPages<K extends "timelineItems" | "comments", T>(octokit: GitHub, ref: PullRequestRef, first: Page<T>, connection: K, query: string): Promise<T[]> {
  const items = nodesOf(first);
  const what = connection === "comments" ? "comments" : "timeline";
  let page: Page<T> = first;
  while (page.pageInfo.hasNextPage) {
    const after = page.pageInfo.endCursor;
    // A next page GitHub gave no cursor for cannot be read: fail closed rather than decide on part of it.
    if (!after) throw new GitHubFactsError(`GitHub gave no cursor for the next page of pull request #${ref.pull_number}'s ${what}`, 502, null, "POST /graphql");
    const result = await reading("POST /graphql", () =>
      graphqlQuery(octokit)<PageResult<K, T>>(query, { owner: ref.owner, repo: ref.repo, number: ref.pull_number, after }),
    );
    const next = result.repository?.pullRequest?.[connection];
    if (!next) throw new GitHubFactsError(`GitHub did not give the ${what} of pull request #${ref.pull_number} of ${ref.owner}/${ref.repo}`, 404, null, "POST /graphql");
    items.push(...nodesOf(next));
    page = next;
  }
  return items;
}

/** Whether GitHub refused the query for a field its schema does not have (`undefinedField`). */
function isSchemaMismatch(error: unknown): boolean {
  const cause = (error as { cause?: unknown } | null)?.cause ?? error;
  const errors = (cause as { errors?: unknown } | null)?.errors;
  return (
    Array.isArray(errors) &&
    errors.some((e: { extensions?: { code?: unknown }; message?: unknown }) => e?.extensions?.code === "undefinedField" || /doesn't exist on type/.test(String(e?.message ?? "")))
  );
}

interface RestPull {
  number: number;
  title: string;
  state: string;
  draft?: boolean;
  merged: boolean;
  created_at: string;
  closed_at: string | null;
  merge_commit_sha: string | null;
  changed_files: number;
  commits: number;
  head: { sha: string };
  base: { ref: string; repo: { default_branch: string } };
  user: UserLike | null;
  labels: Array<{ name: string }>;
}

/** The answer PULL_REQUEST_QUERY would give, from REST's PR, with its lists left to REST. */
function fromRest(pr: RestPull): PullRequestQueryResult {
  return {
    repository: {
      defaultBranchRef: { name: pr.base.repo.default_branch },
      pullRequest: {
        number: pr.number,
        title: pr.title,
        state: pr.merged ? "MERGED" : pr.state === "open" ? "OPEN" : "CLOSED",
        isDraft: pr.draft ?? false,
        merged: pr.merged,
        createdAt: pr.created_at,
        closedAt: pr.closed_at,
        headRefOid: pr.head.sha,
        changedFiles: pr.changed_files,
        mergeCommit: pr.merge_commit_sha ? { oid: pr.merge_commit_sha } : null,
        author: pr.user ? { __typename: pr.user.type === "Bot" ? "Bot" : "User", login: pr.user.login, databaseId: pr.user.id ?? null } : null,
        labels: { pageInfo: { hasNextPage: false }, nodes: pr.labels.map((l) => ({ name: l.name })) },
        files: null,
        reviews: null,
        comments: null,
        baseRefName: pr.base.ref,
        timelineItems: null,
        forcePushes: null,
        commits: null,
        restCommitCount: pr.commits,
      },
    },
  };
}

/** The facts of one PR (see readPullRequest). */
export async function getPullRequestFacts(octokit: GitHub, ref: PullRequestRef, opts: ReadOptions): Promise<PullRequestFacts> {
  return (await readPullRequest(octokit, ref, opts)).facts;
}

type ReviewState = ReviewFact["state"];

function graphReviews(nodes: GraphReview[]): ReviewFact[] {
  const out: ReviewFact[] = [];
  for (const r of nodes) {
    // A pending review is the reviewer's private draft, and a deleted account ("ghost") has no author.
    if (!r.author || !r.submittedAt || r.state === "PENDING") continue;
    out.push({ id: Number(r.fullDatabaseId ?? 0), user: graphActor(r.author), state: r.state as ReviewState, commitId: r.commit?.oid ?? "", submittedAt: r.submittedAt });
  }
  return out;
}

function restReviews(reviews: Array<{ id: number; user: UserLike | null; state: string; commit_id?: string | null; submitted_at?: string | null }>): ReviewFact[] {
  const out: ReviewFact[] = [];
  for (const r of reviews) {
    if (!r.user || !r.submitted_at || r.state === "PENDING") continue;
    out.push({ id: r.id, user: toActor(r.user), state: r.state as ReviewState, commitId: r.commit_id ?? "", submittedAt: r.submitted_at });
  }
  return out;
}

function graphComments(nodes: GraphComment[]): CommentFact[] {
  const out: CommentFact[] = [];
  for (const c of nodes) {
    if (!c.author) continue;
    out.push({ id: Number(c.fullDatabaseId ?? 0), user: graphActor(c.author), body: c.body, createdAt: c.createdAt, updatedAt: c.updatedAt, edited: c.lastEditedAt !== null && c.lastEditedAt !== undefined });
  }
  return out;
}

// REST gives no edit time of a comment, only `updated_at`, which a reaction moves too: read through
// REST (an older GitHub Enterprise Server), a comment changed after it was written counts as edited.
function restComments(comments: Array<{ id: number; user: UserLike | null; body?: string; created_at: string; updated_at: string }>): CommentFact[] {
  const out: CommentFact[] = [];
  for (const c of comments) {
    if (!c.user) continue;
    out.push({ id: c.id, user: toActor(c.user), body: c.body ?? "", createdAt: c.created_at, updatedAt: c.updated_at, edited: later(c.updated_at, c.created_at) });
  }
  return out;
}

export interface OpenPullRequest {
  number: number;
  headSha: string;
  draft: boolean;
  author: Actor;
  createdAt: string;
  labels: string[];
}

/** Every open pull request of a repository (all pages). */
export async function listOpenPullRequests(octokit: GitHub, ref: RepoRef): Promise<OpenPullRequest[]> {
  const pulls = await reading(`GET /repos/${ref.owner}/${ref.repo}/pulls`, () =>
    octokit.paginate(octokit.rest.pulls.list, { owner: ref.owner, repo: ref.repo, state: "open", per_page: 100 }),
  );
  return pulls.map((p) => ({
    number: p.number,
    headSha: p.head.sha,
    draft: p.draft ?? false,
    author: p.user ? toActor(p.user) : GHOST,
    createdAt: p.created_at,
    labels: p.labels.map((l) => l.name),
  }));
}

// ---------------------------------------------------------------------------------------------
// The PR's timeline: labels, review dismissals and base changes, which nobody can edit.

interface Timeline {
  labels: LabelEvent[];
  bases: BaseChange[];
  /** By review id: who dismissed it, when, and what it was. */
  dismissals: Map<number, ReviewDismissal>;
}

const REVIEW_STATES = new Set(["APPROVED", "CHANGES_REQUESTED", "COMMENTED"]);
const previousState = (state: string | null | undefined): ReviewDismissal["previousState"] => {
  const upper = (state ?? "").toUpperCase();
  return REVIEW_STATES.has(upper) ? (upper as ReviewDismissal["previousState"]) : null;
};
const byTime = <T extends { at: string }>(list: T[]): T[] => list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

function graphTimeline(items: GraphTimelineItem[]): Timeline {
  const out: Timeline = { labels: [], bases: [], dismissals: new Map() };
  for (const item of items) {
    const actor = item.actor ? graphActor(item.actor) : null;
    if (item.__typename === "LabeledEvent" || item.__typename === "UnlabeledEvent") {
      // A label deleted from the repository: GitHub may answer its events with no label, though its
      // schema says otherwise. Which label it was is then in the app's memo (seenLabels) alone.
      if ((item.label as { name: string } | null | undefined)?.name === undefined) continue;
      out.labels.push({ label: item.label.name, added: item.__typename === "LabeledEvent", at: item.createdAt, actor: actor?.login ?? null });
    } else if (item.__typename === "ReviewDismissedEvent") {
      const id = Number(item.review?.fullDatabaseId ?? 0);
      if (id > 0) out.dismissals.set(id, { by: actor, at: item.createdAt, previousState: previousState(item.previousReviewState) });
    } else if (item.__typename === "BaseRefChangedEvent") {
      out.bases.push({ from: item.previousRefName, to: item.currentRefName, at: item.createdAt, actor: actor?.login ?? null });
    }
  }
  byTime(out.labels);
  byTime(out.bases);
  return out;
}

interface RestTimelineEvent {
  event?: string;
  created_at?: string;
  actor?: UserLike | null;
  label?: { name: string };
  dismissed_review?: { state: string; review_id: number };
}

/** REST's timeline (every page): the same events; REST names no branch of a base change. */
function restTimeline(events: RestTimelineEvent[]): Timeline {
  const out: Timeline = { labels: [], bases: [], dismissals: new Map() };
  for (const e of events) {
    if (!e.created_at) continue;
    const actor = e.actor ? toActor(e.actor) : null;
    if ((e.event === "labeled" || e.event === "unlabeled") && e.label) {
      out.labels.push({ label: e.label.name, added: e.event === "labeled", at: e.created_at, actor: actor?.login ?? null });
    } else if (e.event === "review_dismissed" && e.dismissed_review) {
      out.dismissals.set(e.dismissed_review.review_id, { by: actor, at: e.created_at, previousState: previousState(e.dismissed_review.state) });
    } else if (e.event === "base_ref_changed") {
      out.bases.push({ from: null, to: null, at: e.created_at, actor: actor?.login ?? null });
    }
  }
  byTime(out.labels);
  byTime(out.bases);
  return out;
}

/**
 * Every dismissed review gets its dismissal; one the timeline does not show gets an unknown one
 * (nobody named, state unknown), which the core takes as an objection that stands (fail closed).
 */
function attachDismissals(reviews: ReviewFact[], dismissals: Map<number, ReviewDismissal>): void {
  for (const review of reviews) {
    if (review.state !== "DISMISSED") continue;
    review.dismissal = dismissals.get(review.id) ?? { by: null, at: review.submittedAt, previousState: null };
  }
}
