// One evaluation of one pull request: rules -> facts -> decide -> render -> publish. It is a
// function of (installation, repository, PR) that re-derives everything from GitHub, so running
// it again is always safe, and it writes nothing when the checks already say the same.
import { CHECK_DECLARATION, CHECK_SIGNOFF, DEFAULT_POLICY_PATH, MARKER_INSTRUCTIONS, MAX_CHECK_OUTPUT_CHARS } from "../constants.js";
import { evaluateDeclarations, invalidDeclaration } from "../core/declarations.js";
import { reviewersToRequest, type ReviewerToRequest } from "../core/review-requests.js";
import { governedFiles } from "../core/decisions.js";
import { entryOf, indexRegistry } from "../core/people.js";
import { commandsToRemember } from "../core/signals.js";
import { labelsToRemember } from "../core/decisions.js";
import { evaluateSignoff, invalidSignoff } from "../core/signoff.js";
import type { Diagnostic, MemoEntry, Policy, PullRequestFacts, Registry, RegistryEntry } from "../core/types.js";
import type { GitHub } from "../github/client.js";
import { getLatestCheckRuns, publishCheckRun, type ExistingRun, type ExistingRuns } from "../github/checks.js";
import { ensureMarkedComment } from "../github/comments.js";
import { COMMIT_PULLS_MAX_PAGES, listPullsOfCommit } from "../github/commit-pulls.js";
import { readPullRequest, readPullRequests, type ReadOptions } from "../github/facts.js";
import { memosIn, mergeMemos, rememberedFor, splitMemo, withMemo, withoutMemo } from "../github/signal-memo.js";
import { readFileAtDefaultBranch, sameRepository, type FileRef, type RepoRef } from "../github/files.js";
import { loadPolicy } from "../policy/load.js";
import { parseRegistry, registryLocationOf } from "../policy/registry.js";
import type { CheckOutput, RenderContext } from "../render/context.js";
import { renderDeclarationCheck } from "../render/declaration-check.js";
import { renderErrorCheck } from "../render/error-check.js";
import { renderInstructionComment } from "../render/instructions.js";
import { renderSharedCheck, renderTooManySharing } from "../render/shared-check.js";
import { renderSignoffCheck } from "../render/signoff-check.js";
import { blockingErrors, displayName, errorsOf, getRules, type Rules } from "./governance.js";
import {
  decodeOwner,
  earliest,
  encodeGroupOwner,
  encodeHint,
  nextRegistryChange,
  nextUtcDay,
  rulesDigest,
  sameOwner,
  signatureOf,
  type CheckOwner,
  type HintStore,
  type SweepHint,
} from "./sweep-hint.js";

type GovernedRules = Extract<Rules, { governed: true }>;

export interface EvaluationTarget extends RepoRef {
  pull_number: number;
}

export interface EvaluationDeps {
  /** This app's id: only its own check runs are read back. */
  appId: number;
  now: () => Date;
  /** The app's bot login ("slug[bot]"), when known: only its comments are taken as its own. */
  appLogin?: string;
  /** https://github.com, or the GitHub Enterprise host, for links. */
  htmlBase?: string;
  log?: { debug: (msg: string) => void; warn: (obj: unknown, msg?: string) => void };
  /** Where each evaluation leaves its hint for the sweep (src/evaluate/sweep-hint.ts). */
  hints?: HintStore;
}

/** The key of a PR's hint in the store (as the queue's: owner/repo#number, lower case). */
export const hintKey = (t: EvaluationTarget): string => `${t.owner.toLowerCase()}/${t.repo.toLowerCase()}#${t.pull_number}`;

async function leaveHint(deps: EvaluationDeps, target: EvaluationTarget, hint: SweepHint): Promise<void> {
  try {
    await deps.hints?.set(hintKey(target), encodeHint(hint));
  } catch (error) {
    // The checks carry the hint too; the sweep evaluates again what it cannot tell.
    deps.log?.warn({ err: error, pr: target }, "could not store the sweep's hint");
  }
}

