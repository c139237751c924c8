import { z } from 'zod';
import { prisma } from '../../db/client.ts';
import {
  confirmRepeat,
  linkRepeat,
  rejectRepeatCandidate,
  setRecommendationResponse,
  unlinkRepeat,
  updateRecommendation,
  updateRecommendationStatus,
} from '../../domain/recommendations.ts';
import { setRecommendationPriority } from '../../domain/priority.ts';
import { builder } from '../builder.ts';
import { globalIdOf, globalIdsOf } from '../shared/ids.ts';
import { write } from '../shared/mutation.ts';
import { COMMENT_MAX, REFERENCE_MAX, TEXT_MAX, optionalText, requiredText } from '../shared/validation.ts';
import { RecommendationResponse, RecommendationStatus } from '../types/enums.ts';
import { CONFIRMED_WARNINGS_DESCRIPTION, WriteWarning } from '../shared/warnings.ts';

const UpdateRecommendationStatusInput = builder.inputType('UpdateRecommendationStatusInput', {
  description: 'The owner’s new self-reported status, with the reason.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The recommendation.' }).validate(globalIdOf('Recommendation')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    status: t.field({ type: RecommendationStatus, required: true, description: 'The new status.' }),
    comment: t.string({ required: true, description: 'Why it changed: kept in history.' }).validate(requiredText(COMMENT_MAX)),
    confirmedWarnings: t.field({ type: [WriteWarning], description: CONFIRMED_WARNINGS_DESCRIPTION }),
  }),
});

const UpdateRecommendationInput = builder.inputType('UpdateRecommendationInput', {
  description: 'Changes to a recommendation’s details. Omitted fields stay as they are.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The recommendation.' }).validate(globalIdOf('Recommendation')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    reference: t.string({ description: 'The reference as printed.' }).validate(requiredText(REFERENCE_MAX).optional()),
    text: t.string({ description: 'The recommendation in full.' }).validate(requiredText(TEXT_MAX).optional()),
    ownerId: t.id({ description: 'The lead owning organisation.' }).validate(globalIdOf('Organisation').optional()),
    addresseeIds: t.idList({ description: 'Every organisation it is addressed to (the owner is always one).' }).validate(globalIdsOf('Organisation').optional()),
    themeIds: t.idList({ description: 'Its themes, replacing the current ones.' }).validate(globalIdsOf('Theme').optional()),
    targetDate: t.field({ type: 'Date', description: 'The new target date; null for none.' }),
    targetDateReason: t.string({ description: 'Why an existing target date moves (required then).' }).validate(optionalText(COMMENT_MAX)),
  }),
});

const SetRecommendationResponseInput = builder.inputType('SetRecommendationResponseInput', {
  description: 'One addressee’s response to a recommendation.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The recommendation.' }).validate(globalIdOf('Recommendation')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    organisationId: t.id({ required: true, description: 'The addressee responding.' }).validate(globalIdOf('Organisation')),
    response: t.field({ type: RecommendationResponse, required: true, description: 'The response.' }),
    note: t.string({ description: 'What it said, e.g. why only partly accepted.' }).validate(optionalText(COMMENT_MAX)),
    respondedOn: t.field({ type: 'Date', description: 'When it responded (today when omitted; not in the future).' }),
  }),
});

const LinkRepeatInput = builder.inputType('LinkRepeatInput', {
  description: 'Marks a recommendation as a repeat of one made in an earlier report.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The later recommendation.' }).validate(globalIdOf('Recommendation')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    repeatsId: t.id({ required: true, description: 'The earlier recommendation it repeats.' }).validate(globalIdOf('Recommendation')),
    confirmed: t.boolean({ defaultValue: true, description: 'Whether the link is confirmed by an inspector (false: proposed only).' }),
    rank: t.int({ description: 'Where repeatCandidates placed it (1 = first), kept with the confirmation to measure the ranking.' }).validate(
      z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000').nullish(),
    ),
    score: t.float({ description: 'The score repeatCandidates gave it.' }).validate(z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1').nullish()),
  }),
});

const RejectRepeatCandidateInput = builder.inputType('RejectRepeatCandidateInput', {
  description: 'An inspector’s decision that a proposed earlier recommendation is not the one this one repeats.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The later recommendation.' }).validate(globalIdOf('Recommendation')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    candidateId: t.id({ required: true, description: 'The earlier recommendation proposed.' }).validate(globalIdOf('Recommendation')),
    rank: t.int({ description: 'Where repeatCandidates placed it (1 = first).' }).validate(
      z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000').nullish(),
    ),
    score: t.float({ description: 'The score repeatCandidates gave it.' }).validate(z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1').nullish()),
    comment: t.string({ description: 'Why it is not a repeat: kept in history.' }).validate(optionalText(COMMENT_MAX)),
  }),
});

const ConfirmRepeatInput = builder.inputType('ConfirmRepeatInput', {
  description: 'An inspector’s confirmation of a proposed repeat link.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The later recommendation.' }).validate(globalIdOf('Recommendation')),
    version: t.int({ required: true, description: 'The version you last read.' }),
  }),
});

const UnlinkRepeatInput = builder.inputType('UnlinkRepeatInput', {
  description: 'Removes a repeat link, with the reason.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The later recommendation.' }).validate(globalIdOf('Recommendation')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    comment: t.string({ required: true, description: 'Why the link is wrong: kept in history.' }).validate(requiredText(COMMENT_MAX)),
  }),
});

