import { prisma } from '../db/client.ts';
import { Prisma } from '../db/generated/prisma/client.ts';
import type { ActionItemStatus, AssessmentVerdict, RecommendationResponse, RecommendationStatus } from '../db/generated/prisma/enums.ts';
import { addDays, today } from './dates.ts';

/**
 * The derived answers about recommendations and action items, each written once: the constants
 * below decide them, and the rule for a row in memory, the Prisma filter and the SQL (for the
 * dashboard, report progress and the derived facts stored on each recommendation) are all built
 * from them. test/db/rules-agree.test.ts checks that the three pick the same rows.
 */

/** The status in which the owner reports the work done. */
export const REPORTED_DONE: RecommendationStatus = 'IMPLEMENTED';
/** Statuses in which the owner no longer plans work: the recommendation is closed on their side. */
export const CLOSED_STATUSES: readonly RecommendationStatus[] = [REPORTED_DONE, 'NOT_PLANNED'];
/** The verdict that a recommendation was met: only an inspector can say so. */
export const ACHIEVED: AssessmentVerdict = 'ACHIEVED';
/** Verdicts that close a recommendation. */
export const CLOSING_VERDICTS: readonly AssessmentVerdict[] = [ACHIEVED, 'NO_LONGER_APPLICABLE'];
/** Verdicts short of achieved (with no verdict at all, a recommendation is unmet too). */
export const UNMET_VERDICTS: readonly AssessmentVerdict[] = ['PARTLY_ACHIEVED', 'NOT_ACHIEVED'];
/** The action item status in which the owner says the work is done, and owes the evidence that shows it. */
export const ACTION_DONE: ActionItemStatus = 'COMPLETED';
/** Action item statuses in which no more work is due. */
export const FINISHED_ACTION_STATUSES: readonly ActionItemStatus[] = [ACTION_DONE, 'CANCELLED'];

type Row = {
  targetDate: Date | null;
  status: RecommendationStatus;
  statusChangedAt: Date;
  latestVerdict: AssessmentVerdict | null;
  latestVerdictAt: Date | null;
  withdrawnAt: Date | null;
};

/** An SQL list of enum values, from the constants above (never from input). */
const values = (list: readonly string[]) => Prisma.raw(`(${list.map((value) => `'${value}'`).join(', ')})`);
const value = (one: string) => Prisma.raw(`'${one}'`);
/** A column of the row aliased `alias`, e.g. r."latestVerdict". */
const column = (alias: string, name: string) => Prisma.raw(`${alias}."${name}"`);

/**
 * Open on the owner's side: neither reported implemented nor not planned. A withdrawn
 * recommendation is asked of nobody any more: never open, so never overdue either.
 */
export function isOpen(rec: Pick<Row, 'status' | 'withdrawnAt'>): boolean {
  return rec.withdrawnAt === null && !CLOSED_STATUSES.includes(rec.status);
}
export const openWhere = (): Prisma.RecommendationWhereInput => ({ withdrawnAt: null, status: { notIn: [...CLOSED_STATUSES] } });
export const openSql = (alias = 'r') => Prisma.sql`(${column(alias, 'withdrawnAt')} IS NULL AND ${column(alias, 'status')} NOT IN ${values(CLOSED_STATUSES)})`;

/** The first day a recommendation untouched for `days` whole days was last changed before. */
export function untouchedBefore(days: number, now = new Date()): Date {
  return addDays(today(now), -days);
}

/**
 * Untouched (stale): open, and neither it nor its plan has changed for `days` whole days: the
 * same all day, like overdue. The dashboard's figure and the list it links to both come from here.
 */
/**
 * What keeps a recommendation's time of last change (`updatedAt`, which the untouched rule reads) as
 * it was, in a write that is not work on it: an inspector's judgement about it (marking it a priority,
 * linking or confirming a repeat, keeping it off the public page) is not its owner's update, and
 * marking one a priority had taken it off the untouched list that very day.
 */
export const keepTimeOfChange = (current: { updatedAt: Date }) => ({ updatedAt: current.updatedAt });

