// The record of one closed decision: the JSON object that goes on the public log, its hash (SHA-256
// of the RFC 8785 canonical form) and how a record comment is recognised and read back. Pure.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { marker } from "../constants.js";
import type { PullRequestFacts, SignoffResult } from "./types.js";

export interface SectorVotes {
  yes: string[];
  no: string[];
  abstain: string[];
  recused: string[];
}

/** A record without its `hash`: what the hash covers. */
export interface RecordFields {
  /** 1: records written before anchors; 2: with `rules` (and `head`), each anchored. */
  v: 1 | 2;
  repo: string;
  seq: number;
  prev: string;
  /** Null for a direct push. */
  pr: number | null;
  title: string;
  author: string;
  author_sector: string | null;
  kinds: string[];
  outcome: "adopted" | "withdrawn" | "pushed";
  signed_off: boolean;
  approvals: Record<string, string[]>;
  objections: Array<{ login: string; sector: string }>;
  opened_at: string;
  closed_at: string;
  merge_commit: string | null;
  /** v2: the default-branch commit whose policy and registry judged the record. */
  rules?: string;
  /**
   * v2: the commit the record is about, where its anchor (the `Transparency record` check run)
   * is: the merge commit, the head of a withdrawn PR, the pushed commit.
   */
  head?: string;
  /** A direct push only: who pushed. */
  pusher?: string;
  /** A direct push only, when it did not move the branch forward (a rewind, a rewritten history). */
  forced?: boolean;
  /** A switch of the default branch to another branch: the branch it was, and the one it is. */
  default_branch?: { from: string; to: string };
  /**
   * A direct push only, when the policy at `rules` was invalid: the earlier default-branch commit
   * whose rules (the last valid ones) judged it. Such a push is recorded whatever it changed.
   */
  judged_by?: string;
  /** Charter-rule kinds only: the votes by sector. */
  votes?: Record<string, SectorVotes>;
  /** Charter-rule kinds whose rule is an `any`: the (0-based) index of the branch that carried it. */
  carried_by?: Record<string, number>;
  /** Fields may be added in later versions; the hash covers them all. */
  [extra: string]: unknown;
}

export interface DecisionRecord extends RecordFields {
  hash: string;
}

