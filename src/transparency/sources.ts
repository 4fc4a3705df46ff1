// What a report reads besides the log: the PRs of the period, the decisions still open and the
// registry as it stood at a time. Every read is a paginated list: the number of requests grows
// with pages of results, never with the number of PRs or reviews.
import { decisionKindsOf } from "../core/decisions.js";
import type { Policy, Registry } from "../core/types.js";
import { graphqlQuery, type GitHub } from "../github/client.js";
import type { RepoRef } from "../github/files.js";
import { parseRegistry, registryLocationOf } from "../policy/registry.js";

export interface ListedPull {
  number: number;
  title: string;
  author: string;
  /** The author's account id (0 for a deleted account). */
  authorId: number;
  authorIsBot: boolean;
  createdAt: string;
  closedAt: string | null;
  url: string;
}

/**
 * The PRs created at or after `since`, newest first: pages of `state=all&sort=created` are read
 * only until one reaches a PR created before `since`.
 */
export async function listPullsCreatedSince(octokit: GitHub, ref: RepoRef, since: Date): Promise<ListedPull[]> {
  const out: ListedPull[] = [];
  const limit = since.getTime();
  for await (const page of octokit.paginate.iterator(octokit.rest.pulls.list, {
    owner: ref.owner,
    repo: ref.repo,
    state: "all",
    sort: "created",
    direction: "desc",
    per_page: 100,
  })) {
    let older = false;
    for (const p of page.data) {
      if (Date.parse(p.created_at) < limit) {
        older = true;
        continue;
      }
      out.push({
        number: p.number,
        title: p.title,
        author: p.user?.login ?? "ghost",
        authorId: p.user?.id ?? 0,
        authorIsBot: p.user?.type === "Bot",
        createdAt: p.created_at,
        closedAt: p.closed_at,
        url: p.html_url,
      });
    }
    if (older) break;
  }
  return out;
}

export interface OpenDecision {
  number: number;
  title: string;
  author: string;
  kinds: string[];
  createdAt: string;
  url: string;
}

const OPEN_PULLS_QUERY = `query($owner: String!, $repo: String!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    pullRequests(states: OPEN, first: 50, after: $cursor, orderBy: {field: CREATED_AT, direction: ASC}) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number title createdAt url
        author { login }
        labels(first: 100) { nodes { name } }
        files(first: 100) { nodes { path } }
      }
    }
  }
}`;

interface OpenPullsPage {
  repository: {
    pullRequests: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Array<{
        number: number;
        title: string;
        createdAt: string;
        url: string;
        author: { login: string } | null;
        labels: { nodes: Array<{ name: string }> };
        files: { nodes: Array<{ path: string }> } | null;
      }>;
    };
  } | null;
}

/**
 * The open PRs that are decisions, by their labels and changed files. One GraphQL query reads the
 * files of 50 PRs at once (REST would need one request per PR). Only the first 100 files of a PR
 * are looked at, by their new names.
 */
export async function listOpenDecisions(octokit: GitHub, ref: RepoRef, policy: Policy): Promise<OpenDecision[]> {
  const out: OpenDecision[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: OpenPullsPage = await graphqlQuery(octokit)<OpenPullsPage>(OPEN_PULLS_QUERY, { owner: ref.owner, repo: ref.repo, cursor });
    const prs = page.repository?.pullRequests;
    if (!prs) break;
    for (const n of prs.nodes) {
      const kinds = decisionKindsOf(policy, {
        labels: n.labels.nodes.map((l) => l.name),
        files: (n.files?.nodes ?? []).map((f) => ({ filename: f.path })),
      });
      if (kinds.length === 0) continue;
      out.push({ number: n.number, title: n.title, author: n.author?.login ?? "ghost", kinds: kinds.map((k) => k.id), createdAt: n.createdAt, url: n.url });
    }
    if (!prs.pageInfo.hasNextPage || !prs.pageInfo.endCursor) break;
    cursor = prs.pageInfo.endCursor;
  }
  return out;
}

/**
 * The registry as it stood at `at`: the last commit touching its file before then, and the file
 * at that commit. Null when the file did not exist yet (or is invalid then: a report shows no
 * declarations rather than failing).
 */
