// The one engine of decision rules (SPEC.md, "Charter rules"): every condition evaluated on a
// tally, exactly. `sign_off` reaches here already compiled into a rule tree by src/policy.
import { countMeets, meanMeets, shareMeets, type Ratio } from "./fraction.js";
import type { Condition, ConditionResult, Denominator, MessageRef, Policy, Scope, Tally } from "./types.js";

type SectorTally = Tally["bySector"][string];
type Line = NonNullable<ConditionResult["lines"]>[number];
type Approvals = Extract<Condition, { type: "approvals" }>;
type Quorum = Extract<Condition, { type: "quorum" }>;
type Sectors = Extract<Condition, { type: "sectors" }>;

const EMPTY: SectorTally = { yes: [], no: [], abstain: [], recused: [], registered: 0 };

function sectorTally(tally: Tally, id: string): SectorTally {
  return tally.bySector[id] ?? EMPTY;
}

/** The sectors a scope names; `all` and `each` are every sector of the policy. */
function scopeSectors(scope: Scope, policy: Policy): string[] {
  return scope.kind === "sectors" ? [...new Set(scope.ids)] : policy.sectors.map((s) => s.id);
}

function denominatorOf(t: SectorTally, of: Denominator, tally: Tally): number {
  switch (of) {
    case "cast":
      return t.yes.length + t.no.length + (tally.abstentions === "as_no" ? t.abstain.length : 0);
    case "present":
      return t.yes.length + t.no.length + t.abstain.length;
    case "registered":
      return t.registered;
  }
}

const hasVoters = (t: SectorTally): boolean => t.registered > 0;

function evaluateApprovals(c: Approvals, tally: Tally, policy: Policy): ConditionResult {
  const ids = scopeSectors(c.in, policy);
  const withoutVoters = c.in.kind === "all" && c.weights !== "equal" ? [] : ids.filter((id) => !hasVoters(sectorTally(tally, id)));
  const result = (holds: boolean, lines: Line[], extra: Partial<ConditionResult> = {}): ConditionResult => ({
    condition: c,
    holds,
    lines,
    ...(withoutVoters.length > 0 ? { sectorsWithoutVoters: withoutVoters } : {}),
    ...extra,
  });

  if (c.count !== undefined) {
    const cap = c.maxPerSector;
    const overCap: Array<{ login: string; sector: string }> = [];
    const counted = (id: string): number => {
      const yes = sectorTally(tally, id).yes;
      if (cap === undefined || yes.length <= cap) return yes.length;
      // The earliest "yes" count; those after the cap do not (the tally lists them in order).
      for (const login of yes.slice(cap)) overCap.push({ login, sector: id });
      return cap;
    };
    const extra = () => (overCap.length > 0 ? { overCap } : {});
    if (c.in.kind === "all") {
      const total = ids.reduce((sum, id) => sum + counted(id), 0);
      const holds = countMeets(c.op, total, c.count);
      return result(holds, [{ scope: "all", numerator: total, holds }], extra());
    }
    const lines = ids.map((id): Line => {
      const t = sectorTally(tally, id);
      const n = counted(id);
      const holds = hasVoters(t) && countMeets(c.op, n, c.count!);
      return { scope: id, numerator: n, holds, ...(hasVoters(t) ? {} : { noVoters: true }) };
    });
    return result(lines.length > 0 && lines.every((l) => l.holds), lines, extra());
  }

  if (c.share === undefined) return result(false, []);
  // `of` is required with a share; if a policy ever lacks it, the strictest denominator applies.
  const of: Denominator = c.of ?? "registered";
  const threshold: Ratio = c.share;
  const sectorLine = (id: string): Line => {
    const t = sectorTally(tally, id);
    const den = denominatorOf(t, of, tally);
    const holds = hasVoters(t) && shareMeets(c.op, { num: t.yes.length, den }, threshold);
    return { scope: id, numerator: t.yes.length, denominator: den, holds, ...(hasVoters(t) ? {} : { noVoters: true }) };
  };

  if (c.in.kind === "all" && c.weights === "equal") {
    // Every sector weighs the same, whatever its size: the mean of the sectors' shares. A
    // sector's own line says whether its share alone meets the threshold (for the renderer);
    // the condition needs every sector to have a share (no share of nobody) and the mean.
    const lines = ids.map((id) => sectorLine(id));
    const usable = lines.length > 0 && lines.every((l) => !l.noVoters && (l.denominator ?? 0) > 0);
    const mean = meanMeets(
      c.op,
      lines.map((l) => ({ num: l.numerator, den: l.denominator ?? 0 })),
      threshold,
    );
    const holds = usable && mean.holds;
    const numerator = lines.reduce((s, l) => s + l.numerator, 0);
    const denominator = lines.reduce((s, l) => s + (l.denominator ?? 0), 0);
    // No mean while a sector has no share: a mean of nothing would read "0% approved on average"
    // beside sectors that did approve. The renderer names the sectors that have no share yet.
    return result(holds, [...lines, { scope: "all", numerator, denominator, holds, ...(usable ? { share: mean.mean } : {}) }]);
  }
  if (c.in.kind === "all") {
    const numerator = ids.reduce((s, id) => s + sectorTally(tally, id).yes.length, 0);
    const denominator = ids.reduce((s, id) => s + denominatorOf(sectorTally(tally, id), of, tally), 0);
    const holds = shareMeets(c.op, { num: numerator, den: denominator }, threshold);
    return result(holds, [{ scope: "all", numerator, denominator, holds }]);
  }
  const lines = ids.map((id) => sectorLine(id));
  return result(lines.length > 0 && lines.every((l) => l.holds), lines);
}

