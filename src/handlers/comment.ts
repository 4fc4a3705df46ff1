// Comments on a pull request carry the `/governance` commands: abstain and recuse are votes,
// check asks for a fresh evaluation (answered with a reaction). Any other comment cannot change
// an outcome, so it is not evaluated.
import type { Context } from "probot";
import { COMMAND_PREFIX } from "../constants.js";
import type { GitHub } from "../github/client.js";
import { addReaction } from "../github/comments.js";
import { prKey, type Services } from "./services.js";

export const COMMENT_EVENTS = ["issue_comment.created", "issue_comment.edited", "issue_comment.deleted"] as const;

const COMMAND = new RegExp(`^\\s*${COMMAND_PREFIX.replace("/", "\\/")}(?:\\s|$)`, "i");
const CHECK_COMMAND = new RegExp(`^\\s*${COMMAND_PREFIX.replace("/", "\\/")}\\s+check(?:\\s|$)`, "i");

export const isCommand = (body: string | null | undefined): boolean => COMMAND.test(body ?? "");
export const isCheckCommand = (body: string | null | undefined): boolean => CHECK_COMMAND.test(body ?? "");

export async function onComment(context: Context<(typeof COMMENT_EVENTS)[number]>, services: Services): Promise<void> {
  const { issue, comment, repository, installation, action } = context.payload;
  if (!installation) {
    context.log.debug("comment event without an installation: not for this app");
    return;
  }
  if (!issue.pull_request) {
    context.log.debug(`comment on issue #${issue.number}, not a pull request: ignored`);
    return;
  }
  const previous = action === "edited" ? (context.payload as { changes?: { body?: { from?: string } } }).changes?.body?.from : undefined;
  if (!isCommand(comment.body) && !isCommand(previous)) {
    context.log.debug(`comment ${comment.id} is no /governance command: nothing can have changed`);
    return;
  }
  const octokit = context.octokit as unknown as GitHub;
  const owner = repository.owner.login;
  const repo = repository.name;
  const fromBot = !comment.user || comment.user.type === "Bot" || comment.user.login.toLowerCase().endsWith("[bot]");
  const isVote = (body: string | null | undefined): boolean => isCommand(body) && !isCheckCommand(body);
  if (fromBot && !isVote(comment.body) && !isVote(previous)) {
    // SPEC.md: `/governance check` is answered for anyone who is not a bot; a bot's is no vote either.
    context.log.debug(`comment ${comment.id} is a bot's /governance check: ignored`);
    return;
  }
  const target = { owner, repo, pull_number: issue.number };
  await services.evaluate(octokit, installation.id, target);
  if (action === "created" && isCheckCommand(comment.body) && !fromBot) {
    // The answer is a courtesy: after the check, bounded per PR and per person (a flood of
    // commands must not become a flood of writes ahead of other PRs' checks).
    const react = () => addReaction(octokit, { owner, repo, comment_id: comment.id, content: "+1" });
    if (services.courtesy) await services.courtesy(installation.id, { pr: prKey(target), person: comment.user?.login ?? "" }, react);
    else await react();
  }
}
