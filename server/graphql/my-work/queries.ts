import { prisma } from '../../db/client.ts';
import { workOf, type WorkItem as WorkItemShape } from '../../domain/my-work.ts';
import { requireActor } from '../../domain/actor.ts';
import { builder } from '../builder.ts';
import { encodeNodeId } from '../shared/ids.ts';

const WorkSection = builder.enumType('WorkSection', {
  description: 'Why an item is in your work.',
  values: {
    OVERDUE: { description: 'Your organisation’s recommendation or action past its date (leaders).' },
    DUE_SOON: { description: 'Your organisation’s recommendation or action due in the next 14 days (leaders).' },
    ESCALATED: { description: 'An action of an organisation directly under yours, overdue by more than the set days (leaders).' },
    TO_ASSESS: { description: 'A recommendation on your inspectorate’s reports that its owner has reported implemented, waiting for the inspectors’ assessment (inspectors).' },
    TO_VERIFY: { description: 'Evidence waiting for verification on your inspectorate’s reports (inspectors).' },
    MENTIONED: { description: 'A comment that mentions you, until a digest has told you of it.' },
  } satisfies Record<WorkItemShape['section'], object>,
});

const WorkRecord = builder.enumType('WorkRecord', {
  description: 'What kind of record a work item is.',
  values: {
    RECOMMENDATION: { description: 'A recommendation.' },
    ACTION_ITEM: { description: 'An action of a recommendation’s plan.' },
    EVIDENCE: { description: 'Evidence submitted for an action.' },
    COMMENT: { description: 'A comment in a recommendation’s discussion.' },
  } satisfies Record<WorkItemShape['record'], object>,
});

const recordType = { RECOMMENDATION: 'Recommendation', ACTION_ITEM: 'ActionItem', EVIDENCE: 'Evidence', COMMENT: 'Comment' } as const;

const WorkItem = builder.objectRef<WorkItemShape>('WorkItem').implement({
  description: 'One thing for you to see to: the same items your reminder digest emails.',
  fields: (t) => ({
    section: t.expose('section', { type: WorkSection, description: 'Why it is in your work.' }),
    record: t.expose('record', { type: WorkRecord, description: 'What kind of record it is.' }),
    recordId: t.id({ description: 'The record’s global id (a Recommendation, ActionItem, Evidence or Comment).', resolve: (item) => encodeNodeId(recordType[item.record], item.id) }),
    recommendationId: t.id({ description: 'The global id of the recommendation it belongs to.', resolve: (item) => encodeNodeId('Recommendation', item.recommendationId) }),
    title: t.exposeString('title', { description: 'The recommendation’s text, the action’s description, the evidence’s summary or the comment’s text.' }),
    reference: t.exposeString('reference', { description: 'The recommendation’s reference in its report.' }),
    reportTitle: t.exposeString('reportTitle', { description: 'The report’s title.' }),
    reportPublishedOn: t.expose('reportPublishedOn', { type: 'Date', description: 'When the report was published: its year tells two reports’ references apart.' }),
    organisation: t.exposeString('organisation', { description: 'The organisation that owns it; for a comment, its author.' }),
    organisationShortName: t.exposeString('organisationShortName', {
      nullable: true,
      description: 'The owning organisation’s short name, where it has one, for where space is short; none for a comment’s author.',
    }),
    date: t.expose('date', { type: 'Date', nullable: true, description: 'Its target or due date; for evidence, the day it was submitted.' }),
    daysOverdue: t.exposeInt('daysOverdue', { nullable: true, description: 'Whole days past its date (overdue and escalated items).' }),
  }),
});

builder.queryFields((t) => ({
  myWork: t.field({
    type: [WorkItem],
    authScopes: { may: 'readRecords' },
    description:
      'Your work, section by section: for a leader, the organisation’s overdue items, those due in the next 14 days and actions escalated from ' +
      'organisations under it; for an inspector, evidence waiting for verification; for anyone, comments that mention them not yet emailed.',
    // The actor is read with its organisation for each request (auth/authenticate.ts): the person the work is for.
    resolve: (_root, _args, { actor }) => workOf(prisma, requireActor(actor)),
  }),
}));