export function isUntouched(rec: Pick<Row, 'status' | 'withdrawnAt'> & { updatedAt: Date }, days: number, now = new Date()): boolean {
  return isOpen(rec) && rec.updatedAt.getTime() < untouchedBefore(days, now).getTime();
}
export function untouchedWhere(days: number, now = new Date()): Prisma.RecommendationWhereInput {
  return { ...openWhere(), updatedAt: { lt: untouchedBefore(days, now) } };
}
export const untouchedSql = (days: number, now = new Date(), alias = 'r') =>
  Prisma.sql`(${openSql(alias)} AND ${column(alias, 'updatedAt')} < ${untouchedBefore(days, now)})`;

/** Past its target date, and neither reported implemented nor closed by an inspector. */
export function isOverdue(rec: Pick<Row, 'targetDate' | 'status' | 'latestVerdict' | 'withdrawnAt'>, now = new Date()): boolean {
  return (
    rec.targetDate !== null &&
    rec.targetDate.getTime() < today(now).getTime() &&
    isOpen(rec) &&
    !(rec.latestVerdict !== null && CLOSING_VERDICTS.includes(rec.latestVerdict))
  );
}

export function overdueWhere(now = new Date()): Prisma.RecommendationWhereInput {
  return {
    targetDate: { lt: today(now) },
    withdrawnAt: null,
    status: { notIn: [...CLOSED_STATUSES] },
    OR: [{ latestVerdict: null }, { latestVerdict: { notIn: [...CLOSING_VERDICTS] } }],
  };
}

/** The overdue rule, in SQL over a "Recommendation" row aliased `alias`. */
export const overdueSql = (now = new Date(), alias = 'r') => Prisma.sql`(${column(alias, 'targetDate')} < ${today(now)}::date
  AND ${openSql(alias)}
  AND (${column(alias, 'latestVerdict')} IS NULL OR ${column(alias, 'latestVerdict')} NOT IN ${values(CLOSING_VERDICTS)}))`;

/**
 * Short of achieved: no verdict yet, or one that finds it only partly or not achieved. A withdrawn
 * recommendation is no longer asked for, so it is not unmet.
 */
export function isUnmet(rec: Pick<Row, 'latestVerdict' | 'withdrawnAt'>): boolean {
  return rec.withdrawnAt === null && (rec.latestVerdict === null || UNMET_VERDICTS.includes(rec.latestVerdict));
}
export const unmetSql = (alias: string) =>
  Prisma.sql`(${column(alias, 'withdrawnAt')} IS NULL AND (${column(alias, 'latestVerdict')} IS NULL OR ${column(alias, 'latestVerdict')} IN ${values(UNMET_VERDICTS)}))`;

/**
 * Repeated and unmet: it repeats, through a link an inspector confirmed, an earlier recommendation
 * that is unmet, and is unmet itself. Stored on each recommendation (derived-facts.ts builds it
 * from `repeatedUnmetSql`), so lists filter on it.
 */
export function isRepeatedUnmet(
  rec: { repeatConfirmed: boolean } & Pick<Row, 'latestVerdict' | 'withdrawnAt'>,
  earlier: Pick<Row, 'latestVerdict' | 'withdrawnAt'> | null,
): boolean {
  return rec.repeatConfirmed && earlier !== null && isUnmet(earlier) && isUnmet(rec);
}
/** The same, over a later recommendation aliased `later` left-joined to the one it repeats, `earlier`. */
export const repeatedUnmetSql = (later: string, earlier: string) =>
  Prisma.sql`(${column(later, 'repeatConfirmed')} AND ${column(earlier, 'id')} IS NOT NULL AND ${unmetSql(earlier)} AND ${unmetSql(later)})`;

/** What the owner reports against what inspectors found. */
export type ReportedVsVerified = 'CONFIRMED' | 'OVERSTATED' | 'UNVERIFIED' | 'UNDERSTATED' | 'NONE';

type Claim = Pick<Row, 'status' | 'latestVerdict' | 'statusChangedAt' | 'latestVerdictAt'>;

/**
 * The owner's status was set after the inspectors' latest verdict was recorded (or that verdict's
 * time is unknown): a claim of implemented made since a verdict short of achieved is a new claim,
 * which inspectors have not assessed, not an overstated one.
 */
