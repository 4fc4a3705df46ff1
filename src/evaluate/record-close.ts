// The public record of one close: judged by the rules as they stood on the base branch before the
// merge (the merge commit's first parent), never by what the PR itself changed; for a PR closed
// unmerged, by the default branch at the time of the close.
import { currentSectorOf } from "../core/declarations.js";
import { decisionKindsOf } from "../core/decisions.js";
import { evaluateSignoff } from "../core/signoff.js";
import type { PullRequestFacts, Registry } from "../core/types.js";
import type { GitHub } from "../github/client.js";
import { getPullRequestFacts } from "../github/facts.js";
import { getDefaultBranch, type RepoRef } from "../github/files.js";
import type { Services } from "../handlers/services.js";
import { recordClosedPullRequest, type RecordCloseResult } from "../transparency/record.js";
import { getRules } from "./governance.js";

/** What the `pull_request.closed` webhook says of this close (a PR can close several times). */
export interface CloseEvent extends RepoRef {
  pull_number: number;
  closedAt: string;
  merged: boolean;
  mergeCommitSha: string | null;
  /**
   * True when the close is recorded after the fact (the sweep found it without a record): a PR
   * closed unmerged is then judged by the default branch as it stood at its close, not as it
   * stands now (the webhook is handled at the close, when both are the same).
   */
  late?: boolean;
}

export type RecordOutcome = RecordCloseResult | { status: "not-governed" } | { status: "invalid-policy" };

export async function recordClose(octokit: GitHub, close: CloseEvent, services: Services): Promise<RecordOutcome> {
  const repo: RepoRef = { owner: close.owner, repo: close.repo };
  const base =
    close.merged && close.mergeCommitSha
      ? await firstParent(octokit, repo, close.mergeCommitSha)
      : close.late
        ? await defaultBranchAt(octokit, repo, close.closedAt)
        : undefined; // the default branch as it stands now (the contents API without a ref)
  const rules = await getRules(octokit, repo, base);
  if (!rules.governed) return { status: "not-governed" };
  if (!rules.policy) {
    // Without a valid policy nothing can say whether this PR was a decision, nor where the log is;
    // both checks failed while the policy was broken, so nothing passed by accident.
    services.log?.warn({ pr: close, diagnostics: rules.diagnostics }, "close not recorded: the policy before the merge was invalid");
    return { status: "invalid-policy" };
  }
  const policy = rules.policy;
  const fetched = await getPullRequestFacts(octokit, close, { needCommits: false, appId: services.appId });
  // The close this record is about, as the webhook saw it: a later reopen must not rewrite it.
  const facts: PullRequestFacts = {
    ...fetched,
    state: "closed",
    draft: false,
    closedAt: close.closedAt,
    merged: close.merged,
    mergeCommitSha: close.merged ? close.mergeCommitSha : null,
  };
  if (decisionKindsOf(policy, facts).length === 0) return { status: "not-logged", reason: "not-a-decision" };
  // An invalid registry counts nobody: a merge then is recorded as without sign-off, never hidden.
  const registry: Registry = rules.registry ?? { path: "", entries: [] };
  const closedAt = new Date(close.closedAt);
  const signoff = evaluateSignoff({ policy, registry, facts, now: closedAt });
  return oneWriterPerLog(repo, () =>
    recordClosedPullRequest(octokit, {
      ...repo,
      policy,
      facts,
      signoff,
      authorSector: currentSectorOf(policy, registry, facts.author, closedAt),
      now: services.now(),
      ...(services.htmlBase ? { serverUrl: services.htmlBase } : {}),
    }),
  );
}

/** The tail of the writes to each repository's log in this process. */
const logWriters = new Map<string, Promise<unknown>>();

/**
 * Within one process, records of one repository are appended one at a time: evaluations run
 * several at once per installation, and concurrent writers of one chain would otherwise keep
 * taking each other's `seq` (the delete-and-retry of src/transparency/record.ts resolves races
 * between processes; there is no reason to race inside one).
 */
async function oneWriterPerLog<T>(repo: RepoRef, write: () => Promise<T>): Promise<T> {
  const key = `${repo.owner}/${repo.repo}`.toLowerCase();
  const previous = logWriters.get(key) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(write);
  const tail = mine.catch(() => undefined);
  logWriters.set(key, tail);
  try {
    return await mine;
  } finally {
    if (logWriters.get(key) === tail) logWriters.delete(key);
  }
}

async function firstParent(octokit: GitHub, repo: RepoRef, sha: string): Promise<string> {
  // The git data API: the commit's parents without its files and patches.
  const { data } = await octokit.rest.git.getCommit({ ...repo, commit_sha: sha });
  const parent = data.parents[0]?.sha;
  if (!parent) throw new Error(`The merge commit ${sha} has no parent: cannot tell the rules before the merge`);
  return parent;
}

/** The default branch's commit at `at` (its head then), or the branch itself when none is listed. */
async function defaultBranchAt(octokit: GitHub, repo: RepoRef, at: string): Promise<string> {
  const branch = await getDefaultBranch(octokit, repo);
  const { data } = await octokit.rest.repos.listCommits({ ...repo, sha: branch, until: at, per_page: 1 });
  return data[0]?.sha ?? branch;
}