/** SHA-256, lowercase hex, of the RFC 8785 (JCS) serialisation of `recordWithoutHash`. */
export function hashRecord(recordWithoutHash: object): string {
  const text = canonicalize(recordWithoutHash);
  if (text === undefined) throw new TypeError("hashRecord: the record cannot be serialised");
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The record's hash as it should be: over every member but `hash`. */
export function expectedHash(record: Record<string, unknown>): string {
  const { hash: _ignored, ...rest } = record;
  return hashRecord(rest);
}

const byLogin = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sortedUnique = (logins: Iterable<string>): string[] => [...new Set(logins)].sort(byLogin);

export function buildRecord(input: {
  repo: string;
  seq: number;
  prev: string;
  facts: PullRequestFacts;
  signoff: SignoffResult;
  authorSector: string | null;
  /**
   * The default-branch commit whose rules judged the close: given, the record is a `v: 2` record
   * (the app always gives it); absent, a `v: 1` record as written before anchors (tests of old logs).
   */
  rules?: string;
}): DecisionRecord {
  const { facts, signoff } = input;

  // A PR of several kinds: an approver counted by any kind is a counted approver.
  const approvalSets = new Map<string, Set<string>>();
  for (const k of signoff.kinds) {
    for (const [sector, logins] of Object.entries(k.approvals)) {
      if (logins.length === 0) continue;
      const set = approvalSets.get(sector) ?? new Set<string>();
      for (const l of logins) set.add(l);
      approvalSets.set(sector, set);
    }
  }
  const approvals: Record<string, string[]> = {};
  for (const sector of [...approvalSets.keys()].sort(byLogin)) approvals[sector] = sortedUnique(approvalSets.get(sector)!);

  const objectionMap = new Map<string, { login: string; sector: string }>();
  for (const k of signoff.kinds) {
    for (const o of k.objections) objectionMap.set(o.login.toLowerCase(), { login: o.login, sector: o.sector });
  }
  const objections = [...objectionMap.values()].sort((a, b) => byLogin(a.sector, b.sector) || byLogin(a.login, b.login));

  const ruleKinds = signoff.kinds.filter((k) => k.kind.form === "rule");
  let votes: Record<string, SectorVotes> | undefined;
  let carriedBy: Record<string, number> | undefined;
  if (ruleKinds.length > 0) {
    const acc = new Map<string, { yes: Set<string>; no: Set<string>; abstain: Set<string>; recused: Set<string> }>();
    for (const k of ruleKinds) {
      for (const [sector, t] of Object.entries(k.tally.bySector)) {
        const v = acc.get(sector) ?? { yes: new Set(), no: new Set(), abstain: new Set(), recused: new Set() };
        t.yes.forEach((l) => v.yes.add(l));
        t.no.forEach((l) => v.no.add(l));
        t.abstain.forEach((l) => v.abstain.add(l));
        t.recused.forEach((l) => v.recused.add(l));
        acc.set(sector, v);
      }
    }
    votes = {};
    for (const [sector, v] of acc) {
      votes[sector] = {
        yes: sortedUnique(v.yes),
        no: sortedUnique(v.no),
        abstain: sortedUnique(v.abstain),
        recused: sortedUnique(v.recused),
      };
    }
    for (const k of ruleKinds) {
      if (k.tree.condition.type === "any" && k.tree.carriedBy !== undefined) {
        carriedBy ??= {};
        carriedBy[k.kind.id] = k.tree.carriedBy;
      }
    }
  }

  const merged = facts.merged;
  const body: RecordFields = {
    v: input.rules === undefined ? 1 : 2,
    repo: input.repo,
    seq: input.seq,
    prev: input.prev,
    pr: facts.number,
    title: facts.title,
    author: facts.author.login,
    author_sector: input.authorSector,
    kinds: signoff.kinds.map((k) => k.kind.id),
    outcome: merged ? "adopted" : "withdrawn",
    signed_off: signoff.signedOff,
    approvals,
    objections,
    opened_at: facts.createdAt,
    closed_at: facts.closedAt ?? "",
    merge_commit: merged ? (facts.mergeCommitSha ?? null) : null,
  };
  if (input.rules !== undefined) {
    body.rules = input.rules;
    body.head = merged && facts.mergeCommitSha ? facts.mergeCommitSha : facts.headSha;
  }
  if (votes) body.votes = votes;
  if (carriedBy) body.carried_by = carriedBy;
  return { ...body, hash: hashRecord(body) };
}

/** What a direct push to the default branch is recorded with (SPEC "The log"). */
export interface PushFacts {
  /** The pushed commit (the branch's new head). */
  commit: string;
  /** The pushed commit's first line, for people. */
  title: string;
  pusher: string;
  pusherSector: string | null;
  /** When the push was received: GitHub's, never the commit's own (forgeable) date. */
  pushedAt: string;
  /** The decision kinds the pushed files are (a rules file is `governance`). */
  kinds: string[];
  /** The default-branch commit before the push, whose rules judged it. */
  rules: string;
  /**
   * The push did not move the branch forward (a force-push: a rewind, or a rewritten history);
   * the record then says `"forced": true`, and its kinds are judged on everything that differs
   * between the trees of `rules` and `commit`, what the push took away included.
   */
  forced?: boolean;
  /**
   * The default branch was switched to another branch (no push): the record says
   * `"default_branch": {"from", "to"}`, `commit` being the new branch's head and `rules` the old one's.
   */
  defaultBranch?: { from: string; to: string };
  /** The policy at `rules` was invalid: the commit whose rules (the last valid before) judged it. */
  judgedBy?: string;
}

/** The record of a direct push: never signed off, no approvals, the pushed commit as merge commit. */
export function buildPushRecord(input: { repo: string; seq: number; prev: string; push: PushFacts }): DecisionRecord {
  const { push } = input;
  const body: RecordFields = {
    v: 2,
    repo: input.repo,
    seq: input.seq,
    prev: input.prev,
    pr: null,
    title: push.title,
    author: push.pusher,
    author_sector: push.pusherSector,
    kinds: [...push.kinds],
    outcome: "pushed",
    signed_off: false,
    approvals: {},
    objections: [],
    opened_at: push.pushedAt,
    closed_at: push.pushedAt,
    merge_commit: push.commit,
    rules: push.rules,
    head: push.commit,
    pusher: push.pusher,
  };
  if (push.forced === true) body.forced = true;
  if (push.defaultBranch) body.default_branch = { from: push.defaultBranch.from, to: push.defaultBranch.to };
  if (push.judgedBy !== undefined) body.judged_by = push.judgedBy;
  return { ...body, hash: hashRecord(body) };
}

/** The commit a record's anchor is on: `head` (v2), else the merge commit. */
export function anchorCommitOf(record: Record<string, unknown>): string | null {
  const head = record.head ?? record.merge_commit;
  return typeof head === "string" && /^[0-9a-f]{40}$/.test(head) ? head : null;
}

/** True when a merged PR's sign-off did not hold (an override), or a direct push: always shown. */
export function mergedWithoutSignoff(record: Pick<DecisionRecord, "outcome" | "signed_off">): boolean {
  return (record.outcome === "adopted" || record.outcome === "pushed") && !record.signed_off;
}

// ---------------------------------------------------------------------------------------------
// Record comments

/**
 * The hidden marker of a record comment: which close it records (one record per close), or for a
 * direct push, which pushed commit (one record per push).
 */
export function recordMarker(pr: number | null, closedAt: string, commit?: string | null): string {
  return pr === null ? marker(`record push=${commit ?? ""} closed=${closedAt}`) : marker(`record pr=${pr} closed=${closedAt}`);
}

const RECORD_MARKER_RE = /<!-- partnership-governance:record (?:pr=(\d+)|push=([0-9a-f]{40})) closed=(\S*) -->/;
const JSON_FENCE_RE = /^```json[ \t]*\r?\n([\s\S]*?)\r?\n```[ \t]*$/m;

export interface ParsedRecordComment {
  /** From the marker: the PR, or null for a direct push (then `push` is the pushed commit). */
  pr: number | null;
  push?: string;
  closedAt: string;
  /** The JSON object of the fenced block, or null when there is none or it does not parse. */
  record: Record<string, unknown> | null;
}

/** Reads a comment body: null when it is not a record comment (no record marker). */
export function parseRecordComment(body: string): ParsedRecordComment | null {
  const m = RECORD_MARKER_RE.exec(body);
  if (!m) return null;
  const key = m[1] !== undefined ? { pr: Number(m[1]) } : { pr: null, push: m[2]! };
  const closedAt = m[3] ?? "";
  const fence = JSON_FENCE_RE.exec(body);
  if (!fence) return { ...key, closedAt, record: null };
  try {
    const value: unknown = JSON.parse(fence[1] ?? "");
    if (value === null || typeof value !== "object" || Array.isArray(value)) return { ...key, closedAt, record: null };
    return { ...key, closedAt, record: value as Record<string, unknown> };
  } catch {
    return { ...key, closedAt, record: null };
  }
}
