import type { TransactionClient } from '../db/client.ts';
import type { Prisma, Recommendation } from '../db/generated/prisma/client.ts';
import type { RecommendationResponse, RecommendationStatus } from '../db/generated/prisma/enums.ts';
import { badField, badUserInput, notFound } from '../errors.ts';
import { authorize, type Actor } from './actor.ts';
import type { Action } from './permissions.ts';
import { formatDay, sameDay, today } from './dates.ts';
import { checkOrganisations, checkThemes } from './known-records.ts';
import { refreshDerivedFacts } from './derived-facts.ts';
import { recordHistory, type HistoryEntry } from './history.ts';
import { organisationLabels, recommendationLabel, themeLabels } from './labels.ts';
import { label, recommendationStatusLabels, responseLabels } from './enum-labels.ts';
import { checkRepeatLink, recordRepeatDecision, textSimilarity } from './repeats.ts';
import { checkVersion, expectUpdated, updatedRow } from './versions.ts';
import { isActionItemOverdue, isRespondedLate, keepTimeOfChange, REPORTED_DONE } from './recommendation-rules.ts';
import { settleWarnings, type RaisedWarning, type Warning } from './warnings.ts';
import { readableDay } from './locale.ts';

const WHAT = 'The recommendation';

/**
 * Reads the recommendation to change, then checks, in this order, that it
 * exists, that the actor may take the action on it, and that the client read
 * the current version: a refusal tells nothing the actor may not know.
 */
async function readForUpdate(tx: TransactionClient, actor: Actor, action: Action, id: number, version: number) {
  const current = await tx.recommendation.findUnique({
    where: { id },
    include: {
      report: { select: { publishedOn: true, inspectorate: { select: { path: true } } } },
      owner: { select: { path: true } },
      addressees: { include: { organisation: { select: { id: true, name: true, shortName: true, path: true } } } },
      themes: { select: { id: true, name: true } },
    },
  });
  if (!current) throw notFound(WHAT);
  // What it recommends is its report's inspectorate's to change; the rest (repeat links, a status) is not tied to it.
  const inspectoratePath = action === 'editRecommendation' ? current.report.inspectorate.path : undefined;
  authorize(actor, action, { organisationPath: current.owner.path, withdrawnAt: current.withdrawnAt, inspectoratePath });
  return checkVersion(current, version, WHAT);
}

const onRecommendation = (id: number) => ({ subject: 'RECOMMENDATION' as const, subjectId: id, recommendationId: id });

/** What a caller wants back with a changed recommendation (the GraphQL selection's relations). */
export type RecommendationSelection = Pick<Prisma.RecommendationUpdateArgs, 'include' | 'select'>;

/**
 * The owner's self-reported status; a comment is required and kept in history.
 * Returns the changed recommendation with `selection`, read by the update itself.
 */
export async function updateRecommendationStatus(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; version: number; status: RecommendationStatus; comment: string; confirmedWarnings?: Warning[] | null },
  selection: RecommendationSelection = {},
): Promise<Recommendation> {
  const current = await readForUpdate(tx, actor, 'updateStatus', input.id, input.version);
  if (current.status === input.status) throw badField(['status'], `the status is already ${label(recommendationStatusLabels, input.status)}: choose another`);
  const confirmedWarning = settleWarnings(
    input.status === REPORTED_DONE ? await unbackedClaim(tx, input.id) : [],
    input.confirmedWarnings,
  );
  const updated = await updatedRow(
    tx.recommendation.update({
      ...selection,
      where: { id: input.id, version: input.version },
      data: { status: input.status, statusChangedAt: new Date(), version: { increment: 1 } },
    }) as Promise<Recommendation>,
    WHAT,
  );
  await recordHistory(tx, actor, {
    ...onRecommendation(input.id),
    kind: 'STATUS_CHANGED',
    field: 'status',
    fromValue: current.status,
    toValue: input.status,
    comment: input.comment,
    confirmedWarning,
  });
  return updated;
}

/**
 * A claim of "implemented" that nothing backs: no evidence on any action of the plan, while an
 * action is blocked or overdue.
 */
