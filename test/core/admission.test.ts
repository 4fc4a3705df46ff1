// Admission by one's own sector (`declarations.admission: sector`, issue 16 item 4): a PR whose
// only change is new entries of one sector X is admitted by one current voter of X; everything
// else stays a `governance` decision of two sectors. The attacks: a sector admitting members to
// another sector, an admission that also edits a rule or another entry, sock puppets admitted by
// one sector and then used for a decision, and policies under which that would work (refused).
import { describe, expect, it } from "vitest";
import { admittedSector } from "../../src/core/admission.js";
import { decisionKindsOf } from "../../src/core/decisions.js";
import { evaluateSignoff } from "../../src/core/signoff.js";
import type { Policy, PullRequestFacts, RegistryEntry } from "../../src/core/types.js";
import { parsePolicy } from "../../src/policy/policy.js";
import { approvedBy, entry, NOW, prFacts, registryWith, user } from "../helpers/builders.js";

const POLICY_TEXT = (admission: string, decisions = "") => `
sectors:
  - { id: government, name: Government }
  - { id: business, name: Business }
  - { id: civil-society, name: Civil society }
declarations:
  admission: ${admission}
${decisions}`;

function policyOf(text: string): Policy {
  const built = parsePolicy(text, ".github/governance.yml");
  expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { ...built.policy!, path: ".github/governance.yml" };
}

const SECTOR = policyOf(POLICY_TEXT("sector", "decisions:\n  - { id: charter, name: Charter, paths: [CHARTER.md], sign_off: { sectors: 3 } }"));
const GOVERNANCE = policyOf(POLICY_TEXT("governance"));

const BASE: RegistryEntry[] = [
  entry("gina", "government"),
  entry("gus", "government"),
  entry("bea", "business"),
  entry("bob", "business"),
  entry("cleo", "civil-society"),
];
const REGISTRY = registryWith(BASE);
const REGISTRY_FILE = { filename: "STAKEHOLDERS.yml" };

/** A PR by `author` leaving the registry as `head`, changing `files`. */
function pr(head: RegistryEntry[], over: Partial<PullRequestFacts> = {}): PullRequestFacts {
  return prFacts({ author: user("newbie"), files: [REGISTRY_FILE], headRegistryEntries: head, headDiagnostics: [], ...over });
}

const kindsOf = (policy: Policy, facts: PullRequestFacts) => decisionKindsOf(policy, facts, REGISTRY).map((k) => k.id);
const verdict = (policy: Policy, facts: PullRequestFacts) => evaluateSignoff({ policy, registry: REGISTRY, facts, now: NOW });

describe("a PR that only adds members of one sector", () => {
  const newbie = entry("newbie", "business", "2026-06-01");

  it("is that sector's admission, passed by one current voter of it", () => {
    const facts = pr([...BASE, newbie], { reviews: approvedBy("bea") });
    expect(admittedSector(SECTOR, REGISTRY, facts)).toBe("business");
    expect(kindsOf(SECTOR, facts)).toEqual(["admission-business"]);
    expect(verdict(SECTOR, facts)).toMatchObject({ outcome: "success", signedOff: true });
  });

  it("waits without a voter of that sector: the author, and other sectors, do not admit", () => {
    const byOthers = pr([...BASE, newbie], { reviews: approvedBy("gina", "cleo") });
    expect(verdict(SECTOR, byOthers)).toMatchObject({ outcome: "pending", signedOff: false });
    const bySelf = pr([...BASE, { ...newbie, login: "bea2" }], { author: user("bea"), reviews: approvedBy("bea") });
    expect(verdict(SECTOR, bySelf).signedOff).toBe(false);
  });

  it("several new members of the same sector are one admission", () => {
    expect(kindsOf(SECTOR, pr([...BASE, newbie, entry("newbie2", "business")]))).toEqual(["admission-business"]);
  });

  it("is a governance decision of two sectors by default (admission: governance)", () => {
    const facts = pr([...BASE, newbie], { reviews: approvedBy("bea") });
    expect(kindsOf(GOVERNANCE, facts)).toEqual(["governance"]);
    expect(verdict(GOVERNANCE, facts).signedOff).toBe(false);
    expect(verdict(GOVERNANCE, pr([...BASE, newbie], { reviews: approvedBy("bea", "gina") })).signedOff).toBe(true);
  });
});

