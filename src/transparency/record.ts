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
import { buildRecord, type DecisionRecord } from "../core/record.js";
import type { Policy, PullRequestFacts, SignoffResult } from "../core/types.js";
import type { GitHub } from "../github/client.js";
import type { RepoRef } from "../github/files.js";
import { t } from "../render/i18n.js";
import { renderRecordComment } from "../render/record.js";
import {
  canonicalLogs,
  closeIssueWithComment,
  ensureLogIssue,
  listRecordComments,
  listTransparencyIssues,
  type RecordComment,
  type RecordIssue,
} from "./issues.js";

export interface RecordCloseInput extends RepoRef {
  policy: Policy;
  /** The closed PR; `closedAt` (GitHub's `closed_at`) identifies the close. */
  facts: PullRequestFacts;
  /** The sign-off as it stood when the PR closed, judged by the rules before the merge. */
  signoff: SignoffResult;
  authorSector: string | null;
  now: Date;
  /** For links in the record ("https://github.com" or a GitHub Enterprise host). */
  serverUrl?: string;
  /** How many times to write again after losing a race (default 5). */
  maxAttempts?: number;
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
}

function headOf(records: RecordComment[]): Head | null | "unreadable" {
  const last = records[records.length - 1];
  if (!last) return null;
  const r = last.parsed.record;
  if (!r || typeof r.seq !== "number" || typeof r.hash !== "string") return "unreadable";
  return { seq: r.seq, hash: r.hash };
}

export async function recordClosedPullRequest(octokit: GitHub, input: RecordCloseInput): Promise<RecordCloseResult> {
  const { policy, facts } = input;
  if (!policy.transparency.log) return { status: "not-logged", reason: "log-off" };
  if (!input.signoff.isDecision) return { status: "not-logged", reason: "not-a-decision" };
  const ref: RepoRef = { owner: input.owner, repo: input.repo };
  const closedAt = facts.closedAt ?? input.now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const closedFacts: PullRequestFacts = { ...facts, closedAt };
  const period = periodOf(input.now, logPeriodKind(policy.transparency.report));

  const known = await listTransparencyIssues(octokit, ref, policy.transparency.labels);
  const { issue, issues, created } = await ensureLogIssue(octokit, ref, policy, period, known);
  const earlier = canonicalLogs(issues)
    .filter((i) => comparePeriods(i.period, period) < 0)
    .reverse(); // latest first
  if (created && policy.transparency.report === "off") {
    // Without reports, a monthly log closes when the next one opens.
    for (const old of earlier.filter((i) => i.state === "open")) {
      await closeIssueWithComment(octokit, ref, old.number, t(policy.transparency.language, "report.logClosedNoReport", { period: old.period }), "completed");
      old.state = "closed";
    }
  }

  // Records of earlier issues do not change while we write; read them once, lazily.
  const earlierRecords = new Map<number, RecordComment[]>();
  const recordsOf = async (i: RecordIssue) => {
    let r = earlierRecords.get(i.number);
    if (!r) {
      r = await listRecordComments(octokit, ref, i);
      earlierRecords.set(i.number, r);
    }
    return r;
  };

  const maxAttempts = input.maxAttempts ?? 5;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const current = await listRecordComments(octokit, ref, issue);
    const previousIssue = earlier[0];
    const previous = previousIssue ? await recordsOf(previousIssue) : [];

    // One record per close: a repeated delivery finds the record written before.
    const same = (c: RecordComment) => c.parsed.pr === facts.number && c.parsed.closedAt === closedAt;
    const here = current.find(same);
    if (here) return { status: "already-recorded", url: here.url, issueNumber: issue.number };
    const there = previous.find(same);
    if (there && previousIssue) return { status: "already-recorded", url: there.url, issueNumber: previousIssue.number };

    // The head of the chain: the last record of this period's log, else of the latest earlier one.
    let head = headOf(current);
    for (let i = 0; head === null && i < earlier.length; i++) head = headOf(await recordsOf(earlier[i]!));
    if (head === "unreadable") throw new Error(`The last record of the log of ${repoName(ref)} is unreadable: the chain cannot be continued`);

    const record = buildRecord({
      repo: repoName(ref),
      seq: (head?.seq ?? 0) + 1,
      prev: head?.hash ?? GENESIS,
      facts: closedFacts,
      signoff: input.signoff,
      authorSector: input.authorSector,
    });
    const body = renderRecordComment(record, {
      lang: policy.transparency.language,
      ...(input.serverUrl ? { serverUrl: input.serverUrl } : {}),
      sectorNames: Object.fromEntries(policy.sectors.map((s) => [s.id, s.name])),
    });
    const { data: posted } = await octokit.rest.issues.createComment({ owner: ref.owner, repo: ref.repo, issue_number: issue.number, body });

    // Did another writer get there first? Read the log again and look at what precedes ours.
    const after = await listRecordComments(octokit, ref, issue);
    const before = [...(current.length === 0 ? previous : []), ...after]
      .filter((c) => c.id < posted.id)
      .sort((a, b) => a.id - b.id)
      .pop();
    const chainsOn =
      before === undefined
        ? true
        : before.parsed.record?.seq === record.seq - 1 && before.parsed.record?.hash === record.prev;
    if (chainsOn) return { status: "recorded", record, url: posted.html_url, issueNumber: issue.number, attempts: attempt };
    await octokit.rest.issues.deleteComment({ owner: ref.owner, repo: ref.repo, comment_id: posted.id });
  }
  throw new RecordRaceError(maxAttempts);
}

export const repoName = (ref: RepoRef): string => `${ref.owner}/${ref.repo}`;
