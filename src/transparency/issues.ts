// Finding what the app wrote on the public record: log and report issues (the issues its account
// opened, all pages, told apart by the hidden marker in their body or their title), and the record comments
// of a log issue (by their marker). Only what the app's own bot account ("slug[bot]") wrote
// counts: an issue or a comment with the same title or marker from anyone else (a writer, a
// workflow as `github-actions[bot]`, another app) is set aside as foreign, never read as a record.
import { LOG_TITLE_PREFIX, REPORT_TITLE_PREFIX } from "../constants.js";
import { comparePeriods, parsePeriod } from "../core/period.js";
import { parseRecordComment, type ParsedRecordComment } from "../core/record.js";
import type { Language, Policy } from "../core/types.js";
import type { GitHub } from "../github/client.js";
import type { RepoRef } from "../github/files.js";
import { t } from "../render/i18n.js";
import { renderLogIssueBody } from "../render/record.js";

export interface RecordIssue {
  number: number;
  period: string;
  state: "open" | "closed";
  /** The login that opened it: the app. Only its comments on a log are records. */
  author: string;
  url: string;
  createdAt: string;
  /** A report only: how many parts it was published in (the body's parts marker; 1 without). */
  parts?: number;
}

export interface TransparencyIssues {
  /** Log issues by period, oldest (lowest number) first. */
  logs: Map<string, RecordIssue[]>;
  /** Report issues by period, oldest first. */
  reports: Map<string, RecordIssue[]>;
  /** Issues titled or marked as a log or a report that the app did not open: never used. */
  foreign: RecordIssue[];
  /** Issues the app opened whose title and marker no longer say which log or report they are. */
  unrecognised: RecordIssue[];
}

/** Whether `login` is the app's bot account (GitHub compares logins case-insensitively). */
export const sameLogin = (a: string | undefined | null, b: string): boolean => (a ?? "").toLowerCase() === b.toLowerCase();

const LOG_RE = /<!-- partnership-governance:log period=(\S+) -->/;
const REPORT_RE = /<!-- partnership-governance:report period=(\S+) -->/;
const REPORT_PARTS_RE = /<!-- partnership-governance:report-parts period=(\S+) total=(\d+) -->/;

/** The period an issue names as `prefix` in its title, or null. */
function titlePeriod(title: string, prefix: string): string | null {
  if (!title.startsWith(prefix)) return null;
  const period = title.slice(prefix.length);
  return parsePeriod(period) ? period : null;
}

/** The period a marker names, or null. */
const markerPeriod = (m: RegExpExecArray | null): string | null => (m && parsePeriod(m[1]!) ? m[1]! : null);

export interface ListOptions {
  /**
   * Also list the issues carrying the log's label (`labels[0]`) that anyone else opened with the
   * title or marker of a log or report, as `foreign` (for `verify`): an extra listing.
   */
  lookalikes?: boolean;
}

/**
 * Every log and report issue the app (`appLogin`, its "slug[bot]") opened in the repository, open
 * or closed (all pages): listed by their author (`creator`), which no one can change, never by the
 * label, which any writer can take off (a log without its label would drop out of the chain, and
 * the app would start it again). An issue the app opened is a log or a report by its marker or its
 * title (a writer can edit either); one it opened that names neither is `unrecognised` (`verify`
 * names it). With `lookalikes`, the labelled look-alikes anyone else opened too.
 */
