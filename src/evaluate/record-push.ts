// The public record of a direct push to the default branch: a push that is not the merge of a PR
// and that changes a rules file (the policy, a base it extends, the registry) or a governed path
// is a record with `"outcome": "pushed"`, judged by the rules before the push, so that a push
// deleting the policy is on the record before the repository stops being governed. What a push
// changed is what differs between the branch's two trees (a force-push that rewinds the branch or
// rewrites its history is judged on what it took away too), never only what its commits list.
import { currentSectorOf } from "../core/declarations.js";
import { decisionKindsOf, GOVERNANCE_KIND_ID } from "../core/decisions.js";
import type { ChangedFile, Registry } from "../core/types.js";
import type { GitHub } from "../github/client.js";
import { listPullsOfCommit } from "../github/commit-pulls.js";
import { sameRepository, type RepoRef } from "../github/files.js";
import { appLoginOf, type Services } from "../handlers/services.js";
import { recordDirectPush, type RecordCloseResult } from "../transparency/record.js";
import { DEFAULT_POLICY_PATH, ORG_CONFIG_REPO } from "../constants.js";
import { getRules, type Rules } from "./governance.js";
import { oneWriterPerLog } from "./record-close.js";

export interface PushEvent extends RepoRef {
  /** The default branch's head before and after the push. */
  before: string;
  after: string;
  /** Who pushed (the sender's login and account id). */
  pusher: string;
  pusherId: number | null;
  /** GitHub's time of the push. */
  pushedAt: string;
  /** The pushed commit's first line (absent: read from the commit when the push is recorded). */
  title?: string;
  /** The paths the push changed, or null when the payload cannot say them all. */
  files: string[] | null;
  /**
   * GitHub's `forced`: the branch did not move forward (a rewind, or a history rewritten). The
   * payload then lists only the new commits, never what the push took away: the files are read
   * from the two trees instead.
   */
  forced?: boolean;
  /**
   * Set when the default branch itself was switched to another branch (`repository.edited`):
   * `before` is the old default branch's head, `after` the new one's. `lost`: the old branch
   * could not be read any more (deleted since): `before` is then `after`, and every governed path
   * is taken as changed.
   */
  defaultBranch?: { from: string; to: string; lost?: boolean };
  /** The default branch's name when pushed (absent: read from the repository when needed). */
  branch?: string;
}

/**
 * The queue key of recording one move of the default branch: the webhook's deliveries of one
 * move, and the sweep's finding of it, coalesce; a force-push back to a commit pushed before is
 * another move.
 */
export const pushKey = (push: Pick<PushEvent, "owner" | "repo" | "before" | "after">): string =>
  `record push ${push.owner}/${push.repo}@${push.before}..${push.after}`.toLowerCase();

export type PushOutcome =
  | RecordCloseResult
  | { status: "not-governed" }
  | { status: "invalid-policy" }
  | { status: "merge" }
  | { status: "not-governed-change" };

const ZERO = /^0+$/;

export async function recordPush(octokit: GitHub, push: PushEvent, services: Services): Promise<PushOutcome> {
  const repo: RepoRef = { owner: push.owner, repo: push.repo };
  if (ZERO.test(push.before) || ZERO.test(push.after)) return { status: "not-governed-change" };
  const appLogin = await appLoginOf(services);
  const inForce = await getRules(octokit, repo, push.before);
  if (!inForce.governed) return { status: "not-governed" };
  // An invalid policy says neither what is governed nor where the log is: the push is judged by
  // the last valid rules before it, and recorded whatever it changed (fail closed).
  const fallback = inForce.policy ? null : await lastValidRules(octokit, repo, push.before);
  const rules = fallback?.rules ?? inForce;
  if (!rules.governed || !rules.policy) {
    services.log?.warn({ push: push.after, diagnostics: inForce.governed ? inForce.diagnostics : [] }, "direct push not recorded: the policy before it was invalid, and no valid one before that");
    return { status: "invalid-policy" };
  }
  const policy = rules.policy;
  const between =
    push.files !== null && push.forced !== true
      ? { files: push.files, forward: true }
      : push.defaultBranch?.lost === true
        ? { files: null, forward: false } // the old default branch is gone: what changed cannot be told
        : await changedBetween(octokit, repo, push.before, push.after);
  const files = between.files;
  const forced = push.forced === true || !between.forward;
  const changed: ChangedFile[] = (files ?? []).map((filename) => ({ filename }));
  const kinds = decisionKindsOf(policy, { files: changed, labels: [], ...(files === null ? { filesTruncated: true } : {}) }).map((k) => k.id);
  // Any file the rules were read from (a base the policy extends, in this repository; the invalid
  // policy's own files) is governance too.
  const sources = [...rules.sources, ...inForce.sources];
  const touchesRules = files === null || sources.some((f) => sameRepository(f, repo) && files.includes(f.path));
  if (touchesRules && !kinds.includes(GOVERNANCE_KIND_ID)) kinds.push(GOVERNANCE_KIND_ID);
  if (fallback) {
    if (files !== null && files.length === 0) return { status: "not-governed-change" };
  } else {
    if (kinds.length === 0) return { status: "not-governed-change" };
    // The merge of a PR (merge, squash, rebase, queue) is recorded as that PR's close, not here
    // (under an invalid policy no close is: the push is). A merge only ever moves the branch
    // forward: a forced push is never one, whatever commit it sets the branch to (an old merge
    // commit included).
    if (!forced && (await isMergeOfPull(octokit, repo, push))) return { status: "merge" };
  }

  const title = push.title ?? (await commitTitle(octokit, repo, push.after));
  const registry: Registry = rules.registry ?? { path: "", entries: [] };
  const pusherSector = currentSectorOf(policy, registry, { login: push.pusher, id: push.pusherId, isBot: false }, new Date(push.pushedAt));
  return oneWriterPerLog(repo, () =>
    recordDirectPush(octokit, {
      ...repo,
      policy,
      appLogin,
      appId: services.appId,
      now: services.now(),
      ...(services.htmlBase ? { serverUrl: services.htmlBase } : {}),
      push: { commit: push.after, title, pusher: push.pusher, pusherSector, pushedAt: push.pushedAt, kinds, rules: push.before, ...(forced ? { forced: true } : {}), ...(push.defaultBranch ? { defaultBranch: { from: push.defaultBranch.from, to: push.defaultBranch.to } } : {}), ...(fallback ? { judgedBy: fallback.sha } : {}) },
    }),
  );
}

