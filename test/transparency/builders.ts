// Small builders of facts, sign-off results and records for the transparency tests.
import { buildRecord, type DecisionRecord } from "../../src/core/record.js";
import { userId } from "../e2e/standin/standin.js";
import { GENESIS } from "../../src/core/chain.js";
import type { DecisionKind, KindResult, PullRequestFacts, SignoffResult, Tally } from "../../src/core/types.js";

export function kind(id: string, form: "sign_off" | "rule" = "sign_off", any = false): DecisionKind {
  return {
    id,
    name: id,
    paths: [],
    labels: [],
    rule: any
      ? { type: "any", of: [{ type: "sectors", atLeast: 3, include: [] }, { type: "sectors", atLeast: 2, include: [] }] }
      : { type: "sectors", atLeast: 2, include: [] },
    form,
    commentPeriodHours: 0,
    objections: "block",
    abstentions: "excluded",
    dismissStale: true,
    builtin: false,
  };
}

export function kindResult(
  k: DecisionKind,
  approvals: Record<string, string[]>,
  extra: { objections?: KindResult["objections"]; tally?: Tally; carriedBy?: number; holds?: boolean } = {},
): KindResult {
  return {
    kind: k,
    holds: extra.holds ?? true,
    tree: { condition: k.rule, holds: extra.holds ?? true, ...(extra.carriedBy !== undefined ? { carriedBy: extra.carriedBy } : {}) },
    tally: extra.tally ?? { bySector: {} },
    approvals,
    objections: extra.objections ?? [],
    notCounted: [],
    commentPeriodEnds: "2026-11-20T10:00:00Z",
    commentPeriodOver: true,
  };
}

export function signoff(kinds: KindResult[], signedOff = true): SignoffResult {
  return {
    outcome: signedOff ? "success" : "failure",
    title: { key: "x" },
    isDecision: kinds.length > 0,
    kinds,
    signedOff,
  };
}

export function prFacts(over: Partial<PullRequestFacts> = {}): PullRequestFacts {
  return {
    number: 12,
    title: "Amend article 4",
    author: { login: "alice", id: userId("alice"), isBot: false },
    draft: false,
    state: "closed",
    merged: true,
    createdAt: "2026-11-20T10:00:00Z",
    closedAt: "2026-11-24T09:30:00Z",
    mergeCommitSha: "3f2a000000000000000000000000000000000000",
    headSha: "abc123",
    labels: [],
    files: [{ filename: "CHARTER.md" }],
    reviews: [],
    comments: [],
    ...over,
  };
}

/** A chain of `n` records, record i for PR 100 + i, closing a day apart from 2026-11-01. */
export function chainOf(n: number, repo = "org/charter", start = 1, prev = GENESIS): DecisionRecord[] {
  const out: DecisionRecord[] = [];
  for (let i = 0; i < n; i++) {
    const seq = start + i;
    const day = String(1 + (i % 28)).padStart(2, "0");
    const rec = buildRecord({
      repo,
      seq,
      prev: out.length > 0 ? out[out.length - 1]!.hash : prev,
      facts: prFacts({ number: 100 + seq, title: `Decision ${seq}`, closedAt: `2026-11-${day}T12:00:00Z` }),
      signoff: signoff([kindResult(kind("charter"), { government: ["bob"], business: ["carol"] })]),
      authorSector: "civil-society",
    });
    out.push(rec);
  }
  return out;
}
