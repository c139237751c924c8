import type { PrismaClient, TransactionClient } from '../db/client.ts';
import type { Prisma } from '../db/generated/prisma/client.ts';
import type { Actor } from './actor.ts';
import { addDays, daysBetween, today } from './dates.ts';
import { pendingMentions } from './discussion.ts';
import { awaitingVerificationWhere } from './evidence.ts';
import { ownerNameSelect, recommendationInReportSelect } from './labels.ts';
import { actionItemOverdueWhere, awaitingAssessmentWhere, overdueWhere } from './recommendation-rules.ts';

/**
 * A person's work: what the "my work" page lists and the reminder digest emails. Built from
 * sections, each deciding for itself whom it concerns, so a digest is the same list as the page.
 */

/** How far ahead "due soon" looks. */
export const DUE_SOON_DAYS = 14;
/** The most items of one section listed. */
export const SECTION_LIMIT = 100;
/** Overdue by more than this many days, an action goes to the leaders above (ESCALATION_DAYS sets it at start). */
let escalationDays = 30;
export const escalationAfterDays = () => escalationDays;
export function useEscalationDays(days: number): void {
  escalationDays = days;
}

export type WorkSection = 'OVERDUE' | 'DUE_SOON' | 'ESCALATED' | 'TO_ASSESS' | 'TO_VERIFY' | 'MENTIONED';
export type WorkRecord = 'RECOMMENDATION' | 'ACTION_ITEM' | 'EVIDENCE' | 'COMMENT';

export type WorkItem = {
  section: WorkSection;
  record: WorkRecord;
  /** The record's own id (the action item's, the evidence's, the recommendation's). */
  id: number;
  /** The recommendation it belongs to: where the app shows it in context. */
  recommendationId: number;
  /** The recommendation's text, the action's description or the evidence's summary. */
  title: string;
  reference: string;
  reportTitle: string;
  /** The report's publication date: its year tells two reports' "R5"s apart. */
  reportPublishedOn: Date;
  /** The organisation that owns it; for a comment, its author. */
  organisation: string;
  /** The owning organisation's short name, where it has one (none for a comment's author). */
  organisationShortName: string | null;
  /** The target or due date; for evidence, the day it was submitted; for a recommendation to assess, the day it was reported implemented. */
  date: Date | null;
  /** Whole days past its date, for overdue and escalated items. */
  daysOverdue: number | null;
  /** For a mention: the mention, marked told once a digest has carried it. */
  mentionId?: number;
  /** For a mention in an action's thread: the action, whose page holds that thread. */
  actionItemId?: number;
};

/** Whom the work is for: the person's role and organisation decide what it holds (a signed-in actor is one). */
export type Person = Pick<Actor, 'userId' | 'role' | 'organisationId' | 'organisationPath'>;

export type WorkOptions = { now?: Date; escalationDays?: number };

type Db = PrismaClient | TransactionClient;

type Section = {
  section: WorkSection;
  /** Whether the section can hold anything for this person at all. */
  concerns(person: Person): boolean;
  items(db: Db, person: Person, options: Required<WorkOptions>): Promise<WorkItem[]>;
};

const recommendationSelect = {
  ...recommendationInReportSelect, text: true, targetDate: true, statusChangedAt: true, owner: { select: ownerNameSelect },
} satisfies Prisma.RecommendationSelect;

const actionSelect = {
  id: true, description: true, dueDate: true, owner: { select: ownerNameSelect }, recommendation: { select: recommendationInReportSelect },
} satisfies Prisma.ActionItemSelect;

type RecommendationRow = Prisma.RecommendationGetPayload<{ select: typeof recommendationSelect }>;
type ActionRow = Prisma.ActionItemGetPayload<{ select: typeof actionSelect }>;

/** Whole days past `date`, in the sections about dates that have passed (overdue, escalated). */
const pastDue = (section: WorkSection, date: Date | null, now: Date) =>
  (section === 'OVERDUE' || section === 'ESCALATED') && date ? Math.max(0, daysBetween(date, today(now))) : null;

/** A recommendation's date is its target; one waiting for the inspectors is dated by its claim. */
const fromRecommendation = (section: WorkSection, now: Date) => (rec: RecommendationRow): WorkItem => {
  const date = section === 'TO_ASSESS' ? today(rec.statusChangedAt) : rec.targetDate;
  return {
    section, record: 'RECOMMENDATION', id: rec.id, recommendationId: rec.id, title: rec.text, reference: rec.reference,
    reportTitle: rec.report.title, reportPublishedOn: rec.report.publishedOn, organisation: rec.owner.name, organisationShortName: rec.owner.shortName,
    date, daysOverdue: pastDue(section, date, now),
  };
};

const fromAction = (section: WorkSection, now: Date) => (item: ActionRow): WorkItem => ({
  section, record: 'ACTION_ITEM', id: item.id, recommendationId: item.recommendation.id, title: item.description,
  reference: item.recommendation.reference, reportTitle: item.recommendation.report.title, reportPublishedOn: item.recommendation.report.publishedOn,
  organisation: item.owner.name, organisationShortName: item.owner.shortName, date: item.dueDate, daysOverdue: pastDue(section, item.dueDate, now),
});

/** Recommendations of the reports of an inspectorate, or of one under it. */
const ofInspectorate = (path: string) => ({ report: { inspectorate: { path: { startsWith: path } } } }) satisfies Prisma.RecommendationWhereInput;

/** Leaders answer for their own organisation's work; the organisations under it have leaders of their own. */
const leads = (person: Person): person is Person & { organisationId: number } => person.role === 'LEADER' && person.organisationId !== null;

