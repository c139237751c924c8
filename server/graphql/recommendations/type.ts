import { daysBetween, today } from '../../domain/dates.ts';
import { actionPlanSelect, actionPlanTarget } from '../../domain/action-items.ts';
import { can, canAtAll, reportTarget } from '../../domain/permissions.ts';
import { ACHIEVED, isOverdue, reportedVsVerified, responseTimeliness } from '../../domain/recommendation-rules.ts';
import { builder } from '../builder.ts';
import { loadLineages } from '../../domain/lineage.ts';
import { AssessmentVerdict, RecommendationResponse, RecommendationStatus } from '../types/enums.ts';
import { pageArguments } from '../shared/pagination.ts';

export const ReportedVsVerified = builder.enumType('ReportedVsVerified', {
  description: 'What the owner reports against what inspectors found: only an inspector’s verdict closes a recommendation as achieved.',
  values: {
    CONFIRMED: { description: 'Reported implemented, and inspectors found it achieved.' },
    OVERSTATED: { description: 'Reported implemented, but inspectors have since found it only partly or not achieved.' },
    UNVERIFIED: { description: 'Reported implemented, and not assessed by inspectors since: never assessed, or reported implemented again after a verdict short of achieved.' },
    UNDERSTATED: { description: 'Inspectors found it achieved, though the owner does not report it implemented.' },
    NONE: { description: 'The owner does not report it implemented, and inspectors have not found it achieved.' },
  },
});

export const ResponseTimeliness = builder.enumType('ResponseTimeliness', {
  description: 'How an addressee’s response stands against its report’s due date (Report.responsesDueOn).',
  values: {
    ON_TIME: { description: 'Responded on or before the due date (or the report sets none).' },
    LATE: { description: 'Responded after the due date.' },
    MISSING: { description: 'No response, and the due date has passed (the recommendation is not withdrawn).' },
    NOT_YET_DUE: { description: 'No response, and none is due yet (or the report sets no due date, or the recommendation was withdrawn).' },
  },
});

builder.prismaObject('RecommendationAddressee', {
  description: 'An organisation a recommendation is addressed to, with its own response.',
  fields: (t) => ({
    organisation: t.relation('organisation', { description: 'The organisation.' }),
    response: t.expose('response', { type: RecommendationResponse, description: 'Its response.' }),
    responseNote: t.exposeString('responseNote', { nullable: true, description: 'What it said, e.g. why only partly accepted.' }),
    respondedAt: t.expose('respondedAt', { type: 'DateTime', nullable: true, description: 'When it responded.' }),
    responseTimeliness: t.field({
      type: ResponseTimeliness,
      description: 'On time, late, missing or not yet due, against the report’s due date.',
      select: { response: true, respondedAt: true, recommendation: { select: { withdrawnAt: true, report: { select: { responsesDueOn: true } } } } },
      resolve: (addressee) =>
        responseTimeliness(addressee, { withdrawnAt: addressee.recommendation.withdrawnAt, responsesDueOn: addressee.recommendation.report.responsesDueOn }),
    }),
    viewerCanRespond: t.boolean({
      description: 'Whether you may record this organisation’s response.',
      select: { organisation: { select: { path: true } }, recommendation: { select: { withdrawnAt: true } } },
      resolve: (addressee, _args, { actor }) =>
        can(actor, 'respond', { organisationPath: addressee.organisation.path, withdrawnAt: addressee.recommendation.withdrawnAt }),
    }),
  }),
});

