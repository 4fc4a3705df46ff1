// Calendar arithmetic in UTC for declarations and comment periods. Pure: `now` is always given.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a real calendar date written YYYY-MM-DD, or undefined. */
export function dayNumber(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: a date that does not exist is rejected.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.floor(ms / DAY_MS);
}

/** The UTC day of an instant, as a day number. */
export function utcDayOf(now: Date): number {
  return Math.floor(now.getTime() / DAY_MS);
}

/** YYYY-MM-DD of a day number. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Milliseconds of an ISO timestamp, or undefined when it is not one. */
export function instant(iso: string): number | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * "YYYY-MM-DD HH:mm UTC", the English shape of a comment period's end (SPEC.md). Seconds round
 * up, so that the period is always over at the minute shown.
 */
export function formatUtcMinute(ms: number): string {
  const iso = new Date(Math.ceil(ms / 60_000) * 60_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
