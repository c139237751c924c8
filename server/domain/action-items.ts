import type { TransactionClient } from '../db/client.ts';
import type { Prisma } from '../db/generated/prisma/client.ts';
import type { ActionItemStatus } from '../db/generated/prisma/enums.ts';
import { badField, badUserInput, conflict, notFound } from '../errors.ts';
import { authorize, type Actor } from './actor.ts';
import { formatDay, sameDay, today } from './dates.ts';
import { recordHistory, type HistoryEntry } from './history.ts';
import { organisationLabels } from './labels.ts';
import type { Target } from './permissions.ts';
import { touchRecommendation } from './recommendations.ts';
import { checkVersion, expectUpdated } from './versions.ts';
import { settleWarnings, type RaisedWarning, type Warning } from './warnings.ts';
import { readableDay } from './locale.ts';

const WHAT = 'The action item';

/**
 * What of an action item decides who changes it and what is under it (its evidence and their files):
 * the organisation that owns it, and whether its recommendation was withdrawn (permissions.ts).
 */
export const actionItemTargetSelect = {
  owner: { select: { path: true } },
  recommendation: { select: { withdrawnAt: true } },
} satisfies Prisma.ActionItemSelect;
export type ActionItemTargetRow = Prisma.ActionItemGetPayload<{ select: typeof actionItemTargetSelect }>;
export const actionItemTarget = (item: ActionItemTargetRow): Target => ({
  organisationPath: item.owner.path,
  withdrawnAt: item.recommendation.withdrawnAt,
});

/**
 * The path of the organisation to own an action, for the leader's subtree check; refuses an
 * unknown one, and an inactive one, which takes no new work.
 */
async function ownerPath(tx: TransactionClient, id: number, field: string[]): Promise<string> {
  const organisation = await tx.organisation.findUnique({ where: { id }, select: { path: true, active: true } });
  if (!organisation) throw badField(field, 'no such organisation');
  if (!organisation.active) throw badField(field, 'the organisation is inactive and takes no new work');
  return organisation.path;
}

/** A due date set to a day already past is questioned first. */
function pastDueDate(dueDate: Date | null | undefined): RaisedWarning[] {
  if (!dueDate || dueDate.getTime() >= today().getTime()) return [];
  return [{ warning: 'DUE_DATE_PAST', message: `The due date, ${readableDay(dueDate)}, is already past.` }];
}

/** Reads the action item to change: exists, the actor may manage it, and the version is current. */
async function readForUpdate(tx: TransactionClient, actor: Actor, id: number, version: number) {
  const current = await tx.actionItem.findUnique({
    where: { id },
    include: actionItemTargetSelect,
  });
  if (!current) throw notFound(WHAT);
  authorize(actor, 'manageActionItem', actionItemTarget(current));
  return checkVersion(current, version, WHAT);
}

export type NewActionItem = {
  recommendationId: number;
  description: string;
  ownerId: number;
  leadPerson?: string | null;
  dueDate?: Date | null;
  status?: Exclude<ActionItemStatus, 'COMPLETED'>;
  /** The warnings the person saw and saves despite; omitted, none are asked (warnings.ts). */
  confirmedWarnings?: Warning[] | null;
};

/** What of a recommendation decides who may add to its action plan (actionPlanTarget). */
export const actionPlanSelect = {
  withdrawnAt: true,
  owner: { select: { path: true } },
  addressees: { select: { organisation: { select: { path: true } } } },
} as const;

/** Whose plan a new action on the recommendation joins, and whether it still takes new work (permissions.ts). */
export function actionPlanTarget(rec: { withdrawnAt: Date | null; owner: { path: string }; addressees: { organisation: { path: string } }[] }) {
  return { withdrawnAt: rec.withdrawnAt, planPaths: [rec.owner.path, ...rec.addressees.map((addressee) => addressee.organisation.path)] };
}

/** Adds a line to a recommendation's action plan. */
export async function createActionItem(tx: TransactionClient, actor: Actor, input: NewActionItem): Promise<number> {
  const recommendation = await tx.recommendation.findUnique({ where: { id: input.recommendationId }, select: actionPlanSelect });
  if (!recommendation) throw notFound('The recommendation');
  // Leaders add actions their own organisation (or one under it) will own, to their own plans that stand.
  authorize(actor, 'manageActionItem', { ...actionPlanTarget(recommendation), organisationPath: await ownerPath(tx, input.ownerId, ['ownerId']) });
  const confirmedWarning = settleWarnings(pastDueDate(input.dueDate), input.confirmedWarnings);
  const item = await tx.actionItem.create({
    data: {
      recommendationId: input.recommendationId,
      description: input.description,
      ownerId: input.ownerId,
      leadPerson: input.leadPerson,
      dueDate: input.dueDate,
      status: input.status ?? 'PLANNED',
    },
    select: { id: true },
  });
  await recordHistory(tx, actor, {
    kind: 'CREATED',
    subject: 'ACTION_ITEM',
    subjectId: item.id,
    subjectName: input.description,
    recommendationId: input.recommendationId,
    toValue: input.description,
    confirmedWarning,
  });
  await touchRecommendation(tx, input.recommendationId);
  return item.id;
}

export type ActionItemChanges = {
  description?: string;
  ownerId?: number;
  leadPerson?: string | null;
  dueDate?: Date | null;
  /** Required when an existing due date moves. */
  dueDateReason?: string;
  status?: Exclude<ActionItemStatus, 'COMPLETED'>;
  /** A note on the change, kept in history with it. */
  comment?: string;
  confirmedWarnings?: Warning[] | null;
};

