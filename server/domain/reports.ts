import type { TransactionClient } from '../db/client.ts';
import type { ReportKind } from '../db/generated/prisma/enums.ts';
import { badField, badUserInput } from '../errors.ts';
import { authorize, type Actor } from './actor.ts';
import { reportTarget } from './permissions.ts';
import { checkOrganisations, checkThemes } from './known-records.ts';
import { formatDay, sameDay, today } from './dates.ts';
import { refreshDerivedFacts } from './derived-facts.ts';
import { recordHistory, type HistoryEntry } from './history.ts';
import { insertRecommendations } from './report-recommendations.ts';
import { checkRepeatLink } from './repeats.ts';
import { refreshRespondedLate, responsesDueOnFor } from './response-deadlines.ts';
import { checkVersion, expectUpdated } from './versions.ts';

export type NewRecommendation = {
  reference: string;
  text: string;
  ownerId: number;
  addresseeIds?: number[];
  themeIds?: number[];
  targetDate?: Date | null;
  repeatsId?: number | null;
};

export type NewReport = {
  title: string;
  kind: ReportKind;
  publishedOn: Date;
  url?: string | null;
  summary?: string | null;
  inspectorateId: number;
  followsUpIds?: number[];
  recommendations: NewRecommendation[];
};

/** The inspectorate, with the days its reports give addressees to respond. */
async function checkInspectorate(tx: TransactionClient, id: number, field: string[]): Promise<{ responseDays: number; path: string }> {
  const inspectorate = await tx.organisation.findUnique({ where: { id }, select: { kind: true, responseDays: true, path: true } });
  if (!inspectorate) throw badField(field, 'no such organisation');
  if (inspectorate.kind !== 'INSPECTORATE') throw badField(field, 'reports are published by an inspectorate');
  return inspectorate;
}

async function checkFollowsUp(tx: TransactionClient, ids: number[], publishedOn: Date, self?: number): Promise<void> {
  const earlier = await tx.report.findMany({ where: { id: { in: ids } }, select: { id: true, publishedOn: true } });
  if (earlier.length !== new Set(ids).size) throw badField(['followsUpIds'], 'no such report');
  if (earlier.some((report) => report.id === self || report.publishedOn.getTime() >= publishedOn.getTime())) {
    throw badField(['followsUpIds'], 'a report can only follow up earlier reports');
  }
}

/**
 * A report is loaded once it is published: a date to come made its recommendations open for a negative
 * number of years, and overdue before they were made.
 */
function checkPublishedOn(publishedOn: Date, path: string[]): void {
  if (publishedOn.getTime() > today().getTime()) throw badField(path, 'a report is loaded once published: the date cannot be in the future');
}

/**
 * How inspectors load a new report: the report and all its recommendations,
 * with their owners, themes and repeat links, in one transaction.
 */
export async function createReport(tx: TransactionClient, actor: Actor, input: NewReport): Promise<number> {
  authorize(actor, 'loadReport');
  const inspectorate = await checkInspectorate(tx, input.inspectorateId, ['inspectorateId']);
  // An inspector loads reports in their own inspectorate's name only (its recommendations are theirs to edit).
  authorize(actor, 'loadReport', reportTarget({ inspectorate }));
  checkPublishedOn(input.publishedOn, ['publishedOn']);
  if (input.followsUpIds?.length) await checkFollowsUp(tx, input.followsUpIds, input.publishedOn);
  const references = new Set<string>();
  const organisationIds = new Set<number>();
  const themeIds = new Set<number>();
  for (const [index, rec] of input.recommendations.entries()) {
    if (references.has(rec.reference)) {
      throw badField(['recommendations', index, 'reference'], `the reference ${rec.reference} is used twice`);
    }
    references.add(rec.reference);
    organisationIds.add(rec.ownerId);
    rec.addresseeIds?.forEach((id) => organisationIds.add(id));
    rec.themeIds?.forEach((id) => themeIds.add(id));
    if (rec.repeatsId) {
      await checkRepeatLink(tx, { reportPublishedOn: input.publishedOn }, rec.repeatsId, ['recommendations', index, 'repeatsId']);
    }
  }
  await checkOrganisations(tx, [...organisationIds], ['recommendations'], { message: 'an owner or addressee is not a known organisation', active: true });
  await checkThemes(tx, [...themeIds], ['recommendations'], 'a theme is not known');

  const report = await tx.report.create({
    data: {
      title: input.title,
      kind: input.kind,
      publishedOn: input.publishedOn,
      responsesDueOn: responsesDueOnFor(input.publishedOn, inspectorate.responseDays),
      url: input.url,
      summary: input.summary,
      inspectorateId: input.inspectorateId,
      followsUp: { connect: (input.followsUpIds ?? []).map((id) => ({ id })) },
    },
    select: { id: true },
  });
  const { ids: created, history } = await insertRecommendations(tx, report, input.recommendations, 0);
  await recordHistory(tx, actor, [{ kind: 'CREATED', subject: 'REPORT', subjectId: report.id, reportId: report.id }, ...history]);
  await refreshDerivedFacts(tx, created);
  return report.id;
}

