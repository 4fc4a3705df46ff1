import { describe, expect, it } from "vitest";
import { decisionKindsOf, labelsToRemember } from "../../src/core/decisions.js";
import type { ChangedFile } from "../../src/core/types.js";
import { governanceKind, kindWith, policyWith } from "../helpers/builders.js";

const policy = policyWith({
  decisions: [
    kindWith({ id: "charter", paths: ["CHARTER.md", "charter/**"], labels: ["decision:charter"] }),
    kindWith({ id: "budget", paths: ["**/*.budget.csv", ".config/**"], labels: ["Budget"] }),
    governanceKind(),
  ],
});

const files = (...names: Array<string | [string, string]>): ChangedFile[] =>
  names.map((n) => (Array.isArray(n) ? { filename: n[0], previousFilename: n[1] } : { filename: n }));

describe("decisionKindsOf", () => {
  it.each([
    ["no governed file, no label", files("README.md"), [], []],
    ["a governed path", files("CHARTER.md"), [], ["charter"]],
    ["a nested glob", files("charter/articles/4.md"), [], ["charter"]],
    ["dotfiles match globs", files(".config/x.yml"), [], ["budget"]],
    ["a dot directory under **", files(".hidden/2026.budget.csv"), [], ["budget"]],
    ["rename from governed to ungoverned path", files(["docs/old-charter.md", "CHARTER.md"]), [], ["charter"]],
    ["rename from ungoverned to governed path", files(["charter/a.md", "docs/a.md"]), [], ["charter"]],
    ["a label, any case", files("README.md"), ["DECISION:Charter"], ["charter"]],
    ["several kinds at once", files("CHARTER.md"), ["budget"], ["charter", "budget"]],
    ["the policy file is a governance decision", files(".github/governance.yml"), [], ["governance"]],
    ["the registry is a governance decision", files("STAKEHOLDERS.yml"), [], ["governance"]],
    ["the registry renamed away", files(["people.yml", "STAKEHOLDERS.yml"]), [], ["governance"]],
    ["a similar name is not the registry", files("docs/STAKEHOLDERS.yml"), [], []],
  ])("%s", (_name, changed, labels, kinds) => {
    expect(decisionKindsOf(policy, { files: changed, labels }).map((k) => k.id)).toEqual(kinds);
  });

  it("a PR whose file list GitHub truncated is every kind with paths, and governance (fail closed)", () => {
    expect(decisionKindsOf(policy, { files: files("README.md"), labels: [], filesTruncated: true }).map((k) => k.id)).toEqual([
      "charter",
      "budget",
      "governance",
    ]);
    const labelsOnly = policyWith({ decisions: [kindWith({ id: "motion", paths: [], labels: ["motion"] }), governanceKind()] });
    expect(decisionKindsOf(labelsOnly, { files: [], labels: [], filesTruncated: true }).map((k) => k.id)).toEqual(["governance"]);
  });

  it("a glob minimatch refuses never throws", () => {
    const p = policyWith({ decisions: [kindWith({ paths: ["a".repeat(70_000)], labels: [] })] });
    expect(decisionKindsOf(p, { files: files("a"), labels: [] })).toEqual([]);
  });

  it.each([
    ["adding .github/governance.yml where the organisation's policy governs", ".github/governance.yml"],
    ["editing an _extends base kept in this repository", "rules/base.yml"],
    ["renaming the registry away", "STAKEHOLDERS.yml"],
  ])("every rules file makes a governance decision: %s", (_name, file) => {
    const p = policyWith({ path: "org/.github:.github/governance.yml", rulesFiles: [".github/governance.yml", "rules/base.yml", "STAKEHOLDERS.yml"], decisions: [kindWith()] });
    expect(decisionKindsOf(p, { files: files(file), labels: [] }).map((k) => k.id)).toEqual(["governance"]);
    expect(decisionKindsOf(p, { files: [{ filename: "elsewhere.yml", previousFilename: file }], labels: [] }).map((k) => k.id)).toEqual(["governance"]);
  });

  it("takes .github/governance.yml as a rules file even for a policy that forgot to list it", () => {
    const p = policyWith({ path: "org/.github:.github/governance.yml", rulesFiles: [], decisions: [kindWith()] });
    expect(decisionKindsOf(p, { files: files(".github/governance.yml"), labels: [] }).map((k) => k.id)).toEqual(["governance"]);
  });

  it("a remote registry is not a file of this repository", () => {
    const p = policyWith({ registry: { kind: "remote", owner: "org", repo: "meta", path: "STAKEHOLDERS.yml" } });
    expect(decisionKindsOf(p, { files: files("STAKEHOLDERS.yml"), labels: [] })).toEqual([]);
  });

  it("a declared governance kind replaces the built-in one and still covers the policy", () => {
    const declared = kindWith({ id: "governance", paths: [], labels: [], builtin: false, commentPeriodHours: 48 });
    const p = policyWith({ decisions: [declared] });
    expect(decisionKindsOf(p, { files: files(".github/governance.yml"), labels: [] })).toEqual([declared]);
  });

  it("falls back on a two-sector governance kind if a policy lacks one", () => {
    const p = policyWith({ decisions: [] });
    const [kind] = decisionKindsOf(p, { files: files("STAKEHOLDERS.yml"), labels: [] });
    expect(kind?.id).toBe("governance");
    expect(kind?.rule).toMatchObject({ type: "all", of: [{ type: "sectors", atLeast: 2 }, { type: "approvals", count: 2 }] });
  });
});

describe("labelsToRemember", () => {
  const now = new Date("2026-11-22T08:00:00Z");

  it("keeps the policy's decision labels the PR carries or carried, each once, with when it was first seen", () => {
    const remembered = labelsToRemember(
      policy,
      {
        labels: ["Budget", "help wanted"],
        labelEvents: [
          { label: "DECISION:Charter", added: true, at: "2026-11-20T10:00:00Z", actor: "alice" },
          { label: "decision:charter", added: false, at: "2026-11-20T11:00:00Z", actor: "mallory" },
          { label: "triage", added: true, at: "2026-11-20T09:00:00Z", actor: "alice" },
        ],
        seenLabels: [{ verb: "label", label: "decision:charter", at: "2026-11-21T10:00:00Z" }],
      },
      now,
    );
    expect(remembered).toEqual([
      { verb: "label", label: "budget", at: now.toISOString() },
      { verb: "label", label: "decision:charter", at: "2026-11-20T10:00:00Z" },
    ]);
  });

  it("a label remembered but gone from the PR and its timeline (deleted from the repository) is still a decision", () => {
    const facts = { files: files("README.md"), labels: [], labelEvents: [], seenLabels: [{ verb: "label" as const, label: "decision:charter", at: "2026-11-20T10:00:00Z" }] };
    expect(labelsToRemember(policy, facts, now)).toEqual(facts.seenLabels);
    expect(decisionKindsOf(policy, facts).map((k) => k.id)).toEqual(["charter"]);
  });
});
