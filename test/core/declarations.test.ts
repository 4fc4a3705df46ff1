import { describe, expect, it } from "vitest";
import { declarationStatus, evaluateDeclarations, invalidDeclaration } from "../../src/core/declarations.js";
import type { Diagnostic, PullRequestFacts } from "../../src/core/types.js";
import { entry, policyWith, prFacts, registryWith, user } from "../helpers/builders.js";
import { userId } from "../e2e/standin/standin.js";

const at = (iso: string) => new Date(iso);

describe("declarationStatus", () => {
  it.each([
    // declared, renew, now, expected
    ["2026-01-01", 365, "2026-01-01T00:00:00Z", { current: true }],
    ["2026-01-01", 365, "2026-12-31T12:00:00Z", { current: true }],
    // D + 365 = 2027-01-01: current through the whole of that day
    ["2026-01-01", 365, "2027-01-01T23:59:59Z", { current: true }],
    ["2026-01-01", 365, "2027-01-02T00:00:00Z", { current: false, reason: { code: "expired", expiredOn: "2027-01-02" } }],
    ["2026-01-01", 0, "2099-01-01T00:00:00Z", { current: true }],
    ["2026-01-02", 365, "2026-01-01T23:59:59Z", { current: false, reason: { code: "not-yet", declared: "2026-01-02" } }],
    ["2026-02-30", 365, "2026-06-01T00:00:00Z", { current: false, reason: { code: "invalid-date", value: "2026-02-30" } }],
    ["2026-1-5", 365, "2026-06-01T00:00:00Z", { current: false, reason: { code: "invalid-date", value: "2026-1-5" } }],
    ["2024-02-29", 1, "2024-03-01T10:00:00Z", { current: true }],
    ["2024-02-29", 1, "2024-03-02T00:00:00Z", { current: false, reason: { code: "expired", expiredOn: "2024-03-02" } }],
  ])("declared %s, renew %i, at %s", (declared, renew, now, expected) => {
    expect(declarationStatus(entry("alice", "government", declared), renew, at(now))).toEqual(expected);
  });

  it("has no entry", () => {
    expect(declarationStatus(undefined, 365, at("2026-06-01T00:00:00Z"))).toEqual({ current: false, reason: { code: "no-entry" } });
  });

  it.each([
    [{ code: "unknown-sector", sector: "academia" } as const, { code: "unknown-sector", sector: "academia" }],
    [{ code: "invalid-date", value: "2026-13-01" } as const, { code: "invalid-date", value: "2026-13-01" }],
  ])("an entry problem %j makes it not current", (problem, reason) => {
    expect(declarationStatus(entry("alice", "government", "2026-01-01", { problem }), 365, at("2026-06-01T00:00:00Z"))).toEqual({
      current: false,
      reason,
    });
  });
});

const NOW = at("2026-06-10T12:00:00Z");

