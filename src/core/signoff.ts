// The `Multi-sector sign-off` verdict (SPEC.md): every decision kind of the PR evaluated on its
// votes, objections, drafts and comment periods, with the title chosen by SPEC.md's precedence.
import { formatUtcMinute, instant } from "./dates.js";
import { decisionKindsOf, otherBase } from "./decisions.js";
import { describeUnmet, evaluateRule } from "./rules.js";
import type { DecisionKind, Diagnostic, KindResult, Policy, PullRequestFacts, Registry, SignoffResult } from "./types.js";
import { standingSignals } from "./signals.js";
import { memoGap } from "./memo-gap.js";
import { readVotes } from "./votes.js";

const HOUR_MS = 3_600_000;

function commentPeriod(kind: DecisionKind, facts: PullRequestFacts, now: Date): { ends: string; endsMs?: number; over: boolean } {
  const created = instant(facts.createdAt);
  if (created === undefined || Number.isNaN(now.getTime())) {
    // No valid creation time: only a kind without a comment period can be past it.
    return { ends: facts.createdAt, over: kind.commentPeriodHours <= 0 };
  }
  const endsMs = created + kind.commentPeriodHours * HOUR_MS;
  return { ends: new Date(endsMs).toISOString(), endsMs, over: now.getTime() >= endsMs };
}

/** One kind's result: its rule on its votes, objections and comment period. */
export function evaluateKind(input: { policy: Policy; registry: Registry; facts: PullRequestFacts; kind: DecisionKind; now: Date }): KindResult & { commentPeriodEndsMs?: number } {
  const { policy, kind } = input;
  // Only the person who gave a signal withdraws it: the signals that stand, not what GitHub shows now.
  const facts = standingSignals(input.facts);
  const { tally, notCounted, votes } = readVotes({ ...input, facts });
  const dismissals = new Map(facts.reviews.filter((r) => r.dismissal && r.state === "CHANGES_REQUESTED").map((r) => [r.id, r.dismissal!]));
  const tree = evaluateRule(kind.rule, tally, policy);
  const overCap = tree.overCap ?? [];
  const overCapKeys = new Set(overCap.map((o) => `${o.sector}\u0000${o.login}`));

  const approvals: Record<string, string[]> = {};
  const objections: KindResult["objections"] = [];
  for (const sector of policy.sectors) {
    const t = tally.bySector[sector.id];
    if (!t) continue;
    const counted = t.yes.filter((login) => !overCapKeys.has(`${sector.id}\u0000${login}`));
    if (counted.length > 0) approvals[sector.id] = [...counted].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    // An objection is a voter's "no" (a changes-requested review), never an abstention.
    for (const login of t.no) {
      const vote = votes.find((v) => v.vote === "no" && v.login === login && v.source.type === "review");
      const dismissal = vote ? dismissals.get(vote.source.id) : undefined;
      objections.push({
        login,
        sector: sector.id,
        blocking: kind.objections === "block",
        // Dismissed by someone else (or by nobody GitHub names): shown, and it stands all the same.
        ...(dismissal ? { dismissedBy: dismissal.by?.login ?? null, dismissedAt: dismissal.at } : {}),
      });
    }
  }

  const period = commentPeriod(kind, facts, input.now);
  const firstUnmet = describeUnmet(tree);
  return {
    kind,
    holds: tree.holds,
    tree,
    tally,
    approvals,
    objections,
    notCounted: [...notCounted, ...overCap.map((o) => ({ login: o.login, reason: "over-cap" as const, source: "review" as const }))],
    commentPeriodEnds: period.ends,
    commentPeriodOver: period.over,
    ...(period.endsMs !== undefined ? { commentPeriodEndsMs: period.endsMs } : {}),
    ...(firstUnmet ? { firstUnmet } : {}),
  };
}

function warningsOf(policy: Policy, kinds: KindResult[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const k of kinds) {
    for (const sector of k.tree.sectorsWithoutVoters ?? []) {
      if (seen.has(sector)) continue;
      seen.add(sector);
      const pos = k.kind.rule.pos ?? { file: policy.path, line: 1, column: 1 };
      out.push({ ...pos, severity: "warning", code: "signoff.sector-without-voters", message: { key: "signoff.warning.noVoters", params: { sector } } });
    }
  }
  return out;
}

