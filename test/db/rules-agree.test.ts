import { beforeAll, describe, expect, it } from 'vitest';
import { loadSynthetic } from '../../prisma/seed/synthetic.ts';
import { inTransaction, prisma } from '../../server/db/client.ts';
import { Prisma } from '../../server/db/generated/prisma/client.ts';
import {
  actionItemOverdueSql,
  awaitingAssessmentWhere,
  isAwaitingAssessment,
  actionItemOverdueWhere,
  ACHIEVED,
  isActionItemOverdue,
  isOpen,
  isOpenPriority,
  isRespondedLate,
  lateResponseSql,
  missingResponseSql,
  openPrioritySql,
  openPriorityWhere,
  RESPONSE_TIMELINESS,
  responseTimeliness,
  responseTimelinessRecommendationWhere,
  responseTimelinessWhere,
  isOverdue,
  isRepeatedUnmet,
  openSql,
  overdueSql,
  overdueWhere,
  progressSql,
  countsInProgress,
  REPORTED_DONE,
  repeatedUnmetSql,
  reportedVsVerified,
  reportedVsVerifiedSql,
  reportedVsVerifiedWhere,
  UNMET_VERDICTS,
} from '../../server/domain/recommendation-rules.ts';
import { setRecommendationPriority } from '../../server/domain/priority.ts';
import { withdrawRecommendation } from '../../server/domain/report-recommendations.ts';
import { refreshRespondedLate } from '../../server/domain/response-deadlines.ts';
import { loadReportProgress } from '../../server/graphql/reports/progress.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';

useTestDatabase();

// Each rule exists as TypeScript for a row in memory, as a Prisma filter and as SQL: on the
// synthetic data, with every status, verdict and date, they must pick the same rows.
const ids = (rows: { id: number }[]) => rows.map((row) => row.id).sort((a, b) => a - b);

