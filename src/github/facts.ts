// Gathering the facts of one pull request from GitHub into the value the pure core decides on.
// Every list is read to its last page; a GitHub error becomes a GitHubFactsError that names the
// request id, so the failed check can tell the user (and GitHub support) which request failed.
import type { Actor, ChangedFile, CommentFact, CommitFact, PullRequestFacts, ReviewFact } from "../core/types.js";
import type { GitHub } from "./client.js";
import type { RepoRef } from "./files.js";

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
  request?: { method?: unknown; url?: unknown };
}

/** Wraps any error of a GitHub request into a GitHubFactsError (kept as is when it is one). */
export function toFactsError(error: unknown, what: string): GitHubFactsError {
  if (error instanceof GitHubFactsError) return error;
  const e = (error ?? {}) as ErrorLike;
  const status = typeof e.status === "number" ? e.status : 0;
  const id = e.response?.headers?.["x-github-request-id"];
  const method = typeof e.request?.method === "string" ? e.request.method : "GET";
  const url = typeof e.request?.url === "string" ? e.request.url.replace(/^https?:\/\/[^/]+/, "") : what;
  const message = typeof e.message === "string" ? e.message : String(error);
  return new GitHubFactsError(message, status, typeof id === "string" ? id : null, `${method} ${url}`, { cause: error });
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
  type?: string;
}

/** GitHub marks apps' accounts as type "Bot"; their logins also end in "[bot]". */
export function toActor(user: UserLike): Actor {
  return { login: user.login, isBot: user.type === "Bot" || user.login.toLowerCase().endsWith("[bot]") };
}

const later = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

export interface PullRequestRef extends RepoRef {
  pull_number: number;
}

export async function getPullRequestFacts(
  octokit: GitHub,
  ref: PullRequestRef,
  opts: { needCommits: boolean },
): Promise<PullRequestFacts> {
  const { owner, repo, pull_number } = ref;
  const base = `/repos/${owner}/${repo}/pulls/${pull_number}`;
  const list = { owner, repo, pull_number, per_page: 100 } as const;

  const [pr, files, reviews, comments, commits] = await Promise.all([
    reading(`GET ${base}`, async () => (await octokit.rest.pulls.get({ owner, repo, pull_number })).data),
    reading(`GET ${base}/files`, () => octokit.paginate(octokit.rest.pulls.listFiles, list)),
    reading(`GET ${base}/reviews`, () => octokit.paginate(octokit.rest.pulls.listReviews, list)),
    reading(`GET /repos/${owner}/${repo}/issues/${pull_number}/comments`, () =>
      octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: pull_number, per_page: 100 }),
    ),
    // GitHub lists at most 250 commits of a PR on this endpoint (REST "List commits on a pull request").
    opts.needCommits
      ? reading(`GET ${base}/commits`, () => octokit.paginate(octokit.rest.pulls.listCommits, list))
      : Promise.resolve(undefined),
  ]);

  const changed: ChangedFile[] = files.map((f) =>
    f.previous_filename ? { filename: f.filename, previousFilename: f.previous_filename } : { filename: f.filename },
  );

  const reviewFacts: ReviewFact[] = [];
  for (const r of reviews) {
    // A pending review is the reviewer's private draft, and a deleted account ("ghost") has no user.
    if (!r.user || !r.submitted_at) continue;
    reviewFacts.push({
      id: r.id,
      user: toActor(r.user),
      state: r.state as ReviewFact["state"],
      commitId: r.commit_id ?? "",
      submittedAt: r.submitted_at,
    });
  }

  const commentFacts: CommentFact[] = [];
  for (const c of comments) {
    if (!c.user) continue;
    commentFacts.push({
      id: c.id,
      user: toActor(c.user),
      body: c.body ?? "",
      createdAt: c.created_at,
      edited: later(c.updated_at, c.created_at),
    });
  }

  const facts: PullRequestFacts = {
    number: pr.number,
    title: pr.title,
    author: pr.user ? toActor(pr.user) : { login: "ghost", isBot: false },
    draft: pr.draft ?? false,
    state: pr.state === "closed" ? "closed" : "open",
    merged: pr.merged,
    createdAt: pr.created_at,
    closedAt: pr.closed_at,
    mergeCommitSha: pr.merged ? pr.merge_commit_sha : null,
    headSha: pr.head.sha,
    labels: pr.labels.map((l) => l.name),
    files: changed,
    // GitHub lists at most 3,000 files of a PR ("List pull requests files"): beyond, fail closed.
    ...(pr.changed_files > changed.length ? { filesTruncated: true } : {}),
    reviews: reviewFacts,
    comments: commentFacts,
  };
  if (commits) {
    facts.commits = commits.map((c): CommitFact => {
      const linked = c.author as UserLike | null | Record<string, never>;
      const fact: CommitFact = { sha: c.sha, author: linked && typeof linked.login === "string" ? toActor(linked as UserLike) : null };
      const name = c.commit.author?.name;
      if (name) fact.authorName = name;
      return fact;
    });
  }
  return facts;
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
    author: p.user ? toActor(p.user) : { login: "ghost", isBot: false },
    createdAt: p.created_at,
    labels: p.labels.map((l) => l.name),
  }));
}