export async function listTransparencyIssues(octokit: GitHub, ref: RepoRef, labels: string[], appLogin: string, opts: ListOptions = {}): Promise<TransparencyIssues> {
  const mine = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: ref.owner, repo: ref.repo, state: "all", creator: appLogin, per_page: 100 });
  const labelled =
    opts.lookalikes && labels.length > 0
      ? await octokit.paginate(octokit.rest.issues.listForRepo, { owner: ref.owner, repo: ref.repo, state: "all", labels: labels[0], per_page: 100 })
      : [];
  const logs = new Map<string, RecordIssue[]>();
  const reports = new Map<string, RecordIssue[]>();
  const foreign: RecordIssue[] = [];
  const unrecognised: RecordIssue[] = [];
  const seen = new Set<number>();
  for (const issue of [...mine, ...labelled]) {
    if (issue.pull_request || seen.has(issue.number)) continue;
    seen.add(issue.number);
    const body = issue.body ?? "";
    const entry = (period: string, parts?: number): RecordIssue => ({
      number: issue.number,
      period,
      state: issue.state === "closed" ? "closed" : "open",
      author: issue.user?.login ?? "",
      url: issue.html_url,
      createdAt: issue.created_at,
      ...(parts !== undefined ? { parts } : {}),
    });
    const add = (map: Map<string, RecordIssue[]>, period: string, parts?: number) => {
      const list = map.get(period) ?? [];
      list.push(entry(period, parts));
      map.set(period, list);
    };
    const log = LOG_RE.exec(body);
    const report = REPORT_RE.exec(body);
    // Logs and reports are opened by the app's own account only: an issue anyone else opened with
    // the same title or marker (a writer's workflow, another app) can neither hijack the chain nor
    // stand in for a report; `verify` names it.
    if (!sameLogin(issue.user?.login, appLogin)) {
      const lookalike = log ?? report;
      if (lookalike || issue.title.startsWith(LOG_TITLE_PREFIX) || issue.title.startsWith(REPORT_TITLE_PREFIX)) {
        foreign.push(entry(lookalike?.[1] ?? issue.title.replace(/^Transparency (?:log|report): /, "")));
      }
      continue;
    }
    // The marker first; the title when the marker is gone; never an issue both call a log and a report.
    const logPeriod = markerPeriod(log) ?? (report ? null : titlePeriod(issue.title, LOG_TITLE_PREFIX));
    const reportPeriod = markerPeriod(report) ?? (log ? null : titlePeriod(issue.title, REPORT_TITLE_PREFIX));
    if (logPeriod !== null && reportPeriod === null) add(logs, logPeriod);
    else if (reportPeriod !== null && logPeriod === null) {
      const parts = REPORT_PARTS_RE.exec(body);
      add(reports, reportPeriod, parts && parts[1] === reportPeriod ? Number(parts[2]) : undefined);
    } else unrecognised.push(entry(""));
  }
  for (const list of [...logs.values(), ...reports.values()]) list.sort((a, b) => a.number - b.number);
  foreign.sort((a, b) => a.number - b.number);
  return { logs, reports, foreign, unrecognised };
}

/** The log issue of each period (the oldest when a race made two), in period order. */
export function canonicalLogs(issues: TransparencyIssues): RecordIssue[] {
  return [...issues.logs.values()].map((l) => l[0]!).sort((a, b) => comparePeriods(a.period, b.period));
}

export interface RecordComment {
  id: number;
  body: string;
  url: string;
  parsed: ParsedRecordComment;
  /** GitHub's `created_at` and `updated_at` (moved by an edit, and by a reaction too). */
  createdAt: string;
  updatedAt: string;
  /** Who wrote it. */
  author: string;
  /**
   * Read through GraphQL (readLogComments) only: when its body was last edited (null: never; the
   * app never edits a record), and by whom, when GitHub names them.
   */
  edit?: { lastEditedAt: string | null; editor: string | null };
}

/** The record comments of a log issue, in order (all pages): the app's, and anyone else's marked ones. */
export async function listLogComments(octokit: GitHub, ref: RepoRef, issue: RecordIssue): Promise<{ records: RecordComment[]; foreign: RecordComment[] }> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: ref.owner,
    repo: ref.repo,
    issue_number: issue.number,
    per_page: 100,
  });
  const records: RecordComment[] = [];
  const foreign: RecordComment[] = [];
  for (const c of comments) {
    const parsed = parseRecordComment(c.body ?? "");
    if (!parsed) continue;
    const author = c.user?.login ?? "";
    const comment = { id: c.id, body: c.body ?? "", url: c.html_url, parsed, createdAt: c.created_at, updatedAt: c.updated_at, author };
    // The log's author is the app (listTransparencyIssues keeps no other).
    (sameLogin(author, issue.author) ? records : foreign).push(comment);
  }
  return { records, foreign };
}

