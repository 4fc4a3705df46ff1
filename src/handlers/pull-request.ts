// Pull request events that can change either check: evaluate that PR again.
import type { Context } from "probot";
import type { GitHub } from "../github/client.js";
import type { Services } from "./services.js";

export const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.reopened",
  "pull_request.edited",
  "pull_request.synchronize",
  "pull_request.labeled",
  "pull_request.unlabeled",
  "pull_request.ready_for_review",
  "pull_request.converted_to_draft",
] as const;

export async function onPullRequest(context: Context<(typeof PULL_REQUEST_EVENTS)[number]>, services: Services): Promise<void> {
  const { pull_request: pr, repository, installation } = context.payload;
  if (!installation) {
    context.log.debug("pull_request event without an installation: not for this app");
    return;
  }
  await services.evaluate(context.octokit as unknown as GitHub, installation.id, {
    owner: repository.owner.login,
    repo: repository.name,
    pull_number: pr.number,
  });
}