export type ReportChanges = {
  title?: string;
  kind?: ReportKind;
  publishedOn?: Date;
  url?: string | null;
  summary?: string | null;
  followsUpIds?: number[];
  /** When addressees' responses are due; null for no due date. */
  responsesDueOn?: Date | null;
};

export async function updateReport(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; version: number; changes: ReportChanges },
): Promise<number> {
  authorize(actor, 'loadReport');
  const found = await tx.report.findUnique({ where: { id: input.id }, include: { followsUp: { select: { id: true } }, inspectorate: { select: { path: true } } } });
  // Only its own inspectorate's inspectors (and administrators) change a report.
  if (found) authorize(actor, 'loadReport', reportTarget(found));
  const current = checkVersion(found, input.version, 'The report');
  const { changes } = input;
  const on = { subject: 'REPORT' as const, subjectId: input.id, reportId: input.id };
  const history: HistoryEntry[] = [];
  for (const field of ['title', 'kind', 'url', 'summary'] as const) {
    const value = changes[field];
    if (value !== undefined && value !== current[field]) {
      history.push({ ...on, kind: 'UPDATED', field, fromValue: current[field], toValue: value });
    }
  }
  const publishedOn = changes.publishedOn ?? current.publishedOn;
  if (changes.publishedOn && !sameDay(changes.publishedOn, current.publishedOn)) {
    checkPublishedOn(changes.publishedOn, ['changes', 'publishedOn']);
    // Repeat links and follow-ups must still run backwards in time.
    const [broken] = await tx.$queryRaw<{ count: number }[]>`
      SELECT (
        SELECT count(*) FROM "Recommendation" r
        JOIN "Recommendation" earlier ON earlier.id = r."repeatsId"
        JOIN "Report" earlierReport ON earlierReport.id = earlier."reportId"
        WHERE r."reportId" = ${input.id} AND earlierReport."publishedOn" >= ${changes.publishedOn}::date
      ) + (
        SELECT count(*) FROM "Recommendation" later
        JOIN "Recommendation" r ON r.id = later."repeatsId"
        JOIN "Report" laterReport ON laterReport.id = later."reportId"
        WHERE r."reportId" = ${input.id} AND laterReport."publishedOn" <= ${changes.publishedOn}::date
      )::int AS count`;
    if (broken && broken.count > 0) {
      throw badField(['changes', 'publishedOn'], 'this date would put a recommendation before one it repeats, or after one that repeats it');
    }
    history.push({ ...on, kind: 'UPDATED', field: 'publishedOn', fromValue: formatDay(current.publishedOn), toValue: formatDay(changes.publishedOn) });
  }
  const currentFollowsUp = current.followsUp.map((report) => report.id).sort((a, b) => a - b);
  if (changes.followsUpIds || changes.publishedOn) {
    const followsUp = changes.followsUpIds ?? currentFollowsUp;
    await checkFollowsUp(tx, followsUp, publishedOn, input.id);
    const laterFollowUps = await tx.report.count({ where: { followsUp: { some: { id: input.id } }, publishedOn: { lte: publishedOn } } });
    if (laterFollowUps > 0) throw badField(['changes', 'publishedOn'], 'a report that follows this one up would be earlier than it');
    if (changes.followsUpIds && [...new Set(changes.followsUpIds)].sort((a, b) => a - b).join() !== currentFollowsUp.join()) {
      history.push({ ...on, kind: 'UPDATED', field: 'followsUp', fromValue: currentFollowsUp.join(','), toValue: changes.followsUpIds.join(',') });
    }
  }
  const dueDateMoves = changes.responsesDueOn !== undefined && !sameDay(changes.responsesDueOn, current.responsesDueOn);
  if (dueDateMoves) {
    if (changes.responsesDueOn && changes.responsesDueOn.getTime() < publishedOn.getTime()) {
      throw badField(['changes', 'responsesDueOn'], 'responses cannot be due before the report is published');
    }
    history.push({ ...on, kind: 'DUE_DATE_CHANGED', field: 'responsesDueOn', fromValue: formatDay(current.responsesDueOn), toValue: formatDay(changes.responsesDueOn) });
  }
  if (history.length === 0) throw badUserInput('Nothing to change: every value given is the current one.');
  const { count } = await tx.report.updateMany({
    where: { id: input.id, version: input.version },
    data: {
      title: changes.title,
      kind: changes.kind,
      publishedOn: changes.publishedOn,
      url: changes.url,
      summary: changes.summary,
      responsesDueOn: changes.responsesDueOn,
      version: { increment: 1 },
    },
  });
  expectUpdated(count, 'The report');
  if (dueDateMoves) await refreshRespondedLate(tx, input.id);
  if (changes.followsUpIds) {
    await tx.report.update({ where: { id: input.id }, data: { followsUp: { set: changes.followsUpIds.map((id) => ({ id })) } } });
  }
  await recordHistory(tx, actor, history);
  if (changes.publishedOn) {
    const recommendations = await tx.recommendation.findMany({ where: { reportId: input.id }, select: { id: true } });
    await refreshDerivedFacts(tx, recommendations.map((rec) => rec.id));
  }
  return input.id;
}
