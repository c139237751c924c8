const DAY = 86_400_000;

/**
 * The dates the product takes: reports, targets, due dates, expiries. Nothing it tracks was
 * published before 1950 or is due after 2199; a date outside is a typing mistake (a due date of
 * 1900 would show as overdue for ever), and years such as 0 or 275760 do not fit the database's
 * or JavaScript's dates at all.
 */
export const EARLIEST_DATE = new Date('1950-01-01T00:00:00.000Z');
export const LATEST_DATE = new Date('2199-12-31T00:00:00.000Z');

/** Whether an instant falls on a day within the range above. */
export function withinDateRange(date: Date): boolean {
  const time = date.getTime();
  return time >= EARLIEST_DATE.getTime() && time < LATEST_DATE.getTime() + DAY;
}

/** Today as a calendar date (UTC midnight), as @db.Date columns hold it. */
export function today(now = new Date()): Date {
  return new Date(Math.floor(now.getTime() / DAY) * DAY);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY);
}

/** The day `days` whole days after `date` (before it, for a negative number). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY);
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * A calendar date as the API and history's stored values hold it (yyyy-mm-dd); people read it
 * through locale.ts. Built from its parts: every date of every list goes through here, and
 * `toISOString` took seven times as long (about 4% of a list of 50 with two dates a row). A year
 * without four digits, which the database could hold, takes ISO's own form.
 */
export function formatDay(date: Date | null | undefined): string | null {
  if (!date) return null;
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return date.toISOString().split('T')[0]!;
  return `${year}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}`;
}

export function sameDay(a: Date | null | undefined, b: Date | null | undefined): boolean {
  return formatDay(a) === formatDay(b);
}