export async function updateActionItem(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; version: number; changes: ActionItemChanges },
): Promise<number> {
  const current = await readForUpdate(tx, actor, input.id, input.version);
  const { changes } = input;
  // Each change names the action as it was called before the change (a new description is its own event).
  const on = { subject: 'ACTION_ITEM' as const, subjectId: input.id, subjectName: current.description, recommendationId: current.recommendationId };
  const history: HistoryEntry[] = [];
  if (changes.description !== undefined && changes.description !== current.description) {
    history.push({ ...on, kind: 'UPDATED', field: 'description', fromValue: current.description, toValue: changes.description });
  }
  if (changes.leadPerson !== undefined && changes.leadPerson !== current.leadPerson) {
    history.push({ ...on, kind: 'UPDATED', field: 'leadPerson', fromValue: current.leadPerson, toValue: changes.leadPerson });
  }
  if (changes.ownerId !== undefined && changes.ownerId !== current.ownerId) {
    authorize(actor, 'manageActionItem', { organisationPath: await ownerPath(tx, changes.ownerId, ['changes', 'ownerId']) });
    history.push({ ...on, kind: 'OWNER_CHANGED', field: 'owner', fromValue: await organisationLabels(tx, [current.ownerId]), toValue: await organisationLabels(tx, [changes.ownerId]) });
  }
  if (changes.dueDate !== undefined && !sameDay(changes.dueDate, current.dueDate)) {
    if (current.dueDate && !changes.dueDateReason) throw badField(['changes', 'dueDateReason'], 'give the reason the due date moves');
    history.push({
      ...on,
      kind: 'DUE_DATE_CHANGED',
      field: 'dueDate',
      fromValue: formatDay(current.dueDate),
      toValue: formatDay(changes.dueDate),
      comment: changes.dueDateReason,
      confirmedWarning: settleWarnings(pastDueDate(changes.dueDate), changes.confirmedWarnings),
    });
  }
  const reopening = changes.status !== undefined && current.status === 'COMPLETED';
  if (changes.status !== undefined && changes.status !== current.status) {
    history.push({ ...on, kind: 'STATUS_CHANGED', field: 'status', fromValue: current.status, toValue: changes.status });
  }
  if (history.length === 0) throw badUserInput('Nothing to change: every value given is the current one.');
  if (changes.comment) keepNote(history, changes.comment);
  const { count } = await tx.actionItem.updateMany({
    where: { id: input.id, version: input.version },
    data: {
      description: changes.description,
      ownerId: changes.ownerId,
      leadPerson: changes.leadPerson,
      dueDate: changes.dueDate,
      status: changes.status,
      completedOn: reopening ? null : undefined,
      version: { increment: 1 },
    },
  });
  expectUpdated(count, WHAT);
  await recordHistory(tx, actor, history);
  await touchRecommendation(tx, current.recommendationId);
  return input.id;
}

/**
 * The note on a change goes with every value it changed that has no reason of its own; when
 * each has (a moved due date only), after that reason: a note is never dropped.
 */
function keepNote(history: HistoryEntry[], note: string): void {
  const withoutReason = history.filter((entry) => !entry.comment);
  if (withoutReason.length > 0) {
    for (const entry of withoutReason) entry.comment = note;
  } else {
    for (const entry of history) entry.comment = `${entry.comment}\n\nNote: ${note}`;
  }
}

export async function completeActionItem(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; version: number; completedOn?: Date | null; comment?: string | null },
): Promise<number> {
  const current = await readForUpdate(tx, actor, input.id, input.version);
  if (current.status === 'COMPLETED') throw badField(['id'], 'the action item is already completed');
  const completedOn = input.completedOn ?? today();
  if (completedOn.getTime() > today().getTime()) throw badField(['completedOn'], 'cannot be in the future');
  const { count } = await tx.actionItem.updateMany({
    where: { id: input.id, version: input.version },
    data: { status: 'COMPLETED', completedOn, version: { increment: 1 } },
  });
  expectUpdated(count, WHAT);
  await recordHistory(tx, actor, {
    kind: 'COMPLETED',
    subject: 'ACTION_ITEM',
    subjectId: input.id,
    subjectName: current.description,
    recommendationId: current.recommendationId,
    field: 'status',
    fromValue: current.status,
    toValue: 'COMPLETED',
    comment: input.comment,
  });
  await touchRecommendation(tx, current.recommendationId);
  return input.id;
}

/** Removes a line of the plan; one with evidence is kept (cancel it instead), so no evidence is lost. */
export async function deleteActionItem(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; version: number; comment: string },
): Promise<{ id: number; recommendationId: number }> {
  const current = await readForUpdate(tx, actor, input.id, input.version);
  if ((await tx.evidence.count({ where: { actionItemId: input.id } })) > 0) {
    throw conflict('The action item has evidence, which is never deleted: set its status to CANCELLED instead.');
  }
  const { count } = await tx.actionItem.deleteMany({ where: { id: input.id, version: input.version } });
  expectUpdated(count, WHAT);
  await recordHistory(tx, actor, {
    kind: 'DELETED',
    subject: 'ACTION_ITEM',
    subjectId: input.id,
    subjectName: current.description,
    recommendationId: current.recommendationId,
    fromValue: current.description,
    comment: input.comment,
  });
  await touchRecommendation(tx, current.recommendationId);
  return { id: input.id, recommendationId: current.recommendationId };
}
