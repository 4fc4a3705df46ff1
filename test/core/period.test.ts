import { describe, expect, it } from "vitest";
import { comparePeriods, nextPeriod, parsePeriod, periodOf, previousPeriod } from "../../src/core/period.js";

describe("periodOf", () => {
  it.each([
    ["2026-11-24T09:30:00Z", "weekly", "2026-W48"],
    ["2026-12-31T12:00:00Z", "weekly", "2026-W53"],
    ["2027-01-01T00:00:00Z", "weekly", "2026-W53"],
    ["2027-01-04T00:00:00Z", "weekly", "2027-W01"],
    ["2020-12-31T23:59:59Z", "weekly", "2020-W53"],
    ["2021-01-03T23:59:59Z", "weekly", "2020-W53"],
    ["2019-12-30T00:00:00Z", "weekly", "2020-W01"],
    ["2026-12-31T23:59:59Z", "monthly", "2026-12"],
    ["2027-01-01T00:00:00Z", "monthly", "2027-01"],
    ["2026-11-24T09:30:00Z", "quarterly", "2026-Q4"],
    ["2026-03-31T23:59:59Z", "quarterly", "2026-Q1"],
    ["2026-04-01T00:00:00Z", "quarterly", "2026-Q2"],
  ] as const)("%s %s -> %s", (iso, kind, id) => {
    expect(periodOf(new Date(iso), kind)).toBe(id);
  });
});

describe("parsePeriod", () => {
  it.each([
    ["2026-W48", "weekly", "2026-11-23T00:00:00.000Z", "2026-11-30T00:00:00.000Z"],
    ["2020-W53", "weekly", "2020-12-28T00:00:00.000Z", "2021-01-04T00:00:00.000Z"],
    ["2026-W53", "weekly", "2026-12-28T00:00:00.000Z", "2027-01-04T00:00:00.000Z"],
    ["2020-W01", "weekly", "2019-12-30T00:00:00.000Z", "2020-01-06T00:00:00.000Z"],
    ["2026-11", "monthly", "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"],
    ["2026-12", "monthly", "2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["2026-Q4", "quarterly", "2026-10-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["2026-Q1", "quarterly", "2026-01-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"],
  ])("%s", (id, kind, start, end) => {
    const p = parsePeriod(id);
    expect(p).not.toBeNull();
    expect(p!.kind).toBe(kind);
    expect(p!.start.toISOString()).toBe(start);
    expect(p!.end.toISOString()).toBe(end);
  });

  it.each(["2021-W53", "2026-W00", "2026-13", "2026-00", "2026-Q5", "2026-11-01", "W48", "", "2026-w48"])(
    "rejects %j",
    (id) => {
      expect(parsePeriod(id)).toBeNull();
    },
  );
});

describe("nextPeriod / previousPeriod", () => {
  it.each([
    ["2026-W52", "2026-W53"],
    ["2026-W53", "2027-W01"],
    ["2021-W52", "2022-W01"],
    ["2026-12", "2027-01"],
    ["2026-Q4", "2027-Q1"],
    ["2026-Q1", "2026-Q2"],
  ])("%s -> %s", (a, b) => {
    expect(nextPeriod(a)).toBe(b);
    expect(previousPeriod(b)).toBe(a);
  });

  it("throws on what is not a period", () => {
    expect(() => nextPeriod("nope")).toThrow(RangeError);
  });

  it("orders periods by time", () => {
    expect(["2027-W01", "2026-W53", "2026-W09"].sort(comparePeriods)).toEqual(["2026-W09", "2026-W53", "2027-W01"]);
  });
});
