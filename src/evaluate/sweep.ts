// One pass of the scheduler: for every installation and every governed repository, publish the
// reports that are due and evaluate again every open PR that needs it: a comment period that
// ended, a declaration that started or lapsed, a webhook that was missed, a process that died
// mid-evaluation, a check that failed because GitHub failed. Which PRs need it is found without
// evaluating them: the open PRs are listed a hundred a request with this app's check runs on their
// heads, whose hint (written by the last evaluation, src/evaluate/sweep-hint.ts) says what it saw
// and when to look again. A sweep with nothing to do costs pages, not PRs.
//
// Nothing is lost for good: a close whose webhook never arrived (or whose recording failed) is
// found by listing the PRs closed since the start of the previous log period and recorded through
// the same recordClose as the webhook; a report whose continuation comments were not all posted is
// completed by publishDueReports.
import { CHECK_DECLARATION, CHECK_SIGNOFF, DEFAULT_POLICY_PATH } from "../constants.js";
import { decisionKindsOf } from "../core/decisions.js";
import { logPeriodKind, parsePeriod, periodOf, previousPeriod } from "../core/period.js";
import type { Policy } from "../core/types.js";
import type { GitHub } from "../github/client.js";
import { listOpenPullsWithChecks } from "../github/open-pulls.js";
import { sameRepository, type FileRef, type RepoRef } from "../github/files.js";
import { recordKey } from "../handlers/closed.js";
import { defaultBranchKey, switchOfDefaultBranch } from "../handlers/repository.js";
import { appLoginOf, type Services } from "../handlers/services.js";
import { closeKey, defaultBranchAtFromRecords, lastRecordedClose, listRecordedCloses, pushMoveKey } from "../transparency/issues.js";
import { publishDueReports } from "../transparency/report.js";
import { historyBetween, listChangedFilesOf, listPullsClosedSince, listPushesSince, policyChangedSince, type ClosedPull, type DefaultBranchPush, type HistoryBetween, type ListedMoves } from "../transparency/sources.js";
import { getRules, type Rules } from "./governance.js";
import { recordClose, type CloseEvent } from "./record-close.js";
import { lastValidRules, pushKey, recordPush, type PushEvent } from "./record-push.js";
import { hintKey } from "./evaluate-pr.js";
import { reasonToEvaluate, rulesDigest } from "./sweep-hint.js";

export interface InstallationClient {
  id: number;
  octokit: GitHub;
}

/** A repository to sweep, with its default branch when the listing gave it. */
export interface SweptRepository extends RepoRef {
  defaultBranch?: string;
}

/** Where the sweep finds its installations: the app's (all of them), or one token's repository. */
export interface SweepSource {
  installations(): AsyncIterable<InstallationClient>;
  repositories(installation: InstallationClient): AsyncIterable<SweptRepository>;
}

export type PublishReports = (octokit: GitHub, repo: RepoRef, rules: Extract<Rules, { governed: true }>, now: Date, appLogin: string) => Promise<void>;

/** The transparency reports that are due, oldest first (src/transparency/report.ts). */
export const publishReports: PublishReports = async (octokit, repo, rules, now, appLogin) => {
  if (!rules.policy) return;
  await publishDueReports(octokit, { ...repo, policy: rules.policy, now, appLogin });
};

/** The healing pass of the public record for one repository (see healMissedCloses). */
export type HealCloses = (
  octokit: GitHub,
  installationId: number,
  repo: SweptRepository,
  policy: Policy,
  services: Services,
  /** The files the policy was read from (itself and its bases); default: the repository's own. */
  policyFiles?: FileRef[],
) => Promise<HealResult>;

export interface HealResult {
  /** PRs closed in the window (since the chain's last record, or the previous log period's start). */
  closed: number;
  /** Closes without a record that may be decisions: each handed to recordClose. */
  recorded: number;
  /** Direct pushes to the default branch without a record: each handed to recordPush. */
  pushes?: number;
  /** A switch of the default branch whose webhook was missed, handed to recordPush. */
  switched?: boolean;
}

