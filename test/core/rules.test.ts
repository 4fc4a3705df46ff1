import { describe, expect, it } from "vitest";
import { describeUnmet, evaluateRule } from "../../src/core/rules.js";
import type { Condition, Tally } from "../../src/core/types.js";
import { all, any, approvals, policyWith, quorum, sectors, signOff } from "../helpers/builders.js";

const policy = policyWith({ sectors: ["gov", "biz", "cs"] });

type Counts = { yes?: number; no?: number; abstain?: number; recused?: number; registered?: number };
const names = (sector: string, kind: string, n = 0) => Array.from({ length: n }, (_, i) => `${sector}-${kind}${i + 1}`);

/** A tally from counts; `registered` defaults to the voters who took part. */
function tally(counts: Record<string, Counts>, abstentions: Tally["abstentions"] = "excluded"): Tally {
  const bySector: Tally["bySector"] = {};
  for (const id of policy.sectors.map((s) => s.id)) {
    const c = counts[id] ?? {};
    bySector[id] = {
      yes: names(id, "yes", c.yes),
      no: names(id, "no", c.no),
      abstain: names(id, "abstain", c.abstain),
      recused: names(id, "recused", c.recused),
      registered: c.registered ?? (c.yes ?? 0) + (c.no ?? 0) + (c.abstain ?? 0),
    };
  }
  return { bySector, abstentions };
}

const holds = (rule: Condition, t: Tally) => evaluateRule(rule, t, policy).holds;

describe("approvals: counts", () => {
  it.each<[string, Condition, Record<string, Counts>, boolean]>([
    ["at least 2 in all, met", approvals({ at_least: 2 }), { gov: { yes: 1 }, biz: { yes: 1 } }, true],
    ["at least 3 in all, short", approvals({ at_least: 3 }), { gov: { yes: 1 }, biz: { yes: 1 } }, false],
    ["more than 2 at exactly 2", approvals({ more_than: 2 }), { gov: { yes: 2 } }, false],
    ["more than 2 at 3", approvals({ more_than: 2 }), { gov: { yes: 3 } }, true],
    ["max_per_sector caps one sector", approvals({ at_least: 3, max_per_sector: 2 }), { gov: { yes: 3 } }, false],
    ["max_per_sector leaves others", approvals({ at_least: 3, max_per_sector: 2 }), { gov: { yes: 3 }, biz: { yes: 1 } }, true],
    ["at least 2 in each", approvals({ at_least: 2, in: "each" }), { gov: { yes: 2 }, biz: { yes: 2 }, cs: { yes: 2 } }, true],
    ["at least 2 in each, one short", approvals({ at_least: 2, in: "each" }), { gov: { yes: 2 }, biz: { yes: 2 }, cs: { yes: 1 } }, false],
    ["in one sector", approvals({ at_least: 1, in: "cs" }), { cs: { yes: 1 } }, true],
    ["in a list", approvals({ at_least: 1, in: ["gov", "cs"] }), { gov: { yes: 1 }, biz: { yes: 1 } }, false],
  ])("%s", (_name, rule, counts, expected) => {
    expect(holds(rule, tally(counts))).toBe(expected);
  });

  it("reports who is over the cap: the latest yes of the sector", () => {
    const r = evaluateRule(approvals({ at_least: 2, max_per_sector: 1 }), tally({ gov: { yes: 3 }, biz: { yes: 1 } }), policy);
    expect(r.overCap).toEqual([
      { login: "gov-yes2", sector: "gov" },
      { login: "gov-yes3", sector: "gov" },
    ]);
    expect(r.lines).toEqual([{ scope: "all", numerator: 2, holds: true }]);
  });
});

