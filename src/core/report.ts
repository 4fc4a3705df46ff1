// The transparency report of one period, as a model the renderer reads: built from the records
// written in the period, the PRs opened in it, the decisions still open, the registry at the
// period's start and end, and the verification of the chain. Pure.
import type { ChainResult } from "./chain.js";
import { mergedWithoutSignoff, type DecisionRecord } from "./record.js";
import { parsePeriod, periodOf } from "./period.js";
import { entryOf, indexRegistry, type RegistryIndex } from "./people.js";
import type { Registry, RegistryEntry, Sector } from "./types.js";

const DAY_MS = 86_400_000;
/** "Expiring soon" in a report: within this many days of the period's end (SPEC.md). */
export const EXPIRING_WITHIN_DAYS = 30;

export interface ReportFacts {
  repo: string;
  period: string;
  sectors: Sector[];
  /** `declarations.renew_after_days` (0 = never expires). */
  renewAfterDays: number;
  /** Lowercased logins never asked to declare. */
  exempt: string[];
  /** `declarations.ids`: with `required` (the default), an entry without an account id is never current. */
  ids?: "required" | "optional";
  /** The records written in this period's log issue, in log order. */
  records: Array<{ record: DecisionRecord; url?: string }>;
  /** Decision PRs open at the period's end. */
  openDecisions: Array<{ number: number; title: string; author: string; kinds: string[]; createdAt: string; url?: string }>;
  /** PRs created in the period. */
  openedPullRequests: Array<{ number: number; title: string; author: string; authorId?: number | null; authorIsBot: boolean; createdAt: string; url?: string }>;
  /** The registry as it stood at the period's start and end (null: no registry file then). */
  registryAtStart: Registry | null;
  registryAtEnd: Registry | null;
  /** The chain verified up to and including this period. */
  chain: ChainResult;
}

export interface ReportRecordLine {
  seq: number;
  /** Null for a direct push. */
  pr: number | null;
  title: string;
  author: string;
  authorSector: string | null;
  kinds: string[];
  outcome: "adopted" | "withdrawn" | "pushed";
  signedOff: boolean;
  closedAt: string;
  url?: string;
  /** Set when the PR closed in an earlier period than the one its record was written in. */
  closedInEarlierPeriod?: string;
}

export interface DeclarationLine {
  login: string;
  sector: string;
  organisation: string;
  declared: string;
  /** The last day the declaration is current (YYYY-MM-DD); absent when it never expires. */
  lastDay?: string;
}

export interface ParticipationRow {
  sector: string;
  name: string;
  approvals: number;
  objections: number;
  opened: number;
}

export interface ReportModel {
  repo: string;
  period: string;
  /** ISO instants; `end` exclusive. */
  start: string;
  end: string;
  /** Nothing happened: no record and no PR opened. Such a period gets no report. */
  empty: boolean;
  adopted: ReportRecordLine[];
  withdrawn: ReportRecordLine[];
  mergedWithoutSignoff: ReportRecordLine[];
  closedEarlier: ReportRecordLine[];
  open: ReportFacts["openDecisions"];
  participation: ParticipationRow[];
  /** PRs opened in the period by people without a current declaration (not bots, not exempt). */
  openedUndeclared: number;
  undeclaredAuthors: Array<{ login: string; prs: number[] }>;
  openedTotal: number;
  declarations: { added: DeclarationLine[]; renewed: DeclarationLine[]; expiring: DeclarationLine[]; expired: DeclarationLine[] };
  /** Counted approvals by sector, for the chart (sectors with at least one). */
  approvalsBySector: Array<{ sector: string; name: string; count: number }>;
  chain: ChainResult;
}

function dayOf(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? Math.floor(ms / DAY_MS) : undefined;
}
const formatDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

const emptyIndex = indexRegistry({ path: "", entries: [] });
const index = (registry: Registry | null): RegistryIndex => (registry ? indexRegistry(registry) : emptyIndex);

/** The last day (day number) an entry is current; Infinity when it never expires; undefined when never current. */
function lastCurrentDay(entry: RegistryEntry, renewAfterDays: number, idsRequired = false): number | undefined {
  if (entry.problem || (idsRequired && entry.id === undefined)) return undefined;
  const d = dayOf(entry.declared);
  if (d === undefined) return undefined;
  return renewAfterDays === 0 ? Infinity : d + renewAfterDays;
}

function currentOn(entry: RegistryEntry | undefined, renewAfterDays: number, day: number, idsRequired = false): boolean {
  if (!entry) return false;
  const last = lastCurrentDay(entry, renewAfterDays, idsRequired);
  const first = dayOf(entry.declared);
  return last !== undefined && first !== undefined && first <= day && day <= last;
}

function line(e: RegistryEntry, renewAfterDays: number): DeclarationLine {
  const last = lastCurrentDay(e, renewAfterDays);
  return {
    login: e.login,
    sector: e.sector,
    organisation: e.organisation,
    declared: e.declared,
    ...(last !== undefined && Number.isFinite(last) ? { lastDay: formatDay(last) } : {}),
  };
}

const byLogin = (a: { login: string }, b: { login: string }) => a.login.toLowerCase().localeCompare(b.login.toLowerCase(), "en");