/** One page of a log issue's comments through GraphQL (records are hundreds of bytes each: 100 a page fits well). */
const LOG_COMMENTS_QUERY = `query LogComments($owner: String!, $name: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    issue(number: $number) {
      comments(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { fullDatabaseId url body createdAt updatedAt lastEditedAt author { __typename login } editor { __typename login } }
      }
    }
  }
}`;

interface GraphLogin {
  __typename: string;
  login: string;
}

interface LogCommentsResult {
  repository: {
    issue: {
      comments: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<{ fullDatabaseId: string | null; url: string; body: string; createdAt: string; updatedAt: string; lastEditedAt: string | null; author: GraphLogin | null; editor: GraphLogin | null } | null> | null;
      };
    } | null;
  } | null;
}

/** A login as REST gives it: GitHub's GraphQL names an app's account by its slug, without "[bot]". */
const restLogin = (a: GraphLogin | null): string | null => (a ? (a.__typename === "Bot" ? `${a.login}[bot]` : a.login) : null);

/**
 * The record comments of a log issue, in order (all pages), as `verify` reads them: through
 * GraphQL, in as many requests as REST would take (100 a page), with what REST does not give:
 * whether each was edited (`lastEditedAt`: a reaction moves `updated_at`, never this) and by whom.
 */
export async function readLogComments(octokit: GitHub, ref: RepoRef, issue: RecordIssue): Promise<{ records: RecordComment[]; foreign: RecordComment[] }> {
  const records: RecordComment[] = [];
  const foreign: RecordComment[] = [];
  let after: string | null = null;
  for (;;) {
    const data: LogCommentsResult = await octokit.graphql<LogCommentsResult>(LOG_COMMENTS_QUERY, { owner: ref.owner, name: ref.repo, number: issue.number, after });
    const page = data.repository?.issue?.comments;
    if (!page) throw new Error(`The log issue #${issue.number} of ${ref.owner}/${ref.repo} cannot be read`);
    for (const c of page.nodes ?? []) {
      if (!c) continue;
      const parsed = parseRecordComment(c.body);
      if (!parsed) continue;
      const author = restLogin(c.author) ?? "";
      const comment: RecordComment = {
        id: Number(c.fullDatabaseId ?? 0),
        body: c.body,
        url: c.url,
        parsed,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        author,
        edit: { lastEditedAt: c.lastEditedAt, editor: restLogin(c.editor) },
      };
      (sameLogin(author, issue.author) ? records : foreign).push(comment);
    }
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  return { records, foreign };
}

/** The record comments the app wrote on a log issue, in order (all pages). */
export async function listRecordComments(octokit: GitHub, ref: RepoRef, issue: RecordIssue): Promise<RecordComment[]> {
  return (await listLogComments(octokit, ref, issue)).records;
}

/** What the app needs of a comment it posted. */
export interface PostedComment {
  id: number;
  html_url: string;
  user: { login: string } | null;
}

/** Whether GitHub refused a comment because the issue's conversation is locked. */
function lockedRefusal(error: unknown): boolean {
  const e = error as { status?: number; message?: string; response?: { data?: { message?: string } } };
  return e.status === 403 && /\block/i.test(`${e.response?.data?.message ?? ""} ${e.message ?? ""}`);
}

/**
 * Posts a comment on one of the app's own issues (a log, a report): a record, or a note saying
 * why the issue closed. Anyone with write access can lock an issue's conversation, and GitHub
 * then refuses a GitHub App's comment (403 "Unable to create comment because issue is locked.",
 * as Probot apps and Renovate have met it), so a writer could keep the record from being written.
 * On that refusal the app reads the lock's reason, unlocks the issue (issues: write), comments,
 * and locks it again as it was: the lock keeps out everyone else, never the record.
 */
export async function commentOnOwnIssue(octokit: GitHub, ref: RepoRef, issueNumber: number, body: string): Promise<{ data: PostedComment }> {
  const post = async (): Promise<{ data: PostedComment }> => {
    const { data } = await octokit.rest.issues.createComment({ owner: ref.owner, repo: ref.repo, issue_number: issueNumber, body });
    return { data: { id: data.id, html_url: data.html_url, user: data.user ? { login: data.user.login } : null } };
  };
  try {
    return await post();
  } catch (error) {
    if (!lockedRefusal(error)) throw error;
  }
  const { data: issue } = await octokit.rest.issues.get({ owner: ref.owner, repo: ref.repo, issue_number: issueNumber });
  if (!issue.locked) return post();
  await octokit.rest.issues.unlock({ owner: ref.owner, repo: ref.repo, issue_number: issueNumber });
  try {
    return await post();
  } finally {
    const reason = issue.active_lock_reason;
    const known = reason === "off-topic" || reason === "too heated" || reason === "resolved" || reason === "spam";
    await octokit.rest.issues.lock({ owner: ref.owner, repo: ref.repo, issue_number: issueNumber, ...(known ? { lock_reason: reason } : {}) });
  }
}

/**
 * Closes an issue with a comment saying why (GitHub's `state_reason` tells the kind of close).
 * Two processes can close the same issue at once (both sweeping, or both opening a period's log):
 * after posting, the comments are read again, and a writer whose words the app had already
 * posted there removes its own copy, so the earlier comment stays alone.
 */
export async function closeIssueWithComment(
  octokit: GitHub,
  ref: RepoRef,
  issueNumber: number,
  body: string,
  reason: "completed" | "duplicate",
): Promise<void> {
  const { data: posted } = await commentOnOwnIssue(octokit, ref, issueNumber, body);
  await octokit.rest.issues.update({ owner: ref.owner, repo: ref.repo, issue_number: issueNumber, state: "closed", state_reason: reason });
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: ref.owner, repo: ref.repo, issue_number: issueNumber, per_page: 100 });
  const me = (posted.user?.login ?? "").toLowerCase();
  const earlier = comments.some((c) => c.id < posted.id && c.body === body && (c.user?.login ?? "").toLowerCase() === me);
  if (earlier) await octokit.rest.issues.deleteComment({ owner: ref.owner, repo: ref.repo, comment_id: posted.id });
}