export type EvaluationOutcome =
  | { status: "not-governed" }
  | { status: "closed" }
  | {
      status: "evaluated";
      title: string;
      headSha: string;
      declaration: CheckOutput;
      signoff: CheckOutput;
      /** The commands and decision labels the app has seen on the PR, to remember (src/github/signal-memo.ts). */
      memo: MemoEntry[];
      writes: number;
      /** `declarations.request_reviews`: whom to ask for a review, once the checks are written. */
      reviewers?: ReviewerToRequest[];
      /** The PR is in a merge queue (GitHub said so with its facts; false when it did not say). */
      queued: boolean;
      /** The branch the PR is based on. */
      base: string;
    }
  | { status: "error"; error: unknown; writes: number };

const fileUrl = (htmlBase: string, file: FileRef, branch: string): string =>
  `${htmlBase}/${file.owner}/${file.repo}/blob/${encodeURIComponent(branch)}/${file.path.split("/").map(encodeURIComponent).join("/")}`;

export interface EvaluationOptions {
  /**
   * False: judge only, and write nothing (no check run, no instruction comment, no failed checks
   * on an error). A merge group's checks judge each of its PRs this way, then write on the
   * group's own commit (evaluate-group.ts). Default true.
   */
  publish?: boolean;
}

/** Evaluates both checks of one PR and publishes them (and the instruction comment). */
export async function evaluatePullRequest(
  octokit: GitHub,
  target: EvaluationTarget,
  deps: EvaluationDeps,
  options: EvaluationOptions = {},
): Promise<EvaluationOutcome> {
  const publish = options.publish ?? true;
  const repo: RepoRef = { owner: target.owner, repo: target.repo };
  const htmlBase = (deps.htmlBase ?? "https://github.com").replace(/\/+$/, "");
  let headSha: string | undefined;
  let context: ((defaultBranch: string) => RenderContext) | undefined;
  let ctx: RenderContext | undefined;
  let writes = 0;
  try {
    // The rules of the default branch's head (the contents API reads it when no ref is given).
    const rules = await getRules(octokit, repo);
    if (!rules.governed) {
      deps.log?.debug(`${repo.owner}/${repo.repo} has no governance policy: nothing to do`);
      return { status: "not-governed" };
    }
    const now = deps.now();
    context = (defaultBranch) => ({ ...renderContextOf(rules, repo, defaultBranch, htmlBase, now), pullNumber: target.pull_number });

    const needCommits = rules.policy?.declarations.requiredFor.includes("committers") ?? false;
    const { facts, defaultBranch } = await readPullRequest(octokit, target, { needCommits, appId: deps.appId });
    ctx = context(defaultBranch);
    headSha = facts.headSha;
    if (facts.state !== "open") {
      deps.log?.debug(`#${target.pull_number} is closed: its checks no longer matter`);
      return { status: "closed" };
    }
    // This app's runs on the head, read before judging when they are to be written (the same one
    // request as publishing needs): the sign-off run's memo is part of what the app has seen.
    const existing = publish ? await getLatestCheckRuns(octokit, { ...repo, head_sha: facts.headSha, appId: deps.appId }) : undefined;
    if (existing) {
      const remembered = splitMemo(mergeMemos(facts.seenCommands ?? [], facts.seenLabels ?? [], memoOf(existing, target.pull_number)));
      facts.seenCommands = remembered.commands;
      facts.seenLabels = remembered.labels;
    }
    // What an evaluation that cannot judge (invalid rules) remembers: all it remembered.
    let memo: MemoEntry[] = [...(facts.seenCommands ?? []), ...(facts.seenLabels ?? [])];

    const judged = await judge(octokit, repo, rules, facts, ctx);
    const { declaration, signoff, next } = judged;
    memo = judged.memo ?? memo;
    // Each comment's id and last update, as the sweep will list them (the app's own included).
    const comments = new Map(facts.comments.map((c) => [c.id, c.updatedAt ?? c.createdAt]));
    let reviewers: ReviewerToRequest[] = [];
    if (judged.input) {
      const { input, declared, signedOff } = judged.input;
      if (publish) reviewers = reviewersToRequest({ ...input, signoff: signedOff });
      const instructions = publish ? renderInstructionComment(declared, ctx) : null;
      if (instructions !== null) {
        const done = await ensureMarkedComment(octokit, {
          ...repo,
          issue_number: target.pull_number,
          marker: MARKER_INSTRUCTIONS,
          body: instructions,
          createIfAbsent: declared.outcome === "failure",
          comments: facts.comments,
          ...(deps.appLogin ? { appLogin: deps.appLogin } : {}),
        });
        if (done.action === "created" || done.action === "updated") writes++;
        for (const id of done.deleted) comments.delete(id);
        if (done.commentId !== undefined && done.updatedAt !== undefined) comments.set(done.commentId, done.updatedAt);
      }
    }
    if (!publish) return { status: "evaluated", title: facts.title, headSha: facts.headSha, declaration, signoff, memo, writes, queued: facts.queued === true, base: facts.baseRef ?? defaultBranch };
    const hint: SweepHint = {
      signature: signatureOf(
        {
          headSha: facts.headSha,
          draft: facts.draft,
          base: facts.baseRef ?? "",
          defaultBranch,
          labels: facts.labels,
          timeline: (facts.labelEvents?.length ?? 0) + (facts.baseChanges?.length ?? 0),
          reviews: facts.reviews.length,
          dismissed: facts.reviews.filter((r) => r.state === "DISMISSED").length,
          // With the comment this evaluation posted or updated, as the sweep will list it.
          comments: [...comments].map(([id, updatedAt]) => ({ id, updatedAt })),
        },
        rulesDigest(rules),
      ),
      next,
      error: false,
    };
    const here = ctx;
    const knownCommits = facts.commits && facts.baseRef !== undefined ? { headSha: facts.headSha, baseRef: facts.baseRef, commits: facts.commits } : undefined;
    const twins = (numbers: readonly number[]) => judgeTwins(octokit, repo, numbers, rules, { needCommits, appId: deps.appId, ...(knownCommits ? { knownCommits } : {}) }, here);
    writes += await publishForPull(octokit, { ...target, headSha: facts.headSha, defaultBranch }, deps, ctx, declaration, signoff, memo, hint, twins, existing);
    await leaveHint(deps, target, hint);
    return {
      status: "evaluated",
      title: facts.title,
      headSha: facts.headSha,
      declaration,
      signoff,
      memo,
      writes,
      queued: facts.queued === true,
      base: facts.baseRef ?? defaultBranch,
      ...(reviewers.length > 0 ? { reviewers } : {}),
    };
  } catch (error) {
    deps.log?.warn({ err: error, pr: target }, "evaluation failed: the checks fail closed");
    if (!publish) return { status: "error", error, writes };
    if (headSha === undefined && context !== undefined) {
      // Gathering the facts failed, so the head commit the checks belong on is still unknown:
      // read the PR alone to find it (and not to write on a closed one).
      const open = await getOpenHead(octokit, target).catch(() => undefined);
      if (open) {
        headSha = open.headSha;
        ctx = context(open.defaultBranch);
      }
    }
    const failedHint: SweepHint = { signature: "", next: null, error: true };
    await leaveHint(deps, target, failedHint);
    if (headSha !== undefined && ctx !== undefined) {
      // Fail closed, visibly: both checks fail with the request id, never left passing.
      const failed = renderErrorCheck(errorDetails(error), ctx);
      try {
        const existing = await getLatestCheckRuns(octokit, { ...repo, head_sha: headSha, appId: deps.appId });
        // A failed evaluation forgets nothing: the memo of the run it replaces is carried over.
        writes += await publishForPull(octokit, { ...target, headSha, defaultBranch: ctx.defaultBranch }, deps, ctx, failed, failed, memoOf(existing, target.pull_number), failedHint, null, existing);
      } catch (publishError) {
        deps.log?.warn({ err: publishError }, "could not write the failed checks either");
      }
    }
    return { status: "error", error, writes };
  }
}

