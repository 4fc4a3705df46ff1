// `declarations.request_reviews` (issue 16 item 4): whom the app asks for a review on a decision
// PR. The voters of the sectors whose sign-off is still missing; never the author, a bot, anyone
// who already spoke, anyone GitHub shows was requested before; nobody when the policy is off.
import { describe, expect, it } from "vitest";
import { notYetRequested, reviewersToRequest, sectorsMissing } from "../../src/core/review-requests.js";
import { evaluateSignoff } from "../../src/core/signoff.js";
import type { Policy, PullRequestFacts, Registry, RegistryEntry } from "../../src/core/types.js";
import { parsePolicy } from "../../src/policy/policy.js";
import { approvedBy, comment, entry, NOW, prFacts, registryWith, review, user } from "../helpers/builders.js";

const POLICY_TEXT = (declarations: string) => `
sectors:
  - { id: government, name: Government }
  - { id: business, name: Business }
  - { id: civil-society, name: Civil society }
declarations:
${declarations}
decisions:
  - { id: charter, name: Charter, paths: [CHARTER.md], sign_off: { sectors: 2, required_sectors: [civil-society] } }
`;

function policyOf(text: string): Policy {
  const built = parsePolicy(text, ".github/governance.yml");
  expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { ...built.policy!, path: ".github/governance.yml" };
}

const ON = policyOf(POLICY_TEXT("  request_reviews: true"));
const OFF = policyOf(POLICY_TEXT("  admission: governance"));
const ADMISSION = policyOf(POLICY_TEXT("  request_reviews: true\n  admission: sector"));

const BASE: RegistryEntry[] = [
  entry("gina", "government"),
  entry("gus", "government"),
  entry("bea", "business"),
  entry("cleo", "civil-society"),
  entry("cora", "civil-society"),
  entry("olga", "civil-society", "2026-01-01", { voter: false }),
  entry("old", "business", "2020-01-01"),
  entry("dependabot[bot]", "business"),
];
const REGISTRY: Registry = registryWith(BASE);
const CHARTER = { filename: "CHARTER.md" };

function whom(policy: Policy, facts: PullRequestFacts, registry = REGISTRY): string[] {
  const signoff = evaluateSignoff({ policy, registry, facts, now: NOW });
  return reviewersToRequest({ policy, registry, facts, now: NOW, signoff }).map((r) => r.login);
}

describe("whom a decision PR asks for a review", () => {
  it("every current voter of each sector with no counted approval yet, the author left out", () => {
    const facts = prFacts({ author: user("gina"), files: [CHARTER] });
    expect(whom(ON, facts)).toEqual(["gus", "bea", "cleo", "cora"]);
  });

  it("a sector that approved is no longer asked, nor is anyone who reviewed or gave a command", () => {
    const facts = prFacts({
      author: user("gina"),
      files: [CHARTER],
      reviews: [...approvedBy("bea"), review("gus", "COMMENTED", 2)],
      comments: [comment("cora", "/governance abstain not my field", 3)],
    });
    expect(whom(ON, facts)).toEqual(["cleo"]);
  });

  it("an objection is a signal: its author is not asked again", () => {
    const facts = prFacts({ author: user("gina"), files: [CHARTER], reviews: [review("cleo", "CHANGES_REQUESTED", 1)] });
    expect(whom(ON, facts)).toEqual(["gus", "bea", "cora"]);
  });

  it("observers, expired declarations and bots are never asked", () => {
    const facts = prFacts({ author: user("zed"), files: [CHARTER] });
    const asked = whom(ON, facts);
    expect(asked).not.toContain("olga");
    expect(asked).not.toContain("old");
    expect(asked).not.toContain("dependabot[bot]");
  });

  it("nobody once every kind holds (a comment period left is no missing sign-off)", () => {
    const facts = prFacts({ author: user("gina"), files: [CHARTER], reviews: approvedBy("bea", "cleo") });
    expect(evaluateSignoff({ policy: ON, registry: REGISTRY, facts, now: NOW }).kinds.every((k) => k.holds)).toBe(true);
    expect(whom(ON, facts)).toEqual([]);
  });

  it("nobody when the policy does not opt in (the default), on a draft, a closed PR or a PR that is no decision", () => {
    const facts = prFacts({ author: user("gina"), files: [CHARTER] });
    expect(OFF.declarations.requestReviews).toBeUndefined();
    expect(whom(OFF, facts)).toEqual([]);
    expect(whom(ON, { ...facts, draft: true })).toEqual([]);
    expect(whom(ON, { ...facts, state: "closed" })).toEqual([]);
    expect(whom(ON, { ...facts, files: [{ filename: "README.md" }] })).toEqual([]);
  });

  it("an admission asks only the voters of the sector admitting", () => {
    const newbie = entry("newbie", "business", "2026-06-01");
    const facts = prFacts({ author: user("newbie"), files: [{ filename: "STAKEHOLDERS.yml" }], headRegistryEntries: [...BASE, newbie], headDiagnostics: [] });
    const signoff = evaluateSignoff({ policy: ADMISSION, registry: REGISTRY, facts, now: NOW });
    expect(signoff.kinds.map((k) => k.kind.id)).toEqual(["admission-business"]);
    expect(sectorsMissing(ADMISSION, signoff)).toEqual(["business"]);
    expect(whom(ADMISSION, facts)).toEqual(["bea"]);
  });

  it("a registry entry is asked by its account: the id it gives goes with the login", () => {
    const facts = prFacts({ author: user("gina"), files: [CHARTER] });
    const signoff = evaluateSignoff({ policy: ON, registry: REGISTRY, facts, now: NOW });
    const cleo = reviewersToRequest({ policy: ON, registry: REGISTRY, facts, now: NOW, signoff }).find((r) => r.login === "cleo");
    expect(cleo).toEqual({ login: "cleo", id: user("cleo").id, sector: "civil-society" });
  });
});

describe("never twice, never the author", () => {
  const candidates = [
    { login: "gus", id: user("gus").id },
    { login: "cleo", id: user("cleo").id },
    { login: "cora", id: null },
  ];

  it("leaves out whoever GitHub shows was requested (by id, or by login when no id is known)", () => {
    expect(notYetRequested(candidates, [user("gus")], user("gina")).map((c) => c.login)).toEqual(["cleo", "cora"]);
    expect(notYetRequested(candidates, [{ login: "CORA", id: 5 }], user("gina")).map((c) => c.login)).toEqual(["gus", "cleo"]);
  });

  it("an account requested under another login (it renamed) is the same person", () => {
    expect(notYetRequested(candidates, [{ login: "cleo-new", id: user("cleo").id }], user("gina")).map((c) => c.login)).toEqual(["gus", "cora"]);
  });

  it("never the author, whatever the registry says", () => {
    expect(notYetRequested(candidates, [], user("gus")).map((c) => c.login)).toEqual(["cleo", "cora"]);
  });
});
