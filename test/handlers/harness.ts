// What the handler tests share: the app under test in a real Probot (inline mode, a clock the
// test sets), the governed repository's fixtures, and the GitHub answers of one evaluation (the
// rules, the PR's facts, this app's check runs, the instruction comment), so that each test says
// only what differs and asserts exactly what the app wrote.
import { encodeHint } from "../../src/evaluate/sweep-hint.js";
import { readFileSync } from "node:fs";
import nock from "nock";
import { afterEach, beforeEach } from "vitest";
import { createApp } from "../../src/app.js";
import { CHECK_DECLARATION, CHECK_SIGNOFF } from "../../src/constants.js";
import { PULL_REQUEST_QUERY } from "../../src/github/facts.js";
import { GraphQLReply, linkNext, mockGitHub, serveGovernance, serveRepository, type CapturedRequest, type GitHubMock, type GraphQLRequest } from "../helpers/github-mocks.js";
import { pullRequestPayload } from "../helpers/payloads.js";
import { createTestProbot, setupNock, teardownNock, TEST_APP_ID } from "../helpers/probot.js";
import { userId } from "../e2e/standin/standin.js";

export const OWNER = "org";
export const REPO = "charter";
export const INSTALLATION = 77;
export const NUMBER = 12;
export const HEAD = "a".repeat(40);
export const OLD_HEAD = "b".repeat(40);
export const APP_ID = TEST_APP_ID;
export const APP_LOGIN = "partnership-governance[bot]";
/** The clock of every test: 2026-11-22, 08:00 UTC. */
export const NOW = new Date("2026-11-22T08:00:00Z");
export const POLICY_URL = `https://github.com/${OWNER}/${REPO}/blob/main/.github/governance.yml`;
export const REGISTRY_URL = `https://github.com/${OWNER}/${REPO}/blob/main/STAKEHOLDERS.yml`;
/** PR #12 of the governed repository, opened by alice, as the payload builders take it. */
export const TARGET = { owner: OWNER, repo: REPO, installationId: INSTALLATION, number: NUMBER, headSha: HEAD, author: "alice" };
const PULLS = `/repos/${OWNER}/${REPO}/pulls`;
const ISSUES = `/repos/${OWNER}/${REPO}/issues`;

// Requests no interceptor answered: nock refuses them (no network), and the app may swallow that
// error (an evaluation fails closed), so they are collected here and fail the test.
const unexpected: string[] = [];
let listening = false;

/** Starts collecting requests that no mock answered (call in beforeEach, after setupNock). */
export function watchUnexpected(): void {
  unexpected.length = 0;
  if (listening) return;
  listening = true;
  nock.emitter.on("no match", (req: { method?: string; path?: string; options?: { method?: string; path?: string } }) => {
    unexpected.push(`${req.method ?? req.options?.method ?? "?"} ${req.path ?? req.options?.path ?? "?"}`);
  });
}

/** Every mocked request was made, each fit GitHub's description, and nothing else was asked. */
export function assertDone(mock: GitHubMock): void {
  mock.assertAllDone();
  if (unexpected.length > 0) throw new Error(`unexpected requests: ${unexpected.join(", ")}`);
}

export const fixture = (name: string): string => readFileSync(new URL(`../fixtures/handlers/${name}`, import.meta.url), "utf8");

export const POLICY = fixture("governance.yml");
export const REGISTRY = fixture("STAKEHOLDERS.yml");

export interface TestApp {
  receive(name: string, payload: unknown): Promise<void>;
  /** One pass of the app's own scheduler sweep. */
  sweep(): Promise<void>;
  /** Moves the app's clock. */
  setNow(now: Date): void;
}

/**
 * The app as `src/index.ts` builds it, evaluating inline, with this file's clock. Its bot login
 * is given (APP_LOGIN), unless `lookUpLogin`: then the app asks GitHub (`GET /app`), as in
 * production.
 */