/** One PR's facts judged by the rules, without writing anything. */
interface Judged {
  declaration: CheckOutput;
  signoff: CheckOutput;
  /** What to remember of the PR; undefined when the rules cannot judge (what was remembered stays). */
  memo?: MemoEntry[];
  /** When the outcome or text can change with nothing else happening (the sweep's hint). */
  next: number | null;
  /** What it was judged on and what came of it, when the rules could judge. */
  input?: {
    input: { policy: Policy; registry: Registry; facts: PullRequestFacts; now: Date };
    declared: ReturnType<typeof evaluateDeclarations>;
    signedOff: ReturnType<typeof evaluateSignoff>;
  };
}

/** Judges a PR's facts by `rules` (reading the head's rules files when the PR changes them). */
async function judge(octokit: GitHub, repo: RepoRef, rules: GovernedRules, facts: PullRequestFacts, ctx: RenderContext): Promise<Judged> {
  const errors = blockingErrors(rules);
  if (errors.length > 0 || !rules.policy || !rules.registry) {
    return { declaration: renderDeclarationCheck(invalidDeclaration(errors), ctx), signoff: renderSignoffCheck(invalidSignoff(errors), ctx), next: null };
  }
  await addHeadFacts(octokit, repo, facts, rules.policy, rules.registryRef);
  const input = { policy: rules.policy, registry: rules.registry, facts, now: ctx.now };
  const declared = evaluateDeclarations(input);
  const signedOff = evaluateSignoff(input);
  return {
    declaration: renderDeclarationCheck(declared, ctx),
    signoff: renderSignoffCheck(signedOff, ctx),
    memo: [...commandsToRemember(facts, isMemberOf(rules.registry)), ...labelsToRemember(rules.policy, facts, ctx.now)],
    next: earliest(
      ...signedOff.kinds.filter((k) => !k.commentPeriodOver).map((k) => Date.parse(k.commentPeriodEnds)),
      nextRegistryChange(rules.policy, rules.registry, ctx.now),
      // A failing declaration check shows a ready-to-paste entry dated today.
      declared.outcome === "failure" ? nextUtcDay(ctx.now) : null,
    ),
    input: { input, declared, signedOff },
  };
}

