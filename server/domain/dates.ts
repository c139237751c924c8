const DAY = 86_400_000;

/** Today as a calendar date (UTC midnight), as @db.Date columns hold it. */
export function today(now = new Date()): Date {
  return new Date(Math.floor(now.getTime() / DAY) * DAY);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY);
}

/** A calendar date as history and messages show it. */
export function formatDay(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

export function sameDay(a: Date | null | undefined, b: Date | null | undefined): boolean {
  return formatDay(a) === formatDay(b);
}