/** At most this many earlier changes of the policy file are tried for valid rules. */
export const VALID_RULES_LOOKBACK = 10;

/**
 * The last valid rules of the default branch at or before `sha` (default: its head): the rules
 * just before each of the newest changes of the policy file, newest first, up to
 * VALID_RULES_LOOKBACK of them (one request for the list, then the rules' reads of each). Null
 * when none of them is valid, or the repository's own policy file never changed.
 * `organisation`: the changes of the organisation's `.github` policy instead (Probot's fallback,
 * for a repository without its own), the repository's rules read with it as it stood before each
 * (null too when there is no `.github` repository).
 */
export async function lastValidRules(
  octokit: GitHub,
  repo: RepoRef,
  sha?: string,
  organisation = false,
): Promise<{ sha: string; rules: Extract<Rules, { governed: true }> } | null> {
  const home: RepoRef = { owner: repo.owner, repo: repo.repo };
  const where: RepoRef = organisation ? { owner: repo.owner, repo: ORG_CONFIG_REPO } : home;
  if (organisation && sameRepository(where, home)) return null;
  const changes = await octokit.rest.repos.listCommits({ ...where, path: DEFAULT_POLICY_PATH, per_page: VALID_RULES_LOOKBACK, ...(sha && !organisation ? { sha } : {}) }).then(
    (r) => r.data,
    (error: { status?: number }) => {
      if (organisation && error.status === 404) return []; // no `.github` repository
      throw error;
    },
  );
  for (const change of changes) {
    const parent = change.parents[0]?.sha;
    if (!parent) continue;
    const rules = organisation ? await getRules(octokit, home, sha, { repo: where, ref: parent }) : await getRules(octokit, home, parent);
    if (rules.governed && rules.policy) return { sha: parent, rules };
  }
  return null;
}

/**
 * How far apart GitHub's time of a PR's merge and its time of the push that is that merge may be
 * (both are GitHub's clock, for one operation: seconds apart at most).
 */
export const MERGE_PUSH_SLACK_MS = 60_000;

/**
 * Whether this move of the default branch is the merge of a PR into it (merge, squash, rebase or
 * merge queue), which the PR's close records: GitHub's merge commit of a PR whose base is the
 * default branch ("commits/{sha}/pulls"), pushed when GitHub merged it. A PR merged into another
 * branch (`staging`) whose merge commit then reaches the default branch by a push is no merge into
 * it; nor is a push that brings back, after a rewind, a commit merged long before.
 */
async function isMergeOfPull(octokit: GitHub, repo: RepoRef, push: PushEvent): Promise<boolean> {
  const { pulls } = await listPullsOfCommit(octokit, repo, push.after);
  const merged = pulls.filter((p) => p.merged_at !== null && p.merge_commit_sha === push.after);
  if (merged.length === 0) return false;
  const branch = push.branch ?? (await octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo })).data.default_branch;
  const at = Date.parse(push.pushedAt);
  return merged.some((p) => p.base.ref === branch && Math.abs(Date.parse(p.merged_at ?? "") - at) <= MERGE_PUSH_SLACK_MS);
}

/**
 * The files whose content differs between the trees of `before` and `after`, and whether `after`
 * is ahead of `before` (a push that moved the branch forward). GitHub's comparison `A...B` lists
 * the files changed from the two commits' merge base to B: for a push moving forward, exactly
 * the change; for a rewind (`after` behind `before`) none, and for a rewritten history only the
 * new side's. The comparison the other way round (`after...before`) then adds what the push took
 * away: together, every path that differs between the two trees (and perhaps a few that were
 * changed on both sides alike). GitHub compares at most 300 files: beyond, null (every governed
 * path is then taken as changed).
 */
async function changedBetween(octokit: GitHub, repo: RepoRef, before: string, after: string): Promise<{ files: string[] | null; forward: boolean }> {
  const there = await compare(octokit, repo, before, after);
  const forward = there.status === "ahead" || there.status === "identical";
  if (forward || there.files === null) return { files: there.files, forward };
  const back = await compare(octokit, repo, after, before);
  return { files: back.files === null ? null : [...new Set([...there.files, ...back.files])], forward };
}

async function compare(octokit: GitHub, repo: RepoRef, base: string, head: string): Promise<{ status: string; files: string[] | null }> {
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: 100 });
  const files = data.files ?? [];
  if (files.length >= 300) return { status: data.status, files: null };
  return { status: data.status, files: files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename])) };
}

/** The first line of a commit's message. */
async function commitTitle(octokit: GitHub, repo: RepoRef, sha: string): Promise<string> {
  const { data } = await octokit.rest.git.getCommit({ ...repo, commit_sha: sha });
  return data.message.split("\n")[0] ?? "";
}
