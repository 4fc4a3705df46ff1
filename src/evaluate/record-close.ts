// The public record of one close, judged by the policy and registry in force on the default branch
// just before the close (whatever the merge method: for a rebase merge the merge commit's parent is
// one of the PR's own commits, never the rules), and by the signals given before the close. A PR
// not based on the default branch changes nothing there and is never recorded.
import { factsAsOf } from "../core/as-of.js";
import { currentSectorOf } from "../core/declarations.js";
import { decisionKindsOf } from "../core/decisions.js";
import { evaluateSignoff } from "../core/signoff.js";
import { addHeadFacts } from "./evaluate-pr.js";
import type { PullRequestFacts, Registry } from "../core/types.js";
import type { GitHub } from "../github/client.js";
import { getPullRequestFacts } from "../github/facts.js";
import type { RepoRef } from "../github/files.js";
import { listEventsSince } from "../github/timeline.js";
import { appLoginOf, type Services } from "../handlers/services.js";
import { recordClosedPullRequest, type RecordCloseResult } from "../transparency/record.js";
import { getRules, type Rules } from "./governance.js";
import { getLatestCheckRuns } from "../github/checks.js";
import { CHECK_DECLARATION, CHECK_SIGNOFF, ORG_CONFIG_REPO } from "../constants.js";
import { decodeOwner } from "./sweep-hint.js";

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
  /**
   * The repository's default branch when the PR closed, as GitHub's `pull_request.closed` webhook
   * names it (written at the close): an administrator who switches the default branch before the
   * app handles the close does not take the close off the record (SPEC.md promise 2). Absent (a
   * close the sweep found, an older queued job): the default branch GitHub names now.
   */
  defaultBranch?: string;
}

export type RecordOutcome = RecordCloseResult | { status: "not-governed" } | { status: "invalid-policy" } | { status: "not-default-branch" };