/** Another open PR with the same head, judged (its head as read), or what kept it from being judged. */
type TwinJudgement = { pr: number; headSha: string; declaration: CheckOutput; signoff: CheckOutput; memo: MemoEntry[] } | { pr: number; error: unknown };

/**
 * The other open PRs sharing a head commit, judged by the rules this evaluation read, their facts
 * read together (src/github/facts.ts readPullRequests: one query for up to PULLS_PER_QUERY), so
 * that each PR opened on a head adds nothing but its share of that query. A PR closed since it
 * was listed is left out; one that cannot be read or judged is an error (its checks fail).
 */
async function judgeTwins(octokit: GitHub, repo: RepoRef, numbers: readonly number[], rules: GovernedRules, opts: ReadOptions, ctx: RenderContext): Promise<TwinJudgement[]> {
  const reads = await readPullRequests(octokit, repo, numbers, opts);
  const judged = await Promise.all(
    reads.map(async (r): Promise<TwinJudgement[]> => {
      if ("error" in r) return [{ pr: r.pull_number, error: r.error }];
      const { facts } = r.read;
      if (facts.state !== "open") return [];
      try {
        const { declaration, signoff, memo } = await judge(octokit, repo, rules, facts, { ...ctx, pullNumber: r.pull_number });
        return [{ pr: r.pull_number, headSha: facts.headSha, declaration, signoff, memo: memo ?? [...(facts.seenCommands ?? []), ...(facts.seenLabels ?? [])] }];
      } catch (error) {
        return [{ pr: r.pull_number, error }];
      }
    }),
  );
  return judged.flat();
}

