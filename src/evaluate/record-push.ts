// The public record of a direct push to the default branch: a push that is not the merge of a PR
// and that changes a rules file (the policy, a base it extends, the registry) or a governed path
// is a record with `"outcome": "pushed"`, judged by the rules before the push, so that a push
// deleting the policy is on the record before the repository stops being governed.
import { currentSectorOf } from "../core/declarations.js";
import { decisionKindsOf, GOVERNANCE_KIND_ID } from "../core/decisions.js";
import type { ChangedFile, Registry } from "../core/types.js";
import type { GitHub } from "../github/client.js";
import { sameRepository, type RepoRef } from "../github/files.js";
import { appLoginOf, type Services } from "../handlers/services.js";
import { recordDirectPush, type RecordCloseResult } from "../transparency/record.js";
import { getRules } from "./governance.js";
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
  /** The pushed commit's first line. */
  title: string;
  /** The paths the push changed, or null when the payload cannot say them all. */
  files: string[] | null;
}

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
  const rules = await getRules(octokit, repo, push.before);
  if (!rules.governed) return { status: "not-governed" };
  if (!rules.policy) {
    services.log?.warn({ push: push.after }, "direct push not recorded: the policy before it was invalid");
    return { status: "invalid-policy" };
  }
  const policy = rules.policy;
  const files = push.files ?? (await changedBetween(octokit, repo, push.before, push.after));
  const changed: ChangedFile[] = (files ?? []).map((filename) => ({ filename }));
  const kinds = decisionKindsOf(policy, { files: changed, labels: [], ...(files === null ? { filesTruncated: true } : {}) }).map((k) => k.id);
  // Any file the rules were read from (a base the policy extends, in this repository) is governance too.
  const touchesRules = files === null || rules.sources.some((f) => sameRepository(f, repo) && files.includes(f.path));
  if (touchesRules && !kinds.includes(GOVERNANCE_KIND_ID)) kinds.push(GOVERNANCE_KIND_ID);
  if (kinds.length === 0) return { status: "not-governed-change" };
  // The merge of a PR (merge, squash, rebase, queue) is recorded as that PR's close, not here.
  if (await isMergeOfPull(octokit, repo, push.after)) return { status: "merge" };

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
      push: { commit: push.after, title: push.title, pusher: push.pusher, pusherSector, pushedAt: push.pushedAt, kinds, rules: push.before },
    }),
  );
}

/** Whether `sha` is the merge commit GitHub wrote for a merged PR (GitHub's "commits/{sha}/pulls"). */
async function isMergeOfPull(octokit: GitHub, repo: RepoRef, sha: string): Promise<boolean> {
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha, per_page: 100 });
  return data.some((p) => p.merged_at !== null && p.merge_commit_sha === sha);
}

/** GitHub compares at most 300 files: beyond, null (every governed path is then taken as changed). */
async function changedBetween(octokit: GitHub, repo: RepoRef, before: string, after: string): Promise<string[] | null> {
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${before}...${after}`, per_page: 100 });
  const files = data.files ?? [];
  if (files.length >= 300) return null;
  return files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename]));
}