describe("evaluateDeclarations", () => {
  const registry = registryWith([
    entry("Alice", "government"),
    entry("bob", "business", "2025-01-01"), // expired on 2026-01-02
    entry("carol", "academia"), // a sector the policy no longer has
    entry("dan", "civil-society"),
  ]);

  type Row = [string, Partial<Parameters<typeof policyWith>[0]>, Partial<PullRequestFacts>, "success" | "failure", string[], Array<[string | null, string]>];
  const rows: Row[] = [
    ["declared author, login case differs", {}, { author: user("ALICE") }, "success", ["ALICE"], []],
    ["undeclared author", {}, { author: user("eve") }, "failure", [], [["eve", "no-entry"]]],
    ["expired author", {}, { author: user("bob") }, "failure", [], [["bob", "expired"]]],
    ["author whose sector left the policy", {}, { author: user("carol") }, "failure", [], [["carol", "unknown-sector"]]],
    ["bot author (flag)", {}, { author: user("renovate", true) }, "success", [], []],
    ["bot author ([bot] login)", {}, { author: user("dependabot[bot]") }, "success", [], []],
    ["exempt author, any case", { declarations: { exempt: ["eve"] } }, { author: user("Eve") }, "success", [], []],
    [
      "committers: some declared, one not, one linked to no account (deduplicated)",
      { declarations: { requiredFor: ["author", "committers"] } },
      {
        author: user("alice"),
        commits: [
          { sha: "c1", author: user("dan") },
          { sha: "c2", author: user("frank") },
          { sha: "c3", author: null, authorName: "Ghost" },
          { sha: "c4", author: null, authorName: "ghost" },
          { sha: "c5", author: user("Alice") },
          { sha: "c6", author: user("web-flow[bot]") },
        ],
      },
      "failure",
      ["alice", "dan"],
      [
        ["frank", "no-entry"],
        [null, "no-account"],
      ],
    ],
    [
      "committers only: the author is not asked",
      { declarations: { requiredFor: ["committers"] } },
      { author: user("eve"), commits: [{ sha: "c1", author: user("dan") }] },
      "success",
      ["dan"],
      [],
    ],
  ];

  it.each(rows)("%s", (_name, policyPartial, factsPartial, outcome, declared, missing) => {
    const r = evaluateDeclarations({ policy: policyWith(policyPartial ?? {}), registry, facts: prFacts(factsPartial), now: NOW });
    expect(r.outcome).toBe(outcome);
    expect(r.declared.map((d) => d.login)).toEqual(declared);
    expect(r.missing.map((m) => [m.login, m.reason.code])).toEqual(missing);
  });

  it("a PR of 251 commits whose 251st author is undeclared fails: GitHub lists only 250, so its committers cannot all be checked", () => {
    // GitHub's "List commits on a pull request" gives 250 commits (all by declared dan here); the
    // 251st, by undeclared mallory, is never listed, but GitHub counts it (commits.totalCount).
    const listed = Array.from({ length: 250 }, (_, i) => ({ sha: `c${i}`, author: user("dan") }));
    const policy = policyWith({ declarations: { requiredFor: ["author", "committers"] } });
    const r = evaluateDeclarations({ policy, registry, facts: prFacts({ author: user("alice"), commits: listed, commitCount: 251 }), now: NOW });
    expect(r.outcome).toBe("failure");
    expect(r.title).toEqual({ key: "declaration.title.commitsTruncated", params: { listed: 250, total: 251 } });
    // The same 250 commits when GitHub counts no more: every committer was checked.
    expect(evaluateDeclarations({ policy, registry, facts: prFacts({ author: user("alice"), commits: listed, commitCount: 250 }), now: NOW }).outcome).toBe("success");
    // Author mode reads no commits: their count does not matter.
    const authorOnly = policyWith({ declarations: { requiredFor: ["author"] } });
    expect(evaluateDeclarations({ policy: authorOnly, registry, facts: prFacts({ author: user("alice"), commits: listed, commitCount: 251 }), now: NOW }).outcome).toBe("success");
  });

  it("an entry with an unknown sector affects only that person", () => {
    const r = evaluateDeclarations({
      policy: policyWith({ declarations: { requiredFor: ["author", "committers"] } }),
      registry,
      facts: prFacts({ author: user("carol"), commits: [{ sha: "c1", author: user("dan") }] }),
      now: NOW,
    });
    expect(r.missing).toEqual([{ login: "carol", id: userId("carol"), reason: { code: "unknown-sector", sector: "academia" } }]);
    expect(r.declared.map((d) => d.login)).toEqual(["dan"]);
  });

  it("lists exempt people with why", () => {
    const r = evaluateDeclarations({
      policy: policyWith({ declarations: { requiredFor: ["author", "committers"], exempt: ["Secretariat"] } }),
      registry,
      facts: prFacts({ author: user("secretariat"), commits: [{ sha: "c1", author: user("bot-x", true) }] }),
      now: NOW,
    });
    expect(r.exempt).toEqual([
      { login: "secretariat", why: "exempt" },
      { login: "bot-x", why: "bot" },
    ]);
  });

  it.each([
    ["a current head entry", entry("eve", "government", "2026-06-10"), "success", true],
    ["a head entry in a sector the policy lacks", entry("eve", "academia", "2026-06-10"), "failure", false],
    ["a head entry dated tomorrow", entry("eve", "government", "2026-06-11"), "failure", false],
    ["a head entry of someone else", entry("zed", "government", "2026-06-10"), "failure", false],
    ["no head entry", null, "failure", false],
  ] as const)("declared in this pull request: %s", (_name, head, outcome, inThisPr) => {
    const r = evaluateDeclarations({ policy: policyWith(), registry, facts: prFacts({ author: user("eve"), headAuthorEntry: head }), now: NOW });
    expect(r.outcome).toBe(outcome);
    expect(r.declared.some((d) => d.inThisPr)).toBe(inThisPr);
  });

  it("renews an expired author's declaration in the PR", () => {
    const r = evaluateDeclarations({
      policy: policyWith(),
      registry,
      facts: prFacts({ author: user("bob"), headAuthorEntry: entry("bob", "business", "2026-06-09") }),
      now: NOW,
    });
    expect(r.outcome).toBe("success");
    expect(r.declared).toEqual([{ login: "bob", entry: expect.objectContaining({ declared: "2026-06-09" }), inThisPr: true }]);
  });

  it.each([
    [["eve"], { count: 1, logins: "eve" }],
    [["eve", "frank"], { count: 2, logins: "eve, frank" }],
  ])("titles the failure with who is missing: %j", (logins, params) => {
    const r = evaluateDeclarations({
      policy: policyWith({ declarations: { requiredFor: ["author", "committers"] } }),
      registry,
      facts: prFacts({ author: user(logins[0]!), commits: logins.slice(1).map((l, i) => ({ sha: `c${i}`, author: user(l) })) }),
      now: NOW,
    });
    expect(r.title).toEqual({ key: "declaration.title.failure", params });
  });

  it("titles success", () => {
    const r = evaluateDeclarations({ policy: policyWith(), registry, facts: prFacts({ author: user("alice") }), now: NOW });
    expect(r.title).toEqual({ key: "declaration.title.success" });
  });

  it("invalidDeclaration fails with the diagnostics", () => {
    const d: Diagnostic = { file: "STAKEHOLDERS.yml", line: 3, column: 5, severity: "error", code: "registry.duplicate", message: { key: "x" } };
    const r = invalidDeclaration([d]);
    expect(r.outcome).toBe("failure");
    expect(r.diagnostics).toEqual([d]);
    expect(r.title).toEqual({ key: "declaration.title.invalid", params: { count: 1 } });
  });
});

