// A push to the default branch that changes a file the rules are read from (the policy, a base it
// extends, the registry) changes the rules every open PR is judged by: evaluate all of them again
// (all pages), in this repository and in every repository of the installation whose rules come
// from that file (an organisation-wide base policy or registry). Pushes that change none of them
// cannot change any outcome and are skipped without a request beyond the rules' (ETag-cached)
// reads; pushes that change no YAML file do not look at other repositories at all.
import type { Context } from "probot";
import { DEFAULT_POLICY_PATH } from "../constants.js";
import { getRules } from "../evaluate/governance.js";
import { installationRepositories } from "../evaluate/sweep.js";
import type { GitHub } from "../github/client.js";
import { listOpenPullRequests } from "../github/facts.js";
import { sameRepository, type FileRef, type RepoRef } from "../github/files.js";
import { pushKey, recordPush, type PushEvent } from "../evaluate/record-push.js";
import type { Services } from "./services.js";

/** GitHub lists at most this many commits in a push payload; a longer push may hide changes. */
const PUSH_PAYLOAD_COMMITS = 20;

export async function onPush(context: Context<"push">, services: Services): Promise<void> {
  const { ref, repository, installation, commits } = context.payload;
  if (!installation) {
    context.log.debug("push event without an installation: not for this app");
    return;
  }
  const defaultBranch = repository.default_branch ?? repository.master_branch;
  if (ref !== `refs/heads/${defaultBranch}`) {
    context.log.debug(`push to ${ref}, not the default branch: the rules did not change`);
    return;
  }
  const repo = { owner: repository.owner?.login ?? repository.owner?.name ?? "", repo: repository.name };
  const octokit = context.octokit as unknown as GitHub;
  const touched = new Set(commits.flatMap((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])]));
  // GitHub lists at most 20 commits in the payload: a longer push may have changed any file. A
  // force-push (a rewind, a rewritten history) lists only its new commits, never what it took
  // away: it too may have changed any file.
  const forced = context.payload.forced === true;
  const truncated = commits.length >= PUSH_PAYLOAD_COMMITS || forced;

  // A direct push that changes a rules file or a governed path goes on the public record (a merge
  // of a PR is recorded as its close), judged by the rules before the push: first, so that a push
  // deleting the policy is recorded before anything reads the repository as ungoverned.
  const { before, after, sender, head_commit } = context.payload;
  const pushedAt = typeof repository.pushed_at === "number" ? new Date(repository.pushed_at * 1000) : services.now();
  const push: PushEvent = {
    ...repo,
    before,
    after,
    pusher: sender?.login ?? context.payload.pusher.name,
    pusherId: sender?.id ?? null,
    pushedAt: pushedAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    title: (head_commit?.message ?? "").split("\n")[0] ?? "",
    files: truncated ? null : [...touched],
    forced,
    branch: defaultBranch,
  };
  await defaultBranchMoved(octokit, installation.id, push, { touched, truncated }, services);
}

/**
 * The default branch moved (a push, or another branch made the default): the move goes on the
 * public record when it changed a rules file or a governed path (recordPush), then every open PR
 * whose rules may have changed is evaluated again, here and, for rules other repositories read,
 * there. `touched`: the paths the move changed, all of them unless `truncated`.
 */
export async function defaultBranchMoved(
  octokit: GitHub,
  installationId: number,
  push: PushEvent,
  change: { touched: Set<string>; truncated: boolean },
  services: Services,
): Promise<void> {
  const { touched, truncated } = change;
  const repo: RepoRef = { owner: push.owner, repo: push.repo };
  const changed = (file: FileRef) => sameRepository(file, repo) && (truncated || touched.has(file.path));
  // As data too: with the durable queue the record is stored before the webhook is answered, and
  // any replica writes it (a push whose webhook never arrives is found by the sweep: same key).
  await services.run(
    installationId,
    pushKey(push),
    async () => {
      await recordPush(octokit, push, services);
    },
    { kind: "record-push", push },
  );

  await reevaluateIfRulesChanged(octokit, installationId, repo, touched.has(DEFAULT_POLICY_PATH) || truncated, changed, services);

  // The files may be another repository's rules too: an organisation-wide base policy (Probot's
  // `.github` fallback, or an `_extends`), or an organisation-wide registry.
  if (services.otherRepositories === true && (truncated || [...touched].some(mayBeRules))) {
    const work = { kind: "rules-pushed" as const, repo, touched: [...touched], truncated };
    await services.run(installationId, rulesPushedKey(work), () => reevaluateOtherRepositories(octokit, installationId, work, services), work);
  }
}

/**
 * The queue key of looking at the other repositories after rules were pushed: two pushes that
 * touched the same files are one task; pushes that touched different files are two.
 */
export const rulesPushedKey = (work: { repo: RepoRef; touched: string[]; truncated: boolean }): string =>
  `rules pushed to ${work.repo.owner}/${work.repo.repo}: ${work.truncated ? "*" : [...work.touched].sort().join(",")}`;

/**
 * Evaluates again the open PRs of every other repository of the installation whose rules were
 * read from a file the push to `work.repo` changed.
 */
export async function reevaluateOtherRepositories(
  octokit: GitHub,
  installationId: number,
  work: { repo: RepoRef; touched: string[]; truncated: boolean },
  services: Services,
): Promise<void> {
  const touched = new Set(work.touched);
  const changed = (file: FileRef) => sameRepository(file, work.repo) && (work.truncated || touched.has(file.path));
  for await (const other of installationRepositories(octokit)) {
    if (sameRepository(other, work.repo)) continue;
    const target = { owner: other.owner, repo: other.repo };
    try {
      await reevaluateIfRulesChanged(octokit, installationId, target, false, changed, services);
    } catch (error) {
      // The next sweep evaluates that repository's PRs anyway.
      services.log?.warn({ err: error, repo: target }, "push: the open PRs of a repository using these rules were not evaluated again");
    }
  }
}

/**
 * Evaluates every open PR of `repo` again when its rules were read from a file the push changed
 * (or `surely`, without reading them).
 */
async function reevaluateIfRulesChanged(
  octokit: GitHub,
  installationId: number,
  repo: RepoRef,
  surely: boolean,
  changed: (file: FileRef) => boolean,
  services: Services,
): Promise<void> {
  if (!surely) {
    // Read as evaluations read them (the default branch, no ref), so their cached copies answer.
    const rules = await getRules(octokit, repo);
    if (!rules.governed || !rules.sources.some(changed)) {
      services.log?.debug(`${repo.owner}/${repo.repo}: the push changed none of its rules' files`);
      return;
    }
  }
  const open = await listOpenPullRequests(octokit, repo);
  for (const pr of open) await services.evaluate(octokit, installationId, { ...repo, pull_number: pr.number });
}

/** A YAML file that is not a workflow (a workflow is never a policy, a base or a registry). */
const mayBeRules = (path: string): boolean => /\.ya?ml$/i.test(path) && !path.startsWith(".github/workflows/");