/** Whether any of the files changed since `since` (one request each, until one did). */
async function anyChangedSince(octokit: GitHub, files: FileRef[], since: Date): Promise<boolean> {
  for (const file of files) if (await policyChangedSince(octokit, file, file.path, since)) return true;
  return false;
}

const sameFile = (a: FileRef, b: FileRef): boolean => sameRepository(a, b) && a.path === b.path;

/**
 * The start of the window in which missed closes are looked for: the previous log period's, or
 * the close of the chain's last record when that is earlier (the app was down longer than a
 * period), however long ago.
 */
export function healWindowStart(policy: Policy, now: Date, lastRecorded: Date | null = null): Date {
  const current = periodOf(now, logPeriodKind(policy.transparency.report));
  const previous = parsePeriod(previousPeriod(current))!.start;
  return lastRecorded !== null && lastRecorded.getTime() < previous.getTime() ? lastRecorded : previous;
}

/**
 * Records every decision PR closed, and every direct push to the default branch that changed a
 * rules file or a governed path, since the start of the previous log period (or the chain's last
 * record, when that is earlier) that has no record yet, oldest first. Costs, whatever the number of
 * PRs: the pages of closed PRs and of the default branch's activity back to that start, and only
 * when some close or push has no record, one read of the logs' record markers, one request to see
 * whether the policy changed, and one GraphQL request per 50 unrecorded PRs for their files. Which
 * PR is a decision is judged here by today's rules, to spare recordClose's reads for PRs that are
 * none; when the policy changed in the window (any file it was read from: the organisation's
 * `.github` policy, a base it extends), or a PR's file list is incomplete, every unrecorded close
 * goes to recordClose, which judges it by the rules before its merge (fail closed). Each
 * unrecorded push goes to recordPush, which judges it by the rules before it, as the webhook does.
 */
export const healMissedCloses: HealCloses = async (octokit, installationId, swept, policy, services, policyFiles) => {
  if (!policy.transparency.log) return { closed: 0, recorded: 0 };
  const repo: RepoRef = { owner: swept.owner, repo: swept.repo };
  const branch = await defaultBranchOf(octokit, swept, services);
  const key = defaultBranchKey(repo);
  const kept = branch === null || !services.hints ? null : ((await services.hints.get([key]))[0] ?? null);
  // A switch whose webhook was lost: the pushes missed are the old default branch's (until the
  // switch, found now, so written after them); the new one's are looked at from the next sweep.
  const result = await healWindow(octokit, installationId, repo, kept ?? branch, policy, services, policyFiles);
  if (branch !== null && kept !== branch && (await healMissedSwitch(octokit, installationId, repo, kept, branch, services))) result.switched = kept !== null;
  return result;
};

/** The default branch's name (the listing's, else one request); null, with a warning, on an error. */
async function defaultBranchOf(octokit: GitHub, swept: SweptRepository, services: Services): Promise<string | null> {
  if (swept.defaultBranch) return swept.defaultBranch;
  try {
    return (await octokit.rest.repos.get({ owner: swept.owner, repo: swept.repo })).data.default_branch;
  } catch (error) {
    // The closes are still healed; the pushes are looked for again at the next sweep.
    services.log?.warn({ err: error, repo: { owner: swept.owner, repo: swept.repo } }, "sweep: missed direct pushes not looked for after an error");
    return null;
  }
}

/**
 * A switch of the default branch whose webhook was lost (`repository.edited`): the name the app
 * kept (defaultBranchKey, written by the webhook and by each sweep) differs from today's. Recorded
 * as the webhook would have, from the old branch's head (every governed path taken as changed
 * when it is gone); GitHub does not say who switched nor when: the record names no one (`ghost`)
 * and the time it was found. With no name kept (a first sweep, a memory lost), the name is kept.
 * False when the switch could not be recorded (the name is then kept as it was, to try again).
 */
