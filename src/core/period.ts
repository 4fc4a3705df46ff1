// Reporting periods in UTC: ISO 8601 weeks (by ISO week-year), calendar months and quarters.
// Pure: every function takes its dates as arguments.

export type PeriodKind = "weekly" | "monthly" | "quarterly";

const DAY_MS = 86_400_000;

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** Monday 00:00 UTC of ISO week 1 of `year`: the week that holds 4 January. */
function isoWeekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - weekday * DAY_MS;
}

/** 52 or 53: a year has 53 ISO weeks when 28 December falls in week 53. */
function isoWeeksIn(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / (7 * DAY_MS);
}

/** The period holding `date` ("2026-W48", "2026-11", "2026-Q4"). */
export function periodOf(date: Date, kind: PeriodKind): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  if (kind === "monthly") return `${pad(y, 4)}-${pad(m + 1)}`;
  if (kind === "quarterly") return `${pad(y, 4)}-Q${Math.floor(m / 3) + 1}`;
  // The ISO week-year is the year of the week's Thursday.
  const day = Date.UTC(y, m, date.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - weekday) * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - isoWeekOneMonday(weekYear)) / (7 * DAY_MS));
  return `${pad(weekYear, 4)}-W${pad(week)}`;
}

/** The kind and bounds of a period id; `end` is exclusive. Null when `id` is not a period. */
export function parsePeriod(id: string): { kind: PeriodKind; start: Date; end: Date } | null {
  let m = /^(\d{4})-W(\d{2})$/.exec(id);
  if (m) {
    const year = Number(m[1]);
    const week = Number(m[2]);
    if (week < 1 || week > isoWeeksIn(year)) return null;
    const start = isoWeekOneMonday(year) + (week - 1) * 7 * DAY_MS;
    return { kind: "weekly", start: new Date(start), end: new Date(start + 7 * DAY_MS) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(id);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { kind: "monthly", start: new Date(Date.UTC(year, month - 1, 1)), end: new Date(Date.UTC(year, month, 1)) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(id);
  if (m) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    return {
      kind: "quarterly",
      start: new Date(Date.UTC(year, (q - 1) * 3, 1)),
      end: new Date(Date.UTC(year, q * 3, 1)),
    };
  }
  return null;
}

function mustParse(id: string): { kind: PeriodKind; start: Date; end: Date } {
  const p = parsePeriod(id);
  if (!p) throw new RangeError(`Not a period: ${JSON.stringify(id)}`);
  return p;
}

/** The period right after `id`, of the same kind. Throws a RangeError when `id` is no period. */
export function nextPeriod(id: string): string {
  const p = mustParse(id);
  return periodOf(p.end, p.kind);
}

/** The period right before `id`, of the same kind. Throws a RangeError when `id` is no period. */
export function previousPeriod(id: string): string {
  const p = mustParse(id);
  return periodOf(new Date(p.start.getTime() - 1), p.kind);
}

/** Orders period ids of one kind by time (negative when `a` is earlier). */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  return pa.start.getTime() - pb.start.getTime();
}

/** The kind of period a policy's `transparency.report` logs by: monthly when reports are off. */
export function logPeriodKind(report: "weekly" | "monthly" | "quarterly" | "off"): PeriodKind {
  return report === "off" ? "monthly" : report;
}