/** What the renderers need to know of a governed repository's rules and where they live. */
export function renderContextOf(rules: GovernedRules, repo: RepoRef, defaultBranch: string, htmlBase: string, now: Date): RenderContext {
  const policyRef: FileRef = { ...repo, path: rules.policy?.path ?? DEFAULT_POLICY_PATH };
  const registryRef = rules.registryRef;
  return {
    lang: rules.policy?.transparency.language ?? "en",
    now,
    repo,
    defaultBranch,
    policyUrl: fileUrl(htmlBase, policyRef, defaultBranch),
    registryUrl: registryRef ? fileUrl(htmlBase, registryRef, defaultBranch) : fileUrl(htmlBase, policyRef, defaultBranch),
    registryPath: registryRef ? displayName(registryRef, repo) : "",
    htmlBase,
    ...(rules.policy ? { policy: rules.policy } : {}),
  };
}

async function getOpenHead(octokit: GitHub, target: EvaluationTarget): Promise<{ headSha: string; defaultBranch: string } | undefined> {
  const { data } = await octokit.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.pull_number });
  return data.state === "open" ? { headSha: data.head.sha, defaultBranch: data.base.repo.default_branch } : undefined;
}

/** What a write notes in a run's `external_id`: the sweep's hint and whom it was written for. */
export interface RunNote {
  external_id: string;
  /** A run noting someone else is written again even when it shows the same words. */
  sameOwner?: (externalId: string | null | undefined) => boolean;
}

/** Writes both checks on `head_sha` (nothing where they already say the same); returns the writes. */
export async function publishBoth(
  octokit: GitHub,
  repo: RepoRef,
  head_sha: string,
  appId: number,
  ctx: RenderContext,
  declaration: CheckOutput,
  signoff: CheckOutput,
  note?: RunNote,
  existingRuns?: ExistingRuns,
): Promise<number> {
  let writes = 0;
  const existing = existingRuns ?? (await getLatestCheckRuns(octokit, { ...repo, head_sha, appId }));
  for (const [name, output] of [
    [CHECK_DECLARATION, declaration],
    [CHECK_SIGNOFF, signoff],
  ] as const) {
    const done = await publishCheckRun(octokit, { ...repo, head_sha, name, output, details_url: ctx.policyUrl, appId, now: ctx.now, ...note }, existing);
    if (done !== "unchanged") writes++;
  }
  return writes;
}

const RESTRICTIVE: Record<string, number> = { success: 0, action_required: 1, failure: 2 };
const restriction = (conclusion: string | null | undefined): number => RESTRICTIVE[conclusion ?? ""] ?? RESTRICTIVE.failure!;

/** One of those a commit stands for, with what one check says for it (pr null: the merge group). */
interface Standing {
  pr: number | null;
  output: CheckOutput;
}

const runOutput = (run: ExistingRun): CheckOutput => ({
  conclusion: (run.conclusion ?? "failure") as CheckOutput["conclusion"],
  title: run.output.title ?? "",
  summary: run.output.summary ?? "",
  ...(run.output.text ? { text: run.output.text } : {}),
});

/**
 * Writes a PR's two checks on its head commit. A check is GitHub's per commit, not per PR, so it
 * must hold for everything the commit stands for: each open PR into the default branch whose head
 * it is, and the merge group whose commit it is. The app notes on its own runs whom it judged
 * (sweep-hint.ts CheckOwner). When it finds its run on the commit written for another PR, or for
 * several, or for a merge group, it judges every open PR with that head (listed a page of 100 per
 * request, their facts read together: judgeTwins) and writes the most restrictive outcome (failure, then waiting, then success), titled with the
 * PR that does not hold; a merge group's run is never replaced by anything less restrictive. A
 * commit only one PR stands for costs nothing more. `judgeOthers` false (an evaluation that failed
 * by an error: it writes a failure, the most restrictive) keeps the notes without listing.
 *
 * Whatever outcome it shows, the sign-off run remembers the commands seen on every PR it stands
 * for (src/github/signal-memo.ts, by PR): this PR's `memo`, each other PR's as judged now, and what
 * the run it replaces remembered for any PR not judged now. When all of it cannot fit in one
 * check run, the run fails (never passes with part of its memory dropped).
 */
