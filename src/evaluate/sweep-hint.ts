// What lets the sweep find the PRs that need evaluating without evaluating them: each evaluation
// leaves a hint in its own check runs' `external_id` (which only this app can write on its check
// runs), saying
//  - what it saw: a signature of the PR's signals (head, draft, base, the default branch's name,
//    labels, how many label and base changes its timeline holds, how many reviews and dismissed
//    reviews, and each comment's id and last update, so that a comment created, edited or deleted
//    changes it even when the count does not) and of the rules it judged them by;
//  - the next instant at which its outcome or text can change with nothing else happening (a
//    comment period's end, a declaration starting or lapsing, the next day's date in the
//    ready-to-paste entry of a failing declaration check);
//  - whether it failed by an error.
// The sweep lists the open PRs with those same signals and this app's check runs on their head,
// a hundred PRs a query, and evaluates only a PR whose checks are missing or on an older head,
// carry no hint, failed by an error, are due, or whose signals differ from the signature (a
// missed webhook: a review, a dismissal, a comment created, edited or deleted, a label added or
// removed, even one added and removed again, a retarget, a push, a change of the rules or of the
// default branch). What the signature leaves out changes no outcome: a review's or the PR's text
// (never read for a vote), a force-push back to a head already judged (the same commits, files and
// approvals). docs/internals.md ("Healing by the sweep") lists each input and the test that shows it heals.
//
// The hint is written with the checks, never alone: an evaluation that finds the checks showing
// the same outcome and text writes nothing, even when what it saw changed (a comment that is no
// command, a change of the rules that changes no outcome). So every evaluation also leaves its
// hint in a store of the app's (HintStore: in memory for one process, in Redis with the durable
// queue), and the sweep takes whichever hint matches what it lists. After a restart without Redis,
// the first sweep evaluates once the PRs whose checks' hint is older than what they show.
import { createHash } from "node:crypto";
import type { Policy, Registry } from "../core/types.js";
import type { Rules } from "./governance.js";

/** The signals of a PR that a missed webhook can change, as the evaluation and the sweep both see them. */
export interface PullSignals {
  headSha: string;
  draft: boolean;
  /** The PR's base branch (a PR into another branch than the default one is no decision). */
  base: string;
  /** The repository's default branch (whose rules judge, and which base makes a decision). */
  defaultBranch: string;
  labels: readonly string[];
  /**
   * Label and base changes in the PR's timeline: a decision label added and removed again, or a
   * retarget and back, leaves the labels and base as they were, not what they mean (a decision
   * label sticks; approvals under another base do not count).
   */
  timeline: number;
  /** Submitted reviews (any state). */
  reviews: number;
  /** Of those, dismissed ones (a dismissal adds no review). */
  dismissed: number;
  /** Comments on the PR's conversation (those with an author): each one's id and last update. */
  comments: readonly CommentStamp[];
}

/** What changes whenever a comment is created (a new id), edited (`updated_at`) or deleted (an id gone). */
export interface CommentStamp {
  id: number;
  updatedAt: string;
}

export interface SweepHint {
  /** The signature of what the evaluation saw ("" when it failed before seeing it). */
  signature: string;
  /** When to look again with nothing else happening (ms since the epoch), or null: never. */
  next: number | null;
  /** The evaluation failed by an error (GitHub's, or the app's). */
  error: boolean;
}

const PREFIX = "pg1";
const DAY_MS = 86_400_000;

const digest = (value: unknown): string => createHash("sha256").update(JSON.stringify(value, jsonable)).digest("hex").slice(0, 20);

function jsonable(_key: string, value: unknown): unknown {
  if (value instanceof Map) return [...value.entries()];
  if (value instanceof Set) return [...value.values()];
  return value;
}

/** A digest of the rules a PR is judged by (policy, registry, their errors). */
export function rulesDigest(rules: Extract<Rules, { governed: true }>): string {
  return digest([rules.policy, rules.registry, rules.diagnostics]);
}

