// "Re-run" pressed in GitHub's UI on one of this app's checks: evaluate its PRs again.
import type { Context } from "probot";
import { CHECK_DECLARATION, CHECK_SIGNOFF } from "../constants.js";
import type { GitHub } from "../github/client.js";
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
    // GitHub leaves `pull_requests` empty for PRs from forks: find them by the head commit.
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: run.head_sha });
    numbers = data.filter((p) => p.state === "open").map((p) => p.number);
  }
  for (const pull_number of numbers) await services.evaluate(octokit, installation.id, { owner, repo, pull_number });
}
