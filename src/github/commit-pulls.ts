// The pull requests GitHub associates with a commit ("List pull requests associated with a
// commit": the open PRs whose head it is or that contain it, and the merged PR that brought it),
// read over all pages, up to a bound: a writer can open any number of PRs from branches at
// someone else's head commit, so a caller that must judge them all is told when the list was cut.
import type { GitHub } from "./client.js";
import type { RepoRef } from "./files.js";

/** At most this many pages of 100 PRs are read (1,000 PRs, 10 counted requests). */
export const COMMIT_PULLS_MAX_PAGES = 10;

export interface CommitPull {
  number: number;
  state: string;
  head: { sha: string };
  base: { ref: string };
  merged_at: string | null;
  merge_commit_sha: string | null;
}

export interface CommitPulls {
  pulls: CommitPull[];
  /** False when more pages were left unread (beyond the bound): a caller must fail closed. */
  complete: boolean;
}

/** The PRs associated with `sha`, all pages up to `maxPages` (one counted request each). */
export async function listPullsOfCommit(octokit: GitHub, repo: RepoRef, sha: string, maxPages = COMMIT_PULLS_MAX_PAGES): Promise<CommitPulls> {
  const pulls: CommitPull[] = [];
  let pages = 0;
  for await (const page of octokit.paginate.iterator(octokit.rest.repos.listPullRequestsAssociatedWithCommit, { ...repo, commit_sha: sha, per_page: 100 })) {
    pages++;
    pulls.push(...page.data);
    if (pages >= maxPages) return { pulls, complete: !/rel="next"/.test(page.headers.link ?? "") };
  }
  return { pulls, complete: true };
}
