import type { DigestFrequency, DigestKind } from '../db/generated/prisma/enums.ts';
import { DUE_SOON_DAYS, type WorkItem, type WorkSection } from '../domain/my-work.ts';
import { excerpt } from '../domain/excerpt.ts';
import { readableDay } from '../domain/locale.ts';
import type { OutgoingMessage } from './mailer.ts';
import { encodeNodeId } from '../graphql/shared/ids.ts';

/** A section's heading in a digest, and its word in the subject line. */
const HEADINGS: Record<WorkSection, { heading: (escalationDays: number) => string; count: string }> = {
  OVERDUE: { heading: () => 'Overdue', count: 'overdue' },
  DUE_SOON: { heading: () => `Due in the next ${DUE_SOON_DAYS} days`, count: 'due soon' },
  ESCALATED: { heading: (days) => `Escalated: actions of organisations under yours overdue by more than ${days} days`, count: 'escalated' },
  TO_ASSESS: { heading: () => 'Reported implemented, waiting for your assessment', count: 'to assess' },
  TO_VERIFY: { heading: () => 'Evidence waiting for your verification', count: 'to verify' },
  MENTIONED: { heading: () => 'Comments that mention you', count: 'mentioning you' },
};
const SECTION_ORDER = Object.keys(HEADINGS) as WorkSection[];

const RECORD_WORDS: Record<WorkItem['record'], string> = { RECOMMENDATION: 'Recommendation', ACTION_ITEM: 'Action', EVIDENCE: 'Evidence', COMMENT: 'Comment' };

/**
 * Where an item opens in the app: the admin app's own routes, with the API's global ids. A comment opens
 * where its thread is: its action's page, or its recommendation's.
 */
export function itemLink(appUrl: string, item: Pick<WorkItem, 'record' | 'id' | 'recommendationId' | 'actionItemId'>): string {
  const actionItemId = item.record === 'ACTION_ITEM' ? item.id : item.record === 'COMMENT' ? item.actionItemId : undefined;
  return actionItemId !== undefined
    ? `${appUrl}/#/actionItems/${encodeURIComponent(encodeNodeId('ActionItem', actionItemId))}`
    : `${appUrl}/#/recommendations/${encodeURIComponent(encodeNodeId('Recommendation', item.recommendationId))}/show`;
}

/** How many items of each section, as recorded with the sent digest. */
export function sectionCounts(items: WorkItem[]): Partial<Record<WorkSection, number>> {
  const counts: Partial<Record<WorkSection, number>> = {};
  for (const item of items) counts[item.section] = (counts[item.section] ?? 0) + 1;
  return counts;
}

function itemLines(item: WorkItem, appUrl: string): string[] {
  const when =
    item.record === 'COMMENT'
      ? `by ${item.organisation} on ${readableDay(item.date)}`
      : item.record === 'EVIDENCE'
      ? `submitted ${readableDay(item.date)}`
      : item.section === 'TO_ASSESS'
      ? `reported implemented ${readableDay(item.date)}`
      : `${item.record === 'RECOMMENDATION' ? 'target' : 'due'} ${readableDay(item.date)}${item.daysOverdue ? `, ${item.daysOverdue} days overdue` : ''}`;
  return [
    `- ${RECORD_WORDS[item.record]}: ${excerpt(item.title, 160)}`,
    // Reference first, as My work names it: "R1, Reminders inspection" reads alike in the email and on screen.
    item.record === 'COMMENT' ? `  ${item.reference}, ${item.reportTitle} · ${when}` : `  ${item.reference}, ${item.reportTitle} · ${item.organisation} · ${when}`,
    `  ${itemLink(appUrl, item)}`,
  ];
}

/** The digest as one plain-text email: a line of counts as the subject, then each section's items with their links. */
export function digestMessage(input: {
  to: { email: string; name: string };
  kind: DigestKind;
  frequency: DigestFrequency;
  period: string;
  items: WorkItem[];
  appUrl: string;
  escalationDays: number;
}): OutgoingMessage {
  const counts = sectionCounts(input.items);
  const present = SECTION_ORDER.filter((section) => counts[section]);
  const summary = present.map((section) => `${counts[section]} ${HEADINGS[section].count}`).join(', ');
  const what = input.kind === 'VERIFICATION' ? 'what is waiting for your assessment or verification' : 'your work';
  const cadence = input.frequency === 'DAILY' ? 'Daily' : 'Weekly';
  const lines = [
    `Hello ${input.to.name},`,
    '',
    `${cadence} reminder of ${what} (${input.period}). Each item links to its record in the tracker.`,
  ];
  for (const section of present) {
    lines.push('', `${HEADINGS[section].heading(input.escalationDays)} (${counts[section]})`, '');
    for (const item of input.items.filter((one) => one.section === section)) lines.push(...itemLines(item, input.appUrl));
  }
  lines.push(
    '',
    `The same list is under My work: ${input.appUrl}/#/my-work`,
    `You receive this ${input.frequency === 'DAILY' ? 'daily' : 'weekly'}; choose daily, weekly or none there.`,
  );
  return { to: input.to.email, subject: `${cadence} reminder: ${summary}`, text: `${lines.join('\n')}\n` };
}
