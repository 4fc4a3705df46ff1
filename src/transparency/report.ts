// Publishing transparency reports: one issue per ended period, built from the period's records,
// the PRs created in it, the decisions still open and the registry's history; then the period's
// log issue is closed with a link to it. Missed periods are published oldest first; a period
// in which nothing happened gets no report; a report already published is never published again.
import { marker, REPORT_TITLE_PREFIX } from "../constants.js";
import { verifyChain, type ChainResult } from "../core/chain.js";
import { comparePeriods, logPeriodKind, nextPeriod, parsePeriod, periodOf, previousPeriod, type PeriodKind } from "../core/period.js";
import type { DecisionRecord } from "../core/record.js";
import { buildReport, type ReportFacts, type ReportModel } from "../core/report.js";
import type { Policy, Registry } from "../core/types.js";
import type { GitHub } from "../github/client.js";
import type { RepoRef } from "../github/files.js";
import { t } from "../render/i18n.js";
import { renderReportParts } from "../render/report.js";
import {
  canonicalLogs,
  closeIssueWithComment,
  commentOnOwnIssue,
  listRecordComments,
  listTransparencyIssues,
  type RecordComment,
  type RecordIssue,
  type TransparencyIssues,
} from "./issues.js";
import { repoName } from "./record.js";
import { getRegistryAt, listOpenDecisions, listPullsCreatedSince, type ListedPull, type OpenDecision } from "./sources.js";

/** A sweep never walks back further than this many periods (a repository governed for years). */
export const MAX_PERIODS_PER_SWEEP = 120;

export interface ReportContext extends RepoRef {
  policy: Policy;
  /** The app's bot login ("slug[bot]"): only its issues and comments are the record. */
  appLogin: string;
  serverUrl?: string;
  /**
   * The time of this run: a report younger than REPORT_HEAL_GRACE_MS is not completed (its writer
   * may still be posting its parts). Without it (a person running `report`), no grace.
   */
  now?: Date;
}

/** How long a report's writer is given to post its continuation comments before others do. */
export const REPORT_HEAL_GRACE_MS = 15 * 60_000;

/**
 * The hidden marker that says in how many parts a report was published: added to the body of a
 * report split into continuation comments, so that a later run can tell one with missing parts
 * (a crash between creating the issue and posting them) without reading any comment otherwise.
 */
export function reportPartsMarker(period: string, total: number): string {
  return marker(`report-parts period=${period} total=${total}`);
}

const PART_RE = /<!-- partnership-governance:report-part period=(\S+) part=(\d+) -->/;

/** The issue body of rendered report parts: the first part, with the parts marker when split. */
function reportBody(parts: string[], period: string): string {
  // splitBody leaves every part PART_HEADER_ROOM characters below the limit: room for the marker.
  return parts.length > 1 ? `${parts[0]!}\n\n${reportPartsMarker(period, parts.length)}\n` : parts[0]!;
}

/**
 * Reads from GitHub what reports need, each list once per run however many periods are
 * published: the transparency issues, each log's records, the PRs since the earliest period,
 * the open decisions, the registry at each boundary.
 */
export class ReportSources {
  private records = new Map<number, Promise<RecordComment[]>>();
  private pulls?: { since: number; list: Promise<ListedPull[]> };
  private open?: Promise<OpenDecision[]>;
  private registries = new Map<number, Promise<Registry | null>>();

  constructor(
    private readonly octokit: GitHub,
    private readonly ctx: ReportContext,
    public issues: TransparencyIssues,
  ) {}

  static async load(octokit: GitHub, ctx: ReportContext): Promise<ReportSources> {
    return new ReportSources(octokit, ctx, await listTransparencyIssues(octokit, ctx, ctx.policy.transparency.labels, ctx.appLogin));
  }

  recordsOf(issue: RecordIssue): Promise<RecordComment[]> {
    let r = this.records.get(issue.number);
    if (!r) {
      r = listRecordComments(this.octokit, this.ctx, issue);
      this.records.set(issue.number, r);
    }
    return r;
  }

  /** PRs created since `since`; one listing serves every later period too. */
  async pullsSince(since: Date): Promise<ListedPull[]> {
    if (!this.pulls || this.pulls.since > since.getTime()) {
      this.pulls = { since: since.getTime(), list: listPullsCreatedSince(this.octokit, this.ctx, since) };
    }
    const limit = since.getTime();
    return (await this.pulls.list).filter((p) => Date.parse(p.createdAt) >= limit);
  }