export async function getRegistryAt(octokit: GitHub, ref: RepoRef, policy: Policy, at: Date): Promise<Registry | null> {
  const file = registryLocationOf(policy, ref);
  const { data: commits } = await octokit.rest.repos.listCommits({
    owner: file.owner,
    repo: file.repo,
    path: file.path,
    until: at.toISOString(),
    per_page: 1,
  });
  const sha = commits[0]?.sha;
  if (!sha) return null;
  let content: unknown;
  try {
    ({ data: content } = await octokit.rest.repos.getContent({ owner: file.owner, repo: file.repo, path: file.path, ref: sha }));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
  const entry = content as { type?: string; content?: string; encoding?: string };
  if (entry.type !== "file" || entry.encoding !== "base64" || typeof entry.content !== "string") return null;
  const label = policy.registry.kind === "local" ? file.path : `${file.owner}/${file.repo}:${file.path}`;
  return parseRegistry(new Uint8Array(Buffer.from(entry.content, "base64")), label, policy).registry;
}

export interface ClosedPull {
  number: number;
  /** GitHub's `closed_at`: with the number, it names the close a record is about. */
  closedAt: string;
  merged: boolean;
  mergeCommitSha: string | null;
  labels: string[];
  /** GitHub's `updated_at`: later than the close when anything (a label too) changed since. */
  updatedAt: string;
}

/**
 * The PRs closed at or after `since`, most recently updated first. Pages of
 * `state=closed&sort=updated` are read only until one reaches a PR last updated before `since`:
 * a PR is updated when it closes, so every later one closed before `since` too. Only a PR's latest
 * close is listed (a PR closed, reopened and closed again shows its last `closed_at`).
 */
export async function listPullsClosedSince(octokit: GitHub, ref: RepoRef, since: Date): Promise<ClosedPull[]> {
  const out: ClosedPull[] = [];
  const limit = since.getTime();
  for await (const page of octokit.paginate.iterator(octokit.rest.pulls.list, {
    owner: ref.owner,
    repo: ref.repo,
    state: "closed",
    sort: "updated",
    direction: "desc",
    per_page: 100,
  })) {
    let older = false;
    for (const p of page.data) {
      if (Date.parse(p.updated_at) < limit) {
        older = true;
        continue;
      }
      if (!p.closed_at || Date.parse(p.closed_at) < limit) continue;
      out.push({
        number: p.number,
        closedAt: p.closed_at,
        merged: p.merged_at !== null,
        mergeCommitSha: p.merged_at !== null ? p.merge_commit_sha : null,
        labels: p.labels.map((l) => l.name),
        updatedAt: p.updated_at,
      });
    }
    if (older) break;
  }
  return out;
}

/** At most this many PRs in one GraphQL query of changed files (aliases of one request). */
export const FILES_QUERY_BATCH = 50;
/** Files read per PR by that query; a PR with more is taken to touch every governed path. */
export const FILES_QUERY_FIRST = 100;

interface ChangedFilesPage {
  repository: Record<string, { files: { totalCount: number; nodes: Array<{ path: string; changeType: string }> } | null } | null> | null;
}

export interface PullFiles {
  files: Array<{ filename: string }>;
  /**
   * True when the list may not hold every path that matters: more files than were read, or a
   * rename (GraphQL gives a renamed file's new path only, and the old one may be governed).
   */
  incomplete: boolean;
}

/**
 * GitHub answers a query naming a PR it cannot resolve (deleted, or never there) with a NOT_FOUND
 * error beside the data of the others, which Octokit throws: keep that data (the missing PR is
 * null in it, and taken as incomplete). Any other error is thrown.
 */
async function keepFound<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    const e = error as { errors?: Array<{ type?: unknown }>; data?: T } | null;
    const notFound = Array.isArray(e?.errors) && e.errors.length > 0 && e.errors.every((x) => x.type === "NOT_FOUND");
    if (notFound && e?.data) return e.data;
    throw error;
  }
}

/**
 * The changed files of several PRs, FILES_QUERY_BATCH to a GraphQL request (REST would need one
 * request per PR). A PR GitHub does not return (deleted, or no files list) is incomplete.
 */
export async function listChangedFilesOf(octokit: GitHub, ref: RepoRef, numbers: number[]): Promise<Map<number, PullFiles>> {
  const out = new Map<number, PullFiles>();
  for (let i = 0; i < numbers.length; i += FILES_QUERY_BATCH) {
    const batch = numbers.slice(i, i + FILES_QUERY_BATCH).filter((n) => Number.isSafeInteger(n) && n > 0);
    if (batch.length === 0) continue;
    // The aliases are built from PR numbers (integers) only; owner and name go as variables.
    const fields = batch
      .map((n) => `pr${n}: pullRequest(number: ${n}) { files(first: ${FILES_QUERY_FIRST}) { totalCount nodes { path changeType } } }`)
      .join("\n    ");
    const query = `query($owner: String!, $repo: String!) {\n  repository(owner: $owner, name: $repo) {\n    ${fields}\n  }\n}`;
    const page = await keepFound(graphqlQuery(octokit)<ChangedFilesPage>(query, { owner: ref.owner, repo: ref.repo }));
    for (const n of batch) {
      const files = page.repository?.[`pr${n}`]?.files;
      if (!files) {
        out.set(n, { files: [], incomplete: true });
        continue;
      }
      out.set(n, {
        files: files.nodes.map((f) => ({ filename: f.path })),
        incomplete: files.totalCount > files.nodes.length || files.nodes.some((f) => f.changeType === "RENAMED"),
      });
    }
  }
  return out;
}

