// The four worked charters of SPEC.md ("Charter rules"), each with passing and failing PRs.
import { describe, expect, it } from "vitest";
import { t } from "../../src/render/i18n.js";
import { evaluateSignoff } from "../../src/core/signoff.js";
import type { CommentFact, Condition, DecisionKind, ReviewFact } from "../../src/core/types.js";
import { comment, EITI_RULE, FSC_RULE, GNSO_RULE, kindWith, NOW, policyWith, prFacts, registryWith, review, voters, W3C_RULE } from "../helpers/builders.js";

function charter(sectorIds: string[], rule: Condition, kind: Partial<DecisionKind>, electorate: Record<string, number>) {
  const policy = policyWith({
    sectors: sectorIds,
    decisions: [kindWith({ id: "motion", paths: [], labels: ["motion"], rule, form: "rule", ...kind })],
  });
  const registry = registryWith(Object.entries(electorate).flatMap(([sector, n]) => voters(sector, n)));
  return (votes: Record<string, { yes?: number; no?: number; abstain?: number; recuse?: number }>, now = NOW) => {
    const reviews: ReviewFact[] = [];
    const comments: CommentFact[] = [];
    for (const [sector, v] of Object.entries(votes)) {
      let i = 1;
      for (let k = 0; k < (v.yes ?? 0); k++) reviews.push(review(`${sector}${i++}`, "APPROVED", i));
      for (let k = 0; k < (v.no ?? 0); k++) reviews.push(review(`${sector}${i++}`, "CHANGES_REQUESTED", i));
      for (let k = 0; k < (v.abstain ?? 0); k++) comments.push(comment(`${sector}${i++}`, "/governance abstain", i));
      for (let k = 0; k < (v.recuse ?? 0); k++) comments.push(comment(`${sector}${i++}`, "/governance recuse conflict of interest", i));
    }
    const r = evaluateSignoff({ policy, registry, facts: prFacts({ labels: ["motion"], createdAt: "2026-05-01T00:00:00Z", reviews, comments }), now });
    return { ...r, text: t("en", r.title), carriedBy: r.kinds[0]?.tree.carriedBy };
  };
}

describe("ICANN GNSO Council supermajority", () => {
  // Contracted parties house: 7 votes; non-contracted parties house: 13.
  const gnso = charter(["contracted-parties", "non-contracted-parties"], GNSO_RULE, { objections: "record" }, {
    "contracted-parties": 7,
    "non-contracted-parties": 13,
  });
  it.each([
    ["two thirds of each house", { yes: 5 }, { yes: 9 }, "success", 0],
    ["three quarters of CPH and a majority of NCPH", { yes: 6 }, { yes: 7 }, "success", 1],
    ["three quarters of NCPH and a majority of CPH", { yes: 4 }, { yes: 10 }, "success", 2],
    ["a majority of both, a supermajority of neither", { yes: 4 }, { yes: 9 }, "pending", undefined],
    ["abstentions are never a yes", { yes: 4, abstain: 3 }, { yes: 9, abstain: 4 }, "pending", undefined],
    ["no votes are recorded, do not block", { yes: 5, no: 2 }, { yes: 9, no: 4 }, "success", 0],
    ["recusal shrinks a house", { yes: 4, recuse: 1 }, { yes: 9 }, "success", 0],
  ])("%s", (_name, cp, ncp, outcome, carriedBy) => {
    const r = gnso({ "contracted-parties": cp, "non-contracted-parties": ncp });
    expect([r.outcome, r.carriedBy]).toEqual([outcome, carriedBy]);
  });

  it("names the first branch's first shortfall", () => {
    expect(gnso({ "contracted-parties": { yes: 4 }, "non-contracted-parties": { yes: 9 } }).text).toBe(
      "Approvals: contracted-parties 4 of 7 registered voters approved, needs at least 2/3",
    );
  });
});

