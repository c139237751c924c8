import type { HistoryEventKind, HistorySubject } from '../db/generated/prisma/enums.ts';
import {
  actionStatusLabels, apiTokenAccessLabels, digestFrequencyLabels, label, organisationKindLabels, recommendationStatusLabels, reportKindLabels, responseLabels, roleLabels,
  verdictLabels, verificationLabels,
} from './enum-labels.ts';
import { readableDay, rewordIsoDays } from './locale.ts';

/** What a history event holds that its wording needs. */
export type WordedEvent = { kind: HistoryEventKind; subject: HistorySubject; field: string | null; fromValue: string | null; toValue: string | null };

/** The record an event is about, as the sentence names it ("the recommendation" is the timeline's own). */
const subjectNoun: Record<HistorySubject, string> = {
  ORGANISATION: 'the organisation', REPORT: 'the report', RECOMMENDATION: 'the recommendation', ACTION_ITEM: 'an action', EVIDENCE: 'evidence',
  ASSESSMENT: 'an assessment', USER: 'the user', API_TOKEN: 'an API token', COMMENT: 'a comment',
};

/** Stored field names (and the older "response:<id>") as words. */
const fieldNames: Record<string, string> = {
  status: 'status', targetDate: 'target date', dueDate: 'due date', owner: 'owner', reference: 'reference', text: 'text', addressees: 'addressees',
  themes: 'themes', description: 'description', leadPerson: 'lead person', publishedOn: 'publication date', title: 'title', url: 'link', summary: 'summary',
  kind: 'kind', inspectorate: 'inspectorate', followsUp: 'reports it follows up', name: 'name', shortName: 'short name', parent: 'parent organisation',
  role: 'role', organisation: 'organisation', active: 'account', access: 'access', verification: 'verification', password: 'password',
  digestFrequency: 'email reminders',
  responsesDueOn: 'response due date', responseDays: 'days allowed for responses',
};

const dateFields = new Set(['targetDate', 'dueDate', 'publishedOn', 'completedOn', 'assessedOn', 'expiresAt', 'responsesDueOn']);

const quote = (text: string) => `“${text.length > 140 ? `${text.slice(0, 139)}…` : text}”`;

/** A stored value in words: enum codes by their label, dates in the product's locale, long text quoted. */
function valueWords(event: WordedEvent, value: string | null): string {
  if (value == null || value === '') return 'none';
  const field = event.field ?? '';
  if (dateFields.has(field)) return readableDay(value) || value;
  if (field === 'status') return label(event.subject === 'ACTION_ITEM' ? actionStatusLabels : recommendationStatusLabels, value);
  if (field.startsWith('response')) return label(responseLabels, value);
  if (field === 'verification') return label(verificationLabels, value);
  if (field === 'role') return label(roleLabels, value);
  if (field === 'access') return label(apiTokenAccessLabels, value);
  if (field === 'digestFrequency') return label(digestFrequencyLabels, value);
  if (field === 'kind') return label(event.subject === 'REPORT' ? reportKindLabels : organisationKindLabels, value);
  if (field === 'active') return value === 'true' || value === 'active' ? 'active' : 'inactive';
  if (field === 'text' || field === 'description' || field === 'summary' || field === 'title') return quote(value);
  return rewordIsoDays(value);
}

/** "of an action" after a field, when the change is not to the timeline's own record. */
const whose = (event: WordedEvent) => (event.subject === 'RECOMMENDATION' ? 'the' : `${subjectNoun[event.subject].replace(/^(the|an?) /, 'the ')}’s`);

