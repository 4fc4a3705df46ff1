// One evaluation of one pull request: rules -> facts -> decide -> render -> publish. It is a
// function of (installation, repository, PR) that re-derives everything from GitHub, so running
// it again is always safe, and it writes nothing when the checks already say the same.
import { CHECK_DECLARATION, CHECK_SIGNOFF, DEFAULT_POLICY_PATH, MARKER_INSTRUCTIONS } from "../constants.js";
import { evaluateDeclarations, invalidDeclaration } from "../core/declarations.js";
import { entryOf, indexRegistry } from "../core/people.js";
import { commandsToRemember } from "../core/signals.js";
import { evaluateSignoff, invalidSignoff } from "../core/signoff.js";
import type { Diagnostic, Policy, PullRequestFacts, Registry, RegistryEntry, SeenCommand } from "../core/types.js";
import type { GitHub } from "../github/client.js";
import { getLatestCheckRuns, publishCheckRun, type ExistingRuns } from "../github/checks.js";
import { ensureMarkedComment } from "../github/comments.js";
import { readPullRequest } from "../github/facts.js";
import { decodeMemo, mergeMemos, withMemo } from "../github/signal-memo.js";
import { readFileAtDefaultBranch, sameRepository, type FileRef, type RepoRef } from "../github/files.js";
import { loadPolicy } from "../policy/load.js";
import { parseRegistry, registryLocationOf } from "../policy/registry.js";
import type { CheckOutput, RenderContext } from "../render/context.js";
import { renderDeclarationCheck } from "../render/declaration-check.js";
import { renderErrorCheck } from "../render/error-check.js";
import { renderInstructionComment } from "../render/instructions.js";
import { renderSignoffCheck } from "../render/signoff-check.js";
import { blockingErrors, displayName, errorsOf, getRules, type Rules } from "./governance.js";
import { earliest, encodeHint, nextRegistryChange, nextUtcDay, rulesDigest, signatureOf, type HintStore, type SweepHint } from "./sweep-hint.js";

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
  | { status: "evaluated"; title: string; declaration: CheckOutput; signoff: CheckOutput; writes: number }
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
    if (existing) facts.seenCommands = mergeMemos(facts.seenCommands ?? [], memoOf(existing));
    let memo: SeenCommand[] = facts.seenCommands ?? [];

    let declaration: CheckOutput;
    let signoff: CheckOutput;
    /** When the outcome or text can change with nothing else happening (the sweep's hint). */
    let next: number | null = null;
    let ownComments = 0;
    const errors = blockingErrors(rules);
    if (errors.length > 0 || !rules.policy || !rules.registry) {
      declaration = renderDeclarationCheck(invalidDeclaration(errors), ctx);
      signoff = renderSignoffCheck(invalidSignoff(errors), ctx);
    } else {
      await addHeadFacts(octokit, repo, facts, rules.policy, rules.registryRef);
      const input = { policy: rules.policy, registry: rules.registry, facts, now: ctx.now };
      memo = commandsToRemember(facts, isMemberOf(rules.registry));
      const declared = evaluateDeclarations(input);
      const signedOff = evaluateSignoff(input);
      declaration = renderDeclarationCheck(declared, ctx);
      signoff = renderSignoffCheck(signedOff, ctx);
      next = earliest(
        ...signedOff.kinds.filter((k) => !k.commentPeriodOver).map((k) => Date.parse(k.commentPeriodEnds)),
        nextRegistryChange(rules.policy, rules.registry, ctx.now),
        // A failing declaration check shows a ready-to-paste entry dated today.
        declared.outcome === "failure" ? nextUtcDay(ctx.now) : null,
      );
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
        if (done.action === "created") ownComments++;
      }
    }
    if (!publish) return { status: "evaluated", title: facts.title, declaration, signoff, writes };
    const hint: SweepHint = {
      signature: signatureOf(
        {
          headSha: facts.headSha,
          draft: facts.draft,
          labels: facts.labels,
          reviews: facts.reviews.length,
          dismissed: facts.reviews.filter((r) => r.state === "DISMISSED").length,
          // The comment this evaluation posted is one the sweep will count.
          comments: facts.comments.length + ownComments,
        },
        rulesDigest(rules),
      ),
      next,
      error: false,
    };
    signoff = withMemo(signoff, memo);
    writes += await publishBoth(octokit, repo, facts.headSha, deps.appId, ctx, declaration, signoff, hint, existing);
    await leaveHint(deps, target, hint);
    return { status: "evaluated", title: facts.title, declaration, signoff, writes };
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
        writes += await publishBoth(octokit, repo, headSha, deps.appId, ctx, failed, withMemo(failed, memoOf(existing)), failedHint, existing);
      } catch (publishError) {
        deps.log?.warn({ err: publishError }, "could not write the failed checks either");
      }
    }
    return { status: "error", error, writes };
  }
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

/** Writes both checks on `head_sha` (nothing where they already say the same); returns the writes. */
export async function publishBoth(
  octokit: GitHub,
  repo: RepoRef,
  head_sha: string,
  appId: number,
  ctx: RenderContext,
  declaration: CheckOutput,
  signoff: CheckOutput,
  /** The sweep's hint, on a PR's checks (a merge group's carry none). */
  hint?: SweepHint,
  /** This app's runs on `head_sha`, when the caller has just read them. */
  runs?: ExistingRuns,
): Promise<number> {
  let writes = 0;
  const external_id = hint ? encodeHint(hint) : undefined;
  const existing = runs ?? (await getLatestCheckRuns(octokit, { ...repo, head_sha, appId }));
  for (const [name, output] of [
    [CHECK_DECLARATION, declaration],
    [CHECK_SIGNOFF, signoff],
  ] as const) {
    const done = await publishCheckRun(octokit, { ...repo, head_sha, name, output, details_url: ctx.policyUrl, appId, now: ctx.now, ...(external_id ? { external_id } : {}) }, existing);
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
async function addHeadFacts(octokit: GitHub, repo: RepoRef, facts: PullRequestFacts, policy: Policy, registryRef: FileRef | null): Promise<void> {
  const changed = new Set(facts.files.flatMap((f) => (f.previousFilename ? [f.filename, f.previousFilename] : [f.filename])));
  const localRegistry = registryRef && displayName(registryRef, repo) === registryRef.path ? registryRef.path : null;
  const policyChanged = changed.has(policy.path);
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
    const loaded = await loadPolicy(readHead, repo, policy.path);
    if (!loaded) {
      headPolicy = null; // the PR deletes the policy: the repository would no longer be governed
      diagnostics.push(...deletedPolicyDiagnostic(policy.path));
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
    }
  }
  facts.headDiagnostics = diagnostics;
}

/** The commands remembered by this app's sign-off run among `runs` (its own, read by app id). */
function memoOf(runs: ExistingRuns): SeenCommand[] {
  return decodeMemo(runs.get(CHECK_SIGNOFF)?.output.summary);
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