describe(`the rules pick the same rows in TypeScript, Prisma and SQL, on ${databaseKind}`, () => {
  /** Recommendations withdrawn through the domain: overdue ones, repeated-and-unmet ones, earlier ones that others repeat, and ones awaiting assessment. */
  let withdrawn: number[] = [];

  beforeAll(async () => {
    await loadSynthetic({ size: 1500, seed: 7 });
    const pick = async (where: Prisma.RecommendationWhereInput) =>
      (await prisma.recommendation.findMany({ where, select: { id: true, version: true }, orderBy: { id: 'asc' }, take: 5 }));
    const chosen = [
      ...(await pick(overdueWhere())), ...(await pick({ isRepeatedUnmet: true })), ...(await pick({ repeatedBy: { some: { isRepeatedUnmet: true } } })),
      ...(await pick(awaitingAssessmentWhere())),
    ];
    const unique = [...new Map(chosen.map((rec) => [rec.id, rec])).values()];
    // The synthetic data's inspector, of the inspectorate that published its reports.
    const inspector = await prisma.user.findFirstOrThrow({ where: { role: 'INSPECTOR' }, include: { organisation: { select: { path: true } } } });
    const actor = { userId: inspector.id, role: inspector.role, organisationId: inspector.organisationId, organisationPath: inspector.organisation?.path ?? null, apiTokenId: null, access: 'READ_WRITE' as const };
    await inTransaction(async (tx) => {
      for (const [index, rec] of unique.entries()) {
        // Every other one was a priority when it was withdrawn (a withdrawn recommendation takes no new priority).
        const { version } = index % 2 === 0 ? await setRecommendationPriority(tx, actor, { id: rec.id, version: rec.version, priority: true, reason: 'A priority until withdrawn.' }) : rec;
        await withdrawRecommendation(tx, actor, { id: rec.id, version, reason: 'Withdrawn for the test of the rules.' });
      }
    });
    withdrawn = unique.map((rec) => rec.id).sort((a, b) => a - b);
    expect(withdrawn.length).toBeGreaterThanOrEqual(10);
  });

  it('overdue and open recommendations', async () => {
    const rows = await prisma.recommendation.findMany({ select: { id: true, targetDate: true, status: true, latestVerdict: true, withdrawnAt: true } });
    const overdue = ids(rows.filter((row) => isOverdue(row)));
    // A withdrawn recommendation is neither open nor overdue.
    expect(overdue.filter((id) => withdrawn.includes(id))).toEqual([]);
    expect(ids(rows.filter(isOpen)).filter((id) => withdrawn.includes(id))).toEqual([]);
    // Both answers occur, or this would prove nothing.
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(rows.length);
    expect(ids(await prisma.recommendation.findMany({ where: overdueWhere(), select: { id: true } }))).toEqual(overdue);
    expect(ids(await prisma.$queryRaw<{ id: number }[]>`SELECT r.id FROM "Recommendation" r WHERE ${overdueSql()}`)).toEqual(overdue);

    const open = ids(rows.filter(isOpen));
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(rows.length);
    expect(ids(await prisma.$queryRaw<{ id: number }[]>`SELECT r.id FROM "Recommendation" r WHERE ${openSql()}`)).toEqual(open);
  });

  it('overdue action items', async () => {
    const rows = await prisma.actionItem.findMany({ select: { id: true, dueDate: true, status: true } });
    const overdue = ids(rows.filter((row) => isActionItemOverdue(row)));
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(rows.length);
    expect(ids(await prisma.actionItem.findMany({ where: actionItemOverdueWhere(), select: { id: true } }))).toEqual(overdue);
    expect(ids(await prisma.$queryRaw<{ id: number }[]>`SELECT a.id FROM "ActionItem" a WHERE ${actionItemOverdueSql()}`)).toEqual(overdue);
  });

  it('what owners report against what inspectors found', async () => {
    const rows = await prisma.recommendation.findMany({ select: { id: true, status: true, statusChangedAt: true, latestVerdict: true, latestVerdictAt: true } });
    const byRule = new Map(rows.map((row) => [row.id, reportedVsVerified(row)]));
    expect(new Set(byRule.values()).size).toBe(5);
    // Both sides of the timing occur: claims of implemented made after a verdict short of achieved
    // (awaiting a new assessment) and claims the verdict came after (overstated).
    const claimedAgain = rows.filter((row) => row.status === 'IMPLEMENTED' && row.latestVerdict && UNMET_VERDICTS.includes(row.latestVerdict));
    expect(new Set(claimedAgain.map((row) => byRule.get(row.id)))).toEqual(new Set(['UNVERIFIED', 'OVERSTATED']));
    const bySql = await prisma.$queryRaw<{ id: number; gap: string }[]>`SELECT r.id, ${reportedVsVerifiedSql} AS gap FROM "Recommendation" r`;
    expect(new Map(bySql.map((row) => [row.id, row.gap]))).toEqual(byRule);
    for (const gap of ['CONFIRMED', 'OVERSTATED', 'UNVERIFIED', 'UNDERSTATED', 'NONE'] as const) {
      const byWhere = ids(await prisma.recommendation.findMany({ where: reportedVsVerifiedWhere(gap), select: { id: true } }));
      expect(byWhere, gap).toEqual(ids(rows.filter((row) => byRule.get(row.id) === gap)));
    }
  });

  it('awaiting the inspectors\' assessment', async () => {
    const rows = await prisma.recommendation.findMany({ select: { id: true, status: true, statusChangedAt: true, latestVerdict: true, latestVerdictAt: true, withdrawnAt: true } });
    const awaiting = ids(rows.filter(isAwaitingAssessment));
    expect(awaiting.length).toBeGreaterThan(0);
    // Reported implemented and not assessed, yet withdrawn: asked of nobody, so awaiting no one.
    expect(rows.filter((row) => row.withdrawnAt && reportedVsVerified(row) === 'UNVERIFIED').length).toBeGreaterThan(0);
    // Assessed once, short of achieved, and reported implemented since: awaiting again.
    expect(rows.filter((row) => isAwaitingAssessment(row) && row.latestVerdict !== null).length).toBeGreaterThan(0);
    expect(ids(await prisma.recommendation.findMany({ where: awaitingAssessmentWhere(), select: { id: true } }))).toEqual(awaiting);
    expect(ids(await prisma.$queryRaw<{ id: number }[]>`SELECT r.id FROM "Recommendation" r WHERE r."withdrawnAt" IS NULL AND ${reportedVsVerifiedSql} = 'UNVERIFIED'`)).toEqual(awaiting);
  });

  it('repeated and unmet: the rule, the stored fact and its SQL', async () => {
    const rows = await prisma.recommendation.findMany({ select: { id: true, repeatConfirmed: true, latestVerdict: true, withdrawnAt: true, repeatsId: true, isRepeatedUnmet: true } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const repeatedUnmet = ids(rows.filter((row) => isRepeatedUnmet(row, row.repeatsId === null ? null : byId.get(row.repeatsId)!)));
    // Neither a withdrawn recommendation nor one repeating a withdrawn one is repeated and unmet.
    expect(repeatedUnmet.filter((id) => withdrawn.includes(id) || withdrawn.includes(byId.get(id)!.repeatsId!))).toEqual([]);
    expect(repeatedUnmet.length).toBeGreaterThan(0);
    expect(ids(rows.filter((row) => row.isRepeatedUnmet))).toEqual(repeatedUnmet);
    expect(ids(await prisma.recommendation.findMany({ where: { isRepeatedUnmet: true }, select: { id: true } }))).toEqual(repeatedUnmet);
    expect(
      ids(await prisma.$queryRaw<{ id: number }[]>`SELECT c.id FROM "Recommendation" c LEFT JOIN "Recommendation" p ON p.id = c."repeatsId" WHERE ${repeatedUnmetSql('c', 'p')}`),
    ).toEqual(repeatedUnmet);
  });

  it('report progress', async () => {
    const rows = await prisma.recommendation.findMany({ select: { reportId: true, status: true, latestVerdict: true, withdrawnAt: true } });
    expect(rows.some((row) => !countsInProgress(row))).toBe(true);
    const reportIds = [...new Set(rows.map((row) => row.reportId))].sort((a, b) => a - b);
    const counted = reportIds.map((reportId) => {
      const of = rows.filter((row) => row.reportId === reportId && countsInProgress(row));
      return {
        recommendationCount: of.length,
        implementedByOwners: of.filter((row) => row.status === REPORTED_DONE).length,
        assessedByInspectors: of.filter((row) => row.latestVerdict !== null).length,
        achievedByInspectors: of.filter((row) => row.latestVerdict === ACHIEVED).length,
      };
    });
    expect(counted.some((progress) => progress.achievedByInspectors > 0 && progress.implementedByOwners > 0)).toBe(true);
    const withoutReport = (list: object[]) => list.map((progress) => ({ ...progress, reportId: undefined }));
    expect(withoutReport(await loadReportProgress(reportIds))).toEqual(withoutReport(counted));
    const bySql = await prisma.$queryRaw<({ reportId: number } & (typeof counted)[number])[]>`
      SELECT r."reportId", ${progressSql('r')} FROM "Recommendation" r WHERE r."reportId" IN (${Prisma.join(reportIds)}) GROUP BY r."reportId" ORDER BY r."reportId"`;
    expect(withoutReport(bySql)).toEqual(withoutReport(counted));
  });
  it('response timeliness and open priorities', async () => {
    // Due dates before, on and after the day the synthetic addressees responded (60 days after
    // publication), and none at all; the stored lateness refreshed as the domain does.
    const reports = await prisma.report.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    await inTransaction(async (tx) => {
      for (const [index, report] of reports.entries()) {
        const days = [20, 60, 61, null][index % 4];
        await tx.$executeRaw`UPDATE "Report" SET "responsesDueOn" = "publishedOn" + ${days}::int WHERE id = ${report.id}`;
        await refreshRespondedLate(tx, report.id);
      }
    });
    const inspector = await prisma.user.findFirstOrThrow({ where: { role: 'INSPECTOR' }, include: { organisation: { select: { path: true } } } });
    const actor = { userId: inspector.id, role: inspector.role, organisationId: inspector.organisationId, organisationPath: inspector.organisation?.path ?? null, apiTokenId: null, access: 'READ_WRITE' as const };
    const some = await prisma.recommendation.findMany({ select: { id: true, version: true }, orderBy: { id: 'asc' }, take: 40 });
    await inTransaction(async (tx) => {
      for (const rec of some.filter((candidate, index) => index % 3 === 0 && !withdrawn.includes(candidate.id))) await setRecommendationPriority(tx, actor, { id: rec.id, version: rec.version, priority: true, reason: 'For the test of the rules.' });
    });

    const addressees = await prisma.recommendationAddressee.findMany({
      select: { recommendationId: true, organisationId: true, response: true, respondedAt: true, respondedLate: true, recommendation: { select: { withdrawnAt: true, report: { select: { responsesDueOn: true } } } } },
    });
    const key = (row: { recommendationId: number; organisationId: number }) => `${row.recommendationId}/${row.organisationId}`;
    const due = (row: (typeof addressees)[number]) => ({ withdrawnAt: row.recommendation.withdrawnAt, responsesDueOn: row.recommendation.report.responsesDueOn });
    // The stored fact is the rule.
    expect(addressees.filter((row) => row.respondedLate !== isRespondedLate(row, row.recommendation.report.responsesDueOn))).toEqual([]);
    for (const timeliness of RESPONSE_TIMELINESS) {
      const byRule = addressees.filter((row) => responseTimeliness(row, due(row)) === timeliness).map(key).sort();
      // Every answer occurs, or this would prove nothing.
      expect({ timeliness, some: byRule.length > 0 }).toEqual({ timeliness, some: true });
      const byPrisma = await prisma.recommendationAddressee.findMany({ where: responseTimelinessWhere(timeliness), select: { recommendationId: true, organisationId: true } });
      expect(byPrisma.map(key).sort()).toEqual(byRule);
      const recommendations = [...new Set(addressees.filter((row) => responseTimeliness(row, due(row)) === timeliness).map((row) => row.recommendationId))].sort((a, b) => a - b);
      expect(ids(await prisma.recommendation.findMany({ where: responseTimelinessRecommendationWhere([timeliness]), select: { id: true } }))).toEqual(recommendations);
      if (timeliness === 'MISSING') {
        expect(ids(await prisma.$queryRaw<{ id: number }[]>`SELECT r.id FROM "Recommendation" r WHERE ${missingResponseSql()}`)).toEqual(recommendations);
      }
      if (timeliness === 'LATE') {
        expect(ids(await prisma.$queryRaw<{ id: number }[]>`SELECT r.id FROM "Recommendation" r WHERE ${lateResponseSql()}`)).toEqual(recommendations);
      }
    }

    const rows = await prisma.recommendation.findMany({ select: { id: true, status: true, withdrawnAt: true, isPriority: true } });
    const openPriorities = ids(rows.filter(isOpenPriority));
    expect(openPriorities.length).toBeGreaterThan(0);
    // Priorities that are not open, withdrawn ones among them, are left out, or this would prove less.
    expect(rows.some((row) => row.isPriority && row.withdrawnAt !== null)).toBe(true);
    expect(ids(await prisma.recommendation.findMany({ where: openPriorityWhere(), select: { id: true } }))).toEqual(openPriorities);
    expect(ids(await prisma.$queryRaw<{ id: number }[]>`SELECT r.id FROM "Recommendation" r WHERE ${openPrioritySql()}`)).toEqual(openPriorities);
  });
});
