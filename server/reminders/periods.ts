import type { DigestFrequency } from '../db/generated/prisma/enums.ts';
import { daysBetween, formatDay } from '../domain/dates.ts';

/**
 * The period a digest covers, as its claim's key: "2026-12-01" for a daily digest, "2026-W49" (ISO week)
 * for a weekly one. Null before the period's sending time: the day's digests go out from `hour` (UTC),
 * the week's from that hour on Monday, so a server that was stopped on Monday sends the week's later.
 */
export function periodOf(frequency: DigestFrequency, now: Date, hour: number): string | null {
  if (frequency === 'NONE') return null;
  const weekday = (now.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  if (now.getUTCHours() < hour && (frequency === 'DAILY' || weekday === 0)) return null;
  return frequency === 'DAILY' ? formatDay(now)! : isoWeek(now);
}

/** The ISO 8601 week of a day: the week with that year's first Thursday is week 1. */
export function isoWeek(date: Date): string {
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 4 - (date.getUTCDay() || 7)));
  const week = Math.ceil((daysBetween(new Date(Date.UTC(thursday.getUTCFullYear(), 0, 1)), thursday) + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