/** The signature of a PR's signals under rules of digest `rules`. */
export function signatureOf(signals: PullSignals, rules: string): string {
  const comments = [...signals.comments].sort((a, b) => a.id - b.id).map((c) => `${c.id}@${Date.parse(c.updatedAt)}`);
  return digest([
    signals.headSha,
    signals.draft,
    signals.base,
    signals.defaultBranch,
    [...signals.labels].sort(),
    signals.timeline,
    signals.reviews,
    signals.dismissed,
    comments,
    rules,
  ]);
}

/**
 * Whom a check run on a commit was written for (src/evaluate/shared-head.ts): a check is keyed by
 * commit, so the app notes on its own runs which PR it judged, whether other open PRs share that
 * head, and whether the commit is a merge group's (with the PRs whose head it also is).
 */
export interface CheckOwner {
  /** The PR whose evaluation wrote the run (null: the merge group's evaluation). */
  pr: number | null;
  /** Other open PRs had this commit as their head when it was written. */
  shared: boolean;
  /** The commit is a merge group's. */
  group: boolean;
  /** On a group's run: the open PRs whose head the commit also is (judged with the group). */
  heads: readonly number[];
  /**
   * On a group's commit: the commit the group is built on, the default branch's head before the
   * group lands (src/github/merge-queue.ts groupBase), as the queue said when the app judged it.
   * The record of a PR the queue landed is judged by its rules (src/evaluate/record-close.ts).
   */
  base?: string;
}

const ownerPart = (o: CheckOwner): string =>
  `${o.pr ?? ""}${o.shared ? "s" : ""}${o.group ? "g" : ""}${o.heads.map((n) => `-${n}`).join("")}${o.group && o.base ? `b${o.base}` : ""}`;

/** The owner of a run, from its `external_id` (null: none noted, a run of an older version). */
export function decodeOwner(externalId: string | null | undefined): CheckOwner | null {
  const parts = (externalId ?? "").split(".");
  if (parts[0] !== PREFIX || (parts.length !== 5 && parts.length !== 2)) return null;
  const m = /^(\d*)(s?)(g?)((?:-\d+)*)(?:b([0-9a-f]{40}|[0-9a-f]{64}))?$/.exec(parts[parts.length - 1]!);
  if (!m) return null;
  const pr = m[1] ? Number(m[1]) : null;
  const heads = m[4] ? m[4].slice(1).split("-").map(Number) : [];
  if ((pr !== null && !Number.isSafeInteger(pr)) || heads.some((n) => !Number.isSafeInteger(n))) return null;
  const group = m[3] === "g";
  if (m[5] && !group) return null;
  return { pr, shared: m[2] === "s", group, heads, ...(m[5] ? { base: m[5] } : {}) };
}

/** The `external_id` of a merge group's runs: "pg1.g[-<pr>...][b<base>]" (no hint: the sweep lists PRs). */
export const encodeGroupOwner = (heads: readonly number[], base?: string | null): string =>
  `${PREFIX}.${ownerPart({ pr: null, shared: false, group: true, heads, ...(base ? { base } : {}) })}`;

/** Whether a run's noted owner is `owner` (a run of an older version noting none counts as this PR's alone). */
export function sameOwner(externalId: string | null | undefined, owner: CheckOwner): boolean {
  const noted = decodeOwner(externalId);
  if (noted === null) return owner.pr !== null && !owner.shared && !owner.group;
  return ownerPart(noted) === ownerPart(owner);
}

/** The hint as `external_id` holds it: "pg1.<signature>.<next, base 36>.<e when an error>[.<owner>]". */
export function encodeHint(hint: SweepHint, owner?: CheckOwner): string {
  const parts = [PREFIX, hint.signature, hint.next === null ? "" : hint.next.toString(36), hint.error ? "e" : ""];
  if (owner) parts.push(ownerPart(owner));
  return parts.join(".");
}

/** The hint of an `external_id`, or null when it holds none (a check of an older version). */
export function decodeHint(externalId: string | null | undefined): SweepHint | null {
  const parts = (externalId ?? "").split(".");
  if ((parts.length !== 4 && parts.length !== 5) || parts[0] !== PREFIX) return null;
  const [, signature = "", next = "", error = ""] = parts;
  const at = next === "" ? null : parseInt(next, 36);
  if (at !== null && !Number.isSafeInteger(at)) return null;
  return { signature, next: at, error: error === "e" };
}