function claimedSinceVerdict(rec: Pick<Row, 'statusChangedAt' | 'latestVerdictAt'>): boolean {
  return rec.latestVerdictAt === null || rec.statusChangedAt.getTime() > rec.latestVerdictAt.getTime();
}
const claimedSinceVerdictWhere = (): Prisma.RecommendationWhereInput => ({
  OR: [{ latestVerdictAt: null }, { statusChangedAt: { gt: prisma.recommendation.fields.latestVerdictAt } }],
});
const claimedSinceVerdictSql = Prisma.sql`(r."latestVerdictAt" IS NULL OR r."statusChangedAt" > r."latestVerdictAt")`;

export function reportedVsVerified(rec: Claim): ReportedVsVerified {
  if (rec.status !== REPORTED_DONE) return rec.latestVerdict === ACHIEVED ? 'UNDERSTATED' : 'NONE';
  if (rec.latestVerdict === ACHIEVED) return 'CONFIRMED';
  if (rec.latestVerdict === null) return 'UNVERIFIED';
  if (UNMET_VERDICTS.includes(rec.latestVerdict)) return claimedSinceVerdict(rec) ? 'UNVERIFIED' : 'OVERSTATED';
  return 'NONE';
}

/**
 * The recommendations `reportedVsVerified` puts under `gap`, as a Prisma filter (the lists' `gaps`
 * filter), under one AND: spread into another filter, its own OR and status are not overwritten.
 */
export function reportedVsVerifiedWhere(gap: ReportedVsVerified): Prisma.RecommendationWhereInput {
  return { AND: [gapWhere(gap)] };
}
function gapWhere(gap: ReportedVsVerified): Prisma.RecommendationWhereInput {
  const unmet = { latestVerdict: { in: [...UNMET_VERDICTS] } };
  switch (gap) {
    case 'CONFIRMED':
      return { status: REPORTED_DONE, latestVerdict: ACHIEVED };
    case 'OVERSTATED':
      return { status: REPORTED_DONE, ...unmet, latestVerdictAt: { not: null }, statusChangedAt: { lte: prisma.recommendation.fields.latestVerdictAt } };
    case 'UNVERIFIED':
      return { status: REPORTED_DONE, OR: [{ latestVerdict: null }, { AND: [unmet, claimedSinceVerdictWhere()] }] };
    case 'UNDERSTATED':
      return { status: { not: REPORTED_DONE }, latestVerdict: ACHIEVED };
    case 'NONE':
      return {
        OR: [
          { status: REPORTED_DONE, latestVerdict: { notIn: [ACHIEVED, ...UNMET_VERDICTS] } },
          { status: { not: REPORTED_DONE }, OR: [{ latestVerdict: null }, { latestVerdict: { not: ACHIEVED } }] },
        ],
      };
  }
}

/**
 * Awaiting the inspectors' assessment: reported implemented by its owner, not assessed since (the
 * 'UNVERIFIED' above) and not withdrawn. An inspector's work (my-work.ts) lists these.
 */
export function isAwaitingAssessment(rec: Claim & Pick<Row, 'withdrawnAt'>): boolean {
  return rec.withdrawnAt === null && reportedVsVerified(rec) === 'UNVERIFIED';
}
export const awaitingAssessmentWhere = (): Prisma.RecommendationWhereInput => ({ AND: [{ withdrawnAt: null }, gapWhere('UNVERIFIED')] });

/** The same, in SQL over a "Recommendation" row aliased `r`. */
export const reportedVsVerifiedSql = Prisma.sql`CASE
  WHEN r.status = ${value(REPORTED_DONE)} AND r."latestVerdict" = ${value(ACHIEVED)} THEN 'CONFIRMED'
  WHEN r.status = ${value(REPORTED_DONE)} AND r."latestVerdict" IN ${values(UNMET_VERDICTS)} AND NOT ${claimedSinceVerdictSql} THEN 'OVERSTATED'
  WHEN r.status = ${value(REPORTED_DONE)} AND (r."latestVerdict" IS NULL OR r."latestVerdict" IN ${values(UNMET_VERDICTS)}) THEN 'UNVERIFIED'
  WHEN r.status <> ${value(REPORTED_DONE)} AND r."latestVerdict" = ${value(ACHIEVED)} THEN 'UNDERSTATED'
  ELSE 'NONE' END`;