describe("approvals: shares", () => {
  it.each<[string, Condition, Record<string, Counts>, boolean]>([
    ["a tie at 1/2 is not more than 1/2", approvals({ more_than: "1/2", of: "cast" }), { gov: { yes: 1, no: 1 } }, false],
    ["a tie at 1/2 is at least 1/2", approvals({ at_least: "1/2", of: "cast" }), { gov: { yes: 1, no: 1 } }, true],
    ["exactly 2/3 is at least 2/3", approvals({ at_least: "2/3", of: "cast" }), { gov: { yes: 2, no: 1 } }, true],
    ["exactly 2/3 is not more than 2/3", approvals({ more_than: "2/3", of: "cast" }), { gov: { yes: 2, no: 1 } }, false],
    ["just under 2/3", approvals({ at_least: "2/3", of: "cast" }), { gov: { yes: 199, no: 101 } }, false],
    ["0.67 is not 2/3", approvals({ at_least: "0.67", of: "cast" }), { gov: { yes: 2, no: 1 } }, false],
    ["abstentions excluded from cast", approvals({ more_than: "1/2", of: "cast" }), { gov: { yes: 2, no: 1, abstain: 3 } }, true],
    ["abstentions count as present", approvals({ more_than: "1/2", of: "present" }), { gov: { yes: 2, no: 1, abstain: 3 } }, false],
    ["of registered counts who did not vote", approvals({ at_least: "2/3", of: "registered" }), { gov: { yes: 2, registered: 4 } }, false],
    ["a share of nobody never holds", approvals({ at_least: "0", of: "cast" }), {}, false],
    ["in each: every sector", approvals({ more_than: "1/2", of: "cast", in: "each" }), { gov: { yes: 2 }, biz: { yes: 1 }, cs: { yes: 1, no: 1 } }, false],
    ["in each: all sectors over half", approvals({ more_than: "1/2", of: "cast", in: "each" }), { gov: { yes: 2 }, biz: { yes: 1 }, cs: { yes: 2, no: 1 } }, true],
  ])("%s", (_name, rule, counts, expected) => {
    expect(holds(rule, tally(counts))).toBe(expected);
  });

  it.each([
    // abstentions, yes, no, abstain, holds (more than 1/2 of cast)
    ["excluded", 2, 1, 2, true],
    ["as_no", 2, 1, 2, false],
  ] as const)("abstentions %s", (abstentions, yes, no, abstain, expected) => {
    expect(holds(approvals({ more_than: "1/2", of: "cast" }), tally({ gov: { yes, no, abstain } }, abstentions))).toBe(expected);
  });

  it("recusal shrinks the electorate", () => {
    const rule = approvals({ at_least: "2/3", of: "registered", in: "gov" });
    // 3 voters: 2 yes of 3 registered holds; with 4 voters of whom one recused, still 2 of 3.
    expect(holds(rule, tally({ gov: { yes: 2, registered: 4 } }))).toBe(false);
    expect(holds(rule, tally({ gov: { yes: 2, recused: 1, registered: 3 } }))).toBe(true);
  });

  it("equal weights: the mean of sector shares, whatever their sizes", () => {
    const equal = approvals({ at_least: "2/3", of: "cast", in: "all", weights: "equal" });
    const members = approvals({ at_least: "2/3", of: "cast", in: "all" });
    // A large sector carries the pooled vote but not the equal one: gov 100/100, biz 0/1, cs 0/1.
    const large = tally({ gov: { yes: 100 }, biz: { no: 1 }, cs: { no: 1 } });
    expect([holds(equal, large), holds(members, large)]).toEqual([false, true]);
    // Two small sectors carry the equal vote but not the pooled one: gov 1/1, biz 1/1, cs 0/100.
    const small = tally({ gov: { yes: 1 }, biz: { yes: 1 }, cs: { no: 100 } });
    expect([holds(equal, small), holds(members, small)]).toEqual([true, false]);
    const r = evaluateRule(equal, small, policy);
    expect(r.lines).toEqual([
      { scope: "gov", numerator: 1, denominator: 1, holds: true },
      { scope: "biz", numerator: 1, denominator: 1, holds: true },
      { scope: "cs", numerator: 0, denominator: 100, holds: false },
      { scope: "all", numerator: 2, denominator: 102, holds: true, share: { num: 2, den: 3 } },
    ]);
  });

  it.each([
    ["mean just below 2/3", { gov: { yes: 1 }, biz: { no: 100 }, cs: { yes: 99, no: 1 } }, false],
    ["mean exactly 2/3", { gov: { yes: 1 }, biz: { no: 100 }, cs: { yes: 100 } }, true],
    ["a sector with voters but no cast vote", { gov: { yes: 1 }, biz: { registered: 5 }, cs: { yes: 1 } }, false],
  ])("equal weights: %s", (_name, counts, expected) => {
    expect(holds(approvals({ at_least: "2/3", of: "cast", in: "all", weights: "equal" }), tally(counts as Record<string, Counts>))).toBe(expected);
  });

  it("a sector with no voters is reported and fails the conditions that need it", () => {
    const t = tally({ gov: { yes: 2 }, biz: { yes: 2 } });
    for (const rule of [
      approvals({ at_least: 1, in: "each" }),
      approvals({ at_least: "1/2", of: "cast", in: "cs" }),
      approvals({ at_least: "1/2", of: "cast", in: "all", weights: "equal" }),
      quorum({ at_least: "1/2", in: "each" }),
    ]) {
      const r = evaluateRule(rule, t, policy);
      expect(r.holds).toBe(false);
      expect(r.sectorsWithoutVoters).toEqual(["cs"]);
      expect(describeUnmet(r)).toEqual({ key: "signoff.unmet.noVoters", params: { sector: "cs" } });
    }
    // Pooled conditions do not need every sector.
    const pooled = evaluateRule(approvals({ at_least: "1/2", of: "cast", in: "all" }), t, policy);
    expect(pooled.holds).toBe(true);
    expect(pooled.sectorsWithoutVoters).toBeUndefined();
  });
});