async function publishForPull(
  octokit: GitHub,
  target: EvaluationTarget & { headSha: string; defaultBranch: string },
  deps: EvaluationDeps,
  ctx: RenderContext,
  declaration: CheckOutput,
  signoff: CheckOutput,
  /** The commands seen on this PR, to remember. */
  memo: readonly MemoEntry[],
  hint: SweepHint,
  /** Judges the other open PRs with this head (null: keep the notes without listing them). */
  judgeOthers: ((numbers: readonly number[]) => Promise<TwinJudgement[]>) | null,
  /** This app's runs on the head, when the caller has just read them (for the memo). */
  existingRuns?: ExistingRuns,
): Promise<number> {
  const repo: RepoRef = { owner: target.owner, repo: target.repo };
  const head_sha = target.headSha;
  const self = target.pull_number;
  const existing = existingRuns ?? (await getLatestCheckRuns(octokit, { ...repo, head_sha, appId: deps.appId }));
  const names = [CHECK_DECLARATION, CHECK_SIGNOFF] as const;
  const owners = names.map((name) => decodeOwner(existing.get(name)?.external_id));
  const group = owners.some((o) => o?.group === true);
  const heads = [...new Set(owners.flatMap((o) => (o ? [...o.heads, ...(o.group && o.pr !== null ? [o.pr] : [])] : [])).filter((n) => n !== self))];
  const shared = owners.some((o) => o !== null && (o.shared || (o.pr !== null && o.pr !== self))) || heads.length > 0;

  const others: Array<{ pr: number; declaration: CheckOutput; signoff: CheckOutput; memo?: MemoEntry[] }> = [];
  let sharing = shared;
  if (judgeOthers !== null && (shared || group)) {
    // Every page (a writer can open any number of PRs from branches at this commit), up to a
    // bound: beyond it, the PRs left unread cannot be judged, so both checks fail saying why.
    const { pulls: data, complete } = await listPullsOfCommit(octokit, repo, head_sha);
    if (!complete) declaration = signoff = renderTooManySharing(COMMIT_PULLS_MAX_PAGES * 100, ctx);
    const numbers = data.filter((p) => p.state === "open" && p.head.sha === head_sha && p.base.ref === target.defaultBranch && p.number !== self).map((p) => p.number);
    sharing = numbers.length > 0;
    for (const twin of await judgeOthers(numbers)) {
      if ("error" in twin) {
        const failed = renderErrorCheck(errorDetails(twin.error), ctx);
        others.push({ pr: twin.pr, declaration: failed, signoff: failed });
      } else if (twin.headSha === head_sha) {
        others.push(twin);
      }
    }
  }
  const prs = [self, ...others.map((o) => o.pr)].sort((a, b) => a - b);
  // The group's base stays noted whoever's run stands on its commit (record-close.ts reads it).
  const groupBase = owners.find((o) => o?.group && o.base)?.base;
  const owner: CheckOwner = {
    pr: self,
    shared: sharing,
    group,
    heads: group ? [...new Set([...heads, ...others.map((o) => o.pr)])].sort((a, b) => a - b) : [],
    ...(group && groupBase ? { base: groupBase } : {}),
  };
  const external_id = encodeHint(hint, owner);
  const fresh: Array<[number, readonly MemoEntry[]]> = [[self, memo], ...others.flatMap((o): Array<[number, MemoEntry[]]> => (o.memo ? [[o.pr, o.memo]] : []))];

  let writes = 0;
  for (const [i, name] of names.entries()) {
    const own = name === CHECK_DECLARATION ? declaration : signoff;
    const standing: Standing[] = [{ pr: self, output: own }, ...others.map((o) => ({ pr: o.pr, output: name === CHECK_DECLARATION ? o.declaration : o.signoff }))];
    const run = existing.get(name);
    if (owners[i]?.group && owners[i]?.pr === null && run) standing.push({ pr: null, output: runOutput(run) });
    // The most restrictive; on a tie the group's run stays, then this PR's own words.
    let worst = standing[0]!;
    for (const s of standing.slice(1)) {
      const more = restriction(s.output.conclusion) - restriction(worst.output.conclusion);
      if (more > 0 || (more === 0 && s.pr === null)) worst = s;
    }
    let output: CheckOutput;
    let note: RunNote;
    if (worst.pr === null) {
      // The merge group's run says as much or more: it stays, noting this PR's head among its own.
      const groupOwner: CheckOwner = { pr: null, shared: false, group: true, heads: [...new Set([...owners[i]!.heads, self])].sort((a, b) => a - b), ...(groupBase ? { base: groupBase } : {}) };
      output = worst.output;
      note = { external_id: encodeGroupOwner(groupOwner.heads, groupBase), sameOwner: (id) => sameOwner(id, groupOwner) };
    } else {
      output = worst.pr === self || worst.output.conclusion === "success" ? own : renderSharedCheck(worst.pr, worst.output, prs, ctx);
      note = { external_id, sameOwner: (id) => sameOwner(id, owner) };
    }
    if (name === CHECK_SIGNOFF) output = withMemos(output, existing, fresh, worst.pr === null ? undefined : self, ctx);
    const done = await publishCheckRun(octokit, { ...repo, head_sha, name, output, details_url: ctx.policyUrl, appId: deps.appId, now: ctx.now, ...note }, existing);
    if (done !== "unchanged") writes++;
  }
  return writes;
}