function evaluateQuorum(c: Quorum, tally: Tally, policy: Policy): ConditionResult {
  const ids = scopeSectors(c.in, policy);
  const present = (t: SectorTally) => t.yes.length + t.no.length + t.abstain.length;
  if (c.in.kind === "all") {
    const numerator = ids.reduce((s, id) => s + present(sectorTally(tally, id)), 0);
    const denominator = ids.reduce((s, id) => s + sectorTally(tally, id).registered, 0);
    const holds = shareMeets(c.op, { num: numerator, den: denominator }, c.share);
    return { condition: c, holds, lines: [{ scope: "all", numerator, denominator, holds }] };
  }
  const lines = ids.map((id): Line => {
    const t = sectorTally(tally, id);
    const holds = shareMeets(c.op, { num: present(t), den: t.registered }, c.share);
    return { scope: id, numerator: present(t), denominator: t.registered, holds, ...(hasVoters(t) ? {} : { noVoters: true }) };
  });
  const withoutVoters = lines.filter((l) => l.noVoters).map((l) => l.scope);
  return {
    condition: c,
    holds: lines.length > 0 && lines.every((l) => l.holds),
    lines,
    ...(withoutVoters.length > 0 ? { sectorsWithoutVoters: withoutVoters } : {}),
  };
}

function evaluateSectors(c: Sectors, tally: Tally, policy: Policy): ConditionResult {
  const lines = policy.sectors.map((s): Line => {
    const t = sectorTally(tally, s.id);
    return { scope: s.id, numerator: t.yes.length, holds: t.yes.length > 0, ...(hasVoters(t) ? {} : { noVoters: true }) };
  });
  const count = lines.filter((l) => l.holds).length;
  const missing = [...new Set(c.include)].filter((id) => sectorTally(tally, id).yes.length === 0);
  const withoutVoters = [...new Set(c.include)].filter((id) => !hasVoters(sectorTally(tally, id)));
  const holds = count >= c.atLeast && missing.length === 0;
  return {
    condition: c,
    holds,
    // The count of sectors first, then each sector's "yes" count.
    lines: [{ scope: "all", numerator: count, holds }, ...lines],
    ...(missing.length > 0 ? { missingSectors: missing } : {}),
    ...(withoutVoters.length > 0 ? { sectorsWithoutVoters: withoutVoters } : {}),
  };
}

