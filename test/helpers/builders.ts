// Small builders of Policy, Registry and PullRequestFacts values for tests, built directly (not
// through the YAML parser), and the rule trees of SPEC.md's worked charters.
import { fraction, parseFraction } from "../../src/core/fraction.js";
import { userId } from "../e2e/standin/standin.js";
import type {
  Actor,
  CommentFact,
  Comparison,
  Condition,
  DecisionKind,
  Denominator,
  Fraction,
  Policy,
  PullRequestFacts,
  Registry,
  RegistryEntry,
  ReviewFact,
  Scope,
} from "../../src/core/types.js";

export const HEAD = "head0000";
export const OLD = "old00000";

// ---------------------------------------------------------------------------------------------
// Conditions

export function frac(text: string): Fraction {
  const f = parseFraction(text);
  if (!f) throw new Error(`not a fraction: ${text}`);
  return f;
}

/** `in:` as the policy writes it: "all", "each", a sector id, or a list of ids. */
export function scope(value: string | string[] = "all"): Scope {
  if (Array.isArray(value)) return { kind: "sectors", ids: value };
  if (value === "all" || value === "each") return { kind: value };
  return { kind: "sectors", ids: [value] };
}

type Threshold = { at_least: number | string } | { more_than: number | string };

function threshold(t: Threshold): { op: Comparison; value: number | string } {
  return "at_least" in t ? { op: "at_least", value: t.at_least } : { op: "more_than", value: t.more_than };
}

/** `approvals: {...}` as SPEC.md writes it: a number is a count, a string a share. */
export function approvals(
  t: Threshold & { of?: Denominator; in?: string | string[]; weights?: "equal" | "members"; max_per_sector?: number },
): Condition {
  const { op, value } = threshold(t);
  const base = { type: "approvals" as const, op, in: scope(t.in), weights: t.weights ?? "members" };
  if (typeof value === "number") {
    return { ...base, count: value, ...(t.max_per_sector !== undefined ? { maxPerSector: t.max_per_sector } : {}) };
  }
  return { ...base, share: frac(value), of: t.of ?? "cast" };
}

export function quorum(t: Threshold & { in?: string | string[] }): Condition {
  const { op, value } = threshold(t);
  return { type: "quorum", op, share: typeof value === "number" ? fraction(value, 1) : frac(value), in: scope(t.in) };
}

export function sectors(atLeast: number, include: string[] = []): Condition {
  return { type: "sectors", atLeast, include };
}

export const all = (...of: Condition[]): Condition => ({ type: "all", of });
export const any = (...of: Condition[]): Condition => ({ type: "any", of });

/** `sign_off` compiled as SPEC.md says: all [sectors {at_least k, include R}, approvals {at_least n, in all, max_per_sector c}]. */
export function signOff(o: { sectors?: number; required_sectors?: string[]; approvals?: number; max_per_sector?: number } = {}): Condition {
  const k = o.sectors ?? 2;
  return all(
    sectors(k, o.required_sectors ?? []),
    approvals({ at_least: o.approvals ?? k, in: "all", ...(o.max_per_sector !== undefined ? { max_per_sector: o.max_per_sector } : {}) }),
  );
}

// The worked charters of SPEC.md ("Charter rules"), as rule trees.

/** ICANN GNSO Council supermajority (houses: contracted-parties, non-contracted-parties). */
export const GNSO_RULE: Condition = any(
  approvals({ at_least: "2/3", of: "registered", in: "each" }),
  all(
    approvals({ at_least: "3/4", of: "registered", in: "contracted-parties" }),
    approvals({ more_than: "1/2", of: "registered", in: "non-contracted-parties" }),
  ),
  all(
    approvals({ at_least: "3/4", of: "registered", in: "non-contracted-parties" }),
    approvals({ more_than: "1/2", of: "registered", in: "contracted-parties" }),
  ),
);

/** EITI multi-stakeholder group, "modified consensus". */
export const EITI_RULE: Condition = all(approvals({ at_least: "2/3", of: "cast", in: "all" }), approvals({ at_least: 2, in: "each" }));

/** W3C-style consensus (with objections: block and a 672-hour comment period). */
export const W3C_RULE: Condition = approvals({ at_least: 1, in: "all" });

/** FSC General Assembly motion (chambers environmental, social, economic). */
export const FSC_RULE: Condition = all(
  quorum({ more_than: "1/2", in: "each" }),
  approvals({ more_than: "1/2", of: "cast", in: "each" }),
  approvals({ at_least: "2/3", of: "cast", in: "all", weights: "equal" }),
);