async function healMissedSwitch(octokit: GitHub, installationId: number, repo: RepoRef, was: string | null, branch: string, services: Services): Promise<boolean> {
  if (was !== null) {
    try {
      const push = await switchOfDefaultBranch(octokit, repo, { from: was, to: branch, pusher: "ghost", pusherId: null, at: services.now() });
      services.log?.debug(`sweep: ${repo.owner}/${repo.repo}: the default branch was switched from ${was} to ${branch} unseen; recording it`);
      await services.run(installationId, pushKey(push), async () => void (await recordPush(octokit, push, services)), undefined, { wait: true });
    } catch (error) {
      services.log?.warn({ err: error, repo }, "sweep: a missed switch of the default branch could not be recorded; the next sweep tries again");
      return false;
    }
  }
  await services.hints?.set(defaultBranchKey(repo), branch);
  return true;
}

/** The healing pass of one window (see healMissedCloses). */
async function healWindow(
  octokit: GitHub,
  installationId: number,
  repo: RepoRef,
  branch: string | null,
  policy: Policy,
  services: Services,
  policyFiles: FileRef[] | undefined,
): Promise<HealResult> {
  const appLogin = await appLoginOf(services);
  const last = await lastRecordedClose(octokit, repo, policy.transparency.labels, appLogin);
  const since = healWindowStart(policy, services.now(), last?.at ?? null);
  const closed = await listPullsClosedSince(octokit, repo, since);
  const listed = branch === null ? null : await missedPushWindow(octokit, repo, branch, since, services);
  // GitHub keeps the activity for a limited time: when it no longer goes back to the last record,
  // the default branch's history from that record's commit up to the oldest move it still lists.
  const beyond = last !== null && last.at.getTime() < services.now().getTime() - ACTIVITY_SURELY_KEPT_MS;
  const walk = listed && !listed.reached && beyond && last?.commit && branch !== null && !listed.moves.some((m) => m.after === last.commit)
    ? await unlistedPushes(octokit, repo, last.commit, listed.moves[0] ?? null, branch, services)
    : null;
  const pushes = [...(walk?.pushes ?? []), ...(listed?.pushes ?? [])];
  if (closed.length === 0 && pushes.length === 0) return { closed: 0, recorded: 0 };
  const recorded = await listRecordedCloses(octokit, repo, policy.transparency.labels, since, appLogin);
  const missing = closed.filter((p) => !recorded.keys.has(closeKey(p.number, p.closedAt)));
  // One record per move of the branch (a force-push back to a commit recorded before is another).
  const missingPushes = pushes.filter((p) => !recorded.keys.has(pushMoveKey(p.after, p.before)) && !recorded.keys.has(pushMoveKey(p.after, null)));
  if (missing.length === 0 && missingPushes.length === 0) {
    if (walk) await services.hints?.set(historyKey(repo), walk.range);
    return { closed: closed.length, recorded: 0 };
  }

  let candidates: ClosedPull[] = missing;
  if (missing.length > 0 && !(await anyChangedSince(octokit, policyFiles ?? [{ ...repo, path: DEFAULT_POLICY_PATH }], since))) {
    // Labels as they are now: one removed after the close (a PR touched since) is not known, so
    // such a PR goes to recordClose, which reads its labels as they were at the close.
    const byLabel = (p: ClosedPull) => Date.parse(p.updatedAt) > Date.parse(p.closedAt) || decisionKindsOf(policy, { labels: p.labels, files: [] }).length > 0;
    const unlabelled = missing.filter((p) => !byLabel(p));
    const files = await listChangedFilesOf(octokit, repo, unlabelled.map((p) => p.number));
    candidates = missing.filter((p) => {
      if (byLabel(p)) return true;
      const f = files.get(p.number);
      return !f || f.incomplete || decisionKindsOf(policy, { labels: p.labels, files: f.files }).length > 0;
    });
  }
  // Oldest first, closes and pushes together, each written before the next is looked at (in this
  // process, even with the durable queue: the sweep itself runs again if it dies), so that the
  // records keep the order of the events.
  const tasks = [
    ...candidates.map((p) => ({ at: Date.parse(p.closedAt), order: p.number, run: () => healClose(octokit, installationId, repo, p, defaultBranchAtFromRecords(recorded.switches, Date.parse(p.closedAt)), services) })),
    ...missingPushes.map((p, i) => ({ at: Date.parse(p.pushedAt), order: i, run: () => healPush(octokit, installationId, repo, p, branch ?? undefined, services) })),
  ];
  tasks.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const task of tasks) await task.run();
  if (walk) await services.hints?.set(historyKey(repo), walk.range);
  return { closed: closed.length, recorded: candidates.length, pushes: missingPushes.length };
}