/**
 * Whether the policy file of the repository changed since `since` (one request): then the rules a
 * PR closed in that time was judged by may differ from today's.
 */
export async function policyChangedSince(octokit: GitHub, ref: RepoRef, path: string, since: Date): Promise<boolean> {
  const { data } = await octokit.rest.repos.listCommits({ owner: ref.owner, repo: ref.repo, path, since: since.toISOString(), per_page: 1 });
  return data.length > 0;
}

/** A push to the default branch, as GitHub's repository activity lists it. */
export interface DefaultBranchPush {
  before: string;
  after: string;
  /** GitHub's time of the push (not a commit's date, which the pusher chooses). */
  pushedAt: string;
  pusher: string;
  pusherId: number | null;
  /** A force-push (a rewind, or a history rewritten). */
  forced: boolean;
}

/** The default branch's moves GitHub's repository activity lists back to a time. */
export interface ListedMoves {
  /** The pushes and force-pushes, oldest first. */
  pushes: DefaultBranchPush[];
  /** Every move listed (pushes, merges of PRs and queues, the branch's creation), oldest first. */
  moves: Array<{ before: string; after: string }>;
  /** Whether the listing reached a move older than the time: false when GitHub keeps none so old. */
  reached: boolean;
}

/**
 * The pushes (and force-pushes) to `branch` at or after `since`, oldest first, from GitHub's
 * repository activity (`GET /repos/{o}/{r}/activity`, newest first, pages of 100, read only until
 * a page reaches an older one). The activity tells a push from the merge of a PR (`pr_merge`) or
 * of a merge queue (`merge_queue_merge`), gives each push's `before` and `after` as the push
 * webhook does, its pusher, and GitHub's own time of it. GitHub keeps it for a limited time
 * (about 90 days): `reached` says whether it still went back to `since`.
 */
export async function listPushesSince(octokit: GitHub, ref: RepoRef, branch: string, since: Date): Promise<ListedMoves> {
  const out: DefaultBranchPush[] = [];
  const moves: ListedMoves["moves"] = [];
  const limit = since.getTime();
  let older = false;
  for await (const page of octokit.paginate.iterator(octokit.rest.repos.listActivities, {
    owner: ref.owner,
    repo: ref.repo,
    ref: `refs/heads/${branch}`,
    direction: "desc",
    per_page: 100,
  })) {
    for (const a of page.data) {
      if (Date.parse(a.timestamp) < limit) {
        older = true;
        continue;
      }
      if (a.ref !== `refs/heads/${branch}`) continue;
      moves.push({ before: a.before, after: a.after });
      if (a.activity_type !== "push" && a.activity_type !== "force_push") continue;
      out.push({ before: a.before, after: a.after, pushedAt: a.timestamp, pusher: a.actor?.login ?? "ghost", pusherId: a.actor?.id ?? null, forced: a.activity_type === "force_push" });
    }
    if (older) break;
  }
  return { pushes: out.reverse(), moves: moves.reverse(), reached: older };
}

/** GitHub's comparison of the default branch's history from `base` to `head`, every page of commits. */
export interface HistoryBetween {
  /** GitHub's `status`: `ahead` (head descends from base), `identical`, `behind` or `diverged`. */
  status: string;
  /** The head's commit. */
  head: string;
  /** The commits reachable from head and not from base, oldest first, with their parents. */
  commits: Array<{ sha: string; parents: string[]; committedAt: string; committer: string; committerId: number | null }>;
}

/**
 * The commits of `head` since `base` (`GET /repos/{o}/{r}/compare/{base}...{head}`, pages of 100
 * commits: GitHub lists them all when paged), one request a page; a branch that did not move since
 * the last look is answered 304 (ETag), counting nothing.
 */
export async function historyBetween(octokit: GitHub, ref: RepoRef, base: string, head: string): Promise<HistoryBetween> {
  const commits: HistoryBetween["commits"] = [];
  let status = "identical";
  let tip = base;
  for await (const page of octokit.paginate.iterator(octokit.rest.repos.compareCommitsWithBasehead, { owner: ref.owner, repo: ref.repo, basehead: `${base}...${head}`, per_page: 100 })) {
    const data = page.data as unknown as { status: string; merge_base_commit: { sha: string }; commits: Array<{ sha: string; parents: Array<{ sha: string }>; commit: { committer: { date?: string } | null }; committer: { login: string; id: number } | null; author: { login: string; id: number } | null }> };
    status = data.status;
    if (status === "behind") tip = data.merge_base_commit.sha; // head is an ancestor of base
    for (const c of data.commits) {
      const who = c.committer ?? c.author;
      commits.push({ sha: c.sha, parents: c.parents.map((p) => p.sha), committedAt: c.commit.committer?.date ?? "", committer: who?.login ?? "ghost", committerId: who?.id ?? null });
    }
  }
  tip = commits[commits.length - 1]?.sha ?? tip;
  return { status, head: tip, commits };
}