// ---------------------------------------------------------------------------------------------
// Policy

export function kindWith(partial: Partial<DecisionKind> = {}): DecisionKind {
  return {
    id: "charter",
    name: "Charter amendment",
    paths: ["CHARTER.md", "charter/**"],
    labels: ["decision:charter"],
    rule: signOff(),
    form: "sign_off",
    commentPeriodHours: 0,
    objections: "block",
    abstentions: "excluded",
    dismissStale: true,
    builtin: false,
    ...partial,
  };
}

export function governanceKind(partial: Partial<DecisionKind> = {}): DecisionKind {
  return kindWith({ id: "governance", name: "Governance", paths: [], labels: [], rule: signOff({ sectors: 2 }), builtin: true, ...partial });
}

export const SECTORS = ["government", "business", "civil-society", "international"];

/** A policy with the given sector ids (default SECTORS) and kinds (default: charter + governance). */
export function policyWith(partial: Partial<Omit<Policy, "sectors" | "declarations">> & {
  sectors?: string[];
  declarations?: Partial<Policy["declarations"]>;
} = {}): Policy {
  const { sectors: ids, declarations, ...rest } = partial;
  return {
    registry: { kind: "local", path: "STAKEHOLDERS.yml" },
    decisions: [kindWith(), governanceKind()],
    transparency: { log: true, report: "monthly", labels: ["transparency"], language: "en" },
    path: ".github/governance.yml",
    ...rest,
    rulesFiles: rest.rulesFiles ?? [".github/governance.yml", ...(rest.registry?.kind === "remote" ? [] : ["STAKEHOLDERS.yml"])],
    sectors: (ids ?? SECTORS).map((id) => ({ id, name: id })),
    declarations: { requiredFor: ["author"], renewAfterDays: 365, ids: "required", exempt: [], ...declarations },
  };
}

// ---------------------------------------------------------------------------------------------
// Registry

export function entry(login: string, sector: string, declared = "2026-01-01", partial: Partial<RegistryEntry> = {}): RegistryEntry {
  return {
    login,
    id: userId(login),
    sector,
    organisation: `${login} org`,
    declared,
    interests: "none",
    voter: true,
    pos: { file: "STAKEHOLDERS.yml", line: 1, column: 1 },
    ...partial,
  };
}

/** A registry from entries, or from [login, sector] pairs declared on 2026-01-01. */
export function registryWith(entries: Array<RegistryEntry | [string, string]>): Registry {
  return { path: "STAKEHOLDERS.yml", entries: entries.map((e) => (Array.isArray(e) ? entry(e[0], e[1]) : e)) };
}

/** `n` voters of a sector: prefix1..prefixN. */
export function voters(sector: string, n: number, prefix = sector): RegistryEntry[] {
  return Array.from({ length: n }, (_, i) => entry(`${prefix}${i + 1}`, sector));
}

// ---------------------------------------------------------------------------------------------
// Facts

/** An account, with the id GitHub (the stand-in) gives its login's first account. */
export const user = (login: string, isBot = false, id: number | null = userId(login)): Actor => ({ login, id, isBot });

let nextId = 1;

/** A review; `at` is a minute offset from 2026-06-01T00:00Z or an ISO time. */
export function review(login: string, state: ReviewFact["state"], at: number | string = 0, commitId = HEAD): ReviewFact {
  return { id: nextId++, user: user(login, login.endsWith("[bot]")), state, commitId, submittedAt: time(at) };
}

export function comment(login: string, body: string, at: number | string = 0, edited = false): CommentFact {
  return { id: nextId++, user: user(login, login.endsWith("[bot]")), body, createdAt: time(at), edited };
}

export function time(at: number | string): string {
  return typeof at === "string" ? at : new Date(Date.UTC(2026, 5, 1) + at * 60_000).toISOString();
}

/** "yes" reviews on the head commit by each login, a minute apart in the given order. */
export const approvedBy = (...logins: string[]): ReviewFact[] => logins.map((l, i) => review(l, "APPROVED", i + 1));

export const NOW = new Date("2026-06-10T12:00:00Z");

export function prFacts(partial: Partial<PullRequestFacts> = {}): PullRequestFacts {
  return {
    number: 12,
    title: "Amend article 4",
    author: user("author"),
    draft: false,
    state: "open",
    merged: false,
    createdAt: "2026-05-30T10:00:00Z",
    headSha: HEAD,
    labels: [],
    files: [{ filename: "CHARTER.md" }],
    reviews: [],
    comments: [],
    ...partial,
  };
}
