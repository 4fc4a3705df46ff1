// An administrator makes another branch the repository's default branch (Settings > Default
// branch; GitHub sends `repository.edited` with `changes.default_branch`). No push happens, yet
// the rules and every governed path now come from another commit: the switch is recorded as a
// push of the new default branch's head, judged by the rules of the old default branch's head on
// what differs between the two (the record names both branches), and the open PRs are evaluated
// again (a PR into the old default branch is no longer into the default branch). The app keeps
// the default branch's name (defaultBranchKey), so that the sweep notices a switch whose webhook
// was lost.
import type { Context } from "probot";
import type { GitHub } from "../github/client.js";
import type { RepoRef } from "../github/files.js";
import type { PushEvent } from "../evaluate/record-push.js";
import { defaultBranchMoved } from "./push.js";
import type { Services } from "./services.js";

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** The key under which the app keeps a repository's default branch name (the sweep's hint store). */
export const defaultBranchKey = (repo: RepoRef): string => `default branch ${repo.owner}/${repo.repo}`.toLowerCase();

/**
 * The move of a switch of the default branch from `from` to `to`, as a push of `to`'s head:
 * `before` is `from`'s head (a branch renamed answers with its new name's, GitHub redirects, so a
 * rename changes nothing); one deleted since cannot be read: every governed path is then taken as
 * changed (recordPush), judged by the new branch's rules.
 */
export async function switchOfDefaultBranch(
  octokit: GitHub,
  repo: RepoRef,
  change: { from: string; to: string; pusher: string; pusherId: number | null; at: Date },
): Promise<PushEvent> {
  const { from, to } = change;
  const { data: now } = await octokit.rest.repos.getBranch({ ...repo, branch: to });
  const was = await octokit.rest.repos.getBranch({ ...repo, branch: from }).then(
    (r) => r.data.commit.sha,
    (error: { status?: number }): string | null => {
      if (error.status === 404) return null;
      throw error;
    },
  );
  return {
    ...repo,
    before: was ?? now.commit.sha,
    after: now.commit.sha,
    pusher: change.pusher,
    pusherId: change.pusherId,
    pushedAt: iso(change.at),
    title: now.commit.commit.message.split("\n")[0] ?? "",
    files: null,
    forced: true,
    branch: to,
    defaultBranch: { from, to, ...(was === null ? { lost: true } : {}) },
  };
}

export async function onRepositoryEdited(context: Context<"repository.edited">, services: Services): Promise<void> {
  const { repository, installation, changes, sender } = context.payload;
  const from = changes.default_branch?.from;
  if (!installation || from === undefined) {
    context.log.debug("repository edited: not a change of the default branch, or not for this app");
    return;
  }
  const to = repository.default_branch;
  if (from === to) return;
  const repo = { owner: repository.owner.login, repo: repository.name };
  const octokit = context.octokit as unknown as GitHub;
  // The time of the edit: GitHub's `updated_at` (a string, or a number of seconds in some payloads).
  const updated: unknown = repository.updated_at;
  const at = typeof updated === "number" ? updated * 1000 : typeof updated === "string" ? Date.parse(updated) : Number.NaN;
  const push = await switchOfDefaultBranch(octokit, repo, { from, to, pusher: sender.login, pusherId: sender.id, at: Number.isNaN(at) ? services.now() : new Date(at) });
  await defaultBranchMoved(octokit, installation.id, push, { touched: new Set(), truncated: true }, services);
  await services.hints?.set(defaultBranchKey(repo), to);
}