/**
 * When the PR changes the policy or the registry: the errors of the files it would leave
 * (so that no signed-off PR can merge rules that break governance), and the author's own entry
 * as the PR's head has it (so that a newcomer can declare in the same PR). Only these two facts
 * are ever taken from the head; the rules that judge the PR stay the default branch's.
 */
export async function addHeadFacts(octokit: GitHub, repo: RepoRef, facts: PullRequestFacts, policy: Policy, registryRef: FileRef | null): Promise<void> {
  const changed = new Set(facts.files.flatMap((f) => (f.previousFilename ? [f.filename, f.previousFilename] : [f.filename])));
  const localRegistry = registryRef && displayName(registryRef, repo) === registryRef.path ? registryRef.path : null;
  // Any rules file but the registry: `.github/governance.yml` (also one the PR adds where the
  // organisation's policy governs), the policy file, its `_extends` bases in this repository.
  const policyChanged = governedFiles(policy).some((p) => p !== localRegistry && changed.has(p));
  const registryChanged = localRegistry !== null && changed.has(localRegistry);
  if (!policyChanged && !registryChanged) return;

  const readHead = async (file: FileRef) => {
    const home = sameRepository(file, repo);
    const content = await readFileAtDefaultBranch(octokit, file, home ? facts.headSha : undefined);
    return content ? { text: content.text, file: displayName(file, repo) } : null;
  };
  const diagnostics: Diagnostic[] = [];
  let headPolicy: Policy | null = policy;
  if (policyChanged) {
    // The policy as the PR would leave it: the files of this repository at its head (the policy
    // and its bases here), others (an organisation's) as their default branch has them.
    const loaded = await loadPolicy(readHead, repo, DEFAULT_POLICY_PATH);
    if (!loaded) {
      headPolicy = null; // the PR deletes the policy: the repository would no longer be governed
      diagnostics.push(...deletedPolicyDiagnostic(DEFAULT_POLICY_PATH));
    } else {
      diagnostics.push(...errorsOf(loaded.diagnostics));
      headPolicy = loaded.policy;
    }
  }
  if (headPolicy) {
    const headRegistryRef = registryLocationOf(headPolicy, repo);
    const headRegistryName = displayName(headRegistryRef, repo);
    const text = headRegistryName === headRegistryRef.path ? await readHead(headRegistryRef) : null;
    if (headRegistryName === headRegistryRef.path) {
      const parsed = parseRegistry(text?.text ?? null, headRegistryName, headPolicy);
      if (!parsed.registry) diagnostics.push(...errorsOf(parsed.diagnostics));
    }
    if (registryChanged && text) {
      // The author's entry is judged by the default branch's policy (its sectors), not the head's.
      const headRegistry = parseRegistry(text.text, headRegistryName, policy).registry;
      facts.headAuthorEntry = headRegistry ? (entryOf(indexRegistry(headRegistry), facts.author) ?? null) : null;
      facts.headRegistryEntries = headRegistry?.entries ?? null;
    }
  }
  facts.headDiagnostics = diagnostics;
}