/**
 * GitHub keeps the repository activity about 90 days; surely this long: the history is walked only
 * for a last record older than this that the activity does not reach.
 */
export const ACTIVITY_SURELY_KEPT_MS = 60 * 86_400_000;

const historyKey = (repo: RepoRef): string => `history walked ${repo.owner}/${repo.repo}`.toLowerCase();

/**
 * The moves of the default branch between the last record's commit (`base`) and the oldest move
 * the activity still lists (or the branch's head), which the activity no longer shows: each
 * commit of the branch's first-parent history is taken as a move from its first parent (commits
 * GitHub wrote in the same second, a rebase merge's, as one move), timed and attributed by the
 * commit (GitHub keeps no push so old); a history that does not descend from `base` (rewound,
 * rewritten, or another branch made the default) is one forced move. A range walked before (the
 * app keeps the last one) is not handed out again: a sweep with nothing to do costs the
 * comparison, answered 304 while the branch does not move.
 */
async function unlistedPushes(
  octokit: GitHub,
  repo: RepoRef,
  base: string,
  oldest: { before: string; after: string } | null,
  branch: string,
  services: Services,
): Promise<{ pushes: DefaultBranchPush[]; range: string } | null> {
  try {
    const until = oldest ? (/^0+$/.test(oldest.before) ? oldest.after : oldest.before) : branch;
    const history = await historyBetween(octokit, repo, base, until);
    const range = `${base}..${history.head}`;
    if (history.status === "identical") return null;
    const [walked] = (await services.hints?.get([historyKey(repo)])) ?? [null];
    if (walked === range) return null;
    if (history.status !== "ahead") {
      return { range, pushes: [{ before: base, after: history.head, pushedAt: services.now().toISOString().replace(/\.\d{3}Z$/, "Z"), pusher: "ghost", pusherId: null, forced: true }] };
    }
    // The first-parent chain from the head back to base, oldest first.
    const bySha = new Map(history.commits.map((c) => [c.sha, c]));
    const chain: HistoryBetween["commits"] = [];
    for (let c = bySha.get(history.head); c; c = bySha.get(c.parents[0] ?? "")) chain.unshift(c);
    const pushes: DefaultBranchPush[] = [];
    let from = base;
    chain.forEach((c, i) => {
      const next = chain[i + 1];
      if (next && next.committedAt === c.committedAt && next.committer === c.committer) return; // one move, written at once
      pushes.push({ before: from, after: c.sha, pushedAt: c.committedAt, pusher: c.committer, pusherId: c.committerId, forced: false });
      from = c.sha;
    });
    return { range, pushes };
  } catch (error) {
    services.log?.warn({ err: error, repo }, "sweep: the default branch's history beyond the activity not walked after an error");
    return null;
  }
}

/** The default branch's moves in the window; null, with a warning, when GitHub cannot list them. */
async function missedPushWindow(octokit: GitHub, repo: RepoRef, branch: string, since: Date, services: Services): Promise<ListedMoves | null> {
  try {
    return await listPushesSince(octokit, repo, branch, since);
  } catch (error) {
    // The closes are still healed; the pushes are looked for again at the next sweep.
    services.log?.warn({ err: error, repo }, "sweep: missed direct pushes not looked for after an error");
    return null;
  }
}

async function healClose(octokit: GitHub, installationId: number, repo: RepoRef, p: ClosedPull, defaultBranch: string | undefined, services: Services): Promise<void> {
  // The default branch at the close, when a switch after it is on the record (CloseEvent.defaultBranch).
  const close: CloseEvent = { ...repo, pull_number: p.number, closedAt: p.closedAt, merged: p.merged, mergeCommitSha: p.mergeCommitSha, late: true, ...(defaultBranch ? { defaultBranch } : {}) };
  services.log?.debug(`sweep: ${repo.owner}/${repo.repo}#${p.number} closed at ${p.closedAt} has no record; recording it`);
  try {
    await services.run(
      installationId,
      recordKey(close),
      async () => {
        await recordClose(octokit, close, services);
      },
      { kind: "record", close },
      { wait: true },
    );
  } catch (error) {
    // One close that cannot be recorded now must not keep the others (or the open PRs) waiting.
    services.log?.warn({ err: error, pr: close }, "sweep: a missed close could not be recorded; the next sweep tries again");
  }
}