const SetRecommendationPriorityInput = builder.inputType('SetRecommendationPriorityInput', {
  description: 'Marks a recommendation as a priority, or takes it off the priorities, with the reason.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The recommendation.' }).validate(globalIdOf('Recommendation')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    priority: t.boolean({ required: true, description: 'true to mark it as a priority, false to take it off the priorities.' }),
    reason: t.string({ required: true, description: 'Why: kept in history (and shown with the priority while it is one).' }).validate(requiredText(COMMENT_MAX)),
  }),
});

const reload = (query: object, id: number) => prisma.recommendation.findUniqueOrThrow({ ...query, where: { id } });

builder.mutationFields((t) => ({
  updateRecommendationStatus: t.prismaField({
    authScopes: { may: 'updateStatus' },
    type: 'Recommendation',
    description: 'Sets the owner’s self-reported status. A comment is required and kept in history.',
    args: { input: t.arg({ type: UpdateRecommendationStatusInput, required: true, description: 'The change.' }) },
    // The update returns the recommendation as asked for: no reading it again after the commit.
    resolve: (query, _root, { input }, context) => write(context, (tx, actor) => updateRecommendationStatus(tx, actor, input, query)),
  }),
  updateRecommendation: t.prismaField({
    authScopes: { may: 'editRecommendation' },
    type: 'Recommendation',
    description: 'Changes a recommendation’s details. A moved target date keeps its old value and reason in history.',
    args: { input: t.arg({ type: UpdateRecommendationInput, required: true, description: 'The changes.' }) },
    resolve: async (query, _root, { input }, context) => {
      const { id, version, ...changes } = input;
      const updated = await write(context, (tx, actor) =>
        updateRecommendation(tx, actor, {
          id,
          version,
          changes: {
            // null is refused by validation for these: only omitted (undefined) remains.
            reference: changes.reference ?? undefined,
            text: changes.text ?? undefined,
            ownerId: changes.ownerId ?? undefined,
            addresseeIds: changes.addresseeIds ?? undefined,
            themeIds: changes.themeIds ?? undefined,
            targetDate: changes.targetDate,
            targetDateReason: changes.targetDateReason ?? undefined,
          },
        }),
      );
      return reload(query, updated);
    },
  }),
  setRecommendationResponse: t.prismaField({
    authScopes: { may: 'respond' },
    type: 'Recommendation',
    description: 'Records one addressee’s response (accepted, partly accepted, not accepted), or puts it back to awaiting response.',
    args: { input: t.arg({ type: SetRecommendationResponseInput, required: true, description: 'The response.' }) },
    resolve: async (query, _root, { input }, context) =>
      reload(query, await write(context, (tx, actor) => setRecommendationResponse(tx, actor, input))),
  }),
  linkRepeat: t.prismaField({
    authScopes: { may: 'linkRepeats' },
    type: 'Recommendation',
    description: 'Links a recommendation to the earlier one it repeats: only to an earlier report, never in a cycle.',
    args: { input: t.arg({ type: LinkRepeatInput, required: true, description: 'The link.' }) },
    resolve: async (query, _root, { input }, context) =>
      reload(query, await write(context, (tx, actor) => linkRepeat(tx, actor, { ...input, confirmed: input.confirmed ?? true }))),
  }),
  rejectRepeatCandidate: t.prismaField({
    authScopes: { may: 'linkRepeats' },
    type: 'Recommendation',
    description: 'Records that a proposed candidate is not the earlier recommendation this one repeats: it is not proposed again.',
    args: { input: t.arg({ type: RejectRepeatCandidateInput, required: true, description: 'Which candidate.' }) },
    resolve: async (query, _root, { input }, context) =>
      reload(query, await write(context, (tx, actor) => rejectRepeatCandidate(tx, actor, input))),
  }),
  confirmRepeat: t.prismaField({
    authScopes: { may: 'linkRepeats' },
    type: 'Recommendation',
    description: 'Confirms a proposed repeat link.',
    args: { input: t.arg({ type: ConfirmRepeatInput, required: true, description: 'Which link.' }) },
    resolve: async (query, _root, { input }, context) =>
      reload(query, await write(context, (tx, actor) => confirmRepeat(tx, actor, input))),
  }),
  setRecommendationPriority: t.prismaField({
    authScopes: { may: 'recordAssessment' },
    type: 'Recommendation',
    description: 'Marks a recommendation as a priority or takes it off the priorities, with the reason (those who record verdicts).',
    args: { input: t.arg({ type: SetRecommendationPriorityInput, required: true, description: 'The change, and why.' }) },
    resolve: (query, _root, { input }, context) => write(context, (tx, actor) => setRecommendationPriority(tx, actor, input, query)),
  }),
  unlinkRepeat: t.prismaField({
    authScopes: { may: 'linkRepeats' },
    type: 'Recommendation',
    description: 'Removes a repeat link, with the reason.',
    args: { input: t.arg({ type: UnlinkRepeatInput, required: true, description: 'Which link, and why.' }) },
    resolve: async (query, _root, { input }, context) =>
      reload(query, await write(context, (tx, actor) => unlinkRepeat(tx, actor, input))),
  }),
}));