describe("evaluateDeclarations: identity is the account id, not the login", () => {
  const members = registryWith([entry("alice", "civil-society"), entry("bob", "government", "2026-01-01", { id: undefined })]);
  const judge = (author: ReturnType<typeof user>, over: { ids?: "required" | "optional"; head?: ReturnType<typeof entry> } = {}) =>
    evaluateDeclarations({
      policy: policyWith({ declarations: { ids: over.ids ?? "required" } }),
      registry: members,
      facts: prFacts({ author, ...(over.head ? { headAuthorEntry: over.head } : {}) }),
      now: NOW,
    });

  it("finds an author who renamed since declaring by their id, and shows the entry they declared under", () => {
    const r = judge(user("alice-new", false, userId("alice")));
    expect(r.outcome).toBe("success");
    expect(r.declared).toMatchObject([{ login: "alice-new", entry: { login: "alice" } }]);
  });

  it("gives nothing to a new account on a login someone gave up: no entry, and the entry to paste carries the newcomer's id", () => {
    const r = judge(user("alice", false, 77_000_001));
    expect(r.missing).toEqual([{ login: "alice", id: 77_000_001, reason: { code: "no-entry" } }]);
  });

  it("does not take an entry without an id as current under ids: required (no account id)", () => {
    expect(judge(user("bob")).missing).toEqual([{ login: "bob", id: userId("bob"), reason: { code: "no-id" } }]);
  });

  it("matches an entry without an id by login under ids: optional", () => {
    expect(judge(user("BOB", false, 5), { ids: "optional" }).outcome).toBe("success");
  });

  it("takes the author's entry from the PR's head only when it is theirs: their id", () => {
    const newcomer = user("newbie", false, 1234);
    expect(judge(newcomer, { head: entry("newbie", "business", "2026-06-01", { id: 1234 }) }).declared).toMatchObject([{ login: "newbie", inThisPr: true }]);
    expect(judge(newcomer, { head: entry("newbie", "business", "2026-06-01", { id: 4321 }) }).missing).toMatchObject([{ login: "newbie", reason: { code: "no-entry" } }]);
    expect(judge(newcomer, { head: entry("newbie", "business", "2026-06-01", { id: undefined }) }).missing).toMatchObject([{ login: "newbie", reason: { code: "no-entry" } }]);
  });
});
