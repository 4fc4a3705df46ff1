// A review submitted, edited or dismissed changes the votes: evaluate that PR again.
import type { Context } from "probot";
import type { GitHub } from "../github/client.js";
import type { Services } from "./services.js";

export const REVIEW_EVENTS = [
  "pull_request_review.submitted",
  "pull_request_review.edited",
  "pull_request_review.dismissed",
] as const;

export async function onReview(context: Context<(typeof REVIEW_EVENTS)[number]>, services: Services): Promise<void> {
  const { pull_request: pr, repository, installation } = context.payload;
  if (!installation) {
    context.log.debug("review event without an installation: not for this app");
    return;
  }
  await services.evaluate(context.octokit as unknown as GitHub, installation.id, {
    owner: repository.owner.login,
    repo: repository.name,
    pull_number: pr.number,
  });
}