/**
 * Closes every log issue of `period` but the oldest, as duplicates (a race made them), moving
 * nothing: the log continues on the oldest. Returns the oldest.
 */
async function closeDuplicates(octokit: GitHub, ref: RepoRef, list: RecordIssue[], lang: Language): Promise<RecordIssue> {
  const [keep, ...dups] = list;
  for (const d of dups) {
    if (d.state !== "open") continue;
    await closeIssueWithComment(octokit, ref, d.number, t(lang, "record.log.duplicate", { url: keep!.url }), "duplicate");
    d.state = "closed";
  }
  return keep!;
}

/**
 * The log issue of `period`, opened if absent. After opening one, the list is read again: if
 * another process opened one too, the oldest is kept and the other closed as a duplicate.
 */
export async function ensureLogIssue(
  octokit: GitHub,
  ref: RepoRef,
  policy: Policy,
  period: string,
  known: TransparencyIssues,
  appLogin: string,
): Promise<{ issue: RecordIssue; issues: TransparencyIssues; created: boolean }> {
  const lang = policy.transparency.language;
  const existing = known.logs.get(period);
  if (existing && existing.length > 0) {
    return { issue: await closeDuplicates(octokit, ref, existing, lang), issues: known, created: false };
  }
  const { data } = await octokit.rest.issues.create({
    owner: ref.owner,
    repo: ref.repo,
    title: `${LOG_TITLE_PREFIX}${period}`,
    body: renderLogIssueBody(period, lang),
    labels: policy.transparency.labels,
  });
  const mine: RecordIssue = {
    number: data.number,
    period,
    state: "open",
    author: data.user?.login ?? "",
    url: data.html_url,
    createdAt: data.created_at,
  };
  const issues = await listTransparencyIssues(octokit, ref, policy.transparency.labels, appLogin);
  const list = issues.logs.get(period) ?? [];
  if (!list.some((i) => i.number === mine.number)) list.push(mine);
  list.sort((a, b) => a.number - b.number);
  issues.logs.set(period, list);
  return { issue: await closeDuplicates(octokit, ref, list, lang), issues, created: true };
}