async function unbackedClaim(tx: TransactionClient, id: number): Promise<RaisedWarning[]> {
  const actions = await tx.actionItem.findMany({
    where: { recommendationId: id },
    select: { description: true, dueDate: true, status: true, _count: { select: { evidence: true } } },
  });
  if (actions.some((action) => action._count.evidence > 0)) return [];
  const stuck = actions.find((action) => action.status === 'BLOCKED' || isActionItemOverdue(action));
  if (!stuck) return [];
  const how = stuck.status === 'BLOCKED' ? 'is blocked' : 'is overdue';
  return [{
    warning: 'IMPLEMENTED_WITHOUT_EVIDENCE',
    message: `No evidence backs the plan, and the action “${stuck.description.slice(0, 80)}” ${how}.`,
  }];
}

export type RecommendationChanges = {
  reference?: string;
  text?: string;
  ownerId?: number;
  addresseeIds?: number[];
  themeIds?: number[];
  targetDate?: Date | null;
  /** Required when an existing target date moves: slippage is kept with its reason. */
  targetDateReason?: string;
};

/** Details of a recommendation; each changed value leaves its own history event. */
export async function updateRecommendation(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; version: number; changes: RecommendationChanges },
): Promise<number> {
  const current = await readForUpdate(tx, actor, 'editRecommendation', input.id, input.version);
  const { changes } = input;
  const history: HistoryEntry[] = [];
  const on = onRecommendation(input.id);

  if (changes.reference !== undefined && changes.reference !== current.reference) {
    const clash = await tx.recommendation.findFirst({
      where: { reportId: current.reportId, reference: changes.reference, id: { not: input.id } },
      select: { id: true },
    });
    if (clash) throw badField(['changes', 'reference'], `the report already has a recommendation ${changes.reference}`);
    history.push({ ...on, kind: 'UPDATED', field: 'reference', fromValue: current.reference, toValue: changes.reference });
  }
  if (changes.text !== undefined && changes.text !== current.text) {
    history.push({ ...on, kind: 'UPDATED', field: 'text', fromValue: current.text, toValue: changes.text });
  }
  if (changes.targetDate !== undefined && !sameDay(changes.targetDate, current.targetDate)) {
    if (current.targetDate && !changes.targetDateReason) {
      throw badField(['changes', 'targetDateReason'], 'give the reason the target date moves');
    }
    history.push({
      ...on,
      kind: 'TARGET_DATE_CHANGED',
      field: 'targetDate',
      fromValue: formatDay(current.targetDate),
      toValue: formatDay(changes.targetDate),
      comment: changes.targetDateReason,
    });
  }

  const ownerId = changes.ownerId ?? current.ownerId;
  const currentAddressees = current.addressees.map((a) => a.organisationId);
  let addresseeIds = changes.addresseeIds ?? currentAddressees;
  if (!addresseeIds.includes(ownerId)) addresseeIds = [...addresseeIds, ownerId];
  if (changes.ownerId !== undefined && changes.ownerId !== current.ownerId) {
    await checkOrganisations(tx, [changes.ownerId], ['changes', 'ownerId'], { active: true });
    history.push({ ...on, kind: 'OWNER_CHANGED', field: 'owner', fromValue: await organisationLabels(tx, [current.ownerId]), toValue: await organisationLabels(tx, [changes.ownerId]) });
  }
  const added = addresseeIds.filter((id) => !currentAddressees.includes(id));
  const removed = currentAddressees.filter((id) => !addresseeIds.includes(id));
  if (added.length) await checkOrganisations(tx, added, ['changes', 'addresseeIds'], { active: true });
  if (added.length || removed.length) {
    history.push({
      ...on,
      kind: 'UPDATED',
      field: 'addressees',
      fromValue: await organisationLabels(tx, currentAddressees),
      toValue: await organisationLabels(tx, [...new Set(addresseeIds)]),
    });
  }

  const themeIds = changes.themeIds ? [...new Set(changes.themeIds)] : undefined;
  const currentThemes = current.themes.map((theme) => theme.id).sort((a, b) => a - b);
  if (themeIds && themeIds.slice().sort((a, b) => a - b).join() !== currentThemes.join()) {
    await checkThemes(tx, themeIds, ['changes', 'themeIds']);
    history.push({ ...on, kind: 'UPDATED', field: 'themes', fromValue: await themeLabels(tx, currentThemes), toValue: await themeLabels(tx, themeIds) });
  }

  if (history.length === 0) throw badUserInput('Nothing to change: every value given is the current one.');

  const { count } = await tx.recommendation.updateMany({
    where: { id: input.id, version: input.version },
    data: {
      reference: changes.reference,
      text: changes.text,
      ownerId: changes.ownerId,
      targetDate: changes.targetDate,
      version: { increment: 1 },
    },
  });
  expectUpdated(count, WHAT);
  if (removed.length) {
    await tx.recommendationAddressee.deleteMany({ where: { recommendationId: input.id, organisationId: { in: removed } } });
  }
  if (added.length) {
    await tx.recommendationAddressee.createMany({
      data: added.map((organisationId) => ({ recommendationId: input.id, organisationId })),
    });
  }
  if (themeIds) {
    await tx.recommendation.update({ where: { id: input.id }, data: { themes: { set: themeIds.map((id) => ({ id })) } } });
  }
  await recordHistory(tx, actor, history);
  return input.id;
}