export async function recordClose(octokit: GitHub, close: CloseEvent, services: Services): Promise<RecordOutcome> {
  const repo: RepoRef = { owner: close.owner, repo: close.repo };
  const appLogin = await appLoginOf(services);
  // The PR as GitHub has it: its base, and how many commits it had (for a rebase merge).
  const { data: pull } = await octokit.rest.pulls.get({ ...repo, pull_number: close.pull_number });
  const defaultBranch = close.defaultBranch ?? pull.base.repo.default_branch;
  // Merged into (or closed against) another branch, nothing reached the default branch: no record,
  // whatever that branch's own rules say (a writer may control them).
  if (pull.base.ref !== defaultBranch) return { status: "not-default-branch" };
  const before =
    close.merged && close.mergeCommitSha
      ? await rulesBeforeMerge(octokit, repo, close.mergeCommitSha, close.pull_number, pull.commits, services.appId)
      : { sha: close.late ? await defaultBranchAt(octokit, repo, defaultBranch, close.closedAt) : await defaultBranchAt(octokit, repo, defaultBranch), certain: true };
  const rulesCommit = before.sha;
  const rules = await rulesAtClose(octokit, repo, rulesCommit, close);
  if (!rules.governed) return { status: "not-governed" };
  if (!rules.policy) {
    // Without a valid policy nothing can say whether this PR was a decision, nor where the log is;
    // both checks failed while the policy was broken, so nothing passed by accident.
    services.log?.warn({ pr: close, diagnostics: rules.diagnostics }, "close not recorded: the policy before the merge was invalid");
    return { status: "invalid-policy" };
  }
  const policy = rules.policy;
  const fetched = await getPullRequestFacts(octokit, close, { needCommits: false, appId: services.appId });
  // The PR as it stood at this close: a later reopen, review, dismissal or label must not change it.
  const later = await listEventsSince(octokit, close, close.closedAt);
  const facts: PullRequestFacts = factsAsOf(
    {
      ...fetched,
      state: "closed",
      draft: false,
      closedAt: close.closedAt,
      merged: close.merged,
      mergeCommitSha: close.merged ? close.mergeCommitSha : null,
      // Judged against the default branch at the close, not the one GitHub names now.
      defaultBranch,
    },
    close.closedAt,
    later,
  );
  if (decisionKindsOf(policy, facts).length === 0) return { status: "not-logged", reason: "not-a-decision" };
  // An admission by its own sector is judged as the checks judged it: on the head's registry.
  if (policy.declarations.admission === "sector") await addHeadFacts(octokit, repo, facts, policy, rules.registryRef);
  // An invalid registry counts nobody: a merge then is recorded as without sign-off, never hidden.
  const registry: Registry = rules.registry ?? { path: "", entries: [] };
  const closedAt = new Date(close.closedAt);
  const judged = evaluateSignoff({ policy, registry, facts, now: closedAt });
  // A queue commit whose group's base the app cannot tell: judged strictly, never as signed off.
  const signoff = before.certain ? judged : { ...judged, signedOff: false };
  if (!before.certain) services.log?.warn({ pr: close, rules: rulesCommit }, "the merge queue's base of this merge cannot be told: recorded as merged without sign-off");
  return oneWriterPerLog(repo, () =>
    recordClosedPullRequest(octokit, {
      ...repo,
      policy,
      facts,
      signoff,
      authorSector: currentSectorOf(policy, registry, facts.author, closedAt),
      rules: rulesCommit,
      appLogin,
      appId: services.appId,
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
export async function oneWriterPerLog<T>(repo: RepoRef, write: () => Promise<T>): Promise<T> {
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

/**
 * The default-branch commit whose rules judge a merge, and whether it is known for sure.
 *
 * A PR the merge queue landed has as merge commit the commit the queue built for its entry, on the
 * commit of the entry before it: its first parent is the default branch's head only for the front
 * entry. The default branch moved from the group's base straight to the group's last commit, and
 * the app judged every PR of the group by the base's rules when the queue asked for its checks; it
 * noted that base on its own runs on the queue's commit (src/evaluate/evaluate-group.ts), which
 * nobody but the app can write. So: a merge commit carrying this app's merge-group runs is judged
 * by the base they note (one request); when they note none (a run written by an older version, or
 * a queue that did not say its base consistently) the base cannot be told for sure, and the merge
 * is judged by its first parent's rules and recorded as not signed off. Any other merge: as
 * defaultHeadBeforeMerge tells.
 */
export async function rulesBeforeMerge(
  octokit: GitHub,
  repo: RepoRef,
  mergeSha: string,
  pullNumber: number,
  commitCount: number,
  appId: number,
): Promise<{ sha: string; certain: boolean }> {
  const runs = await getLatestCheckRuns(octokit, { ...repo, head_sha: mergeSha, appId });
  const owners = [CHECK_DECLARATION, CHECK_SIGNOFF].map((name) => decodeOwner(runs.get(name)?.external_id));
  if (owners.some((o) => o?.group)) {
    const bases = new Set(owners.map((o) => (o?.group ? (o.base ?? null) : null)).filter((b): b is string => b !== null));
    const base = bases.size === 1 ? [...bases][0]! : null;
    if (base) return { sha: base, certain: true };
    return { sha: await defaultHeadBeforeMerge(octokit, repo, mergeSha, pullNumber, commitCount), certain: false };
  }
  return { sha: await defaultHeadBeforeMerge(octokit, repo, mergeSha, pullNumber, commitCount), certain: true };
}

/** GitHub lists at most this many commits of a PR (REST "List commits on a pull request"). */
const MAX_PR_COMMITS = 250;

interface GitCommit {
  sha: string;
  parents: Array<{ sha: string }>;
  message: string;
  author: { email?: string; date?: string } | null;
}

const identity = (c: { message: string; author: { email?: string | undefined; date?: string | undefined } | null }): string =>
  JSON.stringify([c.message, c.author?.email ?? "", c.author?.date ?? ""]);

/**
 * The default branch's head just before a PR's merge: the commit whose rules judge the merge.
 * - a merge commit (two parents): its first parent;
 * - a squash (one parent, no commit of the PR's own): its parent;
 * - a rebase: GitHub wrote one new commit per commit of the PR (same message, author and author
 *   date; a new committer), so the merge commit's first-parent line is walked back over every
 *   commit that is a copy of one of the PR's, and the first that is not is the head before.
 * A copy is recognised by what a rebase keeps and a writer cannot make GitHub forge on the
 * default branch; the walk never goes further back than the PR has commits.
 */
export async function defaultHeadBeforeMerge(octokit: GitHub, repo: RepoRef, mergeSha: string, pullNumber: number, commitCount: number): Promise<string> {
  const get = async (sha: string): Promise<GitCommit> => (await octokit.rest.git.getCommit({ ...repo, commit_sha: sha })).data;
  const merge = await get(mergeSha);
  const parent = merge.parents[0]?.sha;
  if (!parent) throw new Error(`The merge commit ${mergeSha} has no parent: cannot tell the rules before the merge`);
  if (merge.parents.length > 1 || commitCount <= 1) return parent;
  if (commitCount > MAX_PR_COMMITS) {
    throw new Error(`Pull request #${pullNumber} has more than ${MAX_PR_COMMITS} commits: GitHub does not list them all, so the rules before its merge cannot be told`);
  }
  const own = new Set(
    (await octokit.paginate(octokit.rest.pulls.listCommits, { ...repo, pull_number: pullNumber, per_page: 100 })).map((c) =>
      identity({ message: c.commit.message, author: c.commit.author ? { email: c.commit.author.email, date: c.commit.author.date } : null }),
    ),
  );
  // A squash commit is no copy of the PR's commits: its parent is the head before.
  if (!own.has(identity(merge))) return parent;
  let current = merge;
  for (let walked = 1; walked < commitCount; walked++) {
    const next = current.parents[0]?.sha;
    if (!next || current.parents.length !== 1) break;
    const c = await get(next);
    if (!own.has(identity(c))) return next;
    current = c;
  }
  const before = current.parents[0]?.sha;
  if (!before) throw new Error(`The rebased commits of pull request #${pullNumber} have no parent: cannot tell the rules before the merge`);
  return before;
}

/** The default branch's commit at `at` (its head then), or its head now without `at`. */
/**
 * The rules at `rulesCommit`; for a close found late whose repository is not governed by them,
 * the rules with the organisation's `.github` policy as it stood at the close (one deleted or
 * broken since still judges the closes it governed): its default branch's commit then.
 */
async function rulesAtClose(octokit: GitHub, repo: RepoRef, rulesCommit: string, close: CloseEvent): Promise<Rules> {
  const rules = await getRules(octokit, repo, rulesCommit);
  if (rules.governed || close.late !== true || repo.repo.toLowerCase() === ORG_CONFIG_REPO) return rules;
  const org: RepoRef = { owner: repo.owner, repo: ORG_CONFIG_REPO };
  const then = await octokit.rest.repos.listCommits({ ...org, until: close.closedAt, per_page: 1 }).then(
    (r) => r.data[0]?.sha ?? null,
    (error: { status?: number }) => {
      if (error.status === 404 || error.status === 409) return null; // no `.github` repository, or an empty one
      throw error;
    },
  );
  return then === null ? rules : getRules(octokit, repo, rulesCommit, { repo: org, ref: then });
}

async function defaultBranchAt(octokit: GitHub, repo: RepoRef, branch: string, at?: string): Promise<string> {
  const { data } = await octokit.rest.repos.listCommits({ ...repo, sha: branch, ...(at ? { until: at } : {}), per_page: 1 });
  const sha = data[0]?.sha;
  if (!sha) throw new Error(`The branch ${branch} of ${repo.owner}/${repo.repo} has no commit${at ? ` before ${at}` : ""}: cannot tell its rules`);
  return sha;
}
