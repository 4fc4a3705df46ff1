// A PR in a merge queue that stops holding while its groups wait (an objection, a declaration
// expiring): GitHub asks for a group's checks once, when it builds it, and would land a group whose
// checks passed. So the evaluation that finds a queued PR no longer holding has every group that
// holds it judged again (its own entry's and every entry's behind it), so that they fail and
// GitHub takes the PR out of the queue instead of landing it.
//
// Nothing of it lives in the process: whether the PR is queued comes with its facts (GraphQL
// `PullRequest.mergeQueueEntry`, in the one query of an evaluation: no extra request), and the
// groups from GitHub's queue (one more query, only for a queued PR that does not hold). So any
// replica, or a process restarted since the groups were judged, does it.
import type { GitHub } from "../github/client.js";
import type { RepoRef } from "../github/files.js";
import { groupsHolding } from "../github/merge-queue.js";
import type { GroupTarget } from "./evaluate-group.js";
import type { EvaluationOutcome } from "./evaluate-pr.js";

/** Whether a PR's evaluation found it holding: both checks succeed. */
export const holds = (outcome: EvaluationOutcome): boolean =>
  outcome.status === "evaluated" && outcome.declaration.conclusion === "success" && outcome.signoff.conclusion === "success";

/**
 * Has every merge group that holds the PR judged again (`judge`, queued per installation) when the
 * PR's evaluation found it queued and not holding; returns how many. A GitHub error reading the
 * queue is thrown: the evaluation fails and is retried, the groups are never left passing quietly.
 */
export async function rejudgeQueuedGroups(
  octokit: GitHub,
  target: RepoRef & { pull_number: number },
  outcome: EvaluationOutcome,
  judge: (group: GroupTarget) => Promise<void>,
): Promise<number> {
  if (outcome.status !== "evaluated" || !outcome.queued || holds(outcome)) return 0;
  const repo: RepoRef = { owner: target.owner, repo: target.repo };
  const groups = await groupsHolding(octokit, repo, outcome.base, target.pull_number);
  for (const group of groups) await judge({ ...repo, defaultBranch: outcome.base, group });
  return groups.length;
}