  openDecisions(): Promise<OpenDecision[]> {
    this.open ??= listOpenDecisions(this.octokit, this.ctx, this.ctx.policy);
    return this.open;
  }

  registryAt(at: Date): Promise<Registry | null> {
    let r = this.registries.get(at.getTime());
    if (!r) {
      r = getRegistryAt(this.octokit, this.ctx, this.ctx.policy, at);
      this.registries.set(at.getTime(), r);
    }
    return r;
  }

  /** The chain as it stands on GitHub, every log up to and including `period`. */
  async chainUpTo(period: string): Promise<ChainResult> {
    const entries: Array<{ body: string; url: string; period: string }> = [];
    for (const log of canonicalLogs(this.issues)) {
      if (comparePeriods(log.period, period) > 0) continue;
      for (const c of await this.recordsOf(log)) entries.push({ body: c.body, url: c.url, period: log.period });
    }
    return verifyChain(entries);
  }
}

/** The facts and the model of the report of `period`. */
export async function buildPeriodReport(sources: ReportSources, ctx: ReportContext, period: string): Promise<{ facts: ReportFacts; model: ReportModel }> {
  const bounds = parsePeriod(period);
  if (!bounds) throw new RangeError(`Not a period: ${JSON.stringify(period)}`);
  const log = sources.issues.logs.get(period)?.[0];
  const records: Array<{ record: DecisionRecord; url?: string }> = [];
  for (const c of log ? await sources.recordsOf(log) : []) {
    if (c.parsed.record) records.push({ record: c.parsed.record as DecisionRecord, url: c.url });
  }
  const pulls = (await sources.pullsSince(bounds.start)).filter((p) => Date.parse(p.createdAt) < bounds.end.getTime());
  const open = (await sources.openDecisions()).filter((d) => Date.parse(d.createdAt) < bounds.end.getTime());
  const facts: ReportFacts = {
    repo: repoName(ctx),
    period,
    sectors: ctx.policy.sectors,
    renewAfterDays: ctx.policy.declarations.renewAfterDays,
    exempt: ctx.policy.declarations.exempt,
    ids: ctx.policy.declarations.ids,
    records,
    openDecisions: open.map((d) => ({ number: d.number, title: d.title, author: d.author, kinds: d.kinds, createdAt: d.createdAt, url: d.url })),
    openedPullRequests: pulls.map((p) => ({ number: p.number, title: p.title, author: p.author, authorId: p.authorId, authorIsBot: p.authorIsBot, createdAt: p.createdAt, url: p.url })),
    registryAtStart: await sources.registryAt(bounds.start),
    registryAtEnd: await sources.registryAt(bounds.end),
    chain: await sources.chainUpTo(period),
  };
  return { facts, model: buildReport(facts) };
}

export type PublishReportResult =
  | { status: "published"; period: string; issueNumber: number; url: string; parts: number }
  | { status: "exists"; period: string; issueNumber: number; url: string; completed?: number }
  | { status: "empty"; period: string };

interface PartComment {
  id: number;
  part: number;
  body: string;
}

/** The continuation comments of a report (by the report's author, the app), oldest first. */
async function listReportParts(octokit: GitHub, ctx: ReportContext, report: RecordIssue): Promise<PartComment[]> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: ctx.owner,
    repo: ctx.repo,
    issue_number: report.number,
    per_page: 100,
  });
  const out: PartComment[] = [];
  for (const c of comments) {
    if ((c.user?.login ?? "").toLowerCase() !== report.author.toLowerCase()) continue;
    const m = PART_RE.exec(c.body ?? "");
    if (m && m[1] === report.period) out.push({ id: c.id, part: Number(m[2]), body: c.body ?? "" });
  }
  return out.sort((a, b) => a.id - b.id);
}

/**
 * Completes a report published in parts whose continuation comments are not all there (its writer
 * stopped between creating the issue and posting them): the report is built again and every part
 * made to read as it does now: the body and the parts present updated where they differ, the
 * missing ones posted, parts beyond the new count and duplicates of one part (two writers)
 * removed. Returns the number of writes (0 for a complete report, which costs one read of its
 * comments, or none at all when it was published in one part), and whether it was left for its
 * writer (younger than the grace): then its log is not closed either, as its writer will.
 */
