// One evaluation of a merge group (SPEC.md, "Merge queues"): GitHub asks for the required checks
// again on the queue's own commit. Each PR of the group is judged again through the same path as
// any evaluation (evaluate-pr.ts: the default branch's rules as they stand now, every signal read
// from GitHub now, never a check written earlier), without writing anything on the PR; then both
// checks are written on the group's commit: success only when every PR holds. Whatever cannot be
// read or told for sure fails the group: nothing lands by accident.
import type { MemoEntry } from "../core/types.js";
import type { GitHub } from "../github/client.js";
import type { RepoRef } from "../github/files.js";
import { getMergeGroup, MergeGroupError, type MergeGroupEvent } from "../github/merge-queue.js";
import type { CheckOutput, RenderContext } from "../render/context.js";
import { renderGroupCheck, renderGroupProblemCheck, type GroupMember } from "../render/queue-check.js";
import { errorDetails, evaluatePullRequest, publishBoth, renderContextOf, withMemos, type EvaluationDeps } from "./evaluate-pr.js";
import { getRules } from "./governance.js";
import { decodeOwner, encodeGroupOwner, sameOwner, type CheckOwner } from "./sweep-hint.js";
import { getLatestCheckRuns } from "../github/checks.js";
import { CHECK_DECLARATION, CHECK_SIGNOFF } from "../constants.js";

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
  let groupBase: string | null;
  try {
    ({ pulls, base, groupBase } = await getMergeGroup(octokit, repo, target.group));
  } catch (error) {
    deps.log?.warn({ err: error, group: head_sha }, "the pull requests of a merge group cannot be told: its checks fail closed");
    const failed = renderGroupProblemCheck(error instanceof MergeGroupError ? error.problem : { reason: "read", error: errorDetails(error) }, ctx);
    const writes = await publishBoth(octokit, repo, head_sha, deps.appId, ctx, failed, failed, { external_id: encodeGroupOwner([]) });
    return { status: "unknown", error, declaration: failed, signoff: failed, writes };
  }

  // The open PRs whose head this commit also is, as this app's runs on it note them (a PR's
  // evaluation notes itself there, evaluate-pr.ts publishForPull): the checks hold for them too.
  const existing = await getLatestCheckRuns(octokit, { ...repo, head_sha, appId: deps.appId });
  const noted = [CHECK_DECLARATION, CHECK_SIGNOFF].map((name) => decodeOwner(existing.get(name)?.external_id));
  const headPulls = [...new Set(noted.flatMap((o) => (o ? [...o.heads, ...(o.pr !== null ? [o.pr] : [])] : [])))].filter((n) => !pulls.includes(n));
  const judgedAll = await Promise.all(
    [...pulls, ...headPulls].map(async (pull_number) => ({ pull_number, outcome: await evaluatePullRequest(octokit, { ...repo, pull_number }, deps, { publish: false }) })),
  );
  // A noted PR that is closed, or whose head moved on, no longer stands on this commit.
  const heads = judgedAll.filter((j) => headPulls.includes(j.pull_number) && !(j.outcome.status === "closed" || (j.outcome.status === "evaluated" && j.outcome.headSha !== head_sha)));
  const results = [...judgedAll.filter((j) => pulls.includes(j.pull_number)), ...heads];
  const members = (pick: "declaration" | "signoff"): GroupMember[] =>
    results.map(({ pull_number, outcome }): GroupMember => {
      if (outcome.status === "evaluated") return { number: pull_number, title: outcome.title, state: "judged", output: outcome[pick] };
      // Closed, or no longer governed while it was read (a race with a push of the rules):
      // neither may land through this group.
      return { number: pull_number, state: outcome.status === "closed" ? "closed" : "unreadable" };
    });
  const declaration = renderGroupCheck(members("declaration"), base, ctx);
  // The group's run on a commit that is also PRs' head remembers their commands, as theirs did.
  const signoff = withMemos(
    renderGroupCheck(members("signoff"), base, ctx),
    existing,
    heads.flatMap((j): Array<[number, MemoEntry[]]> => (j.outcome.status === "evaluated" ? [[j.pull_number, j.outcome.memo]] : [])),
    undefined,
    ctx,
  );
  // The group's base is noted on its runs: a PR this commit lands is recorded by its rules.
  const owner: CheckOwner = { pr: null, shared: false, group: true, heads: heads.map((j) => j.pull_number), ...(groupBase ? { base: groupBase } : {}) };
  const note = { external_id: encodeGroupOwner(owner.heads, groupBase), sameOwner: (id: string | null | undefined) => sameOwner(id, owner) };
  const writes = await publishBoth(octokit, repo, head_sha, deps.appId, ctx, declaration, signoff, note, existing);
  return { status: "evaluated", pulls, declaration, signoff, writes };
}
