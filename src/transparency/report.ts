// Publishing transparency reports: one issue per ended period, built from the period's records,
// the PRs created in it, the decisions still open and the registry's history; then the period's
// log issue is closed with a link to it. Missed periods are published oldest first; a period
// in which nothing happened gets no report; a report already published is never published again.
import { REPORT_TITLE_PREFIX } from "../constants.js";
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
  serverUrl?: string;
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
    return new ReportSources(octokit, ctx, await listTransparencyIssues(octokit, ctx, ctx.policy.transparency.labels));
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
    records,
    openDecisions: open.map((d) => ({ number: d.number, title: d.title, author: d.author, kinds: d.kinds, createdAt: d.createdAt, url: d.url })),
    openedPullRequests: pulls.map((p) => ({ number: p.number, title: p.title, author: p.author, authorIsBot: p.authorIsBot, createdAt: p.createdAt, url: p.url })),
    registryAtStart: await sources.registryAt(bounds.start),
    registryAtEnd: await sources.registryAt(bounds.end),
    chain: await sources.chainUpTo(period),
  };
  return { facts, model: buildReport(facts) };
}

export type PublishReportResult =
  | { status: "published"; period: string; issueNumber: number; url: string; parts: number }
  | { status: "exists"; period: string; issueNumber: number; url: string }
  | { status: "empty"; period: string };

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
    await closeLog(octokit, sources, ctx, period, existing.url);
    return { status: "exists", period, issueNumber: existing.number, url: existing.url };
  }
  const { model } = await buildPeriodReport(sources, ctx, period);
  if (model.empty) return { status: "empty", period };
  const parts = renderReportParts(model, { lang, ...(ctx.serverUrl ? { serverUrl: ctx.serverUrl } : {}) });
  const { data } = await octokit.rest.issues.create({
    owner: ctx.owner,
    repo: ctx.repo,
    title: `${REPORT_TITLE_PREFIX}${period}`,
    body: parts[0]!,
    labels: ctx.policy.transparency.labels,
  });
  const again = await listTransparencyIssues(octokit, ctx, ctx.policy.transparency.labels);
  const first = again.reports.get(period)?.find((r) => r.number !== data.number && r.number < data.number);
  if (first) {
    await closeIssueWithComment(octokit, ctx, data.number, t(lang, "record.log.duplicate", { url: first.url }), "duplicate");
    sources.issues.reports.set(period, again.reports.get(period) ?? [first]);
    await closeLog(octokit, sources, ctx, period, first.url);
    return { status: "exists", period, issueNumber: first.number, url: first.url };
  }
  for (const part of parts.slice(1)) {
    await octokit.rest.issues.createComment({ owner: ctx.owner, repo: ctx.repo, issue_number: data.number, body: part });
  }
  sources.issues.reports.set(period, [
    { number: data.number, period, state: "open", author: data.user?.login ?? "", url: data.html_url, createdAt: data.created_at },
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
  const ctx: ReportContext = { owner: input.owner, repo: input.repo, policy, ...(input.serverUrl ? { serverUrl: input.serverUrl } : {}) };
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
  for (const period of duePeriods(sources.issues, policy.transparency.report, now)) {
    results.push(await publishReport(octokit, sources, ctx, period));
  }
  return results;
}
