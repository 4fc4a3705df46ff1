// A PR closed (merged or withdrawn): if it was a decision, its record goes on the public log.
// Each close is its own task (keyed by its close time), so a PR withdrawn, reopened and merged
// gets two records even when both events wait in the queue together.
import type { Context } from "probot";
import type { GitHub } from "../github/client.js";
import type { CloseEvent } from "../evaluate/record-close.js";
import type { Services } from "./services.js";

export type RecordClosed = (octokit: GitHub, close: CloseEvent, services: Services) => Promise<unknown>;

/**
 * The queue key of recording one close: the webhook and the sweep's healing pass use the same, so
 * a close they both see while it waits is recorded by one task.
 */
export const recordKey = (close: CloseEvent): string =>
  `record:${close.owner.toLowerCase()}/${close.repo.toLowerCase()}#${close.pull_number}@${close.closedAt}`;

export async function onClosed(context: Context<"pull_request.closed">, services: Services, recordClosed: RecordClosed): Promise<void> {
  const { pull_request: pr, repository, installation } = context.payload;
  if (!installation) {
    context.log.debug("pull_request.closed without an installation: not for this app");
    return;
  }
  const close: CloseEvent = {
    owner: repository.owner.login,
    repo: repository.name,
    pull_number: pr.number,
    closedAt: pr.closed_at ?? new Date(services.now()).toISOString(),
    merged: pr.merged === true,
    mergeCommitSha: pr.merge_commit_sha ?? null,
    // The default branch at the close (the payload is written then): see CloseEvent.defaultBranch.
    defaultBranch: repository.default_branch,
  };
  const octokit = context.octokit as unknown as GitHub;
  await services.run(
    installation.id,
    recordKey(close),
    async () => {
      await recordClosed(octokit, close, services);
    },
    { kind: "record", close },
  );
}
