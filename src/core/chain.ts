// Verifying the hash chain of the log: each record's hash recomputed, `seq` counting 1, 2, 3...
// in log order, and each `prev` naming the hash of the record before. Pure.
import { expectedHash, parseRecordComment } from "./record.js";

/** The `prev` of record 1. */
export const GENESIS = "0".repeat(64);

export type ChainProblem = "edited" | "deleted" | "inserted" | "reordered" | "unreadable" | "foreign" | "unanchored";

export type ChainResult =
  | { ok: true; count: number; head: string | null }
  | {
      ok: false;
      seq: number | null;
      pr: number | null;
      problem: ChainProblem;
      /** A technical description (numbers and hashes), shown beside the translated message. */
      detail: string;
      /** The comment where the problem was found, when known. */
      url?: string;
      period?: string;
    };

interface Read {
  seq: number;
  pr: number | null;
  prev: string;
  hash: string;
  url?: string;
  period?: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Verifies a log given as every comment of its issues in order (oldest period first, oldest
 * comment first). Comments without a record marker (people's comments on the log) are ignored.
 * Returns the first problem found, with the `seq` and PR it concerns.
 */
export function verifyChain(entries: Array<{ body: string; url?: string; period?: string }>): ChainResult {
  const records: Read[] = [];
  for (const e of entries) {
    const parsed = parseRecordComment(e.body);
    if (!parsed) continue;
    const r = parsed.record;
    const seq = r?.seq;
    const where = { ...(e.url ? { url: e.url } : {}), ...(e.period ? { period: e.period } : {}) };
    if (
      !r ||
      typeof seq !== "number" ||
      !Number.isSafeInteger(seq) ||
      typeof r.prev !== "string" ||
      typeof r.hash !== "string" ||
      !HEX64.test(r.hash)
    ) {
      return {
        ok: false,
        seq: typeof seq === "number" ? seq : null,
        pr: parsed.pr,
        problem: "unreadable",
        detail: "the record comment holds no readable JSON record",
        ...where,
      };
    }
    const pr = typeof r.pr === "number" ? r.pr : parsed.pr;
    const recomputed = expectedHash(r);
    if (recomputed !== r.hash) {
      return {
        ok: false,
        seq,
        pr,
        problem: "edited",
        detail: `stored hash ${r.hash}, recomputed ${recomputed}`,
        ...where,
      };
    }
    records.push({ seq, pr, prev: r.prev, hash: r.hash, ...where });
  }

  const where = (r: Read) => ({ ...(r.url ? { url: r.url } : {}), ...(r.period ? { period: r.period } : {}) });
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const before = i > 0 ? records[i - 1] : undefined;
    const expected = (before?.seq ?? 0) + 1;

    if (r.seq > expected) {
      // A gap: the missing record either comes later (the log's order was changed) or is gone.
      const later = records.slice(i + 1).find((x) => x.seq === expected);
      if (later) {
        return {
          ok: false,
          seq: expected,
          pr: later.pr,
          problem: "reordered",
          detail: `record ${r.seq} comes before record ${expected}`,
          ...where(later),
        };
      }
      return {
        ok: false,
        seq: expected,
        pr: null,
        problem: "deleted",
        detail: `record ${expected} is missing: record ${r.seq} (PR ${r.pr}) follows record ${expected - 1}`,
        ...where(r),
      };
    }

    if (r.seq < expected) {
      // A repeat or a step back: a record that does not belong here.
      const copy = records.some((x, j) => j !== i && x.hash === r.hash);
      if (copy) {
        return {
          ok: false,
          seq: r.seq,
          pr: r.pr,
          problem: "inserted",
          detail: `a second copy of record ${r.seq}`,
          ...where(r),
        };
      }
      // Two records with one seq and one prev (a fork): the intruder is the one the rest of the
      // chain does not continue from.
      const next = records[i + 1];
      if (before && before.seq === r.seq && before.prev === r.prev && next && next.prev === r.hash) {
        return {
          ok: false,
          seq: before.seq,
          pr: before.pr,
          problem: "inserted",
          detail: `record ${before.seq} (PR ${before.pr}) is not the one the chain continues from`,
          ...where(before),
        };
      }
      return {
        ok: false,
        seq: r.seq,
        pr: r.pr,
        problem: "inserted",
        detail: `record ${r.seq} appears after record ${expected - 1}`,
        ...where(r),
      };
    }

    const prevHash = before?.hash ?? GENESIS;
    if (r.prev !== prevHash) {
      // The record names a different predecessor: the one before it was rewritten (with a
      // recomputed hash) after this record was written.
      const culprit = before ?? r;
      return {
        ok: false,
        seq: culprit.seq,
        pr: culprit.pr,
        problem: "edited",
        detail: `record ${r.seq} names ${r.prev} as the hash before it, but ${before ? `record ${before.seq}` : "the start of the chain"} is ${prevHash}`,
        ...where(culprit),
      };
    }
  }
  return { ok: true, count: records.length, head: records.length > 0 ? records[records.length - 1]!.hash : null };
}
