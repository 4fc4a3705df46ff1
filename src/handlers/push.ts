// A push to the default branch that changes the policy or the registry changes the rules every
// open PR is judged by: evaluate all of them again (all pages). Pushes that change neither file
// cannot change any outcome and are skipped without a request beyond the rules' (ETag-cached) reads.
import type { Context } from "probot";
import { DEFAULT_POLICY_PATH } from "../constants.js";
import { displayName, getRules } from "../evaluate/governance.js";
import type { GitHub } from "../github/client.js";
import { listOpenPullRequests } from "../github/facts.js";
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
  const watched = new Set([DEFAULT_POLICY_PATH]);
  if (!touched.has(DEFAULT_POLICY_PATH) && commits.length < PUSH_PAYLOAD_COMMITS) {
    // Read as evaluations read them (the default branch, no ref), so their cached copies answer.
    const rules = await getRules(octokit, repo);
    if (!rules.governed) {
      context.log.debug(`${repo.owner}/${repo.repo} is not governed: push ignored`);
      return;
    }
    if (rules.policy) watched.add(rules.policy.path);
    if (rules.registryRef && displayName(rules.registryRef, repo) === rules.registryRef.path) watched.add(rules.registryRef.path);
    if (![...watched].some((p) => touched.has(p))) {
      context.log.debug("push changed neither the policy nor the registry: no PR can have changed");
      return;
    }
  }
  const open = await listOpenPullRequests(octokit, repo);
  for (const pr of open) await services.evaluate(octokit, installation.id, { ...repo, pull_number: pr.number });
}