describe("attacks: anything but new members of one sector stays a governance decision", () => {
  const newbie = entry("newbie", "business", "2026-06-01");
  // Each is approved by every voter of business: enough for an admission, never for governance.
  const cases: Array<[string, PullRequestFacts]> = [
    ["new members of two sectors", pr([...BASE, newbie, entry("puppet", "government")], { reviews: approvedBy("bea", "bob") })],
    [
      "the admission also edits a rule (the policy)",
      pr([...BASE, newbie], { files: [REGISTRY_FILE, { filename: ".github/governance.yml" }], reviews: approvedBy("bea", "bob") }),
    ],
    ["the admission also changes another file", pr([...BASE, newbie], { files: [REGISTRY_FILE, { filename: "CHARTER.md" }], reviews: approvedBy("bea", "bob") })],
    [
      "an existing entry of another sector is moved to business",
      pr([...BASE.filter((e) => e.login !== "gus"), { ...BASE[1]!, sector: "business" }, newbie], { reviews: approvedBy("bea", "bob") }),
    ],
    ["an existing entry is renewed beside it", pr([...BASE.slice(1), { ...BASE[0]!, declared: "2026-06-01" }, newbie], { reviews: approvedBy("bea", "bob") })],
    ["an existing entry is removed", pr([...BASE.slice(1), newbie], { reviews: approvedBy("bea", "bob") })],
    ["an existing member's id comes back under a new login", pr([...BASE, { ...newbie, id: BASE[0]!.id }], { reviews: approvedBy("bea", "bob") })],
    ["the registry is renamed", pr([...BASE, newbie], { files: [{ filename: "STAKEHOLDERS.yml", previousFilename: "OLD.yml" }], reviews: approvedBy("bea", "bob") })],
    ["GitHub could not list every file", pr([...BASE, newbie], { filesTruncated: true, reviews: approvedBy("bea", "bob") })],
    ["the head registry could not be read", pr([...BASE, newbie], { headRegistryEntries: null, reviews: approvedBy("bea", "bob") })],
    [
      "the head registry is invalid",
      pr([...BASE, newbie], {
        headDiagnostics: [{ file: "STAKEHOLDERS.yml", line: 1, column: 1, severity: "error", code: "x", message: { key: "common.yes" } }],
        reviews: approvedBy("bea", "bob"),
      }),
    ],
    ["the new entry's sector is not the policy's", pr([...BASE, entry("newbie", "nowhere")], { reviews: approvedBy("bea", "bob") })],
  ];

  it.each(cases)("%s", (_, facts) => {
    expect(admittedSector(SECTOR, REGISTRY, facts)).toBeNull();
    expect(kindsOf(SECTOR, facts)).toContain("governance");
    expect(verdict(SECTOR, facts).signedOff).toBe(false);
  });

  it("business cannot admit a member to government: only a voter of government admits to it", () => {
    const facts = pr([...BASE, entry("puppet", "government")], { reviews: approvedBy("bea", "bob") });
    expect(kindsOf(SECTOR, facts)).toEqual(["admission-government"]);
    expect(verdict(SECTOR, facts)).toMatchObject({ outcome: "pending", signedOff: false });
    expect(verdict(SECTOR, { ...facts, reviews: approvedBy("bea", "bob", "gina") }).signedOff).toBe(true);
  });

  it("an admission PR that also matches a kind by label is still that kind too", () => {
    const policy = policyOf(POLICY_TEXT("sector", "decisions:\n  - { id: charter, name: Charter, labels: [charter], sign_off: { sectors: 3 } }"));
    const facts = pr([...BASE, newbie], { labels: ["charter"], reviews: approvedBy("bea") });
    expect(kindsOf(policy, facts)).toEqual(["charter", "admission-business"]);
    expect(verdict(policy, facts).signedOff).toBe(false);
  });

  it("sock puppets admitted by one sector never carry a decision of that sector alone", () => {
    // Business admits three puppets, one approval each time; then they all approve a charter change.
    const puppets = ["p1", "p2", "p3"].map((l) => entry(l, "business", "2026-06-01"));
    let registry = REGISTRY;
    for (const p of puppets) {
      const facts = pr([...registry.entries, p], { author: user(p.login), reviews: approvedBy("bea") });
      expect(evaluateSignoff({ policy: SECTOR, registry, facts, now: NOW }).signedOff).toBe(true);
      registry = registryWith([...registry.entries, p]);
    }
    const charter = prFacts({ author: user("bob"), files: [{ filename: "CHARTER.md" }], reviews: approvedBy("bea", "p1", "p2", "p3") });
    expect(evaluateSignoff({ policy: SECTOR, registry, facts: charter, now: NOW })).toMatchObject({ signedOff: false, outcome: "pending" });
  });
});

describe("validate refuses a policy under which one sector's members could decide alone", () => {
  const refused = (decisions: string) => parsePolicy(POLICY_TEXT("sector", decisions), ".github/governance.yml").diagnostics.filter((d) => d.code === "policy.declarations.admission-one-sector");

  it.each([
    ["one sector in sign_off", "decisions:\n  - { id: quick, name: Quick, labels: [q], sign_off: { sectors: 1, approvals: 3 } }"],
    ["a count of approvals without a sectors condition", "decisions:\n  - id: count\n    name: Count\n    labels: [c]\n    rule: { approvals: { at_least: 3 } }"],
    ["a share of votes cast in all", "decisions:\n  - id: share\n    name: Share\n    labels: [s]\n    rule: { approvals: { at_least: 2/3, of: cast } }"],
    ["an any with a one-sector branch", "decisions:\n  - id: alt\n    name: Alt\n    labels: [a]\n    rule: { any: [ { sectors: { at_least: 3 } }, { approvals: { at_least: 1, in: business } } ] }"],
  ])("%s", (_, decisions) => {
    const errors = refused(decisions);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.severity).toBe("error");
    expect(errors[0]!.line).toBeGreaterThan(6);
  });

  it.each([
    ["two sectors in sign_off", "decisions:\n  - { id: ok, name: Ok, labels: [o], sign_off: { sectors: 2 } }"],
    ["a majority in each sector", "decisions:\n  - id: each\n    name: Each\n    labels: [e]\n    rule: { approvals: { more_than: 1/2, of: registered, in: each } }"],
    ["the built-in governance kind", ""],
  ])("accepts %s", (_, decisions) => {
    expect(refused(decisions)).toEqual([]);
  });

  it("accepts those one-sector rules with admission: governance, as today", () => {
    const text = POLICY_TEXT("governance", "decisions:\n  - { id: quick, name: Quick, labels: [q], sign_off: { sectors: 1 } }");
    expect(parsePolicy(text, ".github/governance.yml").diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
