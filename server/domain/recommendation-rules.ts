import { Prisma } from '../db/generated/prisma/client.ts';
import type { AssessmentVerdict, RecommendationStatus } from '../db/generated/prisma/enums.ts';
import { today } from './dates.ts';

/**
 * The derived answers about a recommendation, each written once for a row in
 * memory and once as a database filter, side by side so they cannot drift.
 */

/** Statuses in which the owner no longer plans work. */
const CLOSED_STATUSES: RecommendationStatus[] = ['IMPLEMENTED', 'NOT_PLANNED'];
/** Verdicts that close a recommendation: only an inspector can close one as achieved. */
const CLOSING_VERDICTS: AssessmentVerdict[] = ['ACHIEVED', 'NO_LONGER_APPLICABLE'];

type Row = { targetDate: Date | null; status: RecommendationStatus; latestVerdict: AssessmentVerdict | null };

/** Past its target date, and neither reported implemented nor closed by an inspector. */
export function isOverdue(rec: Row, now = new Date()): boolean {
  return (
    rec.targetDate !== null &&
    rec.targetDate.getTime() < today(now).getTime() &&
    !CLOSED_STATUSES.includes(rec.status) &&
    !(rec.latestVerdict !== null && CLOSING_VERDICTS.includes(rec.latestVerdict))
  );
}

export function overdueWhere(now = new Date()): Prisma.RecommendationWhereInput {
  return {
    targetDate: { lt: today(now) },
    status: { notIn: CLOSED_STATUSES },
    OR: [{ latestVerdict: null }, { latestVerdict: { notIn: CLOSING_VERDICTS } }],
  };
}

/** What the owner reports against what inspectors found. */
export type ReportedVsVerified = 'CONFIRMED' | 'OVERSTATED' | 'UNVERIFIED' | 'UNDERSTATED' | 'NONE';

export function reportedVsVerified(rec: Pick<Row, 'status' | 'latestVerdict'>): ReportedVsVerified {
  const claimsDone = rec.status === 'IMPLEMENTED';
  if (claimsDone && rec.latestVerdict === 'ACHIEVED') return 'CONFIRMED';
  if (claimsDone && (rec.latestVerdict === 'PARTLY_ACHIEVED' || rec.latestVerdict === 'NOT_ACHIEVED')) return 'OVERSTATED';
  if (claimsDone && rec.latestVerdict === null) return 'UNVERIFIED';
  if (!claimsDone && rec.latestVerdict === 'ACHIEVED') return 'UNDERSTATED';
  return 'NONE';
}

/** The same, in SQL over a "Recommendation" row aliased as `r`. */
export const reportedVsVerifiedSql = Prisma.raw(`CASE
  WHEN r.status = 'IMPLEMENTED' AND r."latestVerdict" = 'ACHIEVED' THEN 'CONFIRMED'
  WHEN r.status = 'IMPLEMENTED' AND r."latestVerdict" IN ('PARTLY_ACHIEVED', 'NOT_ACHIEVED') THEN 'OVERSTATED'
  WHEN r.status = 'IMPLEMENTED' AND r."latestVerdict" IS NULL THEN 'UNVERIFIED'
  WHEN r.status <> 'IMPLEMENTED' AND r."latestVerdict" = 'ACHIEVED' THEN 'UNDERSTATED'
  ELSE 'NONE' END`);

/** The overdue rule, in SQL over a "Recommendation" row aliased as `r`. */
export const overdueSql = (now = new Date()) => Prisma.sql`(r."targetDate" < ${today(now)}::date
  AND r.status NOT IN ('IMPLEMENTED', 'NOT_PLANNED')
  AND (r."latestVerdict" IS NULL OR r."latestVerdict" NOT IN ('ACHIEVED', 'NO_LONGER_APPLICABLE')))`;

/** Action items: past due and neither completed nor cancelled. */
export function isActionItemOverdue(item: { dueDate: Date | null; status: string }, now = new Date()): boolean {
  return item.dueDate !== null && item.dueDate.getTime() < today(now).getTime() && item.status !== 'COMPLETED' && item.status !== 'CANCELLED';
}

export function actionItemOverdueWhere(now = new Date()): Prisma.ActionItemWhereInput {
  return { dueDate: { lt: today(now) }, status: { notIn: ['COMPLETED', 'CANCELLED'] } };
}