const dayStart = (day: string): number | undefined => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
};

/**
 * The first instant after `now` at which a declaration of the registry starts or lapses
 * (current from its date through the whole day date + renew_after_days), or null.
 */
export function nextRegistryChange(policy: Policy, registry: Registry, now: Date): number | null {
  const t = now.getTime();
  let next: number | null = null;
  const consider = (ms: number | undefined) => {
    if (ms !== undefined && ms > t && (next === null || ms < next)) next = ms;
  };
  const renew = policy.declarations.renewAfterDays;
  for (const entry of registry.entries) {
    if (entry.problem) continue;
    const start = dayStart(entry.declared);
    if (start === undefined) continue;
    consider(start);
    if (renew > 0) consider(start + (renew + 1) * DAY_MS);
  }
  return next;
}

/** The earliest of instants (null: none). */
export function earliest(...instants: Array<number | null | undefined>): number | null {
  let out: number | null = null;
  for (const at of instants) if (typeof at === "number" && Number.isFinite(at) && (out === null || at < out)) out = at;
  return out;
}

/** The start of the UTC day after `now`. */
export const nextUtcDay = (now: Date): number => (Math.floor(now.getTime() / DAY_MS) + 1) * DAY_MS;

/** This app's check runs on a PR's head, as the sweep lists them. */
export interface ListedCheck {
  externalId: string | null;
}

export interface ListedPull extends PullSignals {
  number: number;
  /** This app's latest check run of each name on the PR's head commit. */
  checks: ReadonlyMap<string, ListedCheck>;
  /** The PR has more labels than one page lists: its signature cannot be compared. */
  labelsIncomplete?: boolean;
  /** The PR has more comments than one page lists: its signature cannot be compared. */
  commentsIncomplete?: boolean;
}

/**
 * Why a listed PR needs evaluating (null: it does not): its checks (`names`) missing on its head;
 * or no hint (of its checks, or `stored`, the last evaluation's) for what it shows now: none at
 * all, the last one failed by an error, or its signals changed; or the matching hint is due.
 */
export function reasonToEvaluate(pull: ListedPull, names: readonly string[], rules: string, now: Date, stored?: string | null): string | null {
  const hints: Array<SweepHint | null> = [decodeHint(stored)];
  for (const name of names) {
    const check = pull.checks.get(name);
    if (!check) return "no check on the head";
    hints.push(decodeHint(check.externalId));
  }
  if (pull.labelsIncomplete) return "too many labels to compare";
  if (pull.commentsIncomplete) return "too many comments to compare";
  const signature = signatureOf(pull, rules);
  const latest = hints[0] ?? null;
  if (latest?.error) return "failed by an error";
  const matching = hints.filter((h): h is SweepHint => h !== null && !h.error && h.signature === signature);
  if (matching.length === 0) {
    if (hints.some((h) => h?.error)) return "failed by an error";
    return hints.every((h) => h === null) ? "no hint" : "changed";
  }
  if (matching.some((h) => h.next !== null && h.next <= now.getTime())) return "due";
  return null;
}

/**
 * Where each evaluation leaves its hint, by PR key (src/handlers/services.ts prKey), for the
 * sweep: the last evaluation's, whether or not it wrote.
 */
export interface HintStore {
  get(keys: readonly string[]): Promise<Array<string | null>>;
  set(key: string, hint: string): Promise<void>;
}

/** The hint store of one process: the latest hint of up to `max` PRs (the oldest go first). */
export class MemoryHintStore implements HintStore {
  readonly #hints = new Map<string, string>();
  constructor(readonly max = 100_000) {}
  async get(keys: readonly string[]): Promise<Array<string | null>> {
    return keys.map((k) => this.#hints.get(k) ?? null);
  }
  async set(key: string, hint: string): Promise<void> {
    this.#hints.delete(key);
    this.#hints.set(key, hint);
    if (this.#hints.size > this.max) this.#hints.delete(this.#hints.keys().next().value as string);
  }
}
