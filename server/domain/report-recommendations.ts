import type { TransactionClient } from '../db/client.ts';
import { badField, badUserInput, notFound } from '../errors.ts';
import { authorize, type Actor } from './actor.ts';
import { reportTarget } from './permissions.ts';
import { refreshDerivedFacts } from './derived-facts.ts';
import { recordHistory, type HistoryEntry } from './history.ts';
import { checkOrganisations, checkThemes } from './known-records.ts';
import { recommendationLabel } from './labels.ts';
import { actionItemOpenWhere } from './recommendation-rules.ts';
import { checkRepeatLink } from './repeats.ts';
import type { NewRecommendation } from './reports.ts';
import { checkVersion, expectUpdated } from './versions.ts';

/**
 * What a report recommends, changed by its inspectorate after the report was loaded:
 * recommendations added (one, or all those of a corrected intake preview) and withdrawn. Only
 * inspectors of the report's inspectorate (and administrators) may; every change leaves history.
 */

const WHAT = 'The recommendation';

/** Inserts recommendations of a report from `firstPosition` on, with their repeat links and their history (to record). */
export async function insertRecommendations(
  tx: TransactionClient,
  report: { id: number },
  recommendations: NewRecommendation[],
  firstPosition: number,
): Promise<{ ids: number[]; history: HistoryEntry[] }> {
  const ids: number[] = [];
  const history: HistoryEntry[] = [];
  for (const [index, rec] of recommendations.entries()) {
    const addressees = [...new Set([rec.ownerId, ...(rec.addresseeIds ?? [])])];
    const row = await tx.recommendation.create({
      data: {
        reportId: report.id,
        reference: rec.reference,
        position: firstPosition + index,
        text: rec.text,
        ownerId: rec.ownerId,
        targetDate: rec.targetDate,
        repeatsId: rec.repeatsId ?? undefined,
        repeatConfirmed: Boolean(rec.repeatsId),
        addressees: { create: addressees.map((organisationId) => ({ organisationId })) },
        themes: { connect: (rec.themeIds ?? []).map((id) => ({ id })) },
      },
      select: { id: true },
    });
    ids.push(row.id);
    const on = { subject: 'RECOMMENDATION' as const, subjectId: row.id, recommendationId: row.id, reportId: report.id };
    history.push({ ...on, kind: 'CREATED' });
    if (rec.repeatsId) {
      // Linked by the inspector who loads the recommendation, so confirmed: one event for the one act.
      history.push({ ...on, kind: 'REPEAT_CONFIRMED', field: 'repeats', toValue: await recommendationLabel(tx, rec.repeatsId) });
    }
  }
  return { ids, history };
}

/**
 * Adds recommendations to an existing report, in one transaction: the rows of a corrected intake
 * preview with the repeats chosen in it, or a single recommendation. References stay unique in
 * the report.
 */
