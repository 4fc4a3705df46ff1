import { describe, expect, it } from "vitest";
import { GENESIS, verifyChain } from "../../src/core/chain.js";
import { buildRecord, hashRecord, recordMarker, type DecisionRecord } from "../../src/core/record.js";
import { renderRecordComment } from "../../src/render/record.js";
import { chainOf, kind, kindResult, prFacts, signoff } from "../transparency/builders.js";

const body = (r: DecisionRecord) => renderRecordComment(r, { lang: "en" });
const entries = (rs: DecisionRecord[]) => rs.map((r) => ({ body: body(r), url: `https://x/${r.seq}` }));

/** Rewrites a record's title; with `rehash`, also its hash (a forger with the app's write access). */
function edit(r: DecisionRecord, rehash: boolean): DecisionRecord {
  const { hash, ...rest } = { ...r, title: "Something else" };
  return { ...rest, hash: rehash ? hashRecord(rest) : hash };
}

const chain = chainOf(5);
const [r1, r2, r3, r4, r5] = chain as [DecisionRecord, DecisionRecord, DecisionRecord, DecisionRecord, DecisionRecord];

describe("verifyChain", () => {
  it("accepts an intact chain, ignoring people's comments", () => {
    const es = entries(chain);
    es.splice(2, 0, { body: "I agree with this decision @bob", url: "u" }, { body: "```json\n{}\n```", url: "v" });
    expect(verifyChain(es)).toEqual({ ok: true, count: 5, head: r5.hash });
  });

  it("accepts an empty log", () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: null });
  });

  it("accepts a chain that continues across periods", () => {
    const next = chainOf(2, "org/charter", 6, r5.hash);
    const es = [
      ...chain.map((r) => ({ body: body(r), period: "2026-10" })),
      ...next.map((r) => ({ body: body(r), period: "2026-11" })),
    ];
    expect(verifyChain(es)).toMatchObject({ ok: true, count: 7, head: next[1]!.hash });
  });

  const fabricated = buildRecord({
    repo: "org/charter",
    seq: 3,
    prev: r2.hash,
    facts: prFacts({ number: 999, title: "Forged" }),
    signoff: signoff([kindResult(kind("charter"), { government: ["mallory"] })]),
    authorSector: "government",
  });

  it.each([
    ["edited (hash not recomputed)", [r1, edit(r2, false), r3, r4, r5], { problem: "edited", seq: 2, pr: 102 }],
    ["edited (hash recomputed)", [r1, edit(r2, true), r3, r4, r5], { problem: "edited", seq: 2, pr: 102 }],
    ["edited first record", [edit(r1, true), r2, r3], { problem: "edited", seq: 1, pr: 101 }],
    ["deleted", [r1, r3, r4, r5], { problem: "deleted", seq: 2, pr: null }],
    ["deleted last but one", [r1, r2, r3, r5], { problem: "deleted", seq: 4, pr: null }],
    ["deleted first", [r2, r3], { problem: "deleted", seq: 1, pr: null }],
    ["inserted copy", [r1, r2, r3, r2, r4, r5], { problem: "inserted", seq: 2, pr: 102 }],
    ["inserted forgery before the real one", [r1, r2, fabricated, r3, r4, r5], { problem: "inserted", seq: 3, pr: 999 }],
    ["inserted forgery after the real one", [r1, r2, r3, fabricated, r4, r5], { problem: "inserted", seq: 3, pr: 999 }],
    ["reordered", [r1, r3, r2, r4, r5], { problem: "reordered", seq: 2, pr: 102 }],
    ["reordered at the end", [r1, r2, r3, r5, r4], { problem: "reordered", seq: 4, pr: 104 }],
  ] as const)("detects %s", (_name, rs, expected) => {
    const result = verifyChain(entries([...rs]));
    expect(result).toMatchObject({ ok: false, ...expected });
    expect(result.ok === false && result.detail.length > 0).toBe(true);
  });

  it.each([
    ["no JSON", `${recordMarker(102, "x")}\nThe record was removed.`, null],
    ["broken JSON", `${recordMarker(102, "x")}\n\`\`\`json\n{"seq": 2,\n\`\`\``, null],
    ["JSON without hash", `${recordMarker(102, "x")}\n\`\`\`json\n{"seq": 2, "prev": "${GENESIS}"}\n\`\`\``, 2],
  ])("calls a record comment with %s unreadable", (_n, broken, seq) => {
    const es = entries(chain);
    es[1] = { body: broken, url: "https://x/broken" };
    expect(verifyChain(es)).toMatchObject({ ok: false, problem: "unreadable", pr: 102, seq, url: "https://x/broken" });
  });

  it("names where the problem is", () => {
    const es = entries([r1, edit(r2, false), r3]);
    expect(verifyChain(es)).toMatchObject({ url: "https://x/2" });
  });
});