export const Recommendation = builder.prismaNode('Recommendation', {
  id: { field: 'id' },
  select: { id: true },
  // node(id) answers null for a record that does not exist (or no longer does), as Relay expects.
  nullable: true,
  description: 'One recommendation of a report: what it asks, who owns it, what they report, and what inspectors found.',
  fields: (t) => ({
    reference: t.exposeString('reference', { description: 'The reference as printed, e.g. "R3" or "2.1".' }),
    position: t.exposeInt('position', { description: 'Its place in the report’s order.' }),
    text: t.exposeString('text', { description: 'The recommendation in full.' }),
    report: t.relation('report', { description: 'The report that made it.' }),
    owner: t.relation('owner', { description: 'The lead owning organisation.' }),
    addressees: t.relation('addressees', {
      description: 'The organisations it is addressed to, each with its own response.',
      query: { orderBy: { organisationId: 'asc' } },
    }),
    themes: t.relation('themes', { description: 'Themes it concerns.', query: { orderBy: { name: 'asc' } } }),
    targetDate: t.expose('targetDate', { type: 'Date', nullable: true, description: 'When it should be met; earlier dates are in its history.' }),
    status: t.expose('status', { type: RecommendationStatus, description: 'Progress as the owner reports it.' }),
    statusChangedAt: t.expose('statusChangedAt', { type: 'DateTime', description: 'When the owner last changed the status.' }),
    isOverdue: t.boolean({
      description: 'Past its target date, and neither reported implemented nor closed by an inspector.',
      select: { targetDate: true, status: true, latestVerdict: true, withdrawnAt: true },
      resolve: (rec) => isOverdue(rec),
    }),
    daysSinceUpdate: t.int({
      description: 'Whole days since it or its action plan last changed: its status, target, responses, actions or evidence. An inspector\'s verdict, a priority, a repeat link or keeping it off the public page is not a change to it.',
      select: { updatedAt: true },
      resolve: (rec) => daysBetween(rec.updatedAt, new Date()),
    }),
    repeats: t.relation('repeats', { nullable: true, description: 'The earlier recommendation it repeats.' }),
    repeatConfirmed: t.exposeBoolean('repeatConfirmed', { description: 'Whether an inspector has confirmed the repeat link.' }),
    repeatSimilarity: t.exposeFloat('repeatSimilarity', {
      nullable: true,
      description: 'Text similarity (0 to 1) with the recommendation it repeats, when the link was made.',
    }),
    repeatedBy: t.relation('repeatedBy', {
      description: 'Later recommendations that repeat it.',
      query: { orderBy: { id: 'asc' } },
    }),
    repeatCount: t.exposeInt('repeatDepth', {
      description: 'How many times it was made before, through confirmed repeat links.',
    }),
    firstMadeOn: t.expose('firstMadeOn', {
      type: 'Date',
      nullable: true,
      description: 'When the first recommendation of its confirmed chain of repeats was published.',
    }),
    yearsOpen: t.float({
      nullable: true,
      description: 'Years since it was first made, to one decimal place, until inspectors find it achieved.',
      select: { firstMadeOn: true, latestVerdict: true },
      resolve: (rec) =>
        rec.firstMadeOn && rec.latestVerdict !== ACHIEVED
          ? Math.round((daysBetween(rec.firstMadeOn, today()) / 365.25) * 10) / 10
          : null,
    }),
    isPriority: t.exposeBoolean('isPriority', { description: 'Whether inspectors have marked it as a priority.' }),
    priorityReason: t.exposeString('priorityReason', { nullable: true, description: 'Why it is a priority, while it is one (reasons for each change are in its history).' }),
    isRepeatedUnmet: t.exposeBoolean('isRepeatedUnmet', {
      description: 'It repeats an earlier recommendation that was not achieved, and is not achieved itself.',
    }),
    latestAssessment: t.relation('latestAssessment', {
      nullable: true,
      description: 'The latest inspector’s assessment: the verdict that counts.',
    }),
    latestVerdict: t.expose('latestVerdict', {
      type: AssessmentVerdict,
      nullable: true,
      description: 'The verdict of the latest assessment.',
    }),
    reportedVsVerified: t.field({
      type: ReportedVsVerified,
      description: 'The gap between the owner’s status and the inspectors’ latest verdict.',
      select: { status: true, statusChangedAt: true, latestVerdict: true, latestVerdictAt: true },
      resolve: (rec) => reportedVsVerified(rec),
    }),
    assessments: t.relation('assessments', {
      description: 'Every inspector’s assessment, latest first.',
      query: { orderBy: [{ assessedOn: 'desc' }, { id: 'desc' }] },
    }),
    actionItems: t.relatedConnection('actionItems', {
      cursor: 'id',
      validate: pageArguments,
      description: 'The action plan: its action items, by due date.',
      totalCount: true,
      query: { orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }] },
    }),
    actionItemCount: t.relationCount('actionItems', { description: 'How many action items its plan has.' }),
    history: t.relatedConnection('history', {
      cursor: 'id',
      validate: pageArguments,
      description: 'Every change to it and its plan, newest first.',
      totalCount: true,
      query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
    }),
    viewerCanUpdateStatus: t.boolean({
      description: 'Whether you may change its self-reported status (its owner’s leaders, inspectors, administrators).',
      select: { owner: { select: { path: true } }, withdrawnAt: true },
      resolve: (rec, _args, { actor }) => can(actor, 'updateStatus', { organisationPath: rec.owner.path, withdrawnAt: rec.withdrawnAt }),
    }),
    viewerCanManageActionPlan: t.boolean({
      description: 'Whether you may add action items to its plan (as a leader: for your organisation, to a plan in its line, see the Action enum’s manageActionItem).',
      select: actionPlanSelect,
      resolve: (rec, _args, { actor }) => can(actor, 'manageActionItem', { ...actionPlanTarget(rec), organisationPath: actor?.organisationPath }),
    }),
    viewerCanEdit: t.boolean({
      description: 'Whether you may change its details and target date (its report’s inspectorate’s inspectors, administrators).',
      select: { withdrawnAt: true, report: { select: { inspectorate: { select: { path: true } } } } },
      resolve: (rec, _args, { actor }) => can(actor, 'editRecommendation', { withdrawnAt: rec.withdrawnAt, ...reportTarget(rec.report) }),
    }),
    viewerCanLinkRepeats: t.boolean({
      description: 'Whether you may link, confirm or remove repeat links.',
      select: { withdrawnAt: true },
      resolve: (rec, _args, { actor }) => canAtAll(actor, 'linkRepeats', rec),
    }),
    viewerCanAssess: t.boolean({
      description: 'Whether you may record an inspector’s assessment.',
      select: { withdrawnAt: true },
      resolve: (rec, _args, { actor }) => canAtAll(actor, 'recordAssessment', rec),
    }),
    viewerCanMarkPriority: t.boolean({
      description: 'Whether you may mark it as a priority or take it off the priorities (those who record verdicts).',
      select: { withdrawnAt: true },
      resolve: (rec, _args, { actor }) => canAtAll(actor, 'recordAssessment', rec),
    }),
    version: t.exposeInt('version', { description: 'Increases with every change; send it back with an update.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was loaded.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it or its plan last changed.' }),
  }),
});

builder.prismaObjectField(Recommendation, 'lineage', (t) =>
  t.loadableList({
    type: Recommendation,
    description: 'Every recommendation in its chain of repeats, earliest report first, itself included.',
    load: (ids: number[]) => loadLineages(ids),
    resolve: (rec) => rec.id,
  }),
);