/** One addressee's response to the recommendation. */
export async function setRecommendationResponse(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; version: number; organisationId: number; response: RecommendationResponse; note?: string | null; respondedOn?: Date | null },
): Promise<number> {
  const current = await tx.recommendation.findUnique({
    where: { id: input.id },
    include: {
      addressees: { include: { organisation: { select: { name: true, shortName: true, path: true } } } },
      report: { select: { responsesDueOn: true, publishedOn: true } },
    },
  });
  if (!current) throw notFound(WHAT);
  const addressee = current.addressees.find((a) => a.organisationId === input.organisationId);
  // Leaders answer for their own organisation (or one under it).
  authorize(actor, 'respond', { organisationPath: addressee?.organisation.path, withdrawnAt: current.withdrawnAt });
  checkVersion(current, input.version, WHAT);
  if (!addressee) throw badField(['organisationId'], 'the recommendation is not addressed to this organisation');
  if (input.respondedOn && input.respondedOn.getTime() > today().getTime()) throw badField(['respondedOn'], 'cannot be in the future');
  if (input.respondedOn && input.respondedOn.getTime() < current.report.publishedOn.getTime()) {
    throw badField(['respondedOn'], `cannot be before the report was published (${readableDay(current.report.publishedOn)})`);
  }
  const respondedAt = input.response === 'AWAITING_RESPONSE' ? null : (input.respondedOn ?? new Date());
  if (addressee.response === input.response && (input.note ?? null) === addressee.responseNote && sameDay(respondedAt, addressee.respondedAt)) {
    throw badField(['response'], `the response is already ${label(responseLabels, input.response)}, with the same note and date`);
  }
  const { count } = await tx.recommendation.updateMany({
    where: { id: input.id, version: input.version },
    data: { version: { increment: 1 } },
  });
  expectUpdated(count, WHAT);
  await tx.recommendationAddressee.update({
    where: { recommendationId_organisationId: { recommendationId: input.id, organisationId: input.organisationId } },
    data: {
      response: input.response,
      responseNote: input.note ?? null,
      respondedAt,
      respondedLate: isRespondedLate({ response: input.response, respondedAt }, current.report.responsesDueOn),
    },
  });
  const organisation = addressee.organisation.shortName ?? addressee.organisation.name;
  await recordHistory(tx, actor, {
    ...onRecommendation(input.id),
    kind: 'RESPONSE_CHANGED',
    field: `response (${organisation})`,
    fromValue: addressee.response,
    toValue: input.response,
    comment: [input.note, respondedAt && `Responded on ${readableDay(respondedAt)}.`].filter(Boolean).join('\n\n') || null,
  });
  return input.id;
}

/** Links a recommendation to the earlier one it repeats; an inspector's link is confirmed. */
export async function linkRepeat(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; version: number; repeatsId: number; confirmed: boolean; rank?: number | null; score?: number | null },
): Promise<number> {
  return setRepeatLink(tx, actor, await readForUpdate(tx, actor, 'linkRepeats', input.id, input.version), input);
}

/**
 * An inspector decides a proposed candidate is not the one this recommendation repeats: kept, with
 * history, so it is not proposed again; the recommendation itself does not change.
 */
