import { prisma } from '../db/client.ts';
import { notFound } from '../errors.ts';
import { loadLineages } from './lineage.ts';
import { authorize, requireActor, type Actor } from './actor.ts';
import type { FollowUpPack, PackFigures, PackRecommendation } from './follow-up-pack-types.ts';
import { ACHIEVED, REPORTED_DONE, countsInProgress, isActionItemOverdue, isOverdue, reportedVsVerified } from './recommendation-rules.ts';
import { slippage, type DateMove, type Slippage } from './slippage.ts';

const orgName = (organisation: { name: string; shortName: string | null }) => organisation.shortName ?? organisation.name;

/**
 * Gathers the follow-up pack of a report (follow-up-pack-types.ts says what it holds) for anyone
 * who may read the report: five statements whatever its size (the report with its plan and
 * evidence, the lineages in two, the verdicts along them, and the moves of target and due dates).
 * The PDF (server/documents/) and the app's print page both show this one object.
 */
export async function loadFollowUpPack(actor: Actor | null, reportId: number, now = new Date()): Promise<FollowUpPack> {
  authorize(requireActor(actor), 'readRecords');
  const report = await prisma.report.findUnique({
    where: { id: reportId },
    include: {
      inspectorate: { select: { name: true } },
      followsUp: { select: { title: true, publishedOn: true }, orderBy: { publishedOn: 'asc' } },
      recommendations: {
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        include: {
          owner: { select: { name: true, shortName: true } },
          themes: { select: { name: true }, orderBy: { name: 'asc' } },
          addressees: { include: { organisation: { select: { name: true, shortName: true } } }, orderBy: { organisationId: 'asc' } },
          actionItems: {
            orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
            include: {
              owner: { select: { name: true, shortName: true } },
              evidence: { orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }], include: { verifiedBy: { select: { name: true } } } },
            },
          },
        },
      },
    },
  });
  if (!report) throw notFound('The report');

  const ids = report.recommendations.map((rec) => rec.id);
  const lineages = ids.length ? await loadLineages(ids) : [];
  const chainIds = [...new Set(lineages.flat().map((entry) => entry.id))];
  const [assessments, moves] = await Promise.all([
    chainIds.length
      ? prisma.assessment.findMany({
          where: { recommendationId: { in: chainIds } },
          include: { report: { select: { title: true } } },
          orderBy: [{ assessedOn: 'asc' }, { id: 'asc' }],
        })
      : [],
    ids.length
      ? prisma.historyEvent.findMany({
          where: {
            recommendationId: { in: ids },
            OR: [{ subject: 'RECOMMENDATION', kind: 'TARGET_DATE_CHANGED' }, { subject: 'ACTION_ITEM', kind: 'DUE_DATE_CHANGED' }],
          },
          select: { subject: true, subjectId: true, fromValue: true, toValue: true, comment: true, createdAt: true },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        })
      : [],
  ]);
  const movesOf = (subject: 'RECOMMENDATION' | 'ACTION_ITEM', id: number): DateMove[] =>
    moves.filter((move) => move.subject === subject && move.subjectId === id);

  const recommendations = report.recommendations.map((rec, index): PackRecommendation => {
    const chain = lineages[index] ?? [];
    const at = chain.findIndex((entry) => entry.id === rec.id);
    const earlier = chain.slice(0, Math.max(at, 0));
    const references = new Map([...earlier, rec].map((entry) => [entry.id, entry.reference]));
    return {
      id: rec.id,
      reference: rec.reference,
      text: rec.text,
      owner: orgName(rec.owner),
      themes: rec.themes.map((theme) => theme.name),
      status: rec.status,
      statusChangedAt: rec.statusChangedAt,
      target: slippage(rec.targetDate, movesOf('RECOMMENDATION', rec.id)),
      overdue: isOverdue(rec, now),
      latestVerdict: rec.latestVerdict,
      gap: reportedVsVerified(rec),
      withdrawn: rec.withdrawnAt ? { at: rec.withdrawnAt, reason: rec.withdrawalReason } : null,
      firstMadeOn: rec.firstMadeOn,
      repeatedUnmet: rec.isRepeatedUnmet,
      lineage: earlier.map((entry, position) => ({
        reference: entry.reference,
        text: entry.text,
        report: { title: entry.report.title, publishedOn: entry.report.publishedOn },
        latestVerdict: entry.latestVerdict,
        linkConfirmed: (chain[position + 1] ?? rec).repeatConfirmed,
      })),
      assessments: assessments
        .filter((assessment) => references.has(assessment.recommendationId))
        .map((assessment) => ({
          reference: references.get(assessment.recommendationId)!,
          earlier: assessment.recommendationId !== rec.id,
          verdict: assessment.verdict,
          commentary: assessment.commentary,
          assessedOn: assessment.assessedOn,
          report: assessment.report?.title ?? null,
        })),
      responses: rec.addressees.map((addressee) => ({
        organisation: orgName(addressee.organisation),
        response: addressee.response,
        note: addressee.responseNote,
        respondedAt: addressee.respondedAt,
      })),
      actionItems: rec.actionItems.map((item) => ({
        description: item.description,
        owner: orgName(item.owner),
        leadPerson: item.leadPerson,
        status: item.status,
        due: slippage(item.dueDate, movesOf('ACTION_ITEM', item.id)),
        completedOn: item.completedOn,
        overdue: isActionItemOverdue(item, now),
        evidence: item.evidence.map((evidence) => ({
          summary: evidence.summary,
          url: evidence.url,
          strength: evidence.strength,
          submittedAt: evidence.submittedAt,
          verification: evidence.verification,
          verificationNote: evidence.verificationNote,
          verifiedBy: evidence.verifiedBy?.name ?? null,
          verifiedAt: evidence.verifiedAt,
        })),
      })),
    };
  });

  return {
    report: {
      id: report.id,
      title: report.title,
      kind: report.kind,
      publishedOn: report.publishedOn,
      url: report.url,
      inspectorate: report.inspectorate.name,
      followsUp: report.followsUp,
    },
    preparedAt: now,
    figures: figuresOf(recommendations),
    recommendations,
  };
}

