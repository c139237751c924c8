import type { Prisma } from '../../db/generated/prisma/client.ts';
import { wordHistoryEvent } from '../../domain/history-wording.ts';
import { mayReadHistoryEvent, visibleHistory } from '../../domain/visibility.ts';
import { builder } from '../builder.ts';
import { globalIdOf } from '../shared/ids.ts';
import { OFFSET_DESCRIPTION } from '../shared/pagination.ts';
import { listShape } from '../shared/list.ts';
import { HistoryEventKind, HistorySubject } from './enums.ts';

builder.prismaNode('HistoryEvent', {
  id: { field: 'id' },
  // node(id) answers null for a record that does not exist (or no longer does), as Relay expects,
  // and for a change the caller may not see: looked up with the same filter as the list.
  nullable: true,
  findUnique: (id, { actor }) => ({ id: Number(id), AND: [visibleHistory(actor)] }),
  // Changes to the records are for every signed-in caller; changes to an account, for its owner and administrators.
  authScopes: (event, { actor }) => mayReadHistoryEvent(actor, event),
  description: 'An immutable record of one change: who, when, from, to, and the reason they gave.',
  fields: (t) => ({
    kind: t.expose('kind', { type: HistoryEventKind, description: 'What happened.' }),
    subject: t.expose('subject', { type: HistorySubject, description: 'The kind of record it is about.' }),
    subjectId: t.exposeInt('subjectId', { description: 'The database id of that record, kept when the record is deleted.' }),
    recommendation: t.relation('recommendation', { nullable: true, description: 'The recommendation whose timeline it belongs to.' }),
    report: t.relation('report', { nullable: true, description: 'The report it concerns, if any.' }),
    field: t.exposeString('field', { nullable: true, description: 'Which value changed.' }),
    fromValue: t.exposeString('fromValue', { nullable: true, description: 'The value before.' }),
    toValue: t.exposeString('toValue', { nullable: true, description: 'The value after.' }),
    summary: t.string({
      description: 'What happened, in words that follow the person’s name: "changed the status from Not started to In progress".',
      select: { kind: true, subject: true, subjectName: true, field: true, fromValue: true, toValue: true },
      resolve: (event) => wordHistoryEvent(event),
    }),
    comment: t.exposeString('comment', { nullable: true, description: 'The reason or note given with the change.' }),
    confirmedWarning: t.exposeString('confirmedWarning', {
      nullable: true,
      description: 'A warning the person was shown before the change and saved despite, in the words shown.',
    }),
    actor: t.relation('actor', { description: 'Who made the change.' }),
    viaApiToken: t.boolean({
      description: 'Whether the change came from a script using an API token.',
      resolve: (event) => event.apiTokenId !== null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it happened.' }),
  }),
});

const HistoryFilter = builder.inputType('HistoryFilter', {
  description: 'Narrows the history. Conditions combine with AND.',
  fields: (t) => ({
    recommendationId: t.id({ description: 'In this recommendation’s timeline (its plan included).' }).validate(globalIdOf('Recommendation').nullish()),
    reportId: t.id({ description: 'About this report.' }).validate(globalIdOf('Report').nullish()),
    organisationId: t.id({ description: 'About this organisation itself: its names, kind, parent, whether it takes new work.' })
      .validate(globalIdOf('Organisation').nullish()),
    userId: t.id({ description: 'About this user’s account and its API tokens (shown only to them and administrators): role, organisation, sign-in, reminders, tokens made and revoked.' })
      .validate(globalIdOf('User').nullish()),
    subjects: t.field({ type: [HistorySubject], description: 'About any of these kinds of record.' }),
    kinds: t.field({ type: [HistoryEventKind], description: 'Any of these kinds of change.' }),
    actorId: t.id({ description: 'Made by this user.' }).validate(globalIdOf('User').nullish()),
    since: t.field({ type: 'DateTime', description: 'At or after this time.' }),
  }),
});

/** The changes to one record of its own, as opposed to a timeline's (recommendationId, reportId). */
function aboutRecord(filter: typeof HistoryFilter.$inferInput): Prisma.HistoryEventWhereInput[] {
  const about: Prisma.HistoryEventWhereInput[] = [];
  if (filter.organisationId != null) about.push({ subject: 'ORGANISATION', subjectId: filter.organisationId });
  if (filter.userId != null) about.push({ accountId: filter.userId });
  return about;
}

function historyWhere(filter: typeof HistoryFilter.$inferInput | null | undefined): Prisma.HistoryEventWhereInput {
  if (!filter) return {};
  return {
    AND: aboutRecord(filter),
    recommendationId: filter.recommendationId ?? undefined,
    reportId: filter.reportId ?? undefined,
    subject: filter.subjects?.length ? { in: filter.subjects } : undefined,
    kind: filter.kinds?.length ? { in: filter.kinds } : undefined,
    actorId: filter.actorId ?? undefined,
    createdAt: filter.since ? { gte: filter.since } : undefined,
  };
}

builder.queryFields((t) => ({
  history: t.prismaConnection({
    type: 'HistoryEvent',
    description: 'Changes, newest first.',
    args: {
      filter: t.arg({ type: HistoryFilter, description: 'Which changes.' }),
      offset: t.arg.int({ description: OFFSET_DESCRIPTION }),
    },
    ...listShape('historyEvent', {
      // Only the changes the caller may see, counted as well as listed.
      where: (args: { filter?: Parameters<typeof historyWhere>[0] }, { actor }) => ({ AND: [historyWhere(args.filter), visibleHistory(actor)] }),
      orderBy: () => [{ createdAt: 'desc' }, { id: 'desc' }],
    }),
  }),
}));