describe("EITI multi-stakeholder group, modified consensus", () => {
  const eiti = charter(["government", "companies", "civil-society"], EITI_RULE, { objections: "record" }, { government: 3, companies: 3, "civil-society": 3 });
  it.each([
    ["exactly two thirds of votes cast, two of each", { yes: 2, no: 1 }, { yes: 2, no: 1 }, { yes: 2, no: 1 }, "success", ""],
    ["abstentions are not cast", { yes: 2, abstain: 1 }, { yes: 2, abstain: 1 }, { yes: 2, no: 1 }, "success", ""],
    ["one constituency has one in favour", { yes: 3 }, { yes: 3 }, { yes: 1 }, "pending", "Approvals: civil-society 1 counted, needs at least 2"],
    ["three quarters of votes cast, two of each", { yes: 2, no: 1 }, { yes: 2, no: 1 }, { yes: 2, no: 0 }, "success", ""],
  ])("%s", (_name, government, companies, cs, outcome, title) => {
    const r = eiti({ government, companies, "civil-society": cs });
    expect(r.outcome).toBe(outcome);
    if (title) expect(r.text).toBe(title);
  });

  it("two thirds of votes cast exactly holds; below it fails though each constituency has two in favour", () => {
    const big = charter(["government", "companies"], EITI_RULE, { objections: "record" }, { government: 6, companies: 6 });
    const r = big({ government: { yes: 2, no: 4 }, companies: { yes: 6 } });
    // 8 of 12 cast = 2/3 exactly: holds; one more "no" breaks it.
    expect(r.outcome).toBe("success");
    const r2 = charter(["government", "companies"], EITI_RULE, { objections: "record" }, { government: 7, companies: 6 })({ government: { yes: 2, no: 5 }, companies: { yes: 6 } });
    expect([r2.outcome, r2.text]).toEqual(["pending", "Approvals: 8 of 13 votes cast approved, needs at least 2/3"]);
  });
});

describe("W3C-style consensus", () => {
  const w3c = charter(["members", "team"], W3C_RULE, { objections: "block", commentPeriodHours: 672 }, { members: 5, team: 2 });
  it.each([
    ["one approval after 28 days", { yes: 1 }, {}, "2026-05-29T00:00:00Z", "success", "Signed off by 1 sector"],
    ["one approval during the review", { yes: 1 }, {}, "2026-05-28T23:59:00Z", "pending", "Comment period ends 2026-05-29 00:00 UTC"],
    ["a sustained objection", { yes: 4, no: 1 }, {}, "2026-06-10T00:00:00Z", "failure", "Blocked by an objection from members"],
    ["nobody approved", {}, { abstain: 2 }, "2026-06-10T00:00:00Z", "pending", "Approvals: 0 counted, needs at least 1"],
  ])("%s", (_name, members, team, now, outcome, title) => {
    const r = w3c({ members, team }, new Date(now));
    expect([r.outcome, r.text]).toEqual([outcome, title]);
  });
});

describe("FSC General Assembly motion", () => {
  const fsc = charter(["environmental", "social", "economic"], FSC_RULE, { objections: "record", commentPeriodHours: 720 }, {
    environmental: 4,
    social: 4,
    economic: 12,
  });
  it.each([
    ["quorum, majorities and two thirds weighted equally", { yes: 3 }, { yes: 3, no: 1 }, { yes: 5, no: 2 }, "success", "Signed off by 3 sectors"],
    ["a chamber short of quorum", { yes: 3 }, { yes: 3, no: 1 }, { yes: 4, no: 2 }, "pending", "Quorum: economic 6 of 12 took part, needs more than 1/2"],
    ["a tie in one chamber is no majority", { yes: 3 }, { yes: 2, no: 2 }, { yes: 7 }, "pending", "Approvals: social 2 of 4 votes cast approved, needs more than 1/2"],
    // Majorities everywhere, but (2/3 + 2/3 + 4/7) / 3 = 40/63 < 2/3.
    ["majorities without two thirds weighted", { yes: 2, no: 1 }, { yes: 2, no: 1 }, { yes: 4, no: 3 }, "pending", "Approvals: 63% with sectors weighted equally, needs at least 2/3"],
    ["abstentions count for quorum, not as cast", { yes: 2, abstain: 1 }, { yes: 3 }, { yes: 4, abstain: 3 }, "success", "Signed off by 3 sectors"],
  ])("%s", (_name, environmental, social, economic, outcome, title) => {
    const r = fsc({ environmental, social, economic });
    expect([r.outcome, r.text]).toEqual([outcome, title]);
  });

  it.each([
    ["excluded", "success", "Signed off by 3 sectors"],
    ["as_no", "pending", "Approvals: economic 4 of 8 votes cast approved, needs more than 1/2"],
  ] as const)("abstentions %s", (abstentions, outcome, title) => {
    const motion = charter(["environmental", "social", "economic"], FSC_RULE, { objections: "record", abstentions }, { environmental: 4, social: 4, economic: 12 });
    const r = motion({ environmental: { yes: 2, abstain: 1 }, social: { yes: 3 }, economic: { yes: 4, abstain: 4 } });
    expect([r.outcome, r.text]).toEqual([outcome, title]);
    // Either way the record keeps abstentions as abstentions, never as objections.
    expect(r.kinds[0]?.tally.bySector.economic).toMatchObject({ yes: ["economic1", "economic2", "economic3", "economic4"], no: [], registered: 12 });
    expect(r.kinds[0]?.tally.bySector.economic?.abstain).toHaveLength(4);
    expect(r.kinds[0]?.objections).toEqual([]);
  });
});
