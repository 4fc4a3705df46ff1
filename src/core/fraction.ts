// Exact rational arithmetic for charter rules: "2/3" is two thirds, never 0.6667. Every
// comparison cross-multiplies integers as BigInt, so no count of voters can overflow it.
import type { Comparison, Fraction } from "./types.js";

/** A plain ratio (not necessarily reduced), as the core computes them. */
export interface Ratio {
  num: number;
  den: number;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The reduced fraction num/den (den > 0), remembering how it was written. */
export function fraction(num: number, den: number, text?: string): Fraction {
  const g = gcd(BigInt(num), BigInt(den)) || 1n;
  const n = Number(BigInt(num) / g);
  const d = Number(BigInt(den) / g);
  return { num: n, den: d, text: text ?? (d === 1 ? String(n) : `${n}/${d}`) };
}

/**
 * Reads "2/3", "1/2", "0.75", "1" as an exact fraction; undefined for anything else (negative,
 * zero denominator, exponents, spaces inside). Decimals are exact: "0.67" is 67/100, not 2/3.
 */
export function parseFraction(text: string): Fraction | undefined {
  const s = text.trim();
  const slash = /^(\d{1,9})\/(\d{1,9})$/.exec(s);
  if (slash) {
    const den = Number(slash[2]);
    if (den === 0) return undefined;
    return fraction(Number(slash[1]), den, s);
  }
  const dec = /^(\d{1,9})(?:\.(\d{1,9}))?$/.exec(s);
  if (dec) {
    const decimals = dec[2] ?? "";
    const den = 10 ** decimals.length;
    return fraction(Number(dec[1]) * den + Number(decimals || "0"), den, s);
  }
  return undefined;
}

/** -1, 0 or 1 as a/b is below, equal to or above c/d (denominators positive). */
export function compareRatios(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const left = BigInt(a.num) * BigInt(b.den);
  const right = BigInt(b.num) * BigInt(a.den);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Whether numerator/denominator is at least (or more than) the threshold. A share of nobody
 * (denominator 0) never holds: no decision is taken by an empty room.
 */
export function shareMeets(op: Comparison, value: Ratio, threshold: Ratio): boolean {
  if (value.den <= 0 || threshold.den <= 0) return false;
  const c = compareRatios(value, threshold);
  return op === "at_least" ? c >= 0 : c > 0;
}

/** Whether a whole count is at least (or more than) a whole threshold. */
export function countMeets(op: Comparison, value: number, threshold: number): boolean {
  return op === "at_least" ? value >= threshold : value > threshold;
}

/** An exact sum of ratios, as BigInts (denominators positive). */
interface BigRatio {
  num: bigint;
  den: bigint;
}

function reduce(r: BigRatio): BigRatio {
  const g = gcd(r.num, r.den) || 1n;
  return { num: r.num / g, den: r.den / g };
}

/**
 * The mean of the given ratios, exactly, compared with a threshold; also returned as a ratio
 * for display (reduced; approximated to millionths only if it would not fit a JS number).
 * Every ratio must have a positive denominator: callers check "a share of nobody" first.
 */
export function meanMeets(op: Comparison, parts: Ratio[], threshold: Ratio): { holds: boolean; mean: Ratio } {
  if (parts.length === 0 || parts.some((p) => p.den <= 0) || threshold.den <= 0) {
    return { holds: false, mean: { num: 0, den: 1 } };
  }
  let sum: BigRatio = { num: 0n, den: 1n };
  for (const p of parts) {
    sum = reduce({ num: sum.num * BigInt(p.den) + BigInt(p.num) * sum.den, den: sum.den * BigInt(p.den) });
  }
  const mean = reduce({ num: sum.num, den: sum.den * BigInt(parts.length) });
  const left = mean.num * BigInt(threshold.den);
  const right = BigInt(threshold.num) * mean.den;
  const holds = op === "at_least" ? left >= right : left > right;
  return { holds, mean: toRatio(mean) };
}

function toRatio(r: BigRatio): Ratio {
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (r.num <= max && r.den <= max) return { num: Number(r.num), den: Number(r.den) };
  return { num: Number((r.num * 1_000_000n) / r.den), den: 1_000_000 };
}
