// The pull requests of a merge group: which PRs a commit of GitHub's merge queue would land.
//
// GitHub builds one commit per queue entry, each on top of the entry before it, on a branch
// `gh-readonly-queue/<base>/pr-<N>-<sha>`; the `merge_group.checks_requested` webhook names only
// that branch and its commit. Entry N's commit holds the changes of every entry ahead of it in the
// queue, so its checks guard all of them: when the queue merges it (and with the HEADGREEN
// grouping only its checks are asked for), every one of those PRs lands.
//
// Where each fact comes from, and who can change it:
// - `merge_group.head_ref` and `head_sha`: written by GitHub in the webhook. The branch name is
//   trusted for nothing but the number N it names; the PRs themselves come from the queue.
// - the queue (GraphQL `repository.mergeQueue(branch:)`): GitHub's own list of entries, in
//   order, each with the commit GitHub built for it (`headCommit`). A writer can add a PR to the
//   queue, which is fine: every PR of the group is judged. Nobody can make the queue name a commit
//   it did not build.
// So the group is accepted only when entry N's own commit is the webhook's `head_sha`: a branch
// name that names another PR (crafted, or stale after the queue rebuilt its groups) finds an entry
// whose commit differs, and the checks fail closed. Anything missing (no queue, no entry N, an
// entry without its PR, a PR based elsewhere or no longer open) fails closed too.
import { graphqlQuery, type GitHub } from "./client.js";
import { GitHubFactsError, toFactsError } from "./facts.js";
import type { RepoRef } from "./files.js";

/**
 * What the `merge_group` webhook says of the group (GitHub's "Merge Group" object) that finding
 * its PRs needs (its `base_sha` is not: the queue says what the group holds).
 */
export interface MergeGroupEvent {
  head_sha: string;
  /** The full ref: `refs/heads/gh-readonly-queue/<base>/pr-<N>-<sha>`. */
  head_ref: string;
  /** The full ref of the branch the group lands on: `refs/heads/<base>`. */
  base_ref: string;
}

export interface QueueBranch {
  /** The branch the queue lands on. */
  base: string;
  /** The PR whose entry this group is (the last of the group). */
  number: number;
}