/**
 * Whether a recommendation counts in its report's progress: a withdrawn one is no longer asked for
 * ("0 of 5" counted one withdrawn as not yet done).
 */
export const countsInProgress = (rec: Pick<Row, 'withdrawnAt'>) => rec.withdrawnAt === null;

/** Report progress, counted over "Recommendation" rows aliased `alias`: reported done, assessed, achieved (countsInProgress). */
export const progressSql = (alias: string) => {
  const counted = Prisma.sql`${column(alias, 'withdrawnAt')} IS NULL`;
  return Prisma.sql`
  count(*) FILTER (WHERE ${counted})::int AS "recommendationCount",
  count(*) FILTER (WHERE ${counted} AND ${column(alias, 'status')} = ${value(REPORTED_DONE)})::int AS "implementedByOwners",
  count(*) FILTER (WHERE ${counted} AND ${column(alias, 'latestVerdict')} IS NOT NULL)::int AS "assessedByInspectors",
  count(*) FILTER (WHERE ${counted} AND ${column(alias, 'latestVerdict')} = ${value(ACHIEVED)})::int AS "achievedByInspectors"`;
};

/** Action items: past due and neither completed nor cancelled. */
export function isActionItemOverdue(item: { dueDate: Date | null; status: ActionItemStatus }, now = new Date()): boolean {
  return item.dueDate !== null && item.dueDate.getTime() < today(now).getTime() && !FINISHED_ACTION_STATUSES.includes(item.status);
}

export function actionItemOverdueWhere(now = new Date()): Prisma.ActionItemWhereInput {
  return { dueDate: { lt: today(now) }, status: { notIn: [...FINISHED_ACTION_STATUSES] } };
}

/** The same, in SQL over an "ActionItem" row aliased `alias`. */
export const actionItemOverdueSql = (now = new Date(), alias = 'a') =>
  Prisma.sql`(${column(alias, 'dueDate')} < ${today(now)}::date AND ${column(alias, 'status')} NOT IN ${values(FINISHED_ACTION_STATUSES)})`;

/** Action items still to do: neither completed nor cancelled. */
export function isActionItemOpen(item: { status: ActionItemStatus }): boolean {
  return !FINISHED_ACTION_STATUSES.includes(item.status);
}
export const actionItemOpenWhere = (): Prisma.ActionItemWhereInput => ({ status: { notIn: [...FINISHED_ACTION_STATUSES] } });
export const actionItemOpenSql = (alias = 'a') => Prisma.sql`${column(alias, 'status')} NOT IN ${values(FINISHED_ACTION_STATUSES)}`;

/** Evidence to submit: the owner marked it completed and has submitted no evidence for it yet. */
export function isAwaitingEvidence(item: { status: ActionItemStatus; evidenceCount: number }): boolean {
  return item.status === ACTION_DONE && item.evidenceCount === 0;
}
export const awaitingEvidenceWhere = (): Prisma.ActionItemWhereInput => ({ status: ACTION_DONE, evidence: { none: {} } });
export const awaitingEvidenceSql = (alias = 'a') =>
  Prisma.sql`(${column(alias, 'status')} = ${value(ACTION_DONE)} AND NOT EXISTS (SELECT 1 FROM "Evidence" e WHERE e."actionItemId" = ${column(alias, 'id')}))`;

/** The response an addressee has not given yet. */
export const NO_RESPONSE: RecommendationResponse = 'AWAITING_RESPONSE';

/**
 * How an addressee's response stands against its report's due date (Report.responsesDueOn):
 * on time (on or before it, or with no due date), late (responded after it), missing (no response,
 * the due date passed, and the recommendation is still asked for: not withdrawn), or not yet due.
 * Days are whole days, like overdue.
 */
export type ResponseTimeliness = 'ON_TIME' | 'LATE' | 'MISSING' | 'NOT_YET_DUE';
export const RESPONSE_TIMELINESS: readonly ResponseTimeliness[] = ['ON_TIME', 'LATE', 'MISSING', 'NOT_YET_DUE'];

type AddresseeRow = { response: RecommendationResponse; respondedAt: Date | null };
type DueRow = { responsesDueOn: Date | null; withdrawnAt: Date | null };