async function healPush(octokit: GitHub, installationId: number, repo: RepoRef, p: DefaultBranchPush, branch: string | undefined, services: Services): Promise<void> {
  const push: PushEvent = { ...repo, before: p.before, after: p.after, pusher: p.pusher, pusherId: p.pusherId, pushedAt: p.pushedAt, files: null, ...(p.forced ? { forced: true } : {}), ...(branch ? { branch } : {}) };
  try {
    // Judged as the webhook would have: a push that changed nothing governed, or that is the
    // merge of a PR, is no record; the same key as the webhook's, so the two never race.
    await services.run(
      installationId,
      pushKey(push),
      async () => {
        await recordPush(octokit, push, services);
      },
      undefined,
      { wait: true },
    );
  } catch (error) {
    services.log?.warn({ err: error, push: p.after }, "sweep: a missed direct push could not be recorded; the next sweep tries again");
  }
}

export interface SweepStats {
  installations: number;
  repositories: number;
  governed: number;
  /** Open PRs listed. */
  pullRequests: number;
  /** Of those, the ones evaluated (their checks missing, stale, due or failed). */
  evaluated: number;
  errors: number;
}

export async function sweep(
  source: SweepSource,
  services: Services,
  publishReports?: PublishReports,
  healCloses: HealCloses = healMissedCloses,
): Promise<SweepStats> {
  const stats: SweepStats = { installations: 0, repositories: 0, governed: 0, pullRequests: 0, evaluated: 0, errors: 0 };
  for await (const installation of source.installations()) {
    stats.installations++;
    try {
      for await (const repo of source.repositories(installation)) {
        stats.repositories++;
        try {
          await sweepRepository(installation, repo, services, stats, publishReports, healCloses);
        } catch (error) {
          stats.errors++;
          services.log?.warn({ err: error, repo }, "sweep: repository skipped after an error; the next sweep tries again");
        }
      }
    } catch (error) {
      stats.errors++;
      services.log?.warn({ err: error, installation: installation.id }, "sweep: installation skipped after an error");
    }
  }
  return stats;
}

async function sweepRepository(
  installation: InstallationClient,
  repo: SweptRepository,
  services: Services,
  stats: SweepStats,
  publishReports: PublishReports | undefined,
  healCloses: HealCloses,
): Promise<void> {
  const ref = { owner: repo.owner, repo: repo.repo };
  const swept: SweptRepository = repo.defaultBranch ? { ...ref, defaultBranch: repo.defaultBranch } : ref;
  // Read as evaluations read them (the default branch, no ref), so each answers the other's 304.
  const rules = await getRules(installation.octokit, ref);
  if (!rules.governed || !rules.policy) {
    // A push that deleted the policy or left it invalid (the app down, the webhook lost) is on the
    // record before the repository stops being governed: looked for by the rules before it.
    await healAfterPolicyGone(installation, swept, services, stats, healCloses);
    if (!rules.governed) return;
  }
  stats.governed++;
  // Missed closes first: a record written now belongs to the current period's log, which no
  // report of an ended period reads, so the order changes no report.
  if (rules.policy) {
    try {
      const registry = rules.registryRef;
      const policyFiles = rules.sources.filter((f) => !(registry && sameFile(f, registry)));
      await healCloses(installation.octokit, installation.id, swept, rules.policy, services, policyFiles);
    } catch (error) {
      // A failed healing pass must not keep the open PRs from being evaluated; the next sweep
      // looks at the same window again.
      stats.errors++;
      services.log?.warn({ err: error, repo: ref }, "sweep: missed closes not looked for after an error");
    }
  }
  if (publishReports && rules.policy) await publishReports(installation.octokit, ref, rules, services.now(), await appLoginOf(services));
  await evaluateWhatNeedsIt(installation, ref, rules, services, stats);
}