describe("quorum", () => {
  it.each<[string, Condition, Record<string, Counts>, boolean]>([
    ["more than half took part", quorum({ more_than: "1/2", in: "each" }), { gov: { yes: 2, registered: 3 }, biz: { abstain: 2, registered: 3 }, cs: { no: 2, registered: 3 } }, true],
    ["exactly half is not more than half", quorum({ more_than: "1/2", in: "each" }), { gov: { yes: 2, registered: 4 }, biz: { yes: 3, registered: 3 }, cs: { yes: 3, registered: 3 } }, false],
    ["pooled", quorum({ at_least: "1/2", in: "all" }), { gov: { yes: 2, registered: 4 }, biz: { registered: 4 } }, false],
    ["pooled, enough", quorum({ at_least: "1/2", in: "all" }), { gov: { yes: 4, registered: 4 }, biz: { registered: 4 } }, true],
    ["recused do not count as registered", quorum({ more_than: "1/2", in: "gov" }), { gov: { yes: 2, recused: 2, registered: 3 } }, true],
  ])("%s", (_name, rule, counts, expected) => {
    expect(holds(rule, tally(counts))).toBe(expected);
  });

  it("names the first sector short of quorum", () => {
    const r = evaluateRule(quorum({ more_than: "1/2", in: "each" }), tally({ gov: { yes: 3, registered: 3 }, biz: { yes: 6, registered: 12 }, cs: { yes: 1 } }), policy);
    expect(describeUnmet(r)).toEqual({
      key: "signoff.unmet.quorum.sector",
      params: { sector: "biz", present: 6, registered: 12, op: "more_than", needed: "1/2" },
    });
  });
});

describe("sectors", () => {
  it.each<[string, Condition, Record<string, Counts>, boolean, string[] | undefined]>([
    ["two sectors", sectors(2), { gov: { yes: 1 }, biz: { yes: 3 } }, true, undefined],
    ["one sector with many approvals", sectors(2), { gov: { yes: 5 } }, false, undefined],
    ["required sector missing while the count is met", sectors(2, ["cs"]), { gov: { yes: 1 }, biz: { yes: 1 } }, false, ["cs"]],
    ["required sector present", sectors(2, ["cs"]), { gov: { yes: 1 }, cs: { yes: 1 } }, true, undefined],
    ["a no is not a sector's approval", sectors(2), { gov: { yes: 1 }, biz: { no: 1 } }, false, undefined],
  ])("%s", (_name, rule, counts, expected, missing) => {
    const r = evaluateRule(rule, tally(counts), policy);
    expect(r.holds).toBe(expected);
    expect(r.missingSectors).toEqual(missing);
  });

  it("lines: the count of sectors first, then each sector's yes count", () => {
    const r = evaluateRule(sectors(2, ["cs"]), tally({ gov: { yes: 2 }, cs: { no: 1 } }), policy);
    expect(r.lines).toEqual([
      { scope: "all", numerator: 1, holds: false },
      { scope: "gov", numerator: 2, holds: true },
      { scope: "biz", numerator: 0, holds: false, noVoters: true },
      { scope: "cs", numerator: 0, holds: false },
    ]);
  });

  it.each([
    [sectors(3, ["cs"]), { gov: { yes: 1 }, biz: { yes: 1 } }, { key: "signoff.unmet.sectors.required", params: { count: 2, needed: 3, sectors: "cs" } }],
    [sectors(3), { gov: { yes: 1 } }, { key: "signoff.unmet.sectors", params: { count: 1, needed: 3, missing: 2 } }],
  ])("titles %#", (rule, counts, title) => {
    expect(describeUnmet(evaluateRule(rule, tally(counts), policy))).toEqual(title);
  });
});