/** The sign-off verdict of a PR. Never throws. */
export function evaluateSignoff(input: { policy: Policy; registry: Registry; facts: PullRequestFacts; now: Date }): SignoffResult {
  const { policy, facts } = input;
  const elsewhere = otherBase(facts);
  if (elsewhere) {
    // Only PRs into the default branch are judged: what this one brings reaches it through
    // another PR, judged then. Never recorded (src/evaluate/record-close.ts asks decisionKindsOf).
    return {
      outcome: "success",
      title: { key: "signoff.title.otherBase", params: { base: elsewhere.base, defaultBranch: elsewhere.defaultBranch } },
      isDecision: false,
      kinds: [],
      signedOff: false,
      notJudged: { reason: "other-base", ...elsewhere },
    };
  }
  const decisionKinds = decisionKindsOf(policy, facts, input.registry);
  const evaluated = decisionKinds.map((kind) => evaluateKind({ ...input, kind }));
  const kinds: KindResult[] = evaluated.map(({ commentPeriodEndsMs: _drop, ...k }) => k);
  const headErrors = (facts.headDiagnostics ?? []).filter((d) => d.severity === "error");
  const warnings = warningsOf(policy, kinds);
  const withWarnings = warnings.length > 0 ? { warnings } : {};

  const blocking = kinds.flatMap((k) => k.objections.filter((o) => o.blocking));
  const allHold = kinds.every((k) => k.holds);
  const periodsOver = kinds.every((k) => k.commentPeriodOver);
  // The app could not find its whole memo and a voter's comment was deleted or edited since.
  const gap = memoGap(facts, input.registry);
  const signedOff = headErrors.length === 0 && allHold && blocking.length === 0 && periodsOver && gap.length === 0;
  const base = { isDecision: kinds.length > 0, kinds, signedOff, ...withWarnings, ...(gap.length > 0 ? { memoGap: gap } : {}) };

  if (headErrors.length > 0) {
    return {
      ...base,
      outcome: "failure",
      title: { key: "signoff.title.invalidHead", params: { count: headErrors.length } },
      diagnostics: facts.headDiagnostics ?? [],
    };
  }
  if (kinds.length === 0) return { ...base, outcome: "success", title: { key: "signoff.title.notDecision" } };
  if (blocking.length > 0) {
    const sectors = policy.sectors.map((s) => s.id).filter((id) => blocking.some((o) => o.sector === id));
    return { ...base, outcome: "failure", title: { key: "signoff.title.blocked", params: { sectors: sectors.join(", "), count: sectors.length } } };
  }
  if (gap.length > 0) {
    return { ...base, outcome: "failure", title: { key: "signoff.title.memoGap", params: { people: gap.map((p) => p.login).join(", "), count: gap.length } } };
  }
  if (facts.draft) return { ...base, outcome: "pending", title: { key: "signoff.title.draft" } };
  const unmet = kinds.find((k) => !k.holds);
  if (unmet) {
    return { ...base, outcome: "pending", title: unmet.firstUnmet ?? { key: "signoff.unmet.empty" } };
  }
  if (!periodsOver) {
    // The last end among the kinds still in their comment period: the PR waits for it.
    const open = evaluated.filter((k) => !k.commentPeriodOver);
    const ends = open.map((k) => k.commentPeriodEndsMs).filter((ms): ms is number => ms !== undefined);
    if (ends.length === 0) return { ...base, outcome: "pending", title: { key: "signoff.title.commentPeriodUnknown" } };
    const endMs = Math.max(...ends);
    return {
      ...base,
      outcome: "pending",
      title: { key: "signoff.title.commentPeriod", params: { end: formatUtcMinute(endMs), at: new Date(endMs) } },
    };
  }
  const sectors = new Set(kinds.flatMap((k) => Object.keys(k.approvals)));
  return { ...base, outcome: "success", title: { key: "signoff.title.signedOff", params: { n: sectors.size } } };
}

/** The verdict when the policy or registry of the default branch is invalid: failure. */
export function invalidSignoff(diagnostics: Diagnostic[]): SignoffResult {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return {
    outcome: "failure",
    title: { key: "signoff.title.invalid", params: { count: errors || diagnostics.length } },
    isDecision: false,
    kinds: [],
    diagnostics,
    signedOff: false,
  };
}
