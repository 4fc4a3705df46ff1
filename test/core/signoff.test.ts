import { describe, expect, it } from "vitest";
import { t } from "../../src/render/i18n.js";
import { evaluateSignoff, invalidSignoff } from "../../src/core/signoff.js";
import type { DecisionKind, Diagnostic, PullRequestFacts } from "../../src/core/types.js";
import { approvedBy, comment, entry, governanceKind, kindWith, NOW, OLD, policyWith, prFacts, registryWith, review, signOff, user } from "../helpers/builders.js";

const registry = registryWith([
  entry("gov1", "government"),
  entry("gov2", "government"),
  entry("gov3", "government"),
  entry("biz1", "business"),
  entry("cs1", "civil-society"),
  entry("int1", "international"),
  entry("oldbiz", "business", "2025-01-01"),
  entry("zoe", "business", "2026-01-01", { voter: false }),
  entry("author", "civil-society"),
]);

const charter = (partial: Partial<DecisionKind> = {}) =>
  kindWith({ id: "charter", rule: signOff({ sectors: 3, required_sectors: ["civil-society"] }), ...partial });

function run(facts: Partial<PullRequestFacts>, kinds: DecisionKind[] = [charter(), governanceKind()], now = NOW) {
  const result = evaluateSignoff({ policy: policyWith({ decisions: kinds }), registry, facts: prFacts(facts), now });
  return { ...result, text: t("en", result.title) };
}

const error: Diagnostic = { file: ".github/governance.yml", line: 4, column: 3, severity: "error", code: "policy.x", message: { key: "x" } };

describe("evaluateSignoff: outcome and title by precedence", () => {
  it.each<[string, Partial<PullRequestFacts>, "success" | "failure" | "pending", string]>([
    ["not a decision", { files: [{ filename: "README.md" }] }, "success", "Not a decision"],
    ["signed off", { reviews: approvedBy("gov1", "biz1", "cs1") }, "success", "Signed off by 3 sectors"],
    [
      "a policy change whose head policy is invalid",
      { files: [{ filename: ".github/governance.yml" }], reviews: approvedBy("gov1", "biz1", "cs1"), headDiagnostics: [error] },
      "failure",
      "The policy or registry in this pull request is invalid (1 error)",
    ],
    [
      "head warnings alone do not fail",
      { reviews: approvedBy("gov1", "biz1", "cs1"), headDiagnostics: [{ ...error, severity: "warning" }] },
      "success",
      "Signed off by 3 sectors",
    ],
    [
      "a blocking objection",
      { reviews: [...approvedBy("gov1", "biz1", "cs1"), review("int1", "CHANGES_REQUESTED", 9)] },
      "failure",
      "Blocked by an objection from international",
    ],
    ["a draft", { draft: true, reviews: approvedBy("gov1", "biz1", "cs1") }, "pending", "Draft: sign-off starts when the pull request is ready for review"],
    ["a draft with an objection fails", { draft: true, reviews: [review("cs1", "CHANGES_REQUESTED", 1)] }, "failure", "Blocked by an objection from civil-society"],
    ["required sector missing while the count is met", { reviews: approvedBy("gov1", "biz1", "int1") }, "pending", "3 of 3 sectors: waiting for civil-society"],
    ["too few sectors", { reviews: approvedBy("gov1", "gov2", "cs1") }, "pending", "2 of 3 sectors: waiting for 1 more sector"],
    ["an objection then its dismissal", { reviews: [...approvedBy("gov1", "biz1", "cs1"), review("int1", "DISMISSED", 9)] }, "success", "Signed off by 3 sectors"],
    ["a non-voter's changes requested does not block", { reviews: [...approvedBy("gov1", "biz1", "cs1"), review("eve", "CHANGES_REQUESTED", 9), review("zoe", "CHANGES_REQUESTED", 9)] }, "success", "Signed off by 3 sectors"],
    ["an expired approver does not count", { reviews: approvedBy("gov1", "oldbiz", "cs1") }, "pending", "2 of 3 sectors: waiting for 1 more sector"],
    ["self-approval does not count", { reviews: approvedBy("gov1", "biz1", "author") }, "pending", "2 of 3 sectors: waiting for civil-society"],
    ["a bot approver does not count", { reviews: [...approvedBy("gov1", "biz1"), review("cs-helper[bot]", "APPROVED", 5)] }, "pending", "2 of 3 sectors: waiting for civil-society"],
    ["login case", { reviews: approvedBy("GOV1", "Biz1", "CS1") }, "success", "Signed off by 3 sectors"],
    [
      "an approval of an earlier commit (stale after a push)",
      { reviews: [...approvedBy("gov1", "biz1"), review("cs1", "APPROVED", 5, OLD)] },
      "pending",
      "2 of 3 sectors: waiting for civil-society",
    ],
    [
      "approve, changes requested, approve",
      { reviews: [...approvedBy("gov1", "biz1"), review("cs1", "APPROVED", 5), review("cs1", "CHANGES_REQUESTED", 6), review("cs1", "APPROVED", 7)] },
      "success",
      "Signed off by 3 sectors",
    ],
    ["an abstention is not an objection", { reviews: approvedBy("gov1", "biz1", "cs1"), comments: [comment("int1", "/governance abstain", 9)] }, "success", "Signed off by 3 sectors"],
  ])("%s", (_name, facts, outcome, title) => {
    const r = run(facts);
    expect([r.outcome, r.text]).toEqual([outcome, title]);
  });

  it("counts an earlier commit's approval without dismiss_stale", () => {
    const r = run({ reviews: [...approvedBy("gov1", "biz1"), review("cs1", "APPROVED", 5, OLD)] }, [charter({ dismissStale: false })]);
    expect(r.outcome).toBe("success");
  });

  it("records an objection without blocking under objections: record", () => {
    const r = run({ reviews: [...approvedBy("gov1", "biz1", "cs1"), review("int1", "CHANGES_REQUESTED", 9)] }, [charter({ objections: "record" })]);
    expect(r.outcome).toBe("success");
    expect(r.kinds[0]?.objections).toEqual([{ login: "int1", sector: "international", blocking: false }]);
    expect(r.signedOff).toBe(true);
  });
});