/** Due soon: what would be overdue, had its date already passed (recommendation-rules.ts), due from today to DUE_SOON_DAYS ahead. */
const soon = (now: Date) => ({ gte: today(now), lte: addDays(today(now), DUE_SOON_DAYS) });

/** The sections, in the order a digest and the page show them. */
export const WORK_SECTIONS: Section[] = [
  {
    section: 'OVERDUE',
    concerns: leads,
    async items(db, person, { now }) {
      const ownerId = person.organisationId!;
      const [recs, actions] = await Promise.all([
        db.recommendation.findMany({ where: { ...overdueWhere(now), ownerId }, select: recommendationSelect, orderBy: [{ targetDate: 'asc' }, { id: 'asc' }], take: SECTION_LIMIT }),
        db.actionItem.findMany({ where: { ...actionItemOverdueWhere(now), ownerId }, select: actionSelect, orderBy: [{ dueDate: 'asc' }, { id: 'asc' }], take: SECTION_LIMIT }),
      ]);
      return [...recs.map(fromRecommendation('OVERDUE', now)), ...actions.map(fromAction('OVERDUE', now))];
    },
  },
  {
    section: 'DUE_SOON',
    concerns: leads,
    async items(db, person, { now }) {
      const ownerId = person.organisationId!;
      const [recs, actions] = await Promise.all([
        db.recommendation.findMany({ where: { ...overdueWhere(now), targetDate: soon(now), ownerId }, select: recommendationSelect, orderBy: [{ targetDate: 'asc' }, { id: 'asc' }], take: SECTION_LIMIT }),
        db.actionItem.findMany({ where: { ...actionItemOverdueWhere(now), dueDate: soon(now), ownerId }, select: actionSelect, orderBy: [{ dueDate: 'asc' }, { id: 'asc' }], take: SECTION_LIMIT }),
      ]);
      return [...recs.map(fromRecommendation('DUE_SOON', now)), ...actions.map(fromAction('DUE_SOON', now))];
    },
  },
  {
    // Escalation: an action of an organisation directly under the leader's, overdue by more than the set days.
    section: 'ESCALATED',
    concerns: leads,
    async items(db, person, { now, escalationDays }) {
      const actions = await db.actionItem.findMany({
        where: { ...actionItemOverdueWhere(now), dueDate: { lt: addDays(today(now), -escalationDays) }, owner: { parentId: person.organisationId! } },
        select: actionSelect,
        orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
        take: SECTION_LIMIT,
      });
      return actions.map(fromAction('ESCALATED', now));
    },
  },
  {
    // Recommendations their owners have reported implemented, waiting for the inspectors' verdict: on
    // the reports of the inspector's own inspectorate (all, for one without), longest waiting first.
    section: 'TO_ASSESS',
    concerns: (person) => person.role === 'INSPECTOR',
    async items(db, person, { now }) {
      const recs = await db.recommendation.findMany({
        where: { AND: [awaitingAssessmentWhere(), person.organisationPath ? ofInspectorate(person.organisationPath) : {}] },
        select: recommendationSelect,
        orderBy: [{ statusChangedAt: 'asc' }, { id: 'asc' }],
        take: SECTION_LIMIT,
      });
      return recs.map(fromRecommendation('TO_ASSESS', now));
    },
  },
  {
    // Evidence waiting for an inspector: on the reports of their own inspectorate (all, for one without).
    section: 'TO_VERIFY',
    concerns: (person) => person.role === 'INSPECTOR',
    async items(db, person) {
      const evidence = await db.evidence.findMany({
        where: {
          AND: [
            awaitingVerificationWhere(),
            ...(person.organisationPath ? [{ actionItem: { recommendation: ofInspectorate(person.organisationPath) } }] : []),
          ],
        },
        select: {
          id: true, summary: true, submittedAt: true,
          actionItem: {
            select: { owner: { select: ownerNameSelect }, recommendation: { select: recommendationInReportSelect } },
          },
        },
        orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
        take: SECTION_LIMIT,
      });
      return evidence.map((e) => ({
        section: 'TO_VERIFY' as const, record: 'EVIDENCE' as const, id: e.id, recommendationId: e.actionItem.recommendation.id, title: e.summary,
        reference: e.actionItem.recommendation.reference, reportTitle: e.actionItem.recommendation.report.title,
        reportPublishedOn: e.actionItem.recommendation.report.publishedOn, organisation: e.actionItem.owner.name, organisationShortName: e.actionItem.owner.shortName,
        date: today(e.submittedAt), daysOverdue: null,
      }));
    },
  },
  {
    // Comments that name the person with @ (domain/discussion.ts), until a digest has told them.
    section: 'MENTIONED',
    concerns: () => true,
    async items(db, person) {
      const mentions = await pendingMentions(db, person);
      return mentions.map((mention) => ({
        section: 'MENTIONED' as const, record: 'COMMENT' as const, id: mention.comment.id, recommendationId: mention.record.recommendationId,
        title: mention.comment.text, reference: mention.record.reference, reportTitle: mention.record.reportTitle, reportPublishedOn: mention.record.reportPublishedOn,
        organisation: mention.author.name, organisationShortName: null,
        date: today(mention.comment.createdAt), daysOverdue: null, mentionId: mention.id, actionItemId: mention.record.actionItemId ?? undefined,
      }));
    },
  },
];

/** Everything the person has to see to, section by section. */
export async function workOf(db: Db, person: Person, { now = new Date(), escalationDays = escalationAfterDays() }: WorkOptions = {}): Promise<WorkItem[]> {
  const sections = WORK_SECTIONS.filter((section) => section.concerns(person));
  const lists = await Promise.all(sections.map((section) => section.items(db, person, { now, escalationDays })));
  return lists.flat();
}
