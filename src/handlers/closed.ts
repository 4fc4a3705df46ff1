// A decision PR closed (merged or withdrawn): its record goes on the public log. The record is
// judged by the rules as they stood before the merge, never by what the PR changed.
import type { Context } from "probot";
import type { GitHub } from "../github/client.js";
import type { Services } from "./services.js";

export type RecordClosed = (
  octokit: GitHub,
  target: { owner: string; repo: string; pull_number: number; installationId: number },
  services: Services,
) => Promise<void>;

export async function onClosed(context: Context<"pull_request.closed">, services: Services, recordClosed?: RecordClosed): Promise<void> {
  const { pull_request: pr, repository, installation } = context.payload;
  if (!installation) {
    context.log.debug("pull_request.closed without an installation: not for this app");
    return;
  }
  if (!recordClosed) {
    context.log.debug("no transparency log in this app: close not recorded");
    return;
  }
  await recordClosed(context.octokit as unknown as GitHub, {
    owner: repository.owner.login,
    repo: repository.name,
    pull_number: pr.number,
    installationId: installation.id,
  }, services);
}