export async function completeReport(
  octokit: GitHub,
  sources: ReportSources,
  ctx: ReportContext,
  report: RecordIssue,
): Promise<{ writes: number; deferred: boolean }> {
  const total = report.parts ?? 1;
  if (total <= 1) return { writes: 0, deferred: false };
  if (ctx.now && Date.parse(report.createdAt) > ctx.now.getTime() - REPORT_HEAL_GRACE_MS) return { writes: 0, deferred: true };
  const present = await listReportParts(octokit, ctx, report);
  const first = new Map<number, PartComment>();
  const duplicates: PartComment[] = [];
  for (const c of present) {
    if (first.has(c.part)) duplicates.push(c);
    else first.set(c.part, c);
  }
  let writes = 0;
  for (const d of duplicates) {
    await octokit.rest.issues.deleteComment({ owner: ctx.owner, repo: ctx.repo, comment_id: d.id });
    writes++;
  }
  const complete = Array.from({ length: total - 1 }, (_, i) => i + 2).every((part) => first.has(part));
  if (complete) return { writes, deferred: false };

  const { model } = await buildPeriodReport(sources, ctx, report.period);
  const parts = renderReportParts(model, { lang: ctx.policy.transparency.language, ...(ctx.serverUrl ? { serverUrl: ctx.serverUrl } : {}) });
  const body = reportBody(parts, report.period);
  const { data: issue } = await octokit.rest.issues.get({ owner: ctx.owner, repo: ctx.repo, issue_number: report.number });
  if ((issue.body ?? "") !== body) {
    await octokit.rest.issues.update({ owner: ctx.owner, repo: ctx.repo, issue_number: report.number, body });
    writes++;
  }
  for (let part = 2; part <= parts.length; part++) {
    const text = parts[part - 1]!;
    const there = first.get(part);
    if (!there) {
      await commentOnOwnIssue(octokit, ctx, report.number, text);
      writes++;
    } else if (there.body !== text) {
      await octokit.rest.issues.updateComment({ owner: ctx.owner, repo: ctx.repo, comment_id: there.id, body: text });
      writes++;
    }
  }
  for (const [part, c] of first) {
    if (part <= parts.length) continue;
    await octokit.rest.issues.deleteComment({ owner: ctx.owner, repo: ctx.repo, comment_id: c.id });
    writes++;
  }
  report.parts = parts.length;
  return { writes, deferred: false };
}

/** Closes the log issue of `period`, if still open, with a link to its report. */
async function closeLog(octokit: GitHub, sources: ReportSources, ctx: ReportContext, period: string, reportUrl: string): Promise<void> {
  for (const log of sources.issues.logs.get(period) ?? []) {
    if (log.state !== "open") continue;
    await closeIssueWithComment(octokit, ctx, log.number, t(ctx.policy.transparency.language, "report.logClosed", { period, url: reportUrl }), "completed");
    log.state = "closed";
  }
}

/**
 * Publishes the report of one period unless it exists or nothing happened in it, then closes the
 * period's log. After opening the issue the list is read again: if another process published the
 * same report first, ours is closed as a duplicate before any continuation is written.
 */
export async function publishReport(octokit: GitHub, sources: ReportSources, ctx: ReportContext, period: string): Promise<PublishReportResult> {
  const lang = ctx.policy.transparency.language;
  const existing = sources.issues.reports.get(period)?.[0];
  if (existing) {
    const { writes, deferred } = await completeReport(octokit, sources, ctx, existing);
    if (!deferred) await closeLog(octokit, sources, ctx, period, existing.url);
    return { status: "exists", period, issueNumber: existing.number, url: existing.url, ...(writes > 0 ? { completed: writes } : {}) };
  }
  const { model } = await buildPeriodReport(sources, ctx, period);
  if (model.empty) return { status: "empty", period };
  const parts = renderReportParts(model, { lang, ...(ctx.serverUrl ? { serverUrl: ctx.serverUrl } : {}) });
  const { data } = await octokit.rest.issues.create({
    owner: ctx.owner,
    repo: ctx.repo,
    title: `${REPORT_TITLE_PREFIX}${period}`,
    body: reportBody(parts, period),
    labels: ctx.policy.transparency.labels,
  });
  const again = await listTransparencyIssues(octokit, ctx, ctx.policy.transparency.labels, ctx.appLogin);
  const first = again.reports.get(period)?.find((r) => r.number !== data.number && r.number < data.number);
  if (first) {
    await closeIssueWithComment(octokit, ctx, data.number, t(lang, "record.log.duplicate", { url: first.url }), "duplicate");
    sources.issues.reports.set(period, again.reports.get(period) ?? [first]);
    await closeLog(octokit, sources, ctx, period, first.url);
    return { status: "exists", period, issueNumber: first.number, url: first.url };
  }
  for (const part of parts.slice(1)) {
    await commentOnOwnIssue(octokit, ctx, data.number, part);
  }
  sources.issues.reports.set(period, [
    { number: data.number, period, state: "open", author: data.user?.login ?? "", url: data.html_url, createdAt: data.created_at, parts: parts.length },
  ]);
  await closeLog(octokit, sources, ctx, period, data.html_url);
  return { status: "published", period, issueNumber: data.number, url: data.html_url, parts: parts.length };
}