/**
 * For a repository whose default branch has no valid policy of its own now: when commits changed
 * (deleted, broke) that policy file, the missed closes and pushes are looked for by the last valid
 * rules before them (lastValidRules), as a governed repository's are. One request (the policy
 * file's last commits) for a repository that never had a policy.
 */
async function healAfterPolicyGone(installation: InstallationClient, ref: SweptRepository, services: Services, stats: SweepStats, healCloses: HealCloses): Promise<void> {
  try {
    // The repository's own policy, else the organisation's `.github` one (deleted or broken there).
    const last = (await lastValidRules(installation.octokit, ref)) ?? (await lastValidRules(installation.octokit, ref, undefined, true));
    const before = last?.rules;
    if (!before?.policy) return;
    const registry = before.registryRef;
    const policyFiles = before.sources.filter((f) => !(registry && sameFile(f, registry)));
    await healCloses(installation.octokit, installation.id, ref, before.policy, services, policyFiles);
  } catch (error) {
    stats.errors++;
    services.log?.warn({ err: error, repo: ref }, "sweep: missed records of a repository whose policy is gone not looked for after an error");
  }
}

const CHECK_NAMES = [CHECK_DECLARATION, CHECK_SIGNOFF] as const;

/**
 * The open PRs, a hundred a request, with this app's checks on their heads; evaluates only those
 * that need it (src/evaluate/sweep-hint.ts says which and why). A PR whose checks say the same as
 * an evaluation would costs nothing but its share of the listing.
 */
async function evaluateWhatNeedsIt(
  installation: InstallationClient,
  ref: RepoRef,
  rules: Extract<Rules, { governed: true }>,
  services: Services,
  stats: SweepStats,
): Promise<void> {
  const open = await listOpenPullsWithChecks(installation.octokit, ref, services.appId);
  const digest = rulesDigest(rules);
  const now = services.now();
  const targets = open.map((pr) => ({ ...ref, pull_number: pr.number }));
  const stored = (await services.hints?.get(targets.map(hintKey)).catch(() => undefined)) ?? [];
  for (const [i, pr] of open.entries()) {
    stats.pullRequests++;
    const reason = reasonToEvaluate(pr, CHECK_NAMES, digest, now, stored[i]);
    if (reason === null) continue;
    stats.evaluated++;
    services.log?.debug(`sweep: ${ref.owner}/${ref.repo}#${pr.number}: ${reason}`);
    await services.evaluate(installation.octokit, installation.id, { ...ref, pull_number: pr.number });
  }
}

/** One repository with one client (a token's: the Action's, or `sweep --repo`). */
export function repositorySweepSource(octokit: GitHub, repo: RepoRef): SweepSource {
  return {
    async *installations() {
      yield { id: 0, octokit };
    },
    async *repositories(installation) {
      yield repo;
    },
  };
}

/** The app's installations and their repositories, through Probot's app authentication. */
export function appSweepSource(auth: (installationId?: number) => Promise<unknown>): SweepSource {
  return {
    async *installations() {
      const app = (await auth()) as GitHub;
      for await (const page of app.paginate.iterator(app.rest.apps.listInstallations, { per_page: 100 })) {
        for (const inst of page.data) yield { id: inst.id, octokit: (await auth(inst.id)) as GitHub };
      }
    },
    repositories: (installation) => installationRepositories(installation.octokit),
  };
}

/** The repositories an installation can reach (all pages), archived ones left out. */
export async function* installationRepositories(octokit: GitHub): AsyncGenerator<SweptRepository> {
  for await (const page of octokit.paginate.iterator(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 })) {
    for (const r of page.data as unknown as Array<{ name: string; owner: { login: string }; archived?: boolean; default_branch?: string }>) {
      if (r.archived) continue;
      yield { owner: r.owner.login, repo: r.name, ...(r.default_branch ? { defaultBranch: r.default_branch } : {}) };
    }
  }
}
