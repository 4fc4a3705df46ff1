import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCHEMA_BASE_URL } from "../../src/constants.js";
import type { Condition, Policy } from "../../src/core/types.js";
import { parsePolicy } from "../../src/policy/policy.js";
import { t } from "../../src/render/i18n.js";

const SECTORS = `sectors:
  - id: gov
    name: Government
  - id: biz
    name: Business
  - id: civ
    name: Civil society
`;

/** A policy with three sectors and the given extra lines (decisions etc.). */
const policyText = (extra = ""): string => SECTORS + extra;

function ok(text: string, file = ".github/governance.yml"): Policy {
  const r = parsePolicy(text, file);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(r.policy).not.toBeNull();
  return r.policy!;
}

/** Strips source positions, to compare rule trees by meaning. */
function shape(c: Condition): unknown {
  const { pos: _pos, ...rest } = c as Condition & { pos?: unknown };
  if (rest.type === "all" || rest.type === "any") return { ...rest, of: rest.of.map(shape) };
  return rest;
}

describe("parsePolicy: defaults and normalised values", () => {
  it("fills every default of SPEC.md and adds the built-in governance kind", () => {
    const p = ok(policyText());
    expect(p.registry).toEqual({ kind: "local", path: "STAKEHOLDERS.yml" });
    expect(p.declarations).toEqual({ requiredFor: ["author"], renewAfterDays: 365, ids: "required", exempt: [], admission: "governance" });
    expect(p.transparency).toEqual({ log: true, report: "monthly", labels: ["transparency"], language: "en" });
    expect(p.path).toBe(".github/governance.yml");
    expect(p.decisions).toHaveLength(1);
    const g = p.decisions[0]!;
    expect(g).toMatchObject({
      id: "governance",
      builtin: true,
      form: "sign_off",
      paths: [".github/governance.yml", "STAKEHOLDERS.yml"],
      labels: [],
      commentPeriodHours: 0,
      objections: "block",
      abstentions: "excluded",
      dismissStale: true,
    });
    expect(g.name).toBe(t("en", "policy.governance.builtin-name"));
    expect(shape(g.rule)).toEqual({
      type: "all",
      of: [
        { type: "sectors", atLeast: 2, include: [] },
        { type: "approvals", op: "at_least", count: 2, in: { kind: "all" }, weights: "members" },
      ],
    });
  });

  it.each([
    ["registry: my-org/people:registry/STAKEHOLDERS.yml\n", (p: Policy) => p.registry, { kind: "remote", owner: "my-org", repo: "people", path: "registry/STAKEHOLDERS.yml" }],
    ["registry: ./people.yml\n", (p: Policy) => p.registry, { kind: "local", path: "people.yml" }],
    [
      "declarations:\n  required_for: [author, committers]\n  renew_after_days: 0\n  exempt: [Alice, \"renovate[bot]\"]\n",
      (p: Policy) => p.declarations,
      { requiredFor: ["author", "committers"], renewAfterDays: 0, ids: "required", exempt: ["alice", "renovate[bot]"], admission: "governance" },
    ],
    ["declarations:\n  ids: optional\n", (p: Policy) => p.declarations.ids, "optional"],
    ["declarations:\n  ids: required\n", (p: Policy) => p.declarations.ids, "required"],
    ["transparency:\n  report: off\n  language: fr\n  log: false\n", (p: Policy) => p.transparency, { log: false, report: "off", labels: ["transparency"], language: "fr" }],
  ])("normalises %j", (extra, pick, expected) => {
    expect(pick(ok(policyText(extra)))).toEqual(expected);
  });

  it("compiles sign_off into the rule tree, keeping form sign_off", () => {
    const p = ok(
      policyText(`decisions:
  - id: charter
    name: Charter
    paths: ["CHARTER.md"]
    sign_off: { sectors: 3, required_sectors: [civ], approvals: 4, max_per_sector: 2 }
    comment_period_hours: 72
    objections: record
    dismiss_stale: false
`),
    );
    const k = p.decisions[0]!;
    expect(k).toMatchObject({ id: "charter", form: "sign_off", commentPeriodHours: 72, objections: "record", dismissStale: false, builtin: false });
    expect(shape(k.rule)).toEqual({
      type: "all",
      of: [
        { type: "sectors", atLeast: 3, include: ["civ"] },
        { type: "approvals", op: "at_least", count: 4, in: { kind: "all" }, weights: "members", maxPerSector: 2 },
      ],
    });
    expect(k.rule.pos).toEqual({ file: ".github/governance.yml", line: 12, column: 15 });
    expect(p.decisions.map((d) => d.id)).toEqual(["charter", "governance"]);
  });

  it("reads rule forms with exact fractions, scopes and weights", () => {
    const p = ok(
      policyText(`decisions:
  - id: motion
    name: Motion
    labels: [motion]
    abstentions: as_no
    rule:
      any:
        - quorum: { more_than: 1/2, in: each }
        - approvals: { at_least: 0.75, of: registered, in: [gov, civ] }
        - approvals: { at_least: "4/6", of: cast, in: all, weights: equal }
        - approvals: { more_than: 2, in: biz, max_per_sector: 1 }
        - sectors: { at_least: 2, include: [civ] }
`),
    );
    const k = p.decisions[0]!;
    expect(k.form).toBe("rule");
    expect(k.abstentions).toBe("as_no");
    expect(shape(k.rule)).toEqual({
      type: "any",
      of: [
        { type: "quorum", op: "more_than", share: { num: 1, den: 2, text: "1/2" }, in: { kind: "each" } },
        { type: "approvals", op: "at_least", share: { num: 3, den: 4, text: "0.75" }, of: "registered", in: { kind: "sectors", ids: ["gov", "civ"] }, weights: "members" },
        { type: "approvals", op: "at_least", share: { num: 2, den: 3, text: "4/6" }, of: "cast", in: { kind: "all" }, weights: "equal" },
        { type: "approvals", op: "more_than", count: 2, in: { kind: "sectors", ids: ["biz"] }, weights: "members", maxPerSector: 1 },
        { type: "sectors", atLeast: 2, include: ["civ"] },
      ],
    });
    expect((k.rule as { of: Condition[] }).of[1]!.pos).toEqual({ file: ".github/governance.yml", line: 16, column: 11 });
  });

  it("lets a declared governance kind replace the built-in one, adding the policy and registry paths", () => {
    const p = ok(
      policyText(`registry: people/STAKEHOLDERS.yml
decisions:
  - id: governance
    name: Rules
    paths: ["docs/rules.md"]
    sign_off: { sectors: 3 }
`),
    );
    expect(p.decisions).toHaveLength(1);
    expect(p.decisions[0]).toMatchObject({ id: "governance", builtin: false, paths: ["docs/rules.md", ".github/governance.yml", "people/STAKEHOLDERS.yml"] });
  });

  it("keeps a remote registry out of the governance paths, and accepts a rule-form governance kind", () => {
    const p = ok(
      policyText(`registry: org/repo:S.yml
decisions:
  - id: governance
    name: Rules
    rule:
      all:
        - sectors: { at_least: 2 }
        - approvals: { at_least: 2/3, of: registered, in: each }
`),
    );
    expect(p.decisions[0]).toMatchObject({ form: "rule", paths: [".github/governance.yml"] });
  });

  it("reports _extends without resolving it", () => {
    const r = parsePolicy(policyText("_extends: .github\n"), "g.yml");
    expect(r.extendsRef).toBe(".github");
    expect(r.policy).not.toBeNull();
  });

  it("warns, without failing, about a decimal close to a simple fraction and a kind that never applies", () => {
    const r = parsePolicy(
      policyText(`decisions:
  - id: vote
    name: Vote
    labels: [vote]
    rule:
      approvals: { at_least: 0.67, of: cast }
  - id: idle
    name: Idle
`),
      "g.yml",
    );
    expect(r.policy).not.toBeNull();
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.line, d.column, t("en", d.message)])).toEqual([
      ["warning", "policy.fraction.near", 13, 30, "0.67 is not 2/3: shares are compared exactly. If you mean 2/3, write 2/3."],
      ["warning", "policy.kind.never-applies", 14, 9, "The kind `idle` has no `paths` and no `labels`, so no pull request will ever be of this kind."],
    ]);
  });
});

