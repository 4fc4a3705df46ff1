// Words that confused readers (issue 16, item 5), in all six languages: titles name sectors by
// their names; a mean over sectors is never shown as 0% while some sector has no share; the
// comment period is printed once; the waiting state has one name; the report's pull requests
// opened without a declaration read as pull requests, not as counts.
import { describe, expect, it } from "vitest";
import { evaluateRule } from "../../src/core/rules.js";
import { LANGUAGES, type Condition, type Tally } from "../../src/core/types.js";
import { t } from "../../src/render/i18n.js";
import { renderSignoffCheck, renderTree } from "../../src/render/signoff-check.js";
import { ctx, kind, kindResult, policy, signoff } from "./results.js";

const SECTORS = [
  { id: "government", name: "Government" },
  { id: "business", name: "Business" },
  { id: "civil-society", name: "Civil society" },
  { id: "international", name: "International organisations" },
];
const POLICY = policy({ sectors: SECTORS });
const strip = (s: string): string => s.replace(/[\u2066-\u2069]/g, "");

describe("titles name sectors by their names", () => {
  it.each(LANGUAGES)("%s: a blocking objection and a missing required sector", (lang) => {
    const blocked = renderSignoffCheck(
      signoff({ outcome: "failure", title: { key: "signoff.title.blocked", params: { sectors: "international, civil-society", count: 2 } }, kinds: [kindResult()] }),
      ctx({ lang, policy: POLICY }),
    );
    expect(strip(blocked.title)).toContain("International organisations, Civil society");
    expect(strip(blocked.title)).not.toMatch(/\binternational\b|civil-society/);

    const unmet = { key: "signoff.unmet.sectors.required", params: { count: 1, needed: 2, sectors: "international" } };
    const waiting = renderSignoffCheck(
      signoff({ outcome: "pending", title: unmet, signedOff: false, kinds: [kindResult({ holds: false, firstUnmet: unmet })] }),
      ctx({ lang, policy: POLICY }),
    );
    expect(strip(waiting.title)).toContain("International organisations");
    expect(strip(waiting.summary)).toContain("International organisations");
    expect(strip(waiting.summary)).not.toMatch(/\binternational\b/);
  });
});

describe("a mean over sectors weighted equally", () => {
  // Two sectors approved, two have had no votes cast: the mean does not exist yet.
  const tally: Tally = {
    bySector: {
      government: { yes: ["gina"], no: [], abstain: [], recused: [], registered: 2 },
      business: { yes: ["bea"], no: [], abstain: [], recused: [], registered: 2 },
      "civil-society": { yes: [], no: [], abstain: [], recused: [], registered: 3 },
      international: { yes: [], no: [], abstain: [], recused: [], registered: 1 },
    },
  };
  const rule: Condition = { type: "approvals", op: "at_least", share: { num: 2, den: 3, text: "2/3" }, of: "cast", in: { kind: "all" }, weights: "equal" } as Condition;

  it("has no share while a sector has no votes cast, and does not hold", () => {
    const r = evaluateRule(rule, tally, POLICY);
    expect(r.holds).toBe(false);
    expect(r.lines?.find((l) => l.scope === "all")?.share).toBeUndefined();
  });

  it.each(LANGUAGES)("%s: says which sectors have no votes cast, never 0%%", (lang) => {
    const line = strip(renderTree(evaluateRule(rule, tally, POLICY), ctx({ lang, policy: POLICY }), 0)).split("\n").at(-1)!;
    expect(line).toContain("Civil society, International organisations");
    expect(line).not.toMatch(/(^|[^\d])0\s?%|٠٪/);
    expect(line).toMatch(/✗$/);
  });

  it("with every sector's share, shows the mean as before", () => {
    const all: Tally = { bySector: Object.fromEntries(Object.entries(tally.bySector).map(([id, s]) => [id, { ...s, yes: ["x"] }])) };
    const line = strip(renderTree(evaluateRule(rule, all, POLICY), ctx({ policy: POLICY }), 0)).split("\n").at(-1)!;
    expect(line).toBe("  - All sectors, every sector weighted equally: 100% approved on average (needs at least 2/3) ✓");
  });
});

describe("the comment period", () => {
  it.each(LANGUAGES)("%s: is printed once in the check (summary and text together)", (lang) => {
    const k = kindResult({ holds: false, kind: kind({ commentPeriodHours: 72 }), commentPeriodEnds: "2026-12-02T14:00:00Z", commentPeriodOver: false });
    const out = renderSignoffCheck(signoff({ outcome: "pending", title: { key: "signoff.unmet.empty" }, signedOff: false, kinds: [k] }), ctx({ lang }));
    const period = strip(t(lang, "checks.signoff.commentPeriod", { name: k.kind.name, over: "no", end: new Date(k.commentPeriodEnds), hours: 72 }));
    const everything = strip(`${out.summary}\n${out.text ?? ""}`);
    expect(everything.split(period).length - 1).toBe(1);
  });
});

describe("the waiting state has one name", () => {
  it.each(LANGUAGES)("%s: simulate's line says waiting in words, never the identifiers", (lang) => {
    const line = t(lang, "checks.simulate.check", { name: "Multi-sector sign-off", outcome: "pending" });
    expect(line).not.toMatch(/pending|action_required/);
    expect(line).not.toBe(t(lang, "checks.simulate.check", { name: "Multi-sector sign-off", outcome: "failure" }));
  });

  it("in English the word is the one of the titles: waiting", () => {
    expect(t("en", "checks.simulate.check", { name: "Multi-sector sign-off", outcome: "pending" })).toBe("Multi-sector sign-off: waiting");
    expect(t("en", "signoff.unmet.sectors", { count: 1, needed: 2, missing: 1 })).toContain("waiting for");
  });
});

describe("pull requests opened without a declaration", () => {
  it.each(LANGUAGES)("%s: each is named a pull request, with its number", (lang) => {
    const name = strip(t(lang, "report.prNumber", { n: "43" }));
    expect(name).toContain("43");
    expect(name.length).toBeGreaterThan("43".length + 2);
  });
});
