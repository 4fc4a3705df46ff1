// Appending one record to the public log when a decision PR closes.
//
// Idempotent: a record comment carries the PR and its close time in its marker, so a second
// delivery of the same close finds it and writes nothing. GitHub has no create-if-absent for
// comments, so two writers can race for one `seq`: after posting, the writer reads the log
// again, and if any record was posted before its own that is not the record it chained to (the
// same `seq` posted first by another process, or a predecessor that was itself removed), it
// deletes its own record at once and writes again from the new head. The earlier comment always
// wins, so exactly one of the racing writers keeps its record and the chain stays one chain.
import { GENESIS } from "../core/chain.js";
import { logPeriodKind, periodOf, comparePeriods } from "../core/period.js";
import { anchorCommitOf, buildPushRecord, buildRecord, type DecisionRecord, type PushFacts } from "../core/record.js";
import type { Policy, PullRequestFacts, SignoffResult } from "../core/types.js";
import type { GitHub } from "../github/client.js";
import type { RepoRef } from "../github/files.js";
import { t } from "../render/i18n.js";
import { renderRecordComment } from "../render/record.js";
import { followAnchors, highestAnchor, readAnchors, scanAnchors, writeAnchor } from "./anchor.js";
import {
  canonicalLogs,
  closeIssueWithComment,
  commentOnOwnIssue,
  ensureLogIssue,
  listRecordComments,
  listTransparencyIssues,
  readLogComments,
  type RecordComment,
  type RecordIssue,
} from "./issues.js";

/** Who the app is: only what its bot account wrote counts; only its check runs are anchors. */
export interface AppIdentity {
  /** "slug[bot]". */
  appLogin: string;
  appId: number;
}

interface AppendInput extends RepoRef, AppIdentity {
  policy: Policy;
  now: Date;
  /** For links in the record ("https://github.com" or a GitHub Enterprise host). */
  serverUrl?: string;
  /** How many times to write again after losing a race (default 5). */
  maxAttempts?: number;
}

export interface RecordCloseInput extends AppendInput {
  /** The closed PR; `closedAt` (GitHub's `closed_at`) identifies the close. */
  facts: PullRequestFacts;
  /** The sign-off as it stood when the PR closed, judged by the rules before the merge. */
  signoff: SignoffResult;
  authorSector: string | null;
  /** The default-branch commit whose rules judged it (the record's `rules`). */
  rules: string;
}

export type RecordCloseResult =
  | { status: "recorded"; record: DecisionRecord; url: string; issueNumber: number; attempts: number }
  | { status: "already-recorded"; url: string; issueNumber: number }
  | { status: "not-logged"; reason: "log-off" | "not-a-decision" };

export class RecordRaceError extends Error {
  constructor(attempts: number) {
    super(`Could not append the record after ${attempts} attempts: other writers kept taking its place in the chain`);
    this.name = "RecordRaceError";
  }
}

interface Head {
  seq: number;
  hash: string;
  /** The record comment it was read from. */
  comment: RecordComment;
}

/**
 * The last record of `records` whose `seq` and `hash` can be read. Records after it that cannot
 * (an administrator broke their text) stop nothing: their anchors, when they have them, are found
 * by the scan after the head, and `verify` names them `unreadable`.
 */
function headOf(records: RecordComment[]): Head | null {
  for (let i = records.length - 1; i >= 0; i--) {
    const c = records[i]!;
    const r = c.parsed.record;
    if (r && typeof r.seq === "number" && typeof r.hash === "string") return { seq: r.seq, hash: r.hash, comment: c };
  }
  return null;
}

/**
 * Whether a record comment's body was edited, by GitHub's `lastEditedAt` (read through GraphQL
 * with the log: readLogComments), never `updated_at`, which a reaction moves too. A comment read
 * without it counts as edited (fail closed: its anchor then says what the record was).
 */
function editOf(c: RecordComment): { edited: boolean; editor: string | null } {
  if (!c.edit) return { edited: true, editor: null };
  return { edited: c.edit.lastEditedAt !== null, editor: c.edit.editor };
}

/**
 * The head of the chain as the anchors say it is, so that tampering with the log never bends the
 * chain the app continues: a head record whose comment was edited (editOf) is continued from its
 * anchor's hash (the text GitHub shows may be a forgery), and anchors of records written after it (records
 * an administrator deleted from the end of the log: found from the head's commit, which holds the
 * copy of the next record's anchor, and by a scan of the branch and closed PRs for anchors
 * written before copies were) move the head past them, so that no `seq` is ever written twice.
 * `verify` names both. `commit` is the head record's commit, where the next record's copy goes.
 */
