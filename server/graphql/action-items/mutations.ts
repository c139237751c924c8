import { z } from 'zod';
import { prisma } from '../../db/client.ts';
import { completeActionItem, createActionItem, deleteActionItem, updateActionItem } from '../../domain/action-items.ts';
import { builder } from '../builder.ts';
import { globalIdOf } from '../shared/ids.ts';
import { write } from '../shared/mutation.ts';
import { COMMENT_MAX, NAME_MAX, TEXT_MAX, optionalText, requiredText } from '../shared/validation.ts';
import { ActionItemStatus } from '../types/enums.ts';
import { CONFIRMED_WARNINGS_DESCRIPTION, WriteWarning } from '../shared/warnings.ts';

/** COMPLETED is set by completeActionItem, which records the completion date. */
const notCompleted = z.enum(['PLANNED', 'IN_PROGRESS', 'BLOCKED', 'CANCELLED'], {
  error: 'use completeActionItem to complete an action item',
});

const CreateActionItemInput = builder.inputType('CreateActionItemInput', {
  description: 'A new line of a recommendation’s action plan.',
  fields: (t) => ({
    recommendationId: t.id({ required: true, description: 'The recommendation it answers.' }).validate(globalIdOf('Recommendation')),
    description: t.string({ required: true, description: 'What will be done.' }).validate(requiredText(TEXT_MAX)),
    ownerId: t.id({ required: true, description: 'The organisation that owns it.' }).validate(globalIdOf('Organisation')),
    leadPerson: t.string({ description: 'The lead person.' }).validate(optionalText(NAME_MAX)),
    dueDate: t.field({ type: 'Date', description: 'When it is due.' }),
    status: t.field({ type: ActionItemStatus, description: 'Its status (PLANNED when omitted).' }).validate(notCompleted.nullish()),
    confirmedWarnings: t.field({ type: [WriteWarning], description: CONFIRMED_WARNINGS_DESCRIPTION }),
  }),
});

const UpdateActionItemInput = builder.inputType('UpdateActionItemInput', {
  description: 'Changes to an action item. Omitted fields stay as they are.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The action item.' }).validate(globalIdOf('ActionItem')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    description: t.string({ description: 'What will be done.' }).validate(requiredText(TEXT_MAX).optional()),
    ownerId: t.id({ description: 'The organisation that owns it.' }).validate(globalIdOf('Organisation').optional()),
    leadPerson: t.string({ description: 'The lead person; null to clear.' }).validate(optionalText(NAME_MAX)),
    dueDate: t.field({ type: 'Date', description: 'When it is due; null for none.' }),
    dueDateReason: t.string({ description: 'Why an existing due date moves (required then).' }).validate(optionalText(COMMENT_MAX)),
    status: t.field({ type: ActionItemStatus, description: 'Its status (not COMPLETED: use completeActionItem).' }).validate(notCompleted.optional()),
    comment: t.string({ description: 'A note on the change, kept in history with each value it changes.' }).validate(optionalText(COMMENT_MAX)),
    confirmedWarnings: t.field({ type: [WriteWarning], description: CONFIRMED_WARNINGS_DESCRIPTION }),
  }),
});

const CompleteActionItemInput = builder.inputType('CompleteActionItemInput', {
  description: 'Marks an action item completed.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The action item.' }).validate(globalIdOf('ActionItem')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    completedOn: t.field({ type: 'Date', description: 'When it was completed (today when omitted).' }),
    comment: t.string({ description: 'A note kept in history.' }).validate(optionalText(COMMENT_MAX)),
  }),
});

const DeleteActionItemInput = builder.inputType('DeleteActionItemInput', {
  description: 'Removes an action item that has no evidence, with the reason.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The action item.' }).validate(globalIdOf('ActionItem')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    comment: t.string({ required: true, description: 'Why it is removed: kept in history.' }).validate(requiredText(COMMENT_MAX)),
  }),
});

const DeleteActionItemPayload = builder.objectRef<{ deletedId: number; recommendationId: number }>('DeleteActionItemPayload').implement({
  description: 'What remains after an action item is removed.',
  fields: (t) => ({
    deletedId: t.globalID({
      description: 'The id the removed action item had.',
      resolve: (payload) => ({ type: 'ActionItem', id: payload.deletedId }),
    }),
    recommendation: t.prismaField({
      type: 'Recommendation',
      description: 'The recommendation whose plan it left.',
      resolve: (query, payload) => prisma.recommendation.findUniqueOrThrow({ ...query, where: { id: payload.recommendationId } }),
    }),
  }),
});

const reload = (query: object, id: number) => prisma.actionItem.findUniqueOrThrow({ ...query, where: { id } });

builder.mutationFields((t) => ({
  createActionItem: t.prismaField({
    authScopes: { may: 'manageActionItem' },
    type: 'ActionItem',
    description: 'Adds a line to a recommendation’s action plan.',
    args: { input: t.arg({ type: CreateActionItemInput, required: true, description: 'The action.' }) },
    resolve: async (query, _root, { input }, context) =>
      reload(
        query,
        await write(context, (tx, actor) =>
          createActionItem(tx, actor, { ...input, status: (input.status as z.infer<typeof notCompleted> | null) ?? undefined }),
        ),
      ),
  }),
  updateActionItem: t.prismaField({
    authScopes: { may: 'manageActionItem' },
    type: 'ActionItem',
    description: 'Changes an action item. A moved due date keeps its old value and reason in history.',
    args: { input: t.arg({ type: UpdateActionItemInput, required: true, description: 'The changes.' }) },
    resolve: async (query, _root, { input }, context) => {
      const { id, version, ...changes } = input;
      await write(context, (tx, actor) =>
        updateActionItem(tx, actor, {
          id,
          version,
          changes: {
            // null is refused by validation for these: only omitted (undefined) remains.
            description: changes.description ?? undefined,
            ownerId: changes.ownerId ?? undefined,
            status: (changes.status as z.infer<typeof notCompleted> | null) ?? undefined,
            leadPerson: changes.leadPerson,
            dueDate: changes.dueDate,
            dueDateReason: changes.dueDateReason ?? undefined,
            comment: changes.comment ?? undefined,
            confirmedWarnings: changes.confirmedWarnings,
          },
        }),
      );
      return reload(query, id);
    },
  }),
  completeActionItem: t.prismaField({
    authScopes: { may: 'manageActionItem' },
    type: 'ActionItem',
    description: 'Marks an action item completed, with its completion date.',
    args: { input: t.arg({ type: CompleteActionItemInput, required: true, description: 'Which, and when.' }) },
    resolve: async (query, _root, { input }, context) =>
      reload(query, await write(context, (tx, actor) => completeActionItem(tx, actor, input))),
  }),
  deleteActionItem: t.field({
    authScopes: { may: 'manageActionItem' },
    type: DeleteActionItemPayload,
    description: 'Removes an action item. One with evidence cannot be removed (cancel it instead): evidence is never lost.',
    args: { input: t.arg({ type: DeleteActionItemInput, required: true, description: 'Which, and why.' }) },
    resolve: (_root, { input }, context) =>
      write(context, async (tx, actor) => {
        const deleted = await deleteActionItem(tx, actor, input);
        return { deletedId: deleted.id, recommendationId: deleted.recommendationId };
      }),
  }),
}));