/** Responded after the due date: stored as RecommendationAddressee.respondedLate (refreshed from `respondedLateSql`). */
export function isRespondedLate(addressee: AddresseeRow, responsesDueOn: Date | null): boolean {
  return addressee.response !== NO_RESPONSE && addressee.respondedAt !== null && responsesDueOn !== null && today(addressee.respondedAt).getTime() > responsesDueOn.getTime();
}
/** The same, in SQL over an addressee aliased `addressee` and its report aliased `report`. */
export const respondedLateSql = (addressee: string, report: string) => Prisma.sql`coalesce(${column(addressee, 'response')} <> ${value(NO_RESPONSE)}
  AND ${column(addressee, 'respondedAt')} >= ${column(report, 'responsesDueOn')} + 1, false)`;

export function responseTimeliness(addressee: AddresseeRow, due: DueRow, now = new Date()): ResponseTimeliness {
  if (addressee.response !== NO_RESPONSE) return isRespondedLate(addressee, due.responsesDueOn) ? 'LATE' : 'ON_TIME';
  return due.withdrawnAt === null && due.responsesDueOn !== null && due.responsesDueOn.getTime() < today(now).getTime() ? 'MISSING' : 'NOT_YET_DUE';
}

/** Each answer as a filter on addressees. */
export function responseTimelinessWhere(timeliness: ResponseTimeliness, now = new Date()): Prisma.RecommendationAddresseeWhereInput {
  const pastDue: Prisma.RecommendationWhereInput = { withdrawnAt: null, report: { responsesDueOn: { lt: today(now) } } };
  switch (timeliness) {
    case 'ON_TIME':
      return { response: { not: NO_RESPONSE }, respondedLate: false };
    case 'LATE':
      return { response: { not: NO_RESPONSE }, respondedLate: true };
    case 'MISSING':
      return { response: NO_RESPONSE, recommendation: pastDue };
    case 'NOT_YET_DUE':
      // Spelt out, not NOT(pastDue): with no due date the comparison is unknown, and NOT of unknown picks nothing.
      return {
        response: NO_RESPONSE,
        recommendation: { OR: [{ withdrawnAt: { not: null } }, { report: { responsesDueOn: null } }, { report: { responsesDueOn: { gte: today(now) } } }] },
      };
  }
}
/** Recommendations with an addressee whose response is any of these. */
export const responseTimelinessRecommendationWhere = (list: readonly ResponseTimeliness[], now = new Date()): Prisma.RecommendationWhereInput => ({
  addressees: { some: { OR: list.map((timeliness) => responseTimelinessWhere(timeliness, now)) } },
});

/**
 * The same in SQL, over a "Recommendation" row aliased `alias` with "withdrawnAt" and "reportId": whether
 * an addressee's response is missing, or late (the dashboard counts these).
 */
export const missingResponseSql = (now = new Date(), alias = 'r') => Prisma.sql`(${column(alias, 'withdrawnAt')} IS NULL
  AND EXISTS (SELECT 1 FROM "Report" due WHERE due.id = ${column(alias, 'reportId')} AND due."responsesDueOn" < ${today(now)}::date)
  AND EXISTS (SELECT 1 FROM "RecommendationAddressee" ra WHERE ra."recommendationId" = ${column(alias, 'id')} AND ra.response = ${value(NO_RESPONSE)}))`;
export const lateResponseSql = (alias = 'r') =>
  Prisma.sql`EXISTS (SELECT 1 FROM "RecommendationAddressee" ra WHERE ra."recommendationId" = ${column(alias, 'id')} AND ra.response <> ${value(NO_RESPONSE)} AND ra."respondedLate")`;

/** Open priorities: marked a priority by an inspector, and open. */
export function isOpenPriority(rec: Pick<Row, 'status' | 'withdrawnAt'> & { isPriority: boolean }): boolean {
  return rec.isPriority && isOpen(rec);
}
export const openPriorityWhere = (): Prisma.RecommendationWhereInput => ({ isPriority: true, ...openWhere() });
export const openPrioritySql = (alias = 'r') => Prisma.sql`(${column(alias, 'isPriority')} AND ${openSql(alias)})`;
