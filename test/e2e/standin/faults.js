// @ts-check
// Fault injection for the GitHub stand-in: what goes wrong with which request. Written in
// JavaScript with JSDoc types so that the benchmark (plain `node`) can import it as it is.
//
// Random faults are drawn from a PRNG seeded by (seed, method, path, how many times that same
// request was made), not from one shared stream: the fate of "the 3rd GET of this file" does not
// depend on how concurrent evaluations happened to interleave, so a seeded run is repeatable.

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
export const ALL_FAULT_KINDS = ["500", "502", "403", "429", "slow", "drop"];

/**
 * 32-bit FNV-1a of a string.
 * @param {string} text
 */
export function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Mulberry32: a small seeded PRNG giving numbers in [0, 1).
 * @param {number} seed
 * @returns {() => number}
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the plan did, by kind and phase. */
export class FaultCounts {
  constructor() {
    /** @type {Record<string, number>} */
    this.byKind = {};
    this.total = 0;
  }
  /** @param {Fault} fault */
  add(fault) {
    const key = fault.kind === "slow" || fault.kind === "403" || fault.kind === "429" ? fault.kind : `${fault.kind} ${fault.phase}`;
    this.byKind[key] = (this.byKind[key] ?? 0) + 1;
    this.total++;
  }
}

export class FaultPlan {
  constructor() {
    /** @type {RandomFaults | null} */
    this.random = null;
    /** @type {Array<FaultRule & { seen: number, fired: number }>} */
    this.rules = [];
    /** @type {Map<string, number>} */
    this.attempts = new Map();
    this.counts = new FaultCounts();
  }

  /** @param {RandomFaults | null} random */
  setRandom(random) {
    this.random = random;
  }

  /** @param {FaultRule} rule */
  addRule(rule) {
    this.rules.push({ ...rule, seen: 0, fired: 0 });
  }

  /** Removes every rule and the random faults (the counts stay). */
  clear() {
    this.random = null;
    this.rules = [];
  }

  /**
   * The fault for this request, if any (and counts it).
   * @param {string} method
   * @param {string} path the path without the query
   * @param {boolean} isWrite
   * @returns {Fault | null}
   */
  decide(method, path, isWrite) {
    const upper = method.toUpperCase();
    // Every matching rule counts the request (so that `nth` is the nth matching request whatever
    // other rules did with it); the first one due fires.
    /** @type {(FaultRule & { seen: number, fired: number }) | undefined} */
    let due;
    for (const rule of this.rules) {
      if (rule.method && rule.method.toUpperCase() !== upper) continue;
      if (typeof rule.path === "string" ? rule.path !== path : !rule.path.test(path)) continue;
      rule.seen++;
      if (due || (rule.nth !== undefined && rule.seen !== rule.nth)) continue;
      const times = rule.times ?? (rule.nth !== undefined ? 1 : Infinity);
      if (rule.fired < times) due = rule;
    }
    if (due) {
      due.fired++;
      const fault = { kind: due.kind, phase: this.#phaseOf(due.kind, due.phase ?? "before", isWrite), delayMs: due.delayMs ?? 300 };
      this.counts.add(fault);
      return fault;
    }
    const random = this.random;
    if (!random || random.rate <= 0) return null;
    if (random.exclude && random.exclude.test(path)) return null;
    const key = `${upper} ${path}`;
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempt);
    const draw = mulberry32(fnv1a(`${random.seed}\n${key}\n${attempt}`));
    if (draw() >= random.rate) return null;
    const kinds = random.kinds && random.kinds.length > 0 ? random.kinds : ALL_FAULT_KINDS;
    const kind = kinds[Math.floor(draw() * kinds.length)] ?? "500";
    const phase = this.#phaseOf(kind, draw() < 0.5 ? "before" : "after", isWrite);
    const fault = { kind, phase, delayMs: random.slowMs ?? 200 };
    this.counts.add(fault);
    return fault;
  }

  /**
   * @param {FaultKind} kind
   * @param {FaultPhase} wanted
   * @param {boolean} isWrite
   * @returns {FaultPhase}
   */
  #phaseOf(kind, wanted, isWrite) {
    if (!isWrite || kind === "403" || kind === "429" || kind === "slow") return "before";
    return wanted;
  }
}
