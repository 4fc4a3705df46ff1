// One evaluation of a merge group (SPEC.md, "Merge queues"): GitHub asks for the required checks
// again on the queue's own commit. Each PR of the group is judged again through the same path as
// any evaluation (evaluate-pr.ts: the default branch's rules as they stand now, every signal read
// from GitHub now, never a check written earlier), without writing anything on the PR; then both
// checks are written on the group's commit: success only when every PR holds. Whatever cannot be
// read or told for sure fails the group: nothing lands by accident.
import type { GitHub } from "../github/client.js";
import type { RepoRef } from "../github/files.js";
import { getMergeGroup, MergeGroupError, type MergeGroupEvent } from "../github/merge-queue.js";
import type { CheckOutput, RenderContext } from "../render/context.js";
import { renderGroupCheck, renderGroupProblemCheck, type GroupMember } from "../render/queue-check.js";
import { errorDetails, evaluatePullRequest, publishBoth, renderContextOf, type EvaluationDeps } from "./evaluate-pr.js";
import { getRules } from "./governance.js";

export interface GroupTarget extends RepoRef {
  group: MergeGroupEvent;
  /** The repository's default branch, as the webhook gives it (for links). */
  defaultBranch: string;
}

export type GroupOutcome =
  | { status: "not-governed" }
  | { status: "evaluated"; pulls: number[]; declaration: CheckOutput; signoff: CheckOutput; writes: number }
  | { status: "unknown"; error: unknown; declaration: CheckOutput; signoff: CheckOutput; writes: number };

/** Judges every PR of the merge group and writes both checks on the group's commit. */
export async function evaluateMergeGroup(octokit: GitHub, target: GroupTarget, deps: EvaluationDeps): Promise<GroupOutcome> {
  const repo: RepoRef = { owner: target.owner, repo: target.repo };
  const head_sha = target.group.head_sha;
  // The rules of the default branch now: a repository that is not governed gets nothing written.
  const rules = await getRules(octokit, repo);
  if (!rules.governed) {
    deps.log?.debug(`${repo.owner}/${repo.repo} has no governance policy: the merge group is not for this app`);
    return { status: "not-governed" };
  }
  const htmlBase = (deps.htmlBase ?? "https://github.com").replace(/\/+$/, "");
  const ctx: RenderContext = renderContextOf(rules, repo, target.defaultBranch, htmlBase, deps.now());

  let pulls: number[];
  let base: string;
  try {
    ({ pulls, base } = await getMergeGroup(octokit, repo, target.group));
  } catch (error) {
    deps.log?.warn({ err: error, group: head_sha }, "the pull requests of a merge group cannot be told: its checks fail closed");
    const failed = renderGroupProblemCheck(error instanceof MergeGroupError ? error.problem : { reason: "read", error: errorDetails(error) }, ctx);
    const writes = await publishBoth(octokit, repo, head_sha, deps.appId, ctx, failed, failed);
    return { status: "unknown", error, declaration: failed, signoff: failed, writes };
  }

  const judged = await Promise.all(
    pulls.map(async (pull_number) => ({ pull_number, outcome: await evaluatePullRequest(octokit, { ...repo, pull_number }, deps, { publish: false }) })),
  );
  const members = (pick: "declaration" | "signoff"): GroupMember[] =>
    judged.map(({ pull_number, outcome }): GroupMember => {
      if (outcome.status === "evaluated") return { number: pull_number, title: outcome.title, state: "judged", output: outcome[pick] };
      // Closed, or no longer governed while it was read (a race with a push of the rules):
      // neither may land through this group.
      return { number: pull_number, state: outcome.status === "closed" ? "closed" : "unreadable" };
    });
  const declaration = renderGroupCheck(members("declaration"), base, ctx);
  const signoff = renderGroupCheck(members("signoff"), base, ctx);
  const writes = await publishBoth(octokit, repo, head_sha, deps.appId, ctx, declaration, signoff);
  return { status: "evaluated", pulls, declaration, signoff, writes };
}
