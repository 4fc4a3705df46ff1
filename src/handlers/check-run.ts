// "Re-run" pressed in GitHub's UI on one of this app's checks: evaluate its PRs again, or, on a
// merge queue's commit, its merge group.
import type { Context } from "probot";
import { CHECK_DECLARATION, CHECK_SIGNOFF } from "../constants.js";
import type { GitHub } from "../github/client.js";
import { listPullsOfCommit } from "../github/commit-pulls.js";
import { parseQueueBranch } from "../github/merge-queue.js";
import { requestGroupEvaluation } from "./merge-group.js";
import type { Services } from "./services.js";

export async function onCheckRunRerequested(context: Context<"check_run.rerequested">, services: Services): Promise<void> {
  const { check_run: run, repository, installation } = context.payload;
  if (!installation) {
    context.log.debug("check_run event without an installation: not for this app");
    return;
  }
  if (run.app?.id !== services.appId || (run.name !== CHECK_DECLARATION && run.name !== CHECK_SIGNOFF)) {
    context.log.debug(`check run "${run.name}" is not one of this app's: ignored`);
    return;
  }
  const octokit = context.octokit as unknown as GitHub;
  const owner = repository.owner.login;
  const repo = repository.name;
  let numbers = run.pull_requests.map((p) => p.number);
  if (numbers.length === 0) {
    // GitHub leaves `pull_requests` empty for PRs from forks, and for a merge queue's commit.
    // All pages, up to the bound (each PR evaluated judges every other on its head, and fails
    // closed beyond the bound).
    const { pulls } = await listPullsOfCommit(octokit, { owner, repo }, run.head_sha);
    const open = pulls.filter((p) => p.state === "open");
    // A commit no open PR has as its head, on a branch named as the queue names its branches: a
    // merge group's, judged again as a group. The name only says which entry to look for: the
    // group is bound to this commit as for the webhook (src/github/merge-queue.ts), so a branch
    // named so by a writer fails closed. A PR's head on such a branch stays a PR's head.
    const branch = run.check_suite?.head_branch;
    const queued = branch ? parseQueueBranch(`refs/heads/${branch}`) : null;
    if (branch && queued && !open.some((p) => p.head.sha === run.head_sha)) {
      await requestGroupEvaluation(octokit, installation.id, services, {
        owner,
        repo,
        defaultBranch: repository.default_branch,
        group: { head_sha: run.head_sha, head_ref: `refs/heads/${branch}`, base_ref: `refs/heads/${queued.base}` },
      });
      return;
    }
    numbers = open.map((p) => p.number);
  }
  for (const pull_number of numbers) await services.evaluate(octokit, installation.id, { owner, repo, pull_number });
}