function union<T>(lists: Array<T[] | undefined>, key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const list of lists) for (const item of list ?? []) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** Evaluates a rule tree on a tally. Pure and total: it never throws. */
export function evaluateRule(rule: Condition, tally: Tally, policy: Policy): ConditionResult {
  switch (rule.type) {
    case "approvals":
      return evaluateApprovals(rule, tally, policy);
    case "quorum":
      return evaluateQuorum(rule, tally, policy);
    case "sectors":
      return evaluateSectors(rule, tally, policy);
    case "all":
    case "any": {
      const children = (Array.isArray(rule.of) ? rule.of : []).map((child) => evaluateRule(child, tally, policy));
      const first = children.findIndex((r) => r.holds);
      // Combinators are never empty (src/policy); if one were, it would not hold (fail closed).
      const holds = rule.type === "all" ? children.length > 0 && children.every((r) => r.holds) : first >= 0;
      // Caps of the branches that decide: every child of `all`; the carrying child of `any`.
      const deciding = rule.type === "any" && first >= 0 ? [children[first]!] : children;
      const withoutVoters = union(children.map((r) => r.sectorsWithoutVoters), (s) => s);
      const overCap = union(deciding.map((r) => r.overCap), (o) => `${o.sector}\u0000${o.login}`);
      return {
        condition: rule,
        holds,
        children,
        ...(rule.type === "any" && first >= 0 ? { carriedBy: first } : {}),
        ...(withoutVoters.length > 0 ? { sectorsWithoutVoters: withoutVoters } : {}),
        ...(overCap.length > 0 ? { overCap } : {}),
      };
    }
    default:
      // A condition this engine does not know never holds (fail closed), and never throws.
      return { condition: rule, holds: false };
  }
}

const opParam = (op: "at_least" | "more_than") => op;

/**
 * The first thing missing in a result, as a title: the first unmet child of `all`, the first
 * child of an `any` none of whose branches holds. Undefined when the result holds.
 */
export function describeUnmet(result: ConditionResult): MessageRef | undefined {
  if (result.holds) return undefined;
  const c = result.condition;
  switch (c.type) {
    case "all":
    case "any": {
      const child = (result.children ?? []).find((r) => !r.holds);
      return child ? describeUnmet(child) : { key: "signoff.unmet.empty" };
    }
    case "sectors": {
      const all = result.lines?.find((l) => l.scope === "all");
      const count = all?.numerator ?? 0;
      if (result.missingSectors && result.missingSectors.length > 0) {
        return { key: "signoff.unmet.sectors.required", params: { count, needed: c.atLeast, sectors: result.missingSectors.join(", ") } };
      }
      return { key: "signoff.unmet.sectors", params: { count, needed: c.atLeast, missing: Math.max(0, c.atLeast - count) } };
    }
    case "quorum": {
      const line = result.lines?.find((l) => !l.holds);
      if (!line) return { key: "signoff.unmet.empty" };
      if (line.noVoters) return { key: "signoff.unmet.noVoters", params: { sector: line.scope } };
      const params = { present: line.numerator, registered: line.denominator ?? 0, op: opParam(c.op), needed: c.share.text };
      return line.scope === "all"
        ? { key: "signoff.unmet.quorum", params }
        : { key: "signoff.unmet.quorum.sector", params: { ...params, sector: line.scope } };
    }
    case "approvals": {
      const needed = c.count !== undefined ? c.count : (c.share?.text ?? "");
      const equal = c.in.kind === "all" && c.weights === "equal";
      const line = equal
        ? (result.lines ?? []).find((l) => l.scope !== "all" && (l.noVoters || (l.denominator ?? 0) === 0)) ??
          result.lines?.find((l) => l.scope === "all")
        : ((result.lines ?? []).find((l) => !l.holds && l.scope !== "all") ?? result.lines?.find((l) => !l.holds));
      if (!line) return { key: "signoff.unmet.empty" };
      if (line.noVoters) return { key: "signoff.unmet.noVoters", params: { sector: line.scope } };
      if (c.count !== undefined) {
        const params = { count: line.numerator, op: opParam(c.op), needed };
        return line.scope === "all"
          ? { key: "signoff.unmet.approvals.count", params }
          : { key: "signoff.unmet.approvals.count.sector", params: { ...params, sector: line.scope } };
      }
      if (equal && line.scope === "all") {
        const share = line.share ? line.share.num / line.share.den : 0;
        return { key: "signoff.unmet.approvals.equal", params: { share, op: opParam(c.op), needed } };
      }
      const params = { yes: line.numerator, total: line.denominator ?? 0, of: c.of ?? "registered", op: opParam(c.op), needed };
      return line.scope === "all"
        ? { key: "signoff.unmet.approvals.share", params }
        : { key: "signoff.unmet.approvals.share.sector", params: { ...params, sector: line.scope } };
    }
  }
}
