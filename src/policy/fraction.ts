// Exact numbers for vote shares. A share is written `2/3` or as a decimal (`0.75`, at most six
// digits after the point) and kept as a reduced fraction of integers, so that thresholds compare
// exactly: `2/3` is two thirds, never 0.6667.
import type { Fraction } from "../core/types.js";

/** Digits allowed after a decimal point. */
export const MAX_DECIMAL_DIGITS = 6;
/** Largest numerator or denominator of a written fraction like `2/3`. */
export const MAX_FRACTION_TERM = 1000;

const gcd = (a: number, b: number): number => {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
};

export function fraction(num: number, den: number, text: string): Fraction {
  const g = gcd(num, den) || 1;
  return { num: num / g, den: den / g, text };
}

/** What a threshold value is: a count of votes, a share, or a mistake (a message key). */
export type Threshold =
  | { kind: "count"; count: number }
  | { kind: "share"; share: Fraction; decimal: boolean }
  | { kind: "invalid"; code: "policy.fraction.format" | "policy.fraction.too-precise" | "policy.fraction.zero-denominator" | "policy.fraction.too-large-terms" };

const DECIMAL = /^(\d+)\.(\d+)$/;
const SLASHED = /^(\d+)\s*\/\s*(\d+)$/;

/** Reads `at_least`/`more_than` as written in YAML: a number or a string. */
export function parseThreshold(value: number | string): Threshold {
  if (typeof value === "number") {
    if (Number.isInteger(value)) return { kind: "count", count: value };
    return parseDecimal(String(value));
  }
  const s = value.trim();
  if (/^\d+$/.test(s)) return { kind: "count", count: Number(s) };
  if (DECIMAL.test(s)) return parseDecimal(s);
  const m = SLASHED.exec(s);
  if (!m) return { kind: "invalid", code: "policy.fraction.format" };
  const num = Number(m[1]);
  const den = Number(m[2]);
  if (den === 0) return { kind: "invalid", code: "policy.fraction.zero-denominator" };
  if (num > MAX_FRACTION_TERM || den > MAX_FRACTION_TERM) return { kind: "invalid", code: "policy.fraction.too-large-terms" };
  return { kind: "share", share: fraction(num, den, `${num}/${den}`), decimal: false };
}

function parseDecimal(text: string): Threshold {
  const m = DECIMAL.exec(text);
  // String(1e-7) is "1e-7": anything that is not plain digits is too precise to be meant.
  if (!m) return { kind: "invalid", code: "policy.fraction.too-precise" };
  const digits = m[2]!;
  if (digits.length > MAX_DECIMAL_DIGITS) return { kind: "invalid", code: "policy.fraction.too-precise" };
  const den = 10 ** digits.length;
  const num = Number(m[1]) * den + Number(digits);
  return { kind: "share", share: fraction(num, den, text), decimal: true };
}

/** Denominators up to 12 whose fractions people write rounded: thirds, sixths, ninths, twelfths. */
const ROUNDED_DENOMINATORS = [3, 6, 9, 12];

/**
 * The simple fraction (denominator up to 12) that a decimal looks like a rounding of, when it is
 * not equal to it: `0.67`, `0.667` and `0.66` for 2/3, `0.33` for 1/3. The decimal must be within
 * 0.01 of the fraction and be its rounding or truncation at the digits written, so that a
 * deliberate decimal such as `0.45` (9/20; 4/9 would round to 0.44) draws no warning.
 */
export function nearSimpleFraction(share: Fraction, digits: number): Fraction | null {
  const scale = 10 ** digits;
  let best: { f: Fraction; diff: number } | null = null;
  for (const d of ROUNDED_DENOMINATORS) {
    for (let n = 1; n < d; n++) {
      if (gcd(n, d) !== 1) continue;
      // |share - n/d| as an exact fraction: |num*d - n*den| / (den*d)
      const diffNum = Math.abs(share.num * d - n * share.den);
      const diffDen = share.den * d;
      if (diffNum === 0) return null;
      const below = share.num * d < n * share.den;
      // rounded: |diff| <= 1/(2*scale); truncated: share < n/d and |diff| < 1/scale
      const within = diffNum * 100 <= diffDen && (diffNum * scale * 2 <= diffDen || (below && diffNum * scale < diffDen));
      const diff = diffNum / diffDen;
      if (within && (!best || diff < best.diff)) best = { f: fraction(n, d, `${n}/${d}`), diff };
    }
  }
  return best?.f ?? null;
}

/** Number of digits after the point of a decimal as written ("0.67" -> 2). */
export function decimalDigits(text: string): number {
  const m = DECIMAL.exec(text);
  return m ? m[2]!.length : 0;
}

export const compareFractions = (a: Fraction, b: Fraction): number => a.num * b.den - b.num * a.den;