export async function startApp(now: Date = NOW, options: { lookUpLogin?: boolean } = {}): Promise<TestApp> {
  let clock = now;
  let runSweep: (() => Promise<void>) | undefined;
  const app = createApp({
    ...(options.lookUpLogin ? {} : { appLogin: APP_LOGIN }),
    mode: "inline",
    now: () => clock,
    appId: APP_ID,
    schedule: "off",
    onReady: (_services, _queue, sweep) => {
      runSweep = sweep;
    },
  });
  const probot = await createTestProbot(app);
  return {
    receive: (name, payload) => probot.receive(name, payload),
    sweep: () => {
      if (!runSweep) throw new Error("the app did not hand over its sweep");
      return runSweep();
    },
    setNow: (next) => {
      clock = next;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The pull request as GitHub answers it: one GraphQL query (PULL_REQUEST_QUERY), then REST only
// for what it cannot give (a renamed file's old path, lists longer than one page, commits).

/** A REST user as GitHub lists it: apps' accounts are type "Bot", their logins end in "[bot]". */
const user = (login: string) => ({ login, id: userId(login), type: login.endsWith("[bot]") ? "Bot" : "User" });

/**
 * A GraphQL actor as GitHub answers it: an app's account is a `Bot` named by its slug, WITHOUT
 * the "[bot]" that REST (and the app) put after it.
 */
export const graphActor = (login: string, id: number = userId(login)) =>
  login.endsWith("[bot]")
    ? { __typename: "Bot", login: login.slice(0, -"[bot]".length), databaseId: id }
    : { __typename: "User", login, databaseId: id };

export interface ReviewSpec {
  id?: number;
  user: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED";
  commit?: string;
  at: string;
  /** The reviewer's account id, when not the one the login's first account has (a login taken over, a rename). */
  userId?: number;
}

export interface CommentSpec {
  id: number;
  user: string;
  body: string;
  at: string;
  /** When its body was last edited (GraphQL `lastEditedAt`; absent: never edited). */
  editedAt?: string;
  /** GitHub's `updatedAt`: moved by an edit, and by a reaction too (default: `editedAt`, else `at`). */
  updatedAt?: string;
}

export interface CommitSpec {
  sha: string;
  /** The linked account, or null when GitHub links the e-mail to none. */
  login: string | null;
  name: string;
}

export interface PullSpec {
  number?: number;
  author?: string;
  headSha?: string;
  draft?: boolean;
  createdAt?: string;
  /** "open" by default; a closed or merged PR (as GitHub answers once it closed) needs `closedAt`. */
  state?: "open" | "closed" | "merged";
  closedAt?: string;
  /** The merge commit of a merged PR. */
  mergeCommit?: string;
  /** Its position in the merge queue of its base branch (none unless said). */
  queuePosition?: number;
  labels?: string[];
  files?: Array<string | { filename: string; previous: string }>;
  reviews?: ReviewSpec[];
  comments?: CommentSpec[];
  commits?: CommitSpec[];
  /** How many commits GitHub counts in it (commits.totalCount; `commits`' length, or 1, unless said). */
  commitCount?: number;
  /** The branch it is into ("main", the default branch, unless said). */
  baseRef?: string;
  /** Label, dismissal and base events of its timeline, in time order. */
  timeline?: TimelineSpec[];
  /** Summaries of this app's sign-off runs on the PR's earlier commits (where its memo lives). */
  earlierSignoffs?: string[];
}

export type TimelineSpec =
  | { type: "labeled" | "unlabeled"; label: string; by: string; at: string }
  | { type: "dismissed"; review: number; by: string; at: string; previous: "APPROVED" | "CHANGES_REQUESTED" }
  | { type: "base"; from: string; to: string; by: string; at: string };

/** A timeline item as GitHub's GraphQL answers it. */
function timelineNode(e: TimelineSpec) {
  const common = { createdAt: e.at, actor: graphActor(e.by) };
  switch (e.type) {
    case "labeled":
    case "unlabeled":
      return { __typename: e.type === "labeled" ? "LabeledEvent" : "UnlabeledEvent", ...common, label: { name: e.label } };
    case "dismissed":
      return { __typename: "ReviewDismissedEvent", ...common, previousReviewState: e.previous, review: { fullDatabaseId: String(e.review) } };
    case "base":
      return { __typename: "BaseRefChangedEvent", ...common, previousRefName: e.from, currentRefName: e.to };
  }
}

/** A commit (`oid`) with this app's sign-off runs, each written for PR `number` (its external_id says so), as the query's fragment asks for them. */
const appSignoffs = (summaries: string[], number: number, oid: string) => ({
  oid,
  checkSuites: {
    nodes:
      summaries.length === 0
        ? []
        : [{ app: { databaseId: APP_ID }, checkRuns: { nodes: summaries.map((summary) => ({ summary, externalId: ownedBy(number), completedAt: null })) } }],
  },
});

/** The whole of a list read backwards (`last:`): no earlier page. */
const wholeBackPage = <T>(nodes: T[]) => ({ pageInfo: { hasPreviousPage: false, startCursor: null }, nodes });

/** The external_id of a run this app wrote for PR `number` (no sweep hint to speak of). */
export const ownedBy = (number: number): string => encodeHint({ signature: "", next: null, error: false }, { pr: number, shared: false, group: false, heads: [] });

export const review = (userLogin: string, state: ReviewSpec["state"], at: string, commit = HEAD): ReviewSpec => ({ user: userLogin, state, at, commit });

/** GitHub's page size for every list the app reads (REST `per_page=100`, GraphQL `first: 100`). */
export const PAGE = 100;

/** A GraphQL connection's first page of `items`, saying whether there is more. */
const onePage = <T>(items: T[], what: string) => {
  if (items.length > PAGE) throw new Error(`the handler harness serves one page of a PR's ${what}, not ${items.length}`);
  return { pageInfo: { hasNextPage: false, endCursor: null }, nodes: items };
};
const firstPage = <T>(items: T[]) => ({ pageInfo: { hasNextPage: items.length > PAGE }, nodes: items.slice(0, PAGE) });

/**
 * GET of one REST list, all its pages (100 items each, at least one page), linked as GitHub
 * links them; the app reads them to the end.
 */
function serveList(mock: GitHubMock, path: string, items: unknown[]): void {
  const first = `${path}?per_page=${PAGE}`;
  const pages = Math.max(1, Math.ceil(items.length / PAGE));
  for (let i = 0; i < pages; i++) {
    mock.get(i === 0 ? first : `${first}&page=${i + 1}`, {
      body: items.slice(i * PAGE, (i + 1) * PAGE),
      headers: i < pages - 1 ? linkNext(first, i + 1, pages) : {},
    });
  }
}

const changedFiles = (pr: PullSpec) => (pr.files ?? ["README.md"]).map((f) => (typeof f === "string" ? { filename: f } : { filename: f.filename, previous: f.previous }));
const allComments = (pr: PullSpec, appComments: CommentSpec[] = []) => [...(pr.comments ?? []), ...appComments];
const reviewId = (r: ReviewSpec, i: number) => r.id ?? 500 + i;

/** True when PULL_REQUEST_QUERY is asked for PR `number` of the governed repository. */
export const asksForPull = (number: number) => (req: GraphQLRequest) =>
  req.query === PULL_REQUEST_QUERY && req.variables.owner === OWNER && req.variables.repo === REPO && req.variables.number === number && typeof req.variables.appId === "number";

/** The `data` GitHub answers PULL_REQUEST_QUERY with, for `pr` (and the app's own comments). */
export function pullRequestData(pr: PullSpec, appComments: CommentSpec[] = []) {
  const number = pr.number ?? NUMBER;
  const state = pr.state ?? "open";
  const files = changedFiles(pr);
  return {
    repository: {
      defaultBranchRef: { name: "main" },
      pullRequest: {
        number,
        title: "Amend article 4",
        state: state === "open" ? "OPEN" : state === "merged" ? "MERGED" : "CLOSED",
        isDraft: pr.draft ?? false,
        merged: state === "merged",
        createdAt: pr.createdAt ?? "2026-11-20T10:00:00Z",
        closedAt: state === "open" ? null : (pr.closedAt ?? null),
        headRefOid: pr.headSha ?? HEAD,
        changedFiles: files.length,
        mergeCommit: state === "merged" && pr.mergeCommit ? { oid: pr.mergeCommit } : null,
        mergeQueueEntry: pr.queuePosition !== undefined ? { position: pr.queuePosition } : null,
        author: graphActor(pr.author ?? "alice"),
        labels: firstPage((pr.labels ?? []).map((name) => ({ name }))),
        files: firstPage(files.map((f) => ({ path: f.filename, changeType: f.previous === undefined ? "MODIFIED" : "RENAMED" }))),
        reviews: firstPage(
          (pr.reviews ?? []).map((r, i) => ({
            fullDatabaseId: String(reviewId(r, i)),
            state: r.state,
            submittedAt: r.at,
            author: graphActor(r.user, r.userId),
            commit: { oid: r.commit ?? HEAD },
          })),
        ),
        // One page each (further pages are facts.test.ts's and the e2e tests'): more than 100 is a harness misuse.
        comments: onePage(
          allComments(pr, appComments).map((c) => ({
            fullDatabaseId: String(c.id),
            body: c.body,
            createdAt: c.at,
            updatedAt: c.updatedAt ?? c.editedAt ?? c.at,
            lastEditedAt: c.editedAt ?? null,
            author: graphActor(c.user),
          })),
          "comments",
        ),
        baseRefName: pr.baseRef ?? "main",
        timelineItems: onePage((pr.timeline ?? []).map(timelineNode), "timeline"),
        forcePushes: wholeBackPage([]),
        deletions: wholeBackPage([]),
        commits: { totalCount: pr.commitCount ?? pr.commits?.length ?? 1, ...wholeBackPage([...(pr.earlierSignoffs ?? []).map((s, i) => ({ commit: appSignoffs([s], number, `e${i}`.padEnd(40, "0")) })), { commit: appSignoffs([], number, pr.headSha ?? HEAD) }]) },
      },
    },
  };
}

/** What a failing GitHub answers: HTTP 500 with its request id. */
const serverError = (requestId: string) => ({ status: 500, body: { message: "Server Error" }, headers: { "x-github-request-id": requestId } });

/**
 * The PR's facts as the app reads them: one `POST /graphql` (PULL_REQUEST_QUERY, told apart by
 * the PR's number, so that one test can serve several PRs), then through REST only what the
 * answer leaves out: every page of the files when one is renamed (GraphQL lacks the old path) or
 * there are more than 100; every page of the reviews or labels when there are more than
 * 100; the commits when the policy requires committers to declare (`commits` given).
 * `appComments` are this app's own comments on the PR (the instruction comment), listed with the
 * others. `failing` makes the GraphQL request, or the commits list, answer 500 with that request id.
 */
export function servePull(
  mock: GitHubMock,
  pr: PullSpec,
  opts: { appComments?: CommentSpec[]; failing?: { list: "graphql" | "commits"; requestId: string } } = {},
): void {
  const number = pr.number ?? NUMBER;
  if (opts.failing?.list === "graphql") {
    const failure = serverError(opts.failing.requestId);
    mock.graphql(() => new GraphQLReply(failure), { match: asksForPull(number) });
  } else {
    mock.graphql(() => pullRequestData(pr, opts.appComments), { match: asksForPull(number) });
    const files = changedFiles(pr);
    if (files.length > PAGE || files.some((f) => f.previous !== undefined)) {
      serveList(
        mock,
        `${PULLS}/${number}/files`,
        files.map((f) =>
          f.previous === undefined ? { filename: f.filename, status: "modified" } : { filename: f.filename, previous_filename: f.previous, status: "renamed" },
        ),
      );
    }
    const reviews = pr.reviews ?? [];
    if (reviews.length > PAGE) {
      serveList(
        mock,
        `${PULLS}/${number}/reviews`,
        reviews.map((r, i) => ({ id: reviewId(r, i), user: user(r.user), state: r.state, commit_id: r.commit ?? HEAD, submitted_at: r.at })),
      );
    }
    const labels = pr.labels ?? [];
    if (labels.length > PAGE) serveList(mock, `${ISSUES}/${number}/labels`, labels.map((name, i) => ({ id: i + 1, name })));
  }
  if (opts.failing?.list === "commits") {
    mock.get(`${PULLS}/${number}/commits?per_page=${PAGE}`, serverError(opts.failing.requestId));
  } else if (pr.commits) {
    serveList(
      mock,
      `${PULLS}/${number}/commits`,
      pr.commits.map((c) => ({
        sha: c.sha,
        author: c.login === null ? null : user(c.login),
        commit: { author: { name: c.name, email: `${c.name.toLowerCase().replace(/\s+/g, ".")}@example.org`, date: "2026-11-20T09:00:00Z" } },
      })),
    );
  }
}

/**
 * `GET /repos/{o}/{r}/pulls/{n}` (REST): how the error path finds where the failed checks go
 * when the facts could not be read: the PR's head, and the default branch for links.
 */
export function serveOpenHead(mock: GitHubMock, opts: { number?: number; head?: string; state?: "open" | "closed" } = {}): void {
  const number = opts.number ?? NUMBER;
  mock.get(`${PULLS}/${number}`, {
    body: {
      number,
      state: opts.state ?? "open",
      head: { sha: opts.head ?? HEAD, ref: "amend" },
      base: { ref: "main", sha: OLD_HEAD, repo: { id: 1, name: REPO, full_name: `${OWNER}/${REPO}`, default_branch: "main" } },
    },
  });
}

/**
 * What recording a close reads besides the PR's facts: the PR through REST (its base branch and
 * its number of commits), its timeline since the close (events to undo; none by default), and,
 * for a PR closed unmerged and recorded at once, the default branch's head.
 */
export function serveCloseReads(
  mock: GitHubMock,
  opts: { number?: number; base?: string; commits?: number; head?: string; later?: unknown[]; branchHead?: string } = {},
): void {
  const number = opts.number ?? NUMBER;
  mock.get(`${PULLS}/${number}`, {
    body: {
      number,
      state: "closed",
      commits: opts.commits ?? 1,
      head: { sha: opts.head ?? HEAD, ref: "amend" },
      base: { ref: opts.base ?? "main", sha: OLD_HEAD, repo: { id: 1, name: REPO, full_name: `${OWNER}/${REPO}`, default_branch: "main" } },
    },
  });
  mock.graphql(() => ({ repository: { pullRequest: { timelineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: opts.later ?? [] } } } }), {
    match: (req) => /^query LaterEvents\b/.test(req.query) && req.variables.number === number,
  });
  if (opts.branchHead) {
    mock.get(`/repos/${OWNER}/${REPO}/commits?sha=main&per_page=1`, {
      body: [{ sha: opts.branchHead, url: "", html_url: "", node_id: "C", comments_url: "", parents: [], commit: { message: "m", url: "", comment_count: 0 } }],
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Check runs

export interface ExistingRun {
  id: number;
  conclusion: string;
  title: string;
  summary: string;
  text?: string;
  /** The app's hint for the sweep, as the app wrote it. */
  externalId?: string;
}

const CHECK_IDS = { [CHECK_DECLARATION]: 101, [CHECK_SIGNOFF]: 102 } as const;

/**
 * This app's check runs on `head` (none by default): the app lists them once for both names
 * (`app_id`, `filter=latest`), then creates (POST) the missing ones and updates (PATCH) those
 * that differ.
 */
export function serveChecks(
  mock: GitHubMock,
  opts: {
    head?: string;
    existing?: Partial<Record<typeof CHECK_DECLARATION | typeof CHECK_SIGNOFF, ExistingRun>>;
    creates?: number;
    updates?: Array<typeof CHECK_DECLARATION | typeof CHECK_SIGNOFF>;
  } = {},
): void {
  const head = opts.head ?? HEAD;
  const runs = ([CHECK_DECLARATION, CHECK_SIGNOFF] as const).flatMap((name) => {
    const run = opts.existing?.[name];
    return run
      ? [
          {
            id: run.id,
            head_sha: head,
            name,
            status: "completed",
            conclusion: run.conclusion,
            details_url: POLICY_URL,
            external_id: run.externalId ?? "",
            app: { id: APP_ID, slug: "partnership-governance", name: "Partnership Governance" },
            output: { title: run.title, summary: run.summary, text: run.text ?? null, annotations_count: 0, annotations_url: "" },
          },
        ]
      : [];
  });
  mock.get(`/repos/${OWNER}/${REPO}/commits/${head}/check-runs?app_id=${APP_ID}&filter=latest&per_page=${PAGE}`, {
    body: { total_count: runs.length, check_runs: runs },
  });
  const creates = opts.creates ?? 2 - runs.length;
  if (creates > 0) {
    mock.post(`/repos/${OWNER}/${REPO}/check-runs`, undefined, (req) => ({
      status: 201,
      body: { id: CHECK_IDS[(req.body as { name: typeof CHECK_DECLARATION }).name] ?? 1 },
    }), { times: creates });
  }
  for (const name of opts.updates ?? []) {
    const id = opts.existing?.[name]?.id ?? CHECK_IDS[name];
    mock.patch(`/repos/${OWNER}/${REPO}/check-runs/${id}`, undefined, { body: { id } });
  }
}

/** What the app wrote to each check (created or updated), by check name. */
export function checkBodies(mock: GitHubMock, existing: Partial<Record<string, ExistingRun>> = {}): Record<string, CheckBody> {
  const out: Record<string, CheckBody> = {};
  for (const req of mock.writes()) {
    if (req.method === "POST" && req.path === `/repos/${OWNER}/${REPO}/check-runs`) {
      const body = req.body as CheckBody;
      out[body.name ?? ""] = body;
    }
    const patched = /\/check-runs\/(\d+)$/.exec(req.path);
    if (req.method === "PATCH" && patched) {
      const id = Number(patched[1]);
      const name = Object.entries(existing).find(([, run]) => run?.id === id)?.[0] ??
        Object.entries(CHECK_IDS).find(([, v]) => v === id)?.[0] ?? String(id);
      out[name] = req.body as CheckBody;
    }
  }
  return out;
}

export interface CheckBody {
  name?: string;
  head_sha?: string;
  status: string;
  conclusion: string;
  completed_at: string;
  details_url?: string;
  external_id?: string;
  output: { title: string; summary: string; text?: string };
}

/** A run as GitHub would list it after the app wrote `body` (for "nothing changed" tests). */
export function asExisting(id: number, body: CheckBody | undefined): ExistingRun {
  if (!body) throw new Error("no check body to replay");
  return {
    id,
    conclusion: body.conclusion,
    title: body.output.title,
    summary: body.output.summary,
    ...(body.output.text !== undefined ? { text: body.output.text } : {}),
    ...(body.external_id !== undefined ? { externalId: body.external_id } : {}),
  };
}

/** The lines of a summary or text, for asserting the lines that decide. */
export const lines = (text: string | undefined): string[] => (text ?? "").split("\n");

// ---------------------------------------------------------------------------------------------
// One whole evaluation

export interface EvaluationSpec {
  pr?: PullSpec;
  policy?: string;
  registry?: string | null;
  /** This app's own comments on the PR (the instruction comment), in the facts' answer. */
  appComments?: CommentSpec[];
  checks?: Parameters<typeof serveChecks>[1];
  /** False: the caller serves the rules itself (e.g. from the organisation's `.github`). */
  rules?: boolean;
}

/**
 * Every GitHub answer of one evaluation of one PR, in the order the app asks: the policy and the
 * registry from the default branch (the contents API without `ref`: no default-branch lookup),
 * the PR's facts (one GraphQL query, see servePull), this app's check runs on the head (one list).
 */
export function serveEvaluation(mock: GitHubMock, spec: EvaluationSpec = {}): void {
  const policy = spec.policy ?? POLICY;
  const registry = spec.registry === undefined ? REGISTRY : spec.registry;
  if (spec.rules !== false) serveGovernance(mock, { owner: OWNER, repo: REPO, policy, registry });
  const pr = spec.pr ?? {};
  servePull(mock, pr, { appComments: spec.appComments ?? [] });
  serveChecks(mock, { head: pr.headSha ?? HEAD, ...spec.checks });
}

/** The pages of the open pull requests of the repository, linked as GitHub links them. */
export function serveOpenPulls(mock: GitHubMock, pages: number[][]): void {
  const path = `${PULLS}?state=open&per_page=100`;
  pages.forEach((numbers, i) => {
    mock.get(i === 0 ? path : `${path}&page=${i + 1}`, {
      body: numbers.map((number) => ({
        number,
        state: "open",
        draft: false,
        user: user("alice"),
        created_at: "2026-11-20T10:00:00Z",
        head: { sha: HEAD, ref: `pr-${number}` },
        labels: [],
      })),
      headers: i < pages.length - 1 ? linkNext(path, i + 1, pages.length) : {},
    });
  });
}

/**
 * The default branch's activity, which the sweep's healing pass reads for missed direct pushes:
 * none. With `lookup`, the repository too (a sweep of one repository, whose listing gave no
 * default branch).
 */
export function serveNoDirectPushes(mock: GitHubMock, owner: string, repo: string, opts: { lookup?: boolean } = {}): void {
  if (opts.lookup) serveRepository(mock, { owner, repo });
  mock.get(`/repos/${owner}/${repo}/activity?ref=refs%2Fheads%2Fmain&direction=desc&per_page=100`, { body: [] });
}

/**
 * The sweep's listing of open PRs with this app's checks on their heads (OPEN_PULLS_QUERY), one
 * page; each PR with its signals and the runs it has (none by default).
 */
export function serveOpenPullsWithChecks(
  mock: GitHubMock,
  pulls: Array<{
    number: number;
    head?: string;
    base?: string;
    labels?: string[];
    reviews?: number;
    comments?: Array<{ id: number; updatedAt: string }>;
    existing?: Partial<Record<string, ExistingRun>>;
  }>,
  opts: { times?: number } = {},
): void {
  mock.graphql(
    () => ({
      repository: {
        defaultBranchRef: { name: "main" },
        pullRequests: {
          pageInfo: { hasNextPage: false, endCursor: null },
          nodes: pulls.map((p) => {
            const head = p.head ?? HEAD;
            const runs = Object.entries(p.existing ?? {}).flatMap(([name, run]) => (run ? [{ databaseId: run.id, name, externalId: run.externalId ?? null }] : []));
            return {
              number: p.number,
              isDraft: false,
              headRefOid: head,
              baseRefName: p.base ?? "main",
              labels: { totalCount: (p.labels ?? []).length, nodes: (p.labels ?? []).map((name) => ({ name })) },
              timelineItems: { totalCount: 0 },
              reviews: { totalCount: p.reviews ?? 0 },
              dismissed: { totalCount: 0 },
              comments: {
                totalCount: (p.comments ?? []).length,
                nodes: (p.comments ?? []).map((c) => ({ fullDatabaseId: String(c.id), updatedAt: c.updatedAt, author: { login: "someone" } })),
              },
              commits: {
                nodes: [
                  { commit: { oid: head, checkSuites: { nodes: runs.length > 0 ? [{ app: { databaseId: APP_ID }, checkRuns: { nodes: runs } }] : [] } } },
                ],
              },
            };
          }),
        },
      },
    }),
    { times: opts.times ?? 1, match: (req) => req.query.includes("OpenPullRequestChecks") },
  );
}

/** A GraphQL query (a read, though sent as a POST); a mutation would be a write. */
const isGraphQLQuery = (r: CapturedRequest): boolean =>
  r.method === "POST" && r.path === "/graphql" && !/^\s*mutation\b/.test((r.body as { query?: string } | undefined)?.query ?? "");

/** What the app wrote to GitHub: every request but its reads (GET, GraphQL queries) and its installation token. */
export const appWrites = (mock: GitHubMock): CapturedRequest[] =>
  mock.writes().filter((r) => !isGraphQLQuery(r) && !r.path.endsWith("/access_tokens"));

/** What the app read from GitHub: GETs and GraphQL queries. */
export const appReads = (mock: GitHubMock): CapturedRequest[] => mock.requests.filter((r) => r.method === "GET" || isGraphQLQuery(r));

export const requestLine = (r: CapturedRequest): string => {
  const query = new URLSearchParams(r.query).toString();
  return `${r.method} ${r.path}${query ? `?${query}` : ""}`;
};

// ---------------------------------------------------------------------------------------------
// A test file's setup, and one webhook delivered to a fresh app

/** What one delivery left: the requests GitHub saw, and what the app wrote to each check. */
export interface Delivered {
  mock: GitHubMock;
  checks: Record<string, CheckBody>;
}

export interface HandlerTest {
  /**
   * Delivers one real webhook to a fresh app (startApp, the clock NOW) after serving the GitHub
   * answers of one evaluation of `spec` (none when `spec` is null) and then `serve`'s; then asserts
   * that every answer was asked for, each request fit GitHub's description, and nothing else was
   * asked.
   */
  deliver(event: string, payload: unknown, spec: EvaluationSpec | null, serve?: (mock: GitHubMock) => void): Promise<Delivered>;
  /** `deliver` of `pull_request.opened` for TARGET, by `author`. */
  opened(spec: EvaluationSpec | null, serve?: (mock: GitHubMock) => void, author?: string): Promise<Delivered>;
}

/**
 * The setup every handler test file shares: before each test, nock with no network and the
 * collection of requests no mock answered (watchUnexpected); after each, nock cleaned. Call it
 * once at the top of a test file; it returns the delivery helpers.
 */
export function setupHandlerTest(): HandlerTest {
  beforeEach(() => {
    setupNock();
    watchUnexpected();
  });
  afterEach(teardownNock);
  const deliver: HandlerTest["deliver"] = async (event, payload, spec, serve) => {
    const mock = mockGitHub({ installations: [INSTALLATION] });
    if (spec) serveEvaluation(mock, spec);
    serve?.(mock);
    const app = await startApp();
    await app.receive(event, payload);
    assertDone(mock);
    return { mock, checks: checkBodies(mock, spec?.checks?.existing ?? {}) };
  };
  return {
    deliver,
    opened: (spec, serve, author = "alice") => deliver("pull_request", pullRequestPayload("pull_request.opened", { ...TARGET, author }), spec, serve),
  };
}
