// Parsed policies and registries are remembered by their exact inputs and shared frozen.
import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../src/policy/policy.js";
import { parseRegistry } from "../../src/policy/registry.js";
import { Memo } from "../../src/policy/memo.js";

const POLICY = "sectors:\n  - { id: a, name: A }\n  - { id: b, name: B }\n";
const REGISTRY = "stakeholders:\n  - { login: x, sector: a, organisation: O, declared: 2026-01-01, interests: none }\n";

describe("memoised parsing", () => {
  it("the same file gives the same frozen policy; other contents give another", () => {
    const one = parsePolicy(POLICY, "g.yml").policy!;
    expect(parsePolicy(POLICY, "g.yml").policy).toBe(one);
    expect(parsePolicy(new TextEncoder().encode(POLICY), "g.yml").policy).toEqual(one);
    expect(parsePolicy(`${POLICY}# changed\n`, "g.yml").policy).not.toBe(one);
    expect(Object.isFrozen(one)).toBe(true);
    expect(Object.isFrozen(one.sectors[0])).toBe(true);
    expect(() => (one.sectors as unknown as unknown[]).push({ id: "c" })).toThrow(TypeError);
  });

  it("the same name with other contents is parsed again (errors point into the right text)", () => {
    expect(parsePolicy(POLICY, "g.yml").diagnostics).toEqual([]);
    expect(parsePolicy("sectors: 5\n", "g.yml").diagnostics[0]).toMatchObject({ file: "g.yml", line: 1 });
  });

  it("a registry is remembered per policy", () => {
    const policy = parsePolicy(POLICY, "g.yml").policy!;
    const other = parsePolicy("sectors:\n  - { id: b, name: B }\n  - { id: c, name: C }\n", "g.yml").policy!;
    const first = parseRegistry(REGISTRY, "S.yml", policy);
    expect(parseRegistry(REGISTRY, "S.yml", policy)).toBe(first);
    const judgedByOther = parseRegistry(REGISTRY, "S.yml", other);
    expect(judgedByOther).not.toBe(first);
    expect(judgedByOther.registry?.entries[0]?.problem).toEqual({ code: "unknown-sector", sector: "a" });
    expect(first.registry?.entries[0]?.problem).toBeUndefined();
  });

  it("the LRU keeps at most its size, dropping the least recently used", () => {
    const memo = new Memo<{ n: number }>(2);
    const a = memo.get("a", () => ({ n: 1 }));
    memo.get("b", () => ({ n: 2 }));
    expect(memo.get("a", () => ({ n: 9 }))).toBe(a);
    memo.get("c", () => ({ n: 3 }));
    expect(memo.size).toBe(2);
    expect(memo.get("b", () => ({ n: 4 })).n).toBe(4);
  });
});