export async function rejectRepeatCandidate(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; version: number; candidateId: number; rank?: number | null; score?: number | null; comment?: string | null },
): Promise<number> {
  await readForUpdate(tx, actor, 'linkRepeats', input.id, input.version);
  if (input.candidateId === input.id) throw badField(['candidateId'], 'a recommendation cannot repeat itself');
  if (!(await tx.recommendation.findUnique({ where: { id: input.candidateId }, select: { id: true } }))) throw badField(['candidateId'], 'no such recommendation');
  const already = await tx.repeatDecision.findFirst({ where: { recommendationId: input.id, candidateId: input.candidateId }, orderBy: { id: 'desc' } });
  if (already?.decision === 'REJECTED') throw badField(['candidateId'], 'this candidate is already rejected');
  await recordRepeatDecision(tx, actor, { recommendationId: input.id, candidateId: input.candidateId, decision: 'REJECTED', rank: input.rank, score: input.score });
  await recordHistory(tx, actor, {
    ...onRecommendation(input.id),
    kind: 'REPEAT_REJECTED',
    field: 'repeats',
    toValue: await recommendationLabel(tx, input.candidateId),
    comment: input.comment ?? null,
  });
  return input.id;
}

/** Sets the link on the recommendation as read for this change, with its history. */
async function setRepeatLink(
  tx: TransactionClient,
  actor: Actor,
  current: Awaited<ReturnType<typeof readForUpdate>>,
  input: { id: number; version: number; repeatsId: number; confirmed: boolean; rank?: number | null; score?: number | null },
): Promise<number> {
  await checkRepeatLink(tx, { id: input.id, reportPublishedOn: current.report.publishedOn }, input.repeatsId, ['repeatsId']);
  if (current.repeatsId === input.repeatsId && current.repeatConfirmed === input.confirmed) {
    throw badField(['repeatsId'], 'this link is already in place');
  }
  const similarity = await textSimilarity(tx, input.id, input.repeatsId);
  const { count } = await tx.recommendation.updateMany({
    where: { id: input.id, version: input.version },
    data: { repeatsId: input.repeatsId, repeatConfirmed: input.confirmed, repeatSimilarity: similarity, version: { increment: 1 }, ...keepTimeOfChange(current) },
  });
  expectUpdated(count, WHAT);
  const on = onRecommendation(input.id);
  // One act, one event: a link made and confirmed at once is one REPEAT_CONFIRMED, and the link it
  // replaces is its fromValue (not an unlink, a link and a confirmation).
  const replaced = current.repeatsId !== input.repeatsId ? await recommendationLabel(tx, current.repeatsId) : null;
  await recordHistory(tx, actor, {
    ...on,
    kind: input.confirmed ? 'REPEAT_CONFIRMED' : 'REPEAT_LINKED',
    field: 'repeats',
    fromValue: replaced,
    toValue: await recommendationLabel(tx, input.repeatsId),
  });
  if (input.confirmed) {
    await recordRepeatDecision(tx, actor, { recommendationId: input.id, candidateId: input.repeatsId, decision: 'CONFIRMED', rank: input.rank, score: input.score });
  }
  await refreshDerivedFacts(tx, [input.id]);
  return input.id;
}

/** An inspector confirms a link proposed by someone else or by a script. */
export async function confirmRepeat(tx: TransactionClient, actor: Actor, input: { id: number; version: number }): Promise<number> {
  const current = await readForUpdate(tx, actor, 'linkRepeats', input.id, input.version);
  if (current.repeatsId === null) throw badField(['id'], 'the recommendation does not repeat another');
  if (current.repeatConfirmed) throw badField(['id'], 'the repeat link is already confirmed');
  return setRepeatLink(tx, actor, current, { ...input, repeatsId: current.repeatsId, confirmed: true });
}

export async function unlinkRepeat(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; version: number; comment: string },
): Promise<number> {
  const current = await readForUpdate(tx, actor, 'linkRepeats', input.id, input.version);
  if (current.repeatsId === null) throw badField(['id'], 'the recommendation does not repeat another');
  const { count } = await tx.recommendation.updateMany({
    where: { id: input.id, version: input.version },
    data: { repeatsId: null, repeatConfirmed: false, repeatSimilarity: null, version: { increment: 1 }, ...keepTimeOfChange(current) },
  });
  expectUpdated(count, WHAT);
  await recordHistory(tx, actor, {
    ...onRecommendation(input.id),
    kind: 'REPEAT_UNLINKED',
    field: 'repeats',
    fromValue: await recommendationLabel(tx, current.repeatsId),
    comment: input.comment,
  });
  await refreshDerivedFacts(tx, [input.id]);
  return input.id;
}

/** Records the time of a change to the plan (action items, evidence) on its recommendation. */
export async function touchRecommendation(tx: TransactionClient, id: number): Promise<void> {
  const { count } = await tx.recommendation.updateMany({ where: { id }, data: { updatedAt: new Date() } });
  if (count === 0) throw notFound(WHAT);
}