/** How long a PR number may be: GitHub's are 32-bit integers. */
const MAX_NUMBER = 2 ** 31 - 1;
const QUEUE_BRANCH = /^refs\/heads\/gh-readonly-queue\/(.+)\/pr-([1-9]\d{0,9})-([0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The base branch and the PR number a queue branch names, or null when the name is not exactly a
 * merge queue's (`refs/heads/gh-readonly-queue/<base>/pr-<N>-<sha>`). The base may hold slashes
 * (`release/2.0`); the number and the commit are read from the end, where GitHub puts them.
 */
export function parseQueueBranch(headRef: string): QueueBranch | null {
  const m = QUEUE_BRANCH.exec(headRef);
  if (!m) return null;
  const base = m[1] ?? "";
  const number = Number(m[2]);
  // No empty path segment, no "." or ".." (git refuses them in a ref: git-check-ref-format).
  if (base.split("/").some((part) => part === "" || part === "." || part === "..")) return null;
  if (!Number.isSafeInteger(number) || number > MAX_NUMBER) return null;
  return { base, number };
}

/** The branch a full ref names (`refs/heads/main` -> `main`), or null. */
export function branchOfRef(ref: string): string | null {
  const m = /^refs\/heads\/(.+)$/.exec(ref);
  return m?.[1] ?? null;
}

export type GroupProblem =
  | { reason: "branch"; ref: string }
  | { reason: "base"; base: string; named: string }
  | { reason: "no-queue"; base: string }
  | { reason: "not-queued"; number: number; base: string }
  | { reason: "commit"; number: number; expected: string; actual: string | null }
  | { reason: "no-pull-request"; position: number }
  | { reason: "pr-base"; number: number; base: string; prBase: string }
  | { reason: "pr-closed"; number: number };

/** The PRs of a group could not be found for sure: the group's checks fail, naming why. */
export class MergeGroupError extends Error {
  override readonly name = "MergeGroupError";
  constructor(readonly problem: GroupProblem) {
    super(`The pull requests of the merge group cannot be told for sure: ${problem.reason}`);
  }
}

export interface MergeGroup {
  /** The branch the group lands on. */
  base: string;
  /** The group's PRs, in queue order (the last is the one the queue branch names). */
  pulls: number[];
  /**
   * The commit the whole group is built on: the default branch's head when the queue built it,
   * which stays its head until the group lands (the branch then moves from it to the group's
   * commit at once). It is the front entry's base commit, every entry being built on the commit of
   * the entry before it; null when the queue does not say so consistently.
   */
  groupBase: string | null;
}

/** The entries of one branch's merge queue, in pages of 100 (GitHub's largest page). */
export const MERGE_QUEUE_QUERY = `query MergeQueueEntries($owner: String!, $repo: String!, $branch: String!, $after: String) {
  repository(owner: $owner, name: $repo) {
    mergeQueue(branch: $branch) {
      entries(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes {
          position
          headCommit { oid }
          baseCommit { oid }
          pullRequest { number state baseRefName }
        }
      }
    }
  }
}`;

interface QueueEntryNode {
  position: number;
  headCommit: { oid: string } | null;
  baseCommit: { oid: string } | null;
  pullRequest: { number: number; state: "OPEN" | "CLOSED" | "MERGED"; baseRefName: string } | null;
}

/** The answer of MERGE_QUEUE_QUERY. */
export interface MergeQueueQueryResult {
  repository: {
    mergeQueue: {
      entries: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<QueueEntryNode | null> | null;
      } | null;
    } | null;
  } | null;
}

/** A queue longer than this is not read further (GitHub caps a queue far below it). */
const MAX_QUEUE_PAGES = 10;

/**
 * The entries of `base`'s merge queue from its front, up to `until`'s entry when given (null: the
 * branch has no queue). Throws a GitHubFactsError when GitHub fails.
 */
async function readQueue(octokit: GitHub, repo: RepoRef, base: string, until?: number): Promise<QueueEntryNode[] | null> {
  const entries: QueueEntryNode[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_QUEUE_PAGES; page++) {
    let result: MergeQueueQueryResult;
    try {
      result = await graphqlQuery(octokit)<MergeQueueQueryResult>(MERGE_QUEUE_QUERY, { owner: repo.owner, repo: repo.repo, branch: base, after });
    } catch (error) {
      throw toFactsError(error, "POST /graphql (merge queue)");
    }
    if (!result.repository) throw new GitHubFactsError(`GitHub did not find ${repo.owner}/${repo.repo}`, 404, null, "POST /graphql (merge queue)");
    const connection = result.repository.mergeQueue?.entries;
    if (!connection) return null;
    for (const node of connection.nodes ?? []) if (node) entries.push(node);
    if (until !== undefined && entries.some((e) => e.pullRequest?.number === until)) break;
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
    after = connection.pageInfo.endCursor;
  }
  return entries;
}

/**
 * The merge groups of `base`'s queue that hold PR `number`: its own entry's and every entry's
 * behind it (each entry's commit is built on the one before, so it lands every PR ahead of it),
 * as the `merge_group` webhook would describe them. The queue branch's name is rebuilt as GitHub
 * names it (`gh-readonly-queue/<base>/pr-<N>-<base commit>`); getMergeGroup trusts it for the
 * number only, and accepts a group only when the queue's entry N has exactly that commit. Empty
 * when the PR is in no queue of that branch.
 */
export async function groupsHolding(octokit: GitHub, repo: RepoRef, base: string, number: number): Promise<MergeGroupEvent[]> {
  const entries = (await readQueue(octokit, repo, base)) ?? [];
  const own = entries.find((e) => e.pullRequest?.number === number);
  if (!own) return [];
  return entries
    .filter((e) => e.position >= own.position)
    .sort((a, b) => a.position - b.position)
    .flatMap((e) =>
      e.pullRequest && e.headCommit
        ? [
            {
              head_sha: e.headCommit.oid,
              head_ref: `refs/heads/gh-readonly-queue/${base}/pr-${e.pullRequest.number}-${e.baseCommit?.oid ?? e.headCommit.oid}`,
              base_ref: `refs/heads/${base}`,
            },
          ]
        : [],
    );
}

/**
 * The PRs of the merge group the webhook describes: the queue's entries from its front to the
 * entry of the PR the queue branch names, once that entry's commit is the group's. Throws a
 * MergeGroupError when the group cannot be told for sure, a GitHubFactsError when GitHub fails.
 */
export async function getMergeGroup(octokit: GitHub, repo: RepoRef, group: MergeGroupEvent): Promise<MergeGroup> {
  const named = parseQueueBranch(group.head_ref);
  if (!named) throw new MergeGroupError({ reason: "branch", ref: group.head_ref });
  // The branch the group lands on is GitHub's `base_ref`; a queue branch naming another is no
  // branch of this queue.
  const base = branchOfRef(group.base_ref);
  if (base === null || base !== named.base) throw new MergeGroupError({ reason: "base", base: base ?? group.base_ref, named: named.base });

  // The rest of the queue is behind entry N: not part of its group.
  const entries = await readQueue(octokit, repo, base, named.number);
  if (!entries) throw new MergeGroupError({ reason: "no-queue", base });

  const own = entries.find((e) => e.pullRequest?.number === named.number);
  if (!own) throw new MergeGroupError({ reason: "not-queued", number: named.number, base });
  if (own.headCommit?.oid !== group.head_sha) {
    throw new MergeGroupError({ reason: "commit", number: named.number, expected: group.head_sha, actual: own.headCommit?.oid ?? null });
  }
  const ahead = entries.filter((e) => e.position <= own.position).sort((a, b) => a.position - b.position);
  const pulls: number[] = [];
  for (const entry of ahead) {
    const pr = entry.pullRequest;
    if (!pr) throw new MergeGroupError({ reason: "no-pull-request", position: entry.position });
    if (pr.baseRefName !== base) throw new MergeGroupError({ reason: "pr-base", number: pr.number, base, prBase: pr.baseRefName });
    if (pr.state !== "OPEN") throw new MergeGroupError({ reason: "pr-closed", number: pr.number });
    if (!pulls.includes(pr.number)) pulls.push(pr.number);
  }
  return { base, pulls, groupBase: groupBaseOf(ahead) };
}

/** The front entry's base commit, once each entry after it is built on the commit of the one before. */
function groupBaseOf(ahead: readonly QueueEntryNode[]): string | null {
  const front = ahead[0]?.baseCommit?.oid;
  if (!front) return null;
  for (let i = 1; i < ahead.length; i++) {
    const before = ahead[i - 1]!.headCommit?.oid;
    if (!before || ahead[i]!.baseCommit?.oid !== before) return null;
  }
  return front;
}