/** The cover's figures, counted from the recommendations by the same rules each one shows. */
function figuresOf(recommendations: PackRecommendation[]): PackFigures {
  const count = <T>(list: T[], test: (item: T) => boolean) => list.filter(test).length;
  const actionItems = recommendations.flatMap((rec) => rec.actionItems);
  const evidence = actionItems.flatMap((item) => item.evidence);
  const slipped = (dates: Slippage) => (dates.days ?? 0) > 0;
  // Progress as the report's page counts it: withdrawn recommendations are listed, not counted.
  const asked = recommendations.filter((rec) => countsInProgress({ withdrawnAt: rec.withdrawn?.at ?? null }));
  return {
    recommendations: asked.length,
    implementedByOwners: count(asked, (rec) => rec.status === REPORTED_DONE),
    assessedByInspectors: count(asked, (rec) => rec.latestVerdict !== null),
    achievedByInspectors: count(asked, (rec) => rec.latestVerdict === ACHIEVED),
    overstatedByOwners: count(recommendations, (rec) => rec.gap === 'OVERSTATED'),
    repeats: count(recommendations, (rec) => rec.lineage.length > 0),
    overdueRecommendations: count(recommendations, (rec) => rec.overdue),
    actionItems: actionItems.length,
    overdueActionItems: count(actionItems, (item) => item.overdue),
    slippedDates: count(recommendations, (rec) => slipped(rec.target)) + count(actionItems, (item) => slipped(item.due)),
    evidence: evidence.length,
    unverifiedEvidence: count(evidence, (item) => item.verification === 'UNVERIFIED'),
  };
}