describe("declarations.ids", () => {
  it("warns that ids: optional matches people by login alone (a login given up can be taken)", () => {
    const r = parsePolicy(policyText("declarations:\n  ids: optional\n"), "g.yml");
    expect(r.policy?.declarations.ids).toBe("optional");
    expect(r.diagnostics.map((d) => [d.severity, d.code, t("en", d.message)])).toEqual([
      [
        "warning",
        "policy.declarations.ids-optional",
        "With `ids: optional`, declarations without an `id` are matched by login alone: whoever takes a login that someone gave up inherits their declaration and their vote. Give every entry its account `id` and remove this line.",
      ],
    ]);
  });

  it("refuses any other value", () => {
    const r = parsePolicy(policyText("declarations:\n  ids: sometimes\n"), "g.yml");
    expect(r.policy).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["policy.schema.one-of"]);
  });
});

describe("declarations.request_reviews", () => {
  it("is off by default (the app requests no review), on with true", () => {
    expect(ok(policyText()).declarations.requestReviews).toBeUndefined();
    expect(ok(policyText("declarations:\n  request_reviews: false\n")).declarations.requestReviews).toBeUndefined();
    expect(ok(policyText("declarations:\n  request_reviews: true\n")).declarations.requestReviews).toBe(true);
  });

  it("refuses anything but true or false, at its line, in every language", () => {
    const r = parsePolicy(policyText("declarations:\n  request_reviews: yes please\n"), "g.yml");
    expect(r.policy).toBeNull();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ severity: "error", line: 9 });
    for (const lang of ["en", "fr", "es", "ru", "zh", "ar"] as const) expect(t(lang, r.diagnostics[0]!.message)).toContain("request_reviews");
  });
});

describe("the examples in config/", () => {
  it("config/governance.yml validates, as SPEC.md's four sectors and two kinds", () => {
    const text = readFileSync(new URL("../../config/governance.yml", import.meta.url), "utf8");
    expect(text.split("\n")[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_BASE_URL}governance.schema.json`);
    const r = parsePolicy(text, ".github/governance.yml");
    expect(r.diagnostics).toEqual([]);
    const p = r.policy!;
    expect(p.sectors.map((s) => s.id)).toEqual(["government", "business", "civil-society", "international"]);
    expect(p.decisions.map((d) => [d.id, d.form, d.builtin])).toEqual([
      ["charter", "sign_off", false],
      ["budget", "rule", false],
      ["governance", "sign_off", true],
    ]);
  });
});
