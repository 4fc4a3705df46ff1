import { describe, expect, it } from "vitest";
import { compareRatios, countMeets, fraction, meanMeets, parseFraction, shareMeets } from "../../src/core/fraction.js";

describe("parseFraction", () => {
  it.each([
    ["2/3", 2, 3],
    ["4/6", 2, 3],
    ["0.75", 3, 4],
    ["0.67", 67, 100],
    ["1", 1, 1],
    ["1/2", 1, 2],
    ["0.5", 1, 2],
  ])("%s is %i/%i", (text, num, den) => {
    expect(parseFraction(text)).toEqual({ num, den, text });
  });

  it.each(["1/0", "-1/2", "2/3/4", "abc", "", "1e3", "0.", ".5"])("rejects %j", (text) => {
    expect(parseFraction(text)).toBeUndefined();
  });
});

describe("comparisons", () => {
  it.each([
    // op, num, den, threshold, holds
    ["more_than", 1, 2, "1/2", false], // a tie at one half is not more than half
    ["at_least", 1, 2, "1/2", true],
    ["more_than", 4, 7, "1/2", true],
    ["at_least", 2, 3, "2/3", true], // exactly two thirds
    ["at_least", 6666, 10000, "2/3", false],
    ["at_least", 2, 3, "0.67", false], // 0.67 is not two thirds
    ["more_than", 2, 3, "2/3", false],
    ["at_least", 0, 0, "0", false], // a share of nobody never holds
    ["at_least", 3, 4, "0.75", true],
  ] as const)("%s: %i/%i vs %s -> %s", (op, num, den, t, holds) => {
    expect(shareMeets(op, { num, den }, parseFraction(t)!)).toBe(holds);
  });

  it("compares beyond the safe integer range exactly", () => {
    const big = Number.MAX_SAFE_INTEGER;
    expect(compareRatios({ num: big - 1, den: big }, { num: big - 2, den: big - 1 })).toBe(1);
  });

  it.each([
    ["at_least", 2, 2, true],
    ["more_than", 2, 2, false],
    ["more_than", 3, 2, true],
    ["at_least", 1, 2, false],
  ] as const)("count %s: %i vs %i -> %s", (op, v, t, holds) => {
    expect(countMeets(op, v, t)).toBe(holds);
  });

  it("takes the exact mean of shares", () => {
    // (1/1 + 1/3) / 2 = 2/3 exactly
    const r = meanMeets("at_least", [{ num: 1, den: 1 }, { num: 1, den: 3 }], fraction(2, 3));
    expect(r).toEqual({ holds: true, mean: { num: 2, den: 3 } });
    expect(meanMeets("more_than", [{ num: 1, den: 1 }, { num: 1, den: 3 }], fraction(2, 3)).holds).toBe(false);
    expect(meanMeets("at_least", [{ num: 1, den: 1 }, { num: 0, den: 0 }], fraction(0, 1)).holds).toBe(false);
    expect(meanMeets("at_least", [], fraction(0, 1)).holds).toBe(false);
  });
});