describe("all and any", () => {
  it("all holds only when every child holds, and names the first unmet", () => {
    const r = evaluateRule(signOff({ sectors: 2, approvals: 3 }), tally({ gov: { yes: 1 }, biz: { yes: 1 } }), policy);
    expect(r.holds).toBe(false);
    expect(r.children?.map((c) => c.holds)).toEqual([true, false]);
    expect(describeUnmet(r)).toEqual({ key: "signoff.unmet.approvals.count", params: { count: 2, op: "at_least", needed: 3 } });
  });

  it("any reports the first branch that carried it", () => {
    const rule = any(approvals({ at_least: 5 }), approvals({ at_least: 1, in: "biz" }), approvals({ at_least: 1, in: "gov" }));
    const r = evaluateRule(rule, tally({ gov: { yes: 1 }, biz: { yes: 1 } }), policy);
    expect(r.holds).toBe(true);
    expect(r.carriedBy).toBe(1);
  });

  it("any that fails names its first branch", () => {
    const r = evaluateRule(any(approvals({ at_least: 5 }), sectors(3)), tally({ gov: { yes: 1 } }), policy);
    expect(r.holds).toBe(false);
    expect(r.carriedBy).toBeUndefined();
    expect(describeUnmet(r)?.key).toBe("signoff.unmet.approvals.count");
  });

  it("nests", () => {
    const rule = all(any(sectors(3), all(sectors(2, ["cs"]), approvals({ at_least: 2 }))), quorum({ at_least: "1/2", in: "all" }));
    expect(holds(rule, tally({ gov: { yes: 1 }, cs: { yes: 1 } }))).toBe(true);
    expect(holds(rule, tally({ gov: { yes: 1 }, biz: { yes: 1 } }))).toBe(false);
  });

  it.each([
    ["an empty all does not hold (fail closed)", all(), false],
    ["an empty any does not", any(), false],
    ["an unknown condition never holds", { type: "veto" } as unknown as Condition, false],
  ])("%s", (_name, rule, expected) => {
    expect(holds(rule, tally({}))).toBe(expected);
  });

  it("caps count only from the branch that carried an any", () => {
    const rule = any(approvals({ at_least: 1, in: "gov" }), approvals({ at_least: 9, max_per_sector: 1 }));
    const r = evaluateRule(rule, tally({ gov: { yes: 3 } }), policy);
    expect(r.carriedBy).toBe(0);
    expect(r.overCap).toBeUndefined();
  });
});

describe("titles of unmet approvals", () => {
  it.each<[Condition, Record<string, Counts>, unknown]>([
    [approvals({ at_least: 2, in: "each" }), { gov: { yes: 2 }, biz: { yes: 1 }, cs: { yes: 2 } }, { key: "signoff.unmet.approvals.count.sector", params: { sector: "biz", count: 1, op: "at_least", needed: 2 } }],
    [approvals({ more_than: "1/2", of: "registered", in: "gov" }), { gov: { yes: 3, registered: 6 } }, { key: "signoff.unmet.approvals.share.sector", params: { sector: "gov", yes: 3, total: 6, of: "registered", op: "more_than", needed: "1/2" } }],
    [approvals({ at_least: "2/3", of: "cast" }), { gov: { yes: 1, no: 1 } }, { key: "signoff.unmet.approvals.share", params: { yes: 1, total: 2, of: "cast", op: "at_least", needed: "2/3" } }],
    [approvals({ at_least: "2/3", of: "cast", weights: "equal" }), { gov: { yes: 1 }, biz: { no: 1 }, cs: { yes: 1, no: 1 } }, { key: "signoff.unmet.approvals.equal", params: { share: 0.5, op: "at_least", needed: "2/3" } }],
  ])("%#", (rule, counts, title) => {
    expect(describeUnmet(evaluateRule(rule, tally(counts), policy))).toEqual(title);
  });
});
