// Writing a check run idempotently: an evaluation that finds this app's check already showing the
// same outcome and text writes nothing (SPEC.md "When checks are evaluated again").
import type { GitHub } from "./client.js";

export type CheckConclusion = "success" | "failure" | "action_required";

export interface CheckOutput {
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  text?: string;
}

export interface PublishCheckRunInput {
  owner: string;
  repo: string;
  head_sha: string;
  name: string;
  /**
   * This app's id: only check runs written by it are read back (anyone who can push a workflow can
   * write a check run of the same name). Installation tokens cannot call `GET /app`, so the caller
   * gives it (Probot: the app id of its options; the Action: the id of the app its token is for).
   */
  appId: number;
  output: CheckOutput;
  /** The policy's URL. GitHub requires a details_url with `action_required`. */
  details_url?: string;
  /** When the check completed; taken from the caller so evaluations are reproducible. */
  now?: Date;
  /**
   * The app's own note on the run (the sweep's hint, src/evaluate/sweep-hint.ts): sent with a
   * write, never a reason to write (a run showing the same outcome and text is left alone).
   */
  external_id?: string;
  /**
   * Whether the run's `external_id` notes the same owner as this write's (the PR or merge group it
   * judged, src/evaluate/shared-head.ts): a run showing the same words for someone else is written
   * again. Not given: the owner is not compared.
   */
  sameOwner?: (externalId: string | null | undefined) => boolean;
}

export type PublishResult = "created" | "updated" | "unchanged";

interface ExistingRun {
  id: number;
  status: string;
  conclusion: string | null;
  details_url?: string | null;
  app?: { id?: number } | null;
  external_id?: string | null;
  output: { title: string | null; summary: string | null; text?: string | null };
}

const same = (a: string | null | undefined, b: string | null | undefined): boolean => (a ?? "") === (b ?? "");

function isUnchanged(run: ExistingRun, input: PublishCheckRunInput): boolean {
  return (
    run.status === "completed" &&
    run.conclusion === input.output.conclusion &&
    same(run.output.title, input.output.title) &&
    same(run.output.summary, input.output.summary) &&
    same(run.output.text, input.output.text) &&
    (input.details_url === undefined || same(run.details_url, input.details_url)) &&
    (input.sameOwner === undefined || input.sameOwner(run.external_id))
  );
}

export type ExistingRuns = ReadonlyMap<string, ExistingRun>;
export type { ExistingRun };

/**
 * This app's latest check run of each name on `head_sha`: one request for all of them (GitHub
 * filters by app; `filter=latest` keeps one run per name).
 */
export async function getLatestCheckRuns(
  octokit: GitHub,
  ref: { owner: string; repo: string; head_sha: string; appId: number },
): Promise<ExistingRuns> {
  const runs = (await octokit.paginate(octokit.rest.checks.listForRef, {
    owner: ref.owner,
    repo: ref.repo,
    ref: ref.head_sha,
    app_id: ref.appId,
    filter: "latest",
    per_page: 100,
  })) as Array<ExistingRun & { name: string }>;
  const latest = new Map<string, ExistingRun>();
  // Checked again here: only this app's runs may ever be taken as its own.
  for (const run of runs.filter((r) => r.app?.id === ref.appId).sort((a, b) => b.id - a.id)) {
    if (!latest.has(run.name)) latest.set(run.name, run);
  }
  return latest;
}

/**
 * Writes the check run (`existingRuns`: this app's runs on the commit, when already read):
 * nothing when this app's latest run of that name on that commit already
 * shows it, a PATCH of that run when it differs, a new run when there is none. Always
 * `completed`: waiting is `action_required`, never `in_progress` (GitHub marks a check left in
 * progress stale after 14 days, and comment periods can be longer).
 */
export async function publishCheckRun(octokit: GitHub, input: PublishCheckRunInput, existingRuns?: ExistingRuns): Promise<PublishResult> {
  if (input.output.conclusion === "action_required" && !input.details_url) {
    throw new Error("publishCheckRun: action_required needs a details_url (GitHub requires one)");
  }
  const existing = (existingRuns ?? (await getLatestCheckRuns(octokit, input))).get(input.name);
  if (existing && isUnchanged(existing, input)) return "unchanged";

  const output: { title: string; summary: string; text?: string } = {
    title: input.output.title,
    summary: input.output.summary,
  };
  if (input.output.text !== undefined) output.text = input.output.text;
  const body = {
    owner: input.owner,
    repo: input.repo,
    status: "completed" as const,
    conclusion: input.output.conclusion,
    completed_at: (input.now ?? new Date()).toISOString(),
    output,
    ...(input.details_url === undefined ? {} : { details_url: input.details_url }),
    ...(input.external_id === undefined ? {} : { external_id: input.external_id }),
  };
  if (existing) {
    await octokit.rest.checks.update({ ...body, check_run_id: existing.id });
    return "updated";
  }
  await octokit.rest.checks.create({ ...body, name: input.name, head_sha: input.head_sha });
  return "created";
}
