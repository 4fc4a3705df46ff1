// Generated from faults.js (its JSDoc types) so that TypeScript tests can import it; regenerate after
// changing it: npx tsc --allowJs --checkJs --declaration --emitDeclarationOnly --strict --skipLibCheck
//   --target ES2022 --module NodeNext --moduleResolution NodeNext --types node --outDir test/e2e/standin
//   test/e2e/standin/standin.js test/e2e/standin/faults.js   (test/e2e/standin.test.ts checks they agree)
/**
 * 32-bit FNV-1a of a string.
 * @param {string} text
 */
export function fnv1a(text: string): number;
/**
 * Mulberry32: a small seeded PRNG giving numbers in [0, 1).
 * @param {number} seed
 * @returns {() => number}
 */
export function mulberry32(seed: number): () => number;
/** @typedef {"500" | "502" | "403" | "429" | "slow" | "drop"} FaultKind */
/**
 * "before": GitHub fails before applying the request; "after": a write is applied and then the
 * answer is lost (an error status, or the connection dropped). Rate limits are always "before".
 * @typedef {"before" | "after"} FaultPhase
 */
/** @typedef {{ kind: FaultKind, phase: FaultPhase, delayMs: number }} Fault */
/**
 * A fault on chosen requests: those matching `method` (any when absent) and `path` (a regular
 * expression on the path without the query, or an exact path), the `nth` matching one only (1 is
 * the first; every one when absent), at most `times` times (default 1 with `nth`, unlimited
 * without).
 * @typedef {{ method?: string, path: RegExp | string, nth?: number, times?: number, kind: FaultKind, phase?: FaultPhase, delayMs?: number }} FaultRule
 */
/**
 * Faults at a rate: each request fails with probability `rate`, of a kind drawn evenly from
 * `kinds` (default all six), a write "before" or "after" evenly. `exclude` spares matching paths.
 * @typedef {{ rate: number, seed: number, kinds?: FaultKind[], slowMs?: number, exclude?: RegExp }} RandomFaults
 */
/** @type {FaultKind[]} */
export const ALL_FAULT_KINDS: FaultKind[];
/** What the plan did, by kind and phase. */
export class FaultCounts {
    /** @type {Record<string, number>} */
    byKind: Record<string, number>;
    total: number;
    /** @param {Fault} fault */
    add(fault: Fault): void;
}
export class FaultPlan {
    /** @type {RandomFaults | null} */
    random: RandomFaults | null;
    /** @type {Array<FaultRule & { seen: number, fired: number }>} */
    rules: Array<FaultRule & {
        seen: number;
        fired: number;
    }>;
    /** @type {Map<string, number>} */
    attempts: Map<string, number>;
    counts: FaultCounts;
    /** @param {RandomFaults | null} random */
    setRandom(random: RandomFaults | null): void;
    /** @param {FaultRule} rule */
    addRule(rule: FaultRule): void;
    /** Removes every rule and the random faults (the counts stay). */
    clear(): void;
    /**
     * The fault for this request, if any (and counts it).
     * @param {string} method
     * @param {string} path the path without the query
     * @param {boolean} isWrite
     * @returns {Fault | null}
     */
    decide(method: string, path: string, isWrite: boolean): Fault | null;
    #private;
}
export type FaultKind = "500" | "502" | "403" | "429" | "slow" | "drop";
/**
 * "before": GitHub fails before applying the request; "after": a write is applied and then the
 * answer is lost (an error status, or the connection dropped). Rate limits are always "before".
 */
export type FaultPhase = "before" | "after";
export type Fault = {
    kind: FaultKind;
    phase: FaultPhase;
    delayMs: number;
};
/**
 * A fault on chosen requests: those matching `method` (any when absent) and `path` (a regular
 * expression on the path without the query, or an exact path), the `nth` matching one only (1 is
 * the first; every one when absent), at most `times` times (default 1 with `nth`, unlimited
 * without).
 */
export type FaultRule = {
    method?: string;
    path: RegExp | string;
    nth?: number;
    times?: number;
    kind: FaultKind;
    phase?: FaultPhase;
    delayMs?: number;
};
/**
 * Faults at a rate: each request fails with probability `rate`, of a kind drawn evenly from
 * `kinds` (default all six), a write "before" or "after" evenly. `exclude` spares matching paths.
 */
export type RandomFaults = {
    rate: number;
    seed: number;
    kinds?: FaultKind[];
    slowMs?: number;
    exclude?: RegExp;
};