/** The last period of `kind` that has ended at `now`. */
export function lastEndedPeriod(now: Date, kind: PeriodKind): string {
  return previousPeriod(periodOf(now, kind));
}

/** The periods a sweep must look at, oldest first: from the first one without a report. */
export function duePeriods(issues: TransparencyIssues, kind: PeriodKind, now: Date): string[] {
  const last = lastEndedPeriod(now, kind);
  const ofKind = (p: string) => parsePeriod(p)?.kind === kind && comparePeriods(p, last) <= 0;
  const candidates: string[] = [];
  const openLogs = canonicalLogs(issues).filter((l) => l.state === "open" && ofKind(l.period));
  if (openLogs[0]) candidates.push(openLogs[0].period);
  const reported = [...issues.reports.keys()].filter(ofKind).sort(comparePeriods);
  const latest = reported[reported.length - 1];
  if (latest && comparePeriods(latest, last) < 0) candidates.push(nextPeriod(latest));
  const loggedLater = canonicalLogs(issues).filter((l) => ofKind(l.period) && (!latest || comparePeriods(l.period, latest) > 0));
  if (loggedLater[0]) candidates.push(loggedLater[0].period);
  if (candidates.length === 0) candidates.push(last);
  const start = candidates.sort(comparePeriods)[0]!;
  const out: string[] = [];
  for (let p = last; out.length < MAX_PERIODS_PER_SWEEP; p = previousPeriod(p)) {
    out.push(p);
    if (p === start || comparePeriods(p, start) <= 0) break;
  }
  return out.reverse();
}

/**
 * Publishes every due report, oldest first (periods missed while the app was down included),
 * and closes the logs of reported periods. With `report: off`, closes every monthly log but the
 * current one instead.
 */
export async function publishDueReports(
  octokit: GitHub,
  input: ReportContext & { now: Date },
): Promise<PublishReportResult[]> {
  const { policy, now } = input;
  const ctx: ReportContext = { owner: input.owner, repo: input.repo, policy, now, appLogin: input.appLogin, ...(input.serverUrl ? { serverUrl: input.serverUrl } : {}) };
  const sources = await ReportSources.load(octokit, ctx);
  if (policy.transparency.report === "off") {
    const current = periodOf(now, logPeriodKind("off"));
    for (const log of canonicalLogs(sources.issues)) {
      if (log.state !== "open" || comparePeriods(log.period, current) >= 0) continue;
      await closeIssueWithComment(octokit, ctx, log.number, t(policy.transparency.language, "report.logClosedNoReport", { period: log.period }), "completed");
      log.state = "closed";
    }
    return [];
  }
  const results: PublishReportResult[] = [];
  const due = duePeriods(sources.issues, policy.transparency.report, now);
  // The latest report is completed even when its period is no longer due (its log was closed,
  // or it had none): a report in parts is only ever left incomplete by its writer stopping.
  const latest = [...sources.issues.reports.keys()].sort(comparePeriods).pop();
  const latestReport = latest !== undefined && !due.includes(latest) ? sources.issues.reports.get(latest)?.[0] : undefined;
  if (latestReport) await completeReport(octokit, sources, ctx, latestReport);
  for (const period of due) {
    results.push(await publishReport(octokit, sources, ctx, period));
  }
  return results;
}