async function anchoredHead(octokit: GitHub, ref: RepoRef, head: Head, appId: number): Promise<{ seq: number; hash: string; commit: string | null }> {
  const record = head.comment.parsed.record ?? {};
  const commit = anchorCommitOf(record);
  let best = { seq: head.seq, hash: head.hash, commit: record.v === 1 ? null : commit };
  const followed = record.v !== 1 && commit ? [...(await followAnchors(octokit, ref, [commit], appId)).values()].flat() : [];
  if (record.v !== 1 && commit && editOf(head.comment).edited) {
    // Without its anchor (a crash between the comment and the check run, then an edit), the
    // chain goes on from the text as it stands: the record is still written, and `verify` names
    // the head `edited` (and by whom) and `unanchored`. A record never goes unwritten for want of
    // an anchor: otherwise one edit would keep every later close, an override's too, off the record.
    const own = followed.find((a) => a.commit === commit && a.seq === head.seq);
    if (own) best = { seq: own.seq, hash: own.hash, commit };
  }
  const closed = Date.parse(head.comment.parsed.closedAt);
  const later = [...(await scanAnchors(octokit, ref, appId, Number.isNaN(closed) ? null : new Date(closed), typeof record.merge_commit === "string" ? record.merge_commit : null)).values()].flat();
  for (const a of [...followed, ...later]) if (a.seq > best.seq) best = { seq: a.seq, hash: a.hash, commit: a.about ?? a.commit };
  return best;
}

/** The head of the chain when no record is visible: the highest anchor of the app, if any. */
async function anchoredStart(octokit: GitHub, ref: RepoRef, who: AppIdentity): Promise<{ seq: number; hash: string; commit: string | null } | null> {
  const a = await highestAnchor(octokit, ref, who.appId, who.appLogin);
  return a ? { seq: a.seq, hash: a.hash, commit: a.about ?? a.commit } : null;
}

export async function recordClosedPullRequest(octokit: GitHub, input: RecordCloseInput): Promise<RecordCloseResult> {
  const { policy, facts } = input;
  if (!policy.transparency.log) return { status: "not-logged", reason: "log-off" };
  if (!input.signoff.isDecision) return { status: "not-logged", reason: "not-a-decision" };
  const closedAt = facts.closedAt ?? input.now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const closedFacts: PullRequestFacts = { ...facts, closedAt };
  return appendRecord(octokit, input, {
    same: (c) => c.parsed.pr === facts.number && c.parsed.closedAt === closedAt,
    build: (repo, seq, prev) =>
      buildRecord({ repo, seq, prev, facts: closedFacts, signoff: input.signoff, authorSector: input.authorSector, rules: input.rules }),
  });
}

export interface RecordPushInput extends AppendInput {
  push: PushFacts;
}

/**
 * Appends the record of a direct push to the default branch: one record per move of the branch,
 * told by the pushed commit and the commit before it (the record's `rules`), so that a force-push
 * back to a commit recorded once before is a record of its own.
 */
export async function recordDirectPush(octokit: GitHub, input: RecordPushInput): Promise<RecordCloseResult> {
  if (!input.policy.transparency.log) return { status: "not-logged", reason: "log-off" };
  const sameMove = (c: RecordComment) => {
    const rules = c.parsed.record?.rules;
    return typeof rules !== "string" || rules === input.push.rules;
  };
  return appendRecord(octokit, input, {
    same: (c) => c.parsed.pr === null && c.parsed.push === input.push.commit && sameMove(c),
    build: (repo, seq, prev) => buildPushRecord({ repo, seq, prev, push: input.push }),
  });
}

/**
 * Appends one record to the log of the current period (opened if absent), chained to the last
 * record, then writes its anchor. `same` finds a record of the same close written before.
 */