/**
 * The sign-off output `output`, to be written on a commit where this app's runs are `existing`,
 * with the memo of every PR's commands (src/github/signal-memo.ts): what the run it replaces
 * remembered, each PR of `fresh` as seen now (`owner`: the PR the run is written for, if any).
 * When all of it cannot fit in one check run, the run fails and keeps what it can (the first of
 * `fresh`): it never passes with part of its memory dropped.
 */
export function withMemos(output: CheckOutput, existing: ExistingRuns, fresh: ReadonlyArray<readonly [number, readonly MemoEntry[]]>, owner: number | undefined, ctx: RenderContext): CheckOutput {
  const run = existing.get(CHECK_SIGNOFF);
  const memos = run ? memosIn({ externalId: run.external_id, summary: run.output.summary }) : new Map<number, MemoEntry[]>();
  for (const [pr, seen] of fresh) memos.set(pr, [...seen]);
  const remembered = withMemo({ ...output, summary: withoutMemo(output.summary) }, memos, owner);
  if (remembered.summary.length <= MAX_CHECK_OUTPUT_CHARS) return remembered;
  const failed = renderErrorCheck({ message: "the commands seen on the pull requests sharing this commit do not fit in one check run" }, ctx);
  return withMemo(failed, new Map(fresh.slice(0, 1)), owner);
}

/** The commands remembered by this app's sign-off run among `runs` (its own, read by app id). */
function memoOf(runs: ExistingRuns, pr: number): MemoEntry[] {
  const run = runs.get(CHECK_SIGNOFF);
  return run ? rememberedFor({ externalId: run.external_id, summary: run.output.summary }, pr) : [];
}

/** Whether someone has an entry in the registry (by id when both give one, else by login): only their commands are remembered. */
function isMemberOf(registry: Registry): (who: { login: string; userId: number | null }) => boolean {
  const index = indexRegistry(registry);
  return (who) => entryOf(index, { login: who.login, id: who.userId }) !== undefined;
}

function deletedPolicyDiagnostic(path: string): Diagnostic[] {
  return [
    {
      file: path,
      line: 1,
      column: 1,
      severity: "error",
      code: "app.policy-deleted",
      message: { key: "app.policy-deleted", params: { file: path } },
    },
  ];
}

export function errorDetails(error: unknown): { status?: number; requestId?: string; message?: string } {
  const e = (error ?? {}) as { status?: unknown; requestId?: unknown; message?: unknown; response?: { headers?: Record<string, unknown> } };
  const out: { status?: number; requestId?: string; message?: string } = {};
  if (typeof e.status === "number") out.status = e.status;
  const id = typeof e.requestId === "string" ? e.requestId : e.response?.headers?.["x-github-request-id"];
  if (typeof id === "string") out.requestId = id;
  if (typeof e.message === "string") out.message = e.message;
  return out;
}
