import { describe, expect, it } from "vitest";
import { verifyChain } from "../../src/core/chain.js";
import { buildReport, type ReportFacts } from "../../src/core/report.js";
import type { Registry, RegistryEntry } from "../../src/core/types.js";
import { chainOf } from "../transparency/builders.js";
import { userId } from "../e2e/standin/standin.js";

export function entry(login: string, sector: string, declared: string, over: Partial<RegistryEntry> = {}): RegistryEntry {
  return { login, id: userId(login), sector, organisation: `${login} org`, declared, interests: "none", voter: true, pos: { file: "S.yml", line: 1, column: 1 }, ...over };
}
const reg = (...entries: RegistryEntry[]): Registry => ({ path: "STAKEHOLDERS.yml", entries });

export function reportFacts(over: Partial<ReportFacts> = {}): ReportFacts {
  const records = chainOf(3);
  records[1] = { ...records[1]!, outcome: "withdrawn", merge_commit: null };
  records[2] = { ...records[2]!, signed_off: false, closed_at: "2026-10-31T23:00:00Z", objections: [{ login: "erin", sector: "business" }] };
  return {
    repo: "org/charter",
    period: "2026-11",
    sectors: [
      { id: "government", name: "Government" },
      { id: "business", name: "Business" },
      { id: "civil-society", name: "Civil society" },
    ],
    renewAfterDays: 365,
    exempt: ["ops"],
    records: records.map((record) => ({ record, url: `https://github.com/org/charter/issues/1#issuecomment-${record.seq}` })),
    openDecisions: [{ number: 40, title: "Open one", author: "bob", kinds: ["charter"], createdAt: "2026-11-10T00:00:00Z" }],
    openedPullRequests: [
      { number: 41, title: "a", author: "Alice", authorIsBot: false, createdAt: "2026-11-02T00:00:00Z" },
      { number: 42, title: "b", author: "bob", authorIsBot: false, createdAt: "2026-11-03T00:00:00Z" },
      { number: 43, title: "c", author: "newbie", authorIsBot: false, createdAt: "2026-11-04T00:00:00Z" },
      { number: 44, title: "d", author: "newbie", authorIsBot: false, createdAt: "2026-11-05T00:00:00Z" },
      { number: 45, title: "e", author: "dependabot[bot]", authorIsBot: true, createdAt: "2026-11-05T00:00:00Z" },
      { number: 46, title: "f", author: "ops", authorIsBot: false, createdAt: "2026-11-05T00:00:00Z" },
      { number: 47, title: "g", author: "late", authorIsBot: false, createdAt: "2026-11-05T00:00:00Z" },
    ],
    registryAtStart: reg(entry("alice", "civil-society", "2026-01-10"), entry("bob", "government", "2025-11-20"), entry("old", "business", "2025-11-05")),
    registryAtEnd: reg(
      entry("alice", "civil-society", "2026-01-10"),
      entry("bob", "government", "2026-11-15"),
      entry("old", "business", "2025-11-05"),
      entry("carol", "business", "2025-12-20"),
      entry("late", "business", "2026-11-20"),
      entry("ghost", "nowhere", "2026-11-01", { problem: { code: "unknown-sector", sector: "nowhere" } }),
    ),
    chain: verifyChain([]),
    ...over,
  };
}

describe("buildReport", () => {
  const model = buildReport(reportFacts());

  it("sorts the records into adopted, withdrawn, overrides and late ones", () => {
    expect(model.adopted.map((l) => l.seq)).toEqual([1, 3]);
    expect(model.withdrawn.map((l) => l.seq)).toEqual([2]);
    expect(model.mergedWithoutSignoff.map((l) => l.seq)).toEqual([3]);
    expect(model.closedEarlier).toEqual([expect.objectContaining({ seq: 3, closedInEarlierPeriod: "2026-10" })]);
    expect(model.adopted[0]!.url).toBe("https://github.com/org/charter/issues/1#issuecomment-1");
    expect(model.empty).toBe(false);
    expect(model.start).toBe("2026-11-01T00:00:00.000Z");
    expect(model.end).toBe("2026-12-01T00:00:00.000Z");
  });

  it("counts participation by sector", () => {
    expect(model.participation).toEqual([
      { sector: "government", name: "Government", approvals: 3, objections: 0, opened: 1 },
      { sector: "business", name: "Business", approvals: 3, objections: 1, opened: 0 },
      { sector: "civil-society", name: "Civil society", approvals: 0, objections: 0, opened: 1 },
    ]);
    expect(model.approvalsBySector).toEqual([
      { sector: "government", name: "Government", count: 3 },
      { sector: "business", name: "Business", count: 3 },
    ]);
    // "late" declared after opening the PR; newbie never; bots and exempt are not counted.
    expect(model.openedUndeclared).toBe(3);
    expect(model.undeclaredAuthors).toEqual([
      { login: "late", prs: [47] },
      { login: "newbie", prs: [43, 44] },
    ]);
    expect(model.openedTotal).toBe(7);
  });

  it("derives the declarations added, renewed, expiring and expired", () => {
    const d = model.declarations;
    expect(d.added.map((x) => x.login)).toEqual(["carol", "ghost", "late"]);
    expect(d.renewed).toEqual([{ login: "bob", sector: "government", organisation: "bob org", declared: "2026-11-15", lastDay: "2027-11-15" }]);
    expect(d.expiring.map((x) => [x.login, x.lastDay])).toEqual([["carol", "2026-12-20"]]);
    expect(d.expired.map((x) => [x.login, x.lastDay])).toEqual([["old", "2026-11-05"]]);
  });

  it("lets nothing expire when renew_after_days is 0", () => {
    const d = buildReport(reportFacts({ renewAfterDays: 0 })).declarations;
    expect(d.expiring).toEqual([]);
    expect(d.expired).toEqual([]);
    expect(d.added[0]!.lastDay).toBeUndefined();
  });

  it("calls a period without records or PRs empty", () => {
    expect(buildReport(reportFacts({ records: [], openedPullRequests: [] })).empty).toBe(true);
    expect(buildReport(reportFacts({ records: [] })).empty).toBe(false);
  });

  it("carries the chain result", () => {
    const bad = { ok: false as const, seq: 2, pr: 9, problem: "deleted" as const, detail: "x" };
    expect(buildReport(reportFacts({ chain: bad })).chain).toBe(bad);
  });

  it("rejects what is not a period", () => {
    expect(() => buildReport(reportFacts({ period: "November" }))).toThrow(RangeError);
  });
});