async function appendRecord(
  octokit: GitHub,
  input: AppendInput,
  what: { same: (c: RecordComment) => boolean; build: (repo: string, seq: number, prev: string) => DecisionRecord },
): Promise<RecordCloseResult> {
  const { policy, appLogin } = input;
  const ref: RepoRef = { owner: input.owner, repo: input.repo };
  const period = periodOf(input.now, logPeriodKind(policy.transparency.report));
  const lang = policy.transparency.language;

  const known = await listTransparencyIssues(octokit, ref, policy.transparency.labels, appLogin);
  const { issue, issues, created } = await ensureLogIssue(octokit, ref, policy, period, known, appLogin);
  const earlier = canonicalLogs(issues)
    .filter((i) => comparePeriods(i.period, period) < 0)
    .reverse(); // latest first
  if (created && policy.transparency.report === "off") {
    // Without reports, a monthly log closes when the next one opens.
    for (const old of earlier.filter((i) => i.state === "open")) {
      await closeIssueWithComment(octokit, ref, old.number, t(lang, "report.logClosedNoReport", { period: old.period }), "completed");
      old.state = "closed";
    }
  }

  // Records of earlier issues do not change while we write; read them once, lazily. Logs are read
  // through GraphQL (as many pages as REST), which says whether the head was edited (editOf).
  const earlierRecords = new Map<number, RecordComment[]>();
  const recordsOf = async (i: RecordIssue) => {
    let r = earlierRecords.get(i.number);
    if (!r) {
      r = (await readLogComments(octokit, ref, i)).records;
      earlierRecords.set(i.number, r);
    }
    return r;
  };
  // A record found already written (a repeated delivery, or a write that failed after GitHub had
  // applied it) still gets its anchor, if the earlier attempt stopped before writing it.
  const already = async (c: RecordComment, before: RecordComment | undefined, issueNumber: number): Promise<RecordCloseResult> => {
    await ensureAnchor(octokit, ref, c, before, input);
    return { status: "already-recorded", url: c.url, issueNumber };
  };

  const maxAttempts = input.maxAttempts ?? 5;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const current = (await readLogComments(octokit, ref, issue)).records;
    const previousIssue = earlier[0];
    const previous = previousIssue ? await recordsOf(previousIssue) : [];

    // One record per close: a repeated delivery finds the record written before.
    // (The record before it, whose commit holds the copy of its anchor: on the same log, else the
    // last of the log before.)
    const at = current.findIndex(what.same);
    if (at >= 0) return already(current[at]!, at > 0 ? current[at - 1] : previous[previous.length - 1], issue.number);
    const thereAt = previous.findIndex(what.same);
    if (thereAt >= 0 && previousIssue) return already(previous[thereAt]!, previous[thereAt - 1], previousIssue.number);

    // The head of the chain: the last record of this period's log, else of the latest earlier one;
    // `last`, the last record comment of all, readable or not (ours must come right after it).
    let head = headOf(current);
    let last = current.at(-1);
    for (let i = 0; head === null && i < earlier.length; i++) {
      const records = await recordsOf(earlier[i]!);
      last ??= records.at(-1);
      head = headOf(records);
    }
    // No record visible at all: the first record ever, or records hidden from the app (a log
    // issue deleted, or no longer found). The anchors say which: the chain is never started again
    // while the app's anchors show records, it goes on from the highest, and `verify` names the
    // records missing from the log `deleted`.
    const chainHead = head ? await anchoredHead(octokit, ref, head, input.appId) : await anchoredStart(octokit, ref, input);

    const record = what.build(repoName(ref), (chainHead?.seq ?? 0) + 1, chainHead?.hash ?? GENESIS);
    const body = renderRecordComment(record, {
      lang,
      ...(input.serverUrl ? { serverUrl: input.serverUrl } : {}),
      sectorNames: Object.fromEntries(policy.sectors.map((s) => [s.id, s.name])),
    });
    const { data: posted } = await commentOnOwnIssue(octokit, ref, issue.number, body);

    // Did another writer get there first? Read the log again and look at what precedes ours.
    const after = await listRecordComments(octokit, ref, issue);
    const before = [...(current.length === 0 ? previous : []), ...after]
      .filter((c) => c.id < posted.id)
      .sort((a, b) => a.id - b.id)
      .pop();
    // Ours must come right after the head it chained to (another writer's record in between means
    // a race lost); the head's own text may differ from the chain's (see anchoredHead).
    const chainsOn = before === undefined ? true : last !== undefined && before.id === last.id;
    if (chainsOn) {
      const commit = anchorCommitOf(record);
      if (commit) await writeAnchor(octokit, ref, record, commit, { lang, recordUrl: posted.html_url, now: input.now, follows: chainHead?.commit ?? null });
      return { status: "recorded", record, url: posted.html_url, issueNumber: issue.number, attempts: attempt };
    }
    await octokit.rest.issues.deleteComment({ owner: ref.owner, repo: ref.repo, comment_id: posted.id });
  }
  throw new RecordRaceError(maxAttempts);
}

/** Writes the anchor of a record found already written, and its copy, where they are missing. */
async function ensureAnchor(octokit: GitHub, ref: RepoRef, c: RecordComment, before: RecordComment | undefined, input: AppendInput): Promise<void> {
  const record = c.parsed.record;
  if (!record || record.v !== 2 || typeof record.seq !== "number") return; // v1 records predate anchors
  const commit = anchorCommitOf(record);
  if (!commit) return;
  const prior = before?.parsed.record;
  const follows = prior && prior.v !== 1 ? anchorCommitOf(prior) : null;
  const anchors = await readAnchors(octokit, ref, follows ? [commit, follows] : [commit], input.appId);
  const has = (on: string) => (anchors.get(on) ?? []).some((a) => a.seq === record.seq && a.hash === record.hash);
  const parts = { own: !has(commit), copy: follows !== null && follows !== commit && !has(follows) };
  if (!parts.own && !parts.copy) return;
  const opts = { lang: input.policy.transparency.language, recordUrl: c.url, now: input.now, follows };
  await writeAnchor(octokit, ref, record as unknown as DecisionRecord, commit, opts, parts);
}

export const repoName = (ref: RepoRef): string => `${ref.owner}/${ref.repo}`;