function fieldChange(event: WordedEvent, verb = 'changed'): string {
  const field = event.field ?? '';
  const response = /^response(?: \((.+)\)|:(.+))?$/.exec(field);
  if (response) {
    const who = response[1] ? `${response[1]}’s` : 'a';
    return `recorded ${who} response: ${valueWords(event, event.toValue)}${event.fromValue ? ` (was ${valueWords(event, event.fromValue)})` : ''}`;
  }
  if (field === 'active') return event.toValue === 'true' || event.toValue === 'active' ? `reactivated ${subjectNoun[event.subject]}` : `deactivated ${subjectNoun[event.subject]}`;
  if (field === 'password') return 'set a new password';
  if (field === 'isPublic') return event.toValue === 'true' ? 'published the report on its public page' : 'took the report off its public page';
  if (field === 'isInternal') return event.toValue === 'true' ? 'marked the recommendation internal: kept off the public page' : 'marked the recommendation fit for the public page';
  const name = `${whose(event)} ${fieldNames[field] ?? field}`;
  if (event.fromValue == null || event.fromValue === '') return `set ${name} to ${valueWords(event, event.toValue)}`;
  if (event.toValue == null || event.toValue === '') return `cleared ${name} (was ${valueWords(event, event.fromValue)})`;
  return `${verb} ${name} from ${valueWords(event, event.fromValue)} to ${valueWords(event, event.toValue)}`;
}

/**
 * One history event as a sentence that follows the person's name: "changed the status from Not started
 * to In progress". The one place history is worded; the API answers it as HistoryEvent.summary.
 */
export function wordHistoryEvent(event: WordedEvent): string {
  const noun = subjectNoun[event.subject];
  const named = (value: string | null) => (value ? ` ${quote(value)}` : '');
  const replacing = event.fromValue && event.fromValue !== event.toValue ? ` (replacing ${rewordIsoDays(event.fromValue)})` : '';
  switch (event.kind) {
    case 'CREATED':
      // A comment's event names the action whose thread it joined, never what it said (domain/discussion.ts).
      if (event.subject === 'COMMENT') return `commented${event.toValue ? ` on the action ${quote(event.toValue)}` : ''}`;
      if (event.field === 'file') return `attached the file ${quote(event.toValue ?? '')} to evidence`;
      return event.subject === 'USER' ? `added the user ${event.toValue ?? ''}`.trim() : `added ${noun}${event.subject === 'RECOMMENDATION' || event.subject === 'REPORT' ? '' : named(event.toValue)}`;
    case 'DELETED':
      if (event.field === 'file') return `removed the file ${quote(event.fromValue ?? '')} from evidence`;
      return event.subject === 'API_TOKEN' ? `revoked the API token${named(event.fromValue)}` : `removed ${noun}${named(event.fromValue)}`;
    case 'UPDATED':
    case 'STATUS_CHANGED':
    case 'OWNER_CHANGED':
    case 'RESPONSE_CHANGED':
      return fieldChange(event);
    case 'TARGET_DATE_CHANGED':
    case 'DUE_DATE_CHANGED':
      return fieldChange(event, 'moved');
    case 'COMPLETED':
      return `marked ${noun} completed${event.fromValue ? ` (was ${valueWords(event, event.fromValue)})` : ''}`;
    case 'EVIDENCE_SUBMITTED':
      return `submitted evidence${named(event.toValue)}`;
    case 'EVIDENCE_VERIFIED':
      return event.toValue === 'ACCEPTED' ? 'accepted evidence' : event.toValue === 'INSUFFICIENT' ? 'marked evidence insufficient' : fieldChange(event);
    case 'ASSESSMENT_RECORDED':
      return `recorded the inspectors’ verdict: ${label(verdictLabels, event.toValue)}`;
    case 'REPEAT_LINKED':
      return `proposed that it repeats ${rewordIsoDays(event.toValue ?? 'an earlier recommendation')}${replacing}`;
    case 'REPEAT_CONFIRMED':
      return `confirmed that it repeats ${rewordIsoDays(event.toValue ?? 'an earlier recommendation')}${replacing}`;
    case 'REPEAT_UNLINKED':
      return `removed the link to ${rewordIsoDays(event.fromValue ?? 'the earlier recommendation')}`;
    case 'REPEAT_REJECTED':
      return `decided it does not repeat ${rewordIsoDays(event.toValue ?? event.fromValue ?? 'the earlier recommendation')}`;
    case 'WITHDRAWN':
      return `withdrew ${noun}`;
    case 'PRIORITY_MARKED':
      return `marked ${noun} as a priority`;
    case 'PRIORITY_UNMARKED':
      return `took ${noun} off the priorities`;
  }
}
