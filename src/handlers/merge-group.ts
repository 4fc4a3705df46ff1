// GitHub's merge queue asks for the required checks again on its own commit
// (`merge_group.checks_requested`): judge every PR of the group again and write both checks on
// that commit (src/evaluate/evaluate-group.ts). `merge_group.destroyed` (the group merged,
// dequeued or invalidated) needs nothing: the checks of a destroyed group's commit no longer
// matter, and a merged PR is recorded from its own `pull_request.closed`.
import type { Context } from "probot";
import { evaluateMergeGroup, type GroupTarget } from "../evaluate/evaluate-group.js";
import type { GitHub } from "../github/client.js";
import type { Services } from "./services.js";

/** The queue key of one group's evaluation: a redelivery while it waits is the same task. */
export const groupKey = (owner: string, repo: string, headSha: string): string => `group:${owner.toLowerCase()}/${repo.toLowerCase()}@${headSha}`;

export async function onMergeGroupChecksRequested(context: Context<"merge_group.checks_requested">, services: Services): Promise<void> {
  const { merge_group: group, repository, installation } = context.payload;
  if (!installation || !repository) {
    context.log.debug("merge_group event without an installation or a repository: not for this app");
    return;
  }
  await requestGroupEvaluation(context.octokit as unknown as GitHub, installation.id, services, {
    owner: repository.owner.login,
    repo: repository.name,
    defaultBranch: repository.default_branch,
    group: { head_sha: group.head_sha, head_ref: group.head_ref, base_ref: group.base_ref },
  });
}

/**
 * Has a merge group judged (queued per installation, or inline): from its webhook, or from "Re-run"
 * pressed on one of the group's checks.
 */
export async function requestGroupEvaluation(octokit: GitHub, installationId: number, services: Services, target: GroupTarget): Promise<void> {
  await services.run(
    installationId,
    groupKey(target.owner, target.repo, target.group.head_sha),
    async () => {
      await evaluateMergeGroup(octokit, target, services);
    },
    { kind: "group", target },
  );
}

export function onMergeGroupDestroyed(context: Context<"merge_group.destroyed">, services: Services): void {
  const { merge_group: group, reason } = context.payload as { merge_group: { head_ref: string; head_sha: string }; reason?: string };
  context.log.debug(`merge group ${group.head_ref} destroyed (${reason ?? "no reason given"}): nothing to write`);
}
