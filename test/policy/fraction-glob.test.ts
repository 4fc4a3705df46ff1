import { describe, expect, it } from "vitest";
import { nearSimpleFraction, parseThreshold } from "../../src/policy/fraction.js";
import { checkGlob } from "../../src/policy/glob.js";

describe("parseThreshold", () => {
  it.each<[number | string, unknown]>([
    [2, { kind: "count", count: 2 }],
    ["3", { kind: "count", count: 3 }],
    ["2/3", { kind: "share", share: { num: 2, den: 3, text: "2/3" }, decimal: false }],
    ["4/6", { kind: "share", share: { num: 2, den: 3, text: "4/6" }, decimal: false }],
    [0.75, { kind: "share", share: { num: 3, den: 4, text: "0.75" }, decimal: true }],
    ["0.5", { kind: "share", share: { num: 1, den: 2, text: "0.5" }, decimal: true }],
    [0.123456, { kind: "share", share: { num: 1929, den: 15625, text: "0.123456" }, decimal: true }],
    [0.1234567, { kind: "invalid", code: "policy.fraction.too-precise" }],
    [1e-7, { kind: "invalid", code: "policy.fraction.too-precise" }],
    ["1/0", { kind: "invalid", code: "policy.fraction.zero-denominator" }],
    ["1/5000", { kind: "invalid", code: "policy.fraction.too-large-terms" }],
    ["half", { kind: "invalid", code: "policy.fraction.format" }],
  ])("%s", (value, expected) => {
    expect(parseThreshold(value)).toEqual(expected);
  });
});

describe("nearSimpleFraction", () => {
  const near = (text: string): string | null => {
    const th = parseThreshold(text);
    if (th.kind !== "share") throw new Error(text);
    return nearSimpleFraction(th.share, text.split(".")[1]!.length)?.text ?? null;
  };
  it.each([
    ["0.67", "2/3"],
    ["0.667", "2/3"],
    ["0.66", "2/3"],
    ["0.33", "1/3"],
    ["0.83", "5/6"],
    ["0.75", null],
    ["0.5", null],
    ["0.6", null],
    ["0.7", null],
    ["0.51", null],
    ["0.45", null],
  ])("%s -> %s", (text, expected) => {
    expect(near(text)).toBe(expected);
  });
});

describe("checkGlob", () => {
  it.each([
    ["CHARTER.md", null],
    ["charter/**", null],
    ["docs/{a,b}/*.md", null],
    ["@(a|b)/*.md", null],
    ["!secret", "policy.glob.negated"],
    ["{a,b}{c,d}{e,f}{g,h}{i,j}", "policy.glob.too-many-patterns"],
    ["**/**/**/**/**/x", "policy.glob.too-many-globstars"],
    ["*a*b*c*d*e*f*g*h*i", "policy.glob.too-many-stars"],
    ["@(a|!(b))", "policy.glob.nested-extglob"],
    ["x".repeat(257), "policy.glob.too-long"],
  ])("%s", (glob, code) => {
    expect(checkGlob(glob)?.code ?? null).toBe(code);
  });
});
