import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GENESIS } from "../../src/core/chain.js";
import { buildRecord, hashRecord, mergedWithoutSignoff, parseRecordComment, recordMarker } from "../../src/core/record.js";
import { kind, kindResult, prFacts, signoff } from "../transparency/builders.js";

describe("hashRecord", () => {
  it("is the SHA-256 of the RFC 8785 form", () => {
    const value = { v: 1, seq: 2, title: "Café <b> \u2028", approvals: { z: ["b", "a"], a: [] }, n: 1.5e21, ok: true, none: null };
    // Members sorted by code unit, no white space, numbers in ECMAScript form, U+2028 kept raw.
    const canonical = '{"approvals":{"a":[],"z":["b","a"]},"n":1.5e+21,"none":null,"ok":true,"seq":2,"title":"Café <b> \u2028","v":1}';
    const expected = createHash("sha256").update(canonical, "utf8").digest("hex");
    expect(hashRecord(value)).toBe(expected);
  });

  it("does not depend on member order", () => {
    expect(hashRecord({ a: 1, b: [1, 2] })).toBe(hashRecord({ b: [1, 2], a: 1 }));
    expect(hashRecord({ a: 1, b: [1, 2] })).not.toBe(hashRecord({ a: 1, b: [2, 1] }));
  });
});

describe("buildRecord", () => {
  const charter = kind("charter");
  const gov = kind("governance");

  it("records an adopted decision signed off", () => {
    const r = buildRecord({
      repo: "org/charter",
      seq: 7,
      prev: "a".repeat(64),
      facts: prFacts(),
      signoff: signoff([
        kindResult(charter, { government: ["bob"], business: ["carol"], academia: [] }, {
          objections: [{ login: "erin", sector: "business", blocking: false }],
        }),
        kindResult(gov, { government: ["Zed", "bob"], "civil-society": ["dan"] }),
      ]),
      authorSector: "civil-society",
    });
    expect(r).toMatchObject({
      v: 1,
      repo: "org/charter",
      seq: 7,
      prev: "a".repeat(64),
      pr: 12,
      title: "Amend article 4",
      author: "alice",
      author_sector: "civil-society",
      kinds: ["charter", "governance"],
      outcome: "adopted",
      signed_off: true,
      objections: [{ login: "erin", sector: "business" }],
      opened_at: "2026-11-20T10:00:00Z",
      closed_at: "2026-11-24T09:30:00Z",
      merge_commit: "3f2a000000000000000000000000000000000000",
    });
    expect(r.approvals).toEqual({ business: ["carol"], "civil-society": ["dan"], government: ["Zed", "bob"] });
    expect(r.votes).toBeUndefined();
    expect(r.carried_by).toBeUndefined();
    const { hash, ...rest } = r;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashRecord(rest));
  });

  it.each([
    ["withdrawn", { merged: false, mergeCommitSha: null }, true, "withdrawn", null, false],
    ["merged without sign-off", {}, false, "adopted", "3f2a000000000000000000000000000000000000", true],
    ["withdrawn without sign-off", { merged: false, mergeCommitSha: "ffff" }, false, "withdrawn", null, false],
  ] as const)("%s", (_name, over, signedOff, outcome, mergeCommit, override) => {
    const r = buildRecord({
      repo: "o/r",
      seq: 1,
      prev: GENESIS,
      facts: prFacts(over),
      signoff: signoff([kindResult(charter, {})], signedOff),
      authorSector: null,
    });
    expect(r.outcome).toBe(outcome);
    expect(r.merge_commit).toBe(mergeCommit);
    expect(r.signed_off).toBe(signedOff);
    expect(r.author_sector).toBeNull();
    expect(r.approvals).toEqual({});
    expect(mergedWithoutSignoff(r)).toBe(override);
  });

  it("adds the votes and the carrying branch of a charter rule", () => {
    const motion = kind("motion", "rule", true);
    const r = buildRecord({
      repo: "o/r",
      seq: 3,
      prev: GENESIS,
      facts: prFacts(),
      signoff: signoff([
        kindResult(motion, { government: ["bob"] }, {
          carriedBy: 1,
          tally: {
            bySector: {
              government: { yes: ["bob"], no: [], abstain: ["gil"], recused: [], registered: 3 },
              business: { yes: [], no: ["erin"], abstain: [], recused: ["carol"], registered: 2 },
            },
          },
        }),
        kindResult(charter, { business: ["carol"] }),
      ]),
      authorSector: "civil-society",
    });
    expect(r.votes).toEqual({
      government: { yes: ["bob"], no: [], abstain: ["gil"], recused: [] },
      business: { yes: [], no: ["erin"], abstain: [], recused: ["carol"] },
    });
    expect(r.carried_by).toEqual({ motion: 1 });
    expect(r.hash).toBe(hashRecord(Object.fromEntries(Object.entries(r).filter(([k]) => k !== "hash"))));
  });
});

describe("parseRecordComment", () => {
  it.each([
    ["no marker", "hello", null],
    ["marker, no JSON", `${recordMarker(3, "2026-11-01T00:00:00Z")}\ntext`, { pr: 3, closedAt: "2026-11-01T00:00:00Z", record: null }],
    ["marker, bad JSON", `${recordMarker(3, "x")}\n\`\`\`json\n{"a":\n\`\`\``, { pr: 3, closedAt: "x", record: null }],
    ["marker, array", `${recordMarker(3, "x")}\n\`\`\`json\n[1]\n\`\`\``, { pr: 3, closedAt: "x", record: null }],
    ["marker, JSON", `${recordMarker(3, "x")}\n\n\`\`\`json\n{"a":"\\u0040b"}\n\`\`\`\n`, { pr: 3, closedAt: "x", record: { a: "@b" } }],
  ])("%s", (_n, body, expected) => {
    expect(parseRecordComment(body)).toEqual(expected);
  });
});