describe("evaluateSignoff: the comment period", () => {
  // Created 2026-05-30T10:00Z; 72 hours end at 2026-06-02T10:00Z exactly.
  const kinds = [charter({ commentPeriodHours: 72 })];
  const facts = { reviews: approvedBy("gov1", "biz1", "cs1") };

  it.each([
    ["2026-06-02T09:59:59.999Z", "pending", "Comment period ends 2026-06-02 10:00 UTC", false],
    ["2026-06-02T10:00:00.000Z", "success", "Signed off by 3 sectors", true],
    ["2026-06-03T00:00:00.000Z", "success", "Signed off by 3 sectors", true],
  ] as const)("at %s", (now, outcome, title, over) => {
    const r = run(facts, kinds, new Date(now));
    expect([r.outcome, r.text, r.signedOff]).toEqual([outcome, title, over]);
    expect(r.kinds[0]?.commentPeriodEnds).toBe("2026-06-02T10:00:00.000Z");
    expect(r.kinds[0]?.commentPeriodOver).toBe(over);
  });

  it("an unmet condition comes before the comment period", () => {
    const r = run({ reviews: approvedBy("gov1") }, kinds, new Date("2026-05-31T00:00:00Z"));
    expect(r.text).toBe("1 of 3 sectors: waiting for civil-society");
  });

  it("rounds an end with seconds up to the minute shown", () => {
    const r = run({ ...facts, createdAt: "2026-05-30T10:00:30Z" }, kinds, new Date("2026-06-02T10:00:10Z"));
    expect(r.text).toBe("Comment period ends 2026-06-02 10:01 UTC");
  });
});

describe("evaluateSignoff: kinds, caps and what did not count", () => {
  it("two kinds with different rules: each must hold, the first unmet is named", () => {
    const budget = kindWith({ id: "budget", paths: [], labels: ["budget"], rule: signOff({ sectors: 4 }) });
    const r = run({ labels: ["budget"], reviews: approvedBy("gov1", "biz1", "cs1") }, [charter(), budget]);
    expect(r.kinds.map((k) => [k.kind.id, k.holds])).toEqual([
      ["charter", true],
      ["budget", false],
    ]);
    expect([r.outcome, r.text, r.signedOff]).toEqual(["pending", "3 of 4 sectors: waiting for 1 more sector", false]);
  });

  it("max_per_sector: the latest approvals of a sector are over the cap", () => {
    const kind = kindWith({ rule: signOff({ sectors: 2, approvals: 3, max_per_sector: 1 }) });
    const r = run({ reviews: approvedBy("gov1", "gov2", "gov3", "biz1") }, [kind]);
    expect([r.outcome, r.text]).toEqual(["pending", "Approvals: 2 counted, needs at least 3"]);
    expect(r.kinds[0]?.approvals).toEqual({ government: ["gov1"], business: ["biz1"] });
    expect(r.kinds[0]?.notCounted).toEqual([
      { login: "gov2", reason: "over-cap", source: "review" },
      { login: "gov3", reason: "over-cap", source: "review" },
    ]);
  });

  it("reports sectors without voters as warnings", () => {
    const kind = kindWith({ rule: signOff({ sectors: 2, required_sectors: ["international"] }) });
    const noInt = registryWith([entry("gov1", "government"), entry("biz1", "business")]);
    const r = evaluateSignoff({ policy: policyWith({ decisions: [kind] }), registry: noInt, facts: prFacts({ reviews: approvedBy("gov1", "biz1") }), now: NOW });
    expect(r.outcome).toBe("pending");
    expect(r.warnings?.map((w) => [w.code, w.message.params?.sector])).toEqual([["signoff.sector-without-voters", "international"]]);
  });

  it("a signed-off draft is signed off for the record", () => {
    const r = run({ draft: true, reviews: approvedBy("gov1", "biz1", "cs1") });
    expect([r.outcome, r.signedOff]).toEqual(["pending", true]);
  });

  it("a governance change needs two sectors by default", () => {
    const r = run({ files: [{ filename: "STAKEHOLDERS.yml" }], author: user("eve"), reviews: approvedBy("gov1", "gov2") });
    expect(r.kinds.map((k) => k.kind.id)).toEqual(["governance"]);
    expect(r.text).toBe("1 of 2 sectors: waiting for 1 more sector");
  });

  it("invalidSignoff fails with the diagnostics", () => {
    const r = invalidSignoff([error]);
    expect([r.outcome, t("en", r.title), r.signedOff, r.diagnostics]).toEqual(["failure", "The governance policy or registry is invalid (1 error)", false, [error]]);
  });
});