export async function addRecommendations(
  tx: TransactionClient,
  actor: Actor,
  input: { reportId: number; recommendations: NewRecommendation[] },
): Promise<number[]> {
  const report = await tx.report.findUnique({
    where: { id: input.reportId },
    select: { id: true, publishedOn: true, inspectorate: { select: { path: true } } },
  });
  if (!report) throw notFound('The report');
  authorize(actor, 'loadReport', reportTarget(report));
  const existing = await tx.recommendation.findMany({ where: { reportId: report.id }, select: { reference: true, position: true } });
  const references = new Set(existing.map((rec) => rec.reference));
  const organisationIds = new Set<number>();
  const themeIds = new Set<number>();
  // Every reference the report has already (or the input gives twice) is named at once, on its row.
  const clashes = input.recommendations.flatMap((rec, index) => {
    const clash = references.has(rec.reference);
    references.add(rec.reference);
    return clash ? [{ path: ['recommendations', index, 'reference'], message: `the report already has a recommendation ${rec.reference}` }] : [];
  });
  if (clashes.length === 1) throw badField(clashes[0]!.path, clashes[0]!.message);
  if (clashes.length > 1) throw badUserInput(`${clashes.length} references the report has already: ${clashes.map((clash) => clash.path.join('.')).join(', ')}`, clashes);
  for (const [index, rec] of input.recommendations.entries()) {
    organisationIds.add(rec.ownerId);
    rec.addresseeIds?.forEach((id) => organisationIds.add(id));
    rec.themeIds?.forEach((id) => themeIds.add(id));
    if (rec.repeatsId) {
      await checkRepeatLink(tx, { reportPublishedOn: report.publishedOn }, rec.repeatsId, ['recommendations', index, 'repeatsId']);
    }
  }
  await checkOrganisations(tx, [...organisationIds], ['recommendations']);
  await checkThemes(tx, [...themeIds], ['recommendations'], 'a theme is not known');
  const firstPosition = existing.reduce((most, rec) => Math.max(most, rec.position + 1), 0);
  const { ids, history } = await insertRecommendations(tx, report, input.recommendations, firstPosition);
  await recordHistory(tx, actor, [
    ...history,
    {
      kind: 'UPDATED',
      subject: 'REPORT',
      subjectId: report.id,
      reportId: report.id,
      field: 'recommendations',
      toValue: `added ${input.recommendations.map((rec) => rec.reference).join(', ')}`,
    },
  ]);
  await refreshDerivedFacts(tx, ids);
  return ids;
}

/**
 * Withdraws a recommendation, with the reason: it stays in its report, shown as withdrawn, but is
 * no longer open, overdue or repeated-and-unmet (recommendation-rules.ts), nor is a later
 * recommendation that repeats it repeated-and-unmet. Its open actions are cancelled with it, each
 * with its history: it takes no new work (permissions.ts), so nobody could finish them, and they
 * would otherwise stay open and overdue for ever in lists, the dashboard, "my work" and digests.
 */
export async function withdrawRecommendation(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; version: number; reason: string },
): Promise<number> {
  const current = await tx.recommendation.findUnique({
    where: { id: input.id },
    select: { id: true, version: true, reportId: true, withdrawnAt: true, report: { select: { inspectorate: { select: { path: true } } } } },
  });
  if (!current) throw notFound(WHAT);
  authorize(actor, 'loadReport', reportTarget(current.report));
  checkVersion(current, input.version, WHAT);
  if (current.withdrawnAt) throw badField(['id'], 'the recommendation is already withdrawn');
  const { count } = await tx.recommendation.updateMany({
    where: { id: input.id, version: input.version },
    data: { withdrawnAt: new Date(), withdrawalReason: input.reason, version: { increment: 1 } },
  });
  expectUpdated(count, WHAT);
  const openActions = await tx.actionItem.findMany({
    where: { recommendationId: input.id, ...actionItemOpenWhere() },
    select: { id: true, status: true, description: true },
    orderBy: { id: 'asc' },
  });
  if (openActions.length > 0) {
    await tx.actionItem.updateMany({ where: { id: { in: openActions.map((action) => action.id) } }, data: { status: 'CANCELLED', version: { increment: 1 } } });
  }
  await recordHistory(tx, actor, [
    {
      kind: 'WITHDRAWN',
      subject: 'RECOMMENDATION',
      subjectId: input.id,
      recommendationId: input.id,
      reportId: current.reportId,
      field: 'withdrawn',
      toValue: 'withdrawn',
      comment: input.reason,
    },
    ...openActions.map((action): HistoryEntry => ({
      kind: 'STATUS_CHANGED',
      subject: 'ACTION_ITEM',
      subjectId: action.id,
      subjectName: action.description,
      recommendationId: input.id,
      field: 'status',
      fromValue: action.status,
      toValue: 'CANCELLED',
      comment: 'Cancelled with its recommendation, which was withdrawn.',
    })),
  ]);
  await refreshDerivedFacts(tx, [input.id]);
  return input.id;
}