export function buildReport(facts: ReportFacts): ReportModel {
  const bounds = parsePeriod(facts.period);
  if (!bounds) throw new RangeError(`Not a period: ${JSON.stringify(facts.period)}`);
  const startDay = Math.floor(bounds.start.getTime() / DAY_MS);
  const endDay = Math.floor(bounds.end.getTime() / DAY_MS); // exclusive
  const names = new Map(facts.sectors.map((s) => [s.id, s.name]));

  const lines: ReportRecordLine[] = facts.records.map(({ record, url }) => {
    const closed = Date.parse(record.closed_at);
    const earlier = Number.isFinite(closed) && closed < bounds.start.getTime() ? periodOf(new Date(closed), bounds.kind) : undefined;
    return {
      seq: record.seq,
      pr: record.pr,
      title: record.title,
      author: record.author,
      authorSector: record.author_sector,
      kinds: record.kinds,
      outcome: record.outcome,
      signedOff: record.signed_off,
      closedAt: record.closed_at,
      ...(url ? { url } : {}),
      ...(earlier ? { closedInEarlierPeriod: earlier } : {}),
    };
  });

  // Participation: policy sectors first, in order, then any other sector the records name.
  const rows = new Map<string, ParticipationRow>();
  const row = (sector: string): ParticipationRow => {
    let r = rows.get(sector);
    if (!r) {
      r = { sector, name: names.get(sector) ?? sector, approvals: 0, objections: 0, opened: 0 };
      rows.set(sector, r);
    }
    return r;
  };
  facts.sectors.forEach((s) => row(s.id));
  for (const { record } of facts.records) {
    for (const [sector, logins] of Object.entries(record.approvals)) row(sector).approvals += logins.length;
    for (const o of record.objections) row(o.sector).objections += 1;
  }

  const idsRequired = facts.ids !== "optional";
  const atEnd = index(facts.registryAtEnd);
  const atStart = index(facts.registryAtStart);
  const exempt = new Set(facts.exempt.map((l) => l.toLowerCase()));
  const undeclared = new Map<string, { login: string; prs: number[] }>();
  let openedUndeclared = 0;
  for (const pr of facts.openedPullRequests) {
    const key = pr.author.toLowerCase();
    if (pr.authorIsBot || key.endsWith("[bot]") || exempt.has(key)) continue;
    const created = Date.parse(pr.createdAt);
    const day = Math.floor((Number.isFinite(created) ? created : bounds.start.getTime()) / DAY_MS);
    // The author's entry by account id first (SPEC.md: identity is the id, not the login).
    const who = { login: pr.author, id: pr.authorId ?? null };
    const entry = [entryOf(atEnd, who), entryOf(atStart, who)].find((e) => currentOn(e, facts.renewAfterDays, day, idsRequired));
    if (entry) {
      row(entry.sector).opened += 1;
    } else {
      openedUndeclared += 1;
      const u = undeclared.get(key) ?? { login: pr.author, prs: [] };
      u.prs.push(pr.number);
      undeclared.set(key, u);
    }
  }

  const added: DeclarationLine[] = [];
  const renewed: DeclarationLine[] = [];
  const expiring: DeclarationLine[] = [];
  const expired: DeclarationLine[] = [];
  for (const e of atEnd.entries) {
    const before = entryOf(atStart, { login: e.login, id: e.id ?? null });
    if (!before) added.push(line(e, facts.renewAfterDays));
    else if (e.declared > before.declared) renewed.push(line(e, facts.renewAfterDays));
    const last = lastCurrentDay(e, facts.renewAfterDays);
    if (last === undefined || !Number.isFinite(last)) continue;
    if (last >= endDay - 1 && last <= endDay - 1 + EXPIRING_WITHIN_DAYS && currentOn(e, facts.renewAfterDays, endDay - 1)) {
      expiring.push(line(e, facts.renewAfterDays));
    } else if (last + 1 >= startDay && last + 1 < endDay) {
      expired.push(line(e, facts.renewAfterDays));
    }
  }

  const participation = [...rows.values()];
  return {
    repo: facts.repo,
    period: facts.period,
    start: bounds.start.toISOString(),
    end: bounds.end.toISOString(),
    empty: facts.records.length === 0 && facts.openedPullRequests.length === 0,
    // A direct push changed the default branch like an adoption, without any sign-off.
    adopted: lines.filter((l) => l.outcome === "adopted" || l.outcome === "pushed"),
    withdrawn: lines.filter((l) => l.outcome === "withdrawn"),
    mergedWithoutSignoff: lines.filter((l) => mergedWithoutSignoff({ outcome: l.outcome, signed_off: l.signedOff })),
    closedEarlier: lines.filter((l) => l.closedInEarlierPeriod !== undefined),
    open: [...facts.openDecisions].sort((a, b) => a.number - b.number),
    participation,
    openedUndeclared,
    undeclaredAuthors: [...undeclared.values()].sort(byLogin),
    openedTotal: facts.openedPullRequests.length,
    declarations: {
      added: added.sort(byLogin),
      renewed: renewed.sort(byLogin),
      expiring: expiring.sort((a, b) => (a.lastDay ?? "").localeCompare(b.lastDay ?? "") || byLogin(a, b)),
      expired: expired.sort((a, b) => (a.lastDay ?? "").localeCompare(b.lastDay ?? "") || byLogin(a, b)),
    },
    approvalsBySector: participation.filter((r) => r.approvals > 0).map((r) => ({ sector: r.sector, name: r.name, count: r.approvals })),
    chain: facts.chain,
  };
}