/** The key of one close, as a record's marker names it: the PR and its `closed_at` (a push: its commit). */
export const closeKey = (pr: number | null, closedAt: string, push?: string): string => (pr === null ? `push:${push ?? ""}` : `${pr}@${closedAt}`);

/**
 * The key of one recorded move of the default branch (src/transparency/record.ts
 * recordDirectPush): the pushed commit and the commit before it, the record's `rules` (null: a
 * record without them, which stands for every move to that commit).
 */
export const pushMoveKey = (after: string, before: string | null): string => `move:${after}..${before ?? "*"}`;

/**
 * Every close recorded in the logs of the periods that end after `since` (a close at or after
 * `since` is recorded in the log of the period it was recorded in, never earlier), read once:
 * one listing of the issues and one of each such log's comments, whatever the number of PRs.
 */
export async function listRecordedCloses(octokit: GitHub, ref: RepoRef, labels: string[], since: Date, appLogin: string): Promise<RecordedCloses> {
  const issues = await listTransparencyIssues(octokit, ref, labels, appLogin);
  const out = new Set<string>();
  const switches: RecordedSwitch[] = [];
  for (const list of issues.logs.values()) {
    for (const log of list) {
      const bounds = parsePeriod(log.period);
      if (!bounds || bounds.end.getTime() <= since.getTime()) continue;
      for (const c of await listRecordComments(octokit, ref, log)) {
        out.add(closeKey(c.parsed.pr, c.parsed.closedAt, c.parsed.push));
        if (c.parsed.pr === null) {
          const rules = c.parsed.record?.rules;
          out.add(pushMoveKey(c.parsed.push ?? "", typeof rules === "string" ? rules : null));
          const moved = c.parsed.record?.default_branch as { from?: unknown; to?: unknown } | undefined;
          const at = Date.parse(c.parsed.closedAt);
          if (moved && typeof moved.from === "string" && typeof moved.to === "string" && !Number.isNaN(at)) switches.push({ from: moved.from, to: moved.to, at });
        }
      }
    }
  }
  return { keys: out, switches: switches.sort((a, b) => a.at - b.at) };
}

/** A switch of the default branch on the record (`default_branch`), with when it was recorded as made (ms). */
export interface RecordedSwitch {
  from: string;
  to: string;
  at: number;
}

/** The keys of the records in the window (closeKey, pushMoveKey), and the switches of the default branch among them, oldest first. */
export interface RecordedCloses {
  keys: Set<string>;
  switches: RecordedSwitch[];
}

/**
 * The default branch at `at` as the records say it: the branch the first switch recorded after
 * then switched from; undefined when none was recorded after (the default branch GitHub names now).
 */
export function defaultBranchAtFromRecords(switches: readonly RecordedSwitch[], at: number): string | undefined {
  return switches.find((s) => s.at > at)?.from;
}

/**
 * When the chain's last record was written about (its `closed_at`), however long ago, and the
 * newest commit of that log's records that reached the default branch (a merge commit, a pushed
 * commit; null when the log has none), or null for a repository without records: the sweep looks
 * for missed closes back to there, and walks the default branch's history from that commit.
 */
export async function lastRecordedClose(octokit: GitHub, ref: RepoRef, labels: string[], appLogin: string): Promise<{ at: Date; commit: string | null } | null> {
  const logs = canonicalLogs(await listTransparencyIssues(octokit, ref, labels, appLogin)).reverse();
  for (const log of logs) {
    const records = await listRecordComments(octokit, ref, log);
    const last = records[records.length - 1];
    if (!last) continue;
    const at = Date.parse(last.parsed.closedAt);
    const landed = records.map((r) => r.parsed.record?.merge_commit).filter((c): c is string => typeof c === "string" && /^[0-9a-f]{40}$/.test(c));
    return { at: Number.isNaN(at) ? new Date(Date.parse(log.createdAt)) : new Date(at), commit: landed[landed.length - 1] ?? null };
  }
  return null;
}
