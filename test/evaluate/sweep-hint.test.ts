import { describe, expect, it } from "vitest";
import { decodeHint, decodeOwner, encodeGroupOwner, encodeHint, nextRegistryChange, sameOwner, reasonToEvaluate, signatureOf, type ListedPull } from "../../src/evaluate/sweep-hint.js";
import { OPEN_PULLS_QUERY } from "../../src/github/open-pulls.js";
import type { Policy, Registry } from "../../src/core/types.js";
import { validateQuery } from "../helpers/graphql.js";

const NOW = new Date("2026-11-20T10:00:00Z");
const comments = [
  { id: 11, updatedAt: "2026-11-20T09:00:00Z" },
  { id: 12, updatedAt: "2026-11-20T09:10:00Z" },
  { id: 13, updatedAt: "2026-11-20T09:20:00Z" },
];
const signals = { headSha: "abc", draft: false, base: "main", defaultBranch: "main", labels: ["b", "a"], timeline: 2, reviews: 2, dismissed: 0, comments };
const NAMES = ["Stakeholder declaration", "Multi-sector sign-off"];

function listed(hint: string | null, extra: Partial<ListedPull> = {}): ListedPull {
  const checks = new Map(NAMES.map((n) => [n, { externalId: hint }] as const));
  return { number: 1, ...signals, checks, ...extra };
}

describe("OPEN_PULLS_QUERY", () => {
  it("is a valid query of GitHub's GraphQL schema, a hundred PRs a page", () => {
    expect(validateQuery(OPEN_PULLS_QUERY)).toEqual([]);
    expect(OPEN_PULLS_QUERY).toMatch(/pullRequests\(states: \[OPEN\], first: 100, after: \$cursor\)/);
  });
});

describe("the sweep's hint", () => {
  it("round-trips, and reads nothing from an external id it did not write", () => {
    for (const hint of [
      { signature: "s1", next: Date.parse("2026-12-01T00:00:00Z"), error: false },
      { signature: "", next: null, error: true },
    ]) {
      expect(decodeHint(encodeHint(hint))).toEqual(hint);
    }
    expect(decodeHint("")).toBeNull();
    expect(decodeHint(null)).toBeNull();
    expect(decodeHint("someone-else.x.y.z")).toBeNull();
  });

  it("signs the same signals the same whatever the labels' order, and any change differently", () => {
    const base = signatureOf(signals, "rules");
    expect(signatureOf({ ...signals, labels: ["a", "b"] }, "rules")).toBe(base);
    // The same comments in another order, and the same instant written another way.
    expect(signatureOf({ ...signals, comments: [comments[2]!, comments[0]!, { id: 12, updatedAt: "2026-11-20T09:10:00.000Z" }] }, "rules")).toBe(base);
    for (const changed of [
      { ...signals, headSha: "def" },
      { ...signals, draft: true },
      { ...signals, base: "staging" },
      { ...signals, defaultBranch: "trunk" },
      { ...signals, labels: ["a"] },
      // A label added and removed again, or a retarget and back: same labels and base, longer timeline.
      { ...signals, timeline: 4 },
      { ...signals, reviews: 3 },
      { ...signals, dismissed: 1 },
      // A comment deleted; one deleted and another written (the count unchanged); one edited.
      { ...signals, comments: comments.slice(1) },
      { ...signals, comments: [...comments.slice(1), { id: 14, updatedAt: "2026-11-20T09:30:00Z" }] },
      { ...signals, comments: [comments[0]!, comments[1]!, { id: 13, updatedAt: "2026-11-20T09:40:00Z" }] },
    ]) {
      expect(signatureOf(changed, "rules")).not.toBe(base);
    }
    expect(signatureOf(signals, "other rules")).not.toBe(base);
  });

  it("says why a PR needs evaluating, and null when nothing changed", () => {
    const current = encodeHint({ signature: signatureOf(signals, "r"), next: null, error: false });
    expect(reasonToEvaluate(listed(current), NAMES, "r", NOW)).toBeNull();
    expect(reasonToEvaluate(listed(current, { checks: new Map() }), NAMES, "r", NOW)).toBe("no check on the head");
    expect(reasonToEvaluate(listed(""), NAMES, "r", NOW)).toBe("no hint");
    expect(reasonToEvaluate(listed(encodeHint({ signature: "", next: null, error: true })), NAMES, "r", NOW)).toBe("failed by an error");
    const due = encodeHint({ signature: signatureOf(signals, "r"), next: NOW.getTime(), error: false });
    expect(reasonToEvaluate(listed(due), NAMES, "r", NOW)).toBe("due");
    const later = encodeHint({ signature: signatureOf(signals, "r"), next: NOW.getTime() + 1, error: false });
    expect(reasonToEvaluate(listed(later), NAMES, "r", NOW)).toBeNull();
    expect(reasonToEvaluate(listed(current, { reviews: 3 }), NAMES, "r", NOW)).toBe("changed");
    expect(reasonToEvaluate(listed(current), NAMES, "rules changed", NOW)).toBe("changed");
    expect(reasonToEvaluate(listed(current, { labelsIncomplete: true }), NAMES, "r", NOW)).toBe("too many labels to compare");
    expect(reasonToEvaluate(listed(current, { commentsIncomplete: true }), NAMES, "r", NOW)).toBe("too many comments to compare");
  });

  it("finds the next day a declaration starts or lapses", () => {
    const policy = { declarations: { renewAfterDays: 10 } } as unknown as Policy;
    const entry = (declared: string, problem?: object) => ({ login: "x", sector: "s", organisation: "o", declared, interests: "", voter: true, pos: { line: 1, column: 1 }, ...(problem ? { problem } : {}) });
    const registry = {
      path: "STAKEHOLDERS.yml",
      entries: [entry("2026-11-15"), entry("2026-11-25"), entry("2026-11-01"), entry("2026-11-18", { code: "unknown-sector", sector: "s" })],
    } as unknown as Registry;
    // 2026-11-15 lapses on the 26th, 2026-11-25 starts on the 25th, 2026-11-01 lapsed on the 12th.
    expect(new Date(nextRegistryChange(policy, registry, NOW)!).toISOString()).toBe("2026-11-25T00:00:00.000Z");
    const never = { declarations: { renewAfterDays: 0 } } as unknown as Policy;
    expect(nextRegistryChange(never, { path: "x", entries: [entry("2026-11-01")] } as unknown as Registry, NOW)).toBeNull();
  });
});

describe("the owner noted on a merge group's runs", () => {
  const BASE = "ab".repeat(20);
  it("notes the group's base, read back as written; a base on anything but a group's run is no note", () => {
    expect(encodeGroupOwner([3, 9], BASE)).toBe(`pg1.g-3-9b${BASE}`);
    expect(decodeOwner(encodeGroupOwner([3, 9], BASE))).toEqual({ pr: null, shared: false, group: true, heads: [3, 9], base: BASE });
    expect(decodeOwner(encodeGroupOwner([]))).toEqual({ pr: null, shared: false, group: true, heads: [] });
    expect(decodeOwner(`pg1.12sb${BASE}`)).toBeNull();
    expect(decodeOwner(`pg1.gb${BASE.slice(1)}`)).toBeNull();
    // A run noting another base (or none) is another owner's: it is written again.
    expect(sameOwner(encodeGroupOwner([], BASE), { pr: null, shared: false, group: true, heads: [], base: BASE })).toBe(true);
    expect(sameOwner(encodeGroupOwner([]), { pr: null, shared: false, group: true, heads: [], base: BASE })).toBe(false);
  });
});
