import type { HistoryEventKind, HistorySubject } from '../db/generated/prisma/enums.ts';
import {
  actionStatusLabels, apiTokenAccessLabels, digestFrequencyLabels, label, organisationKindLabels, recommendationStatusLabels, reportKindLabels, responseLabels, roleLabels,
  verdictLabels, verificationLabels,
} from './enum-labels.ts';
import { excerpt } from './excerpt.ts';
import { readableDay, rewordIsoDays } from './locale.ts';

/** What a history event holds that its wording needs. */
export type WordedEvent = {
  kind: HistoryEventKind;
  subject: HistorySubject;
  /** What the record was called then (an action's description), when the event kept it. */
  subjectName?: string | null;
  field: string | null;
  fromValue: string | null;
  toValue: string | null;
};

/** The record an event is about, as the sentence names it ("the recommendation" is the timeline's own). */
const subjectNoun: Record<HistorySubject, string> = {
  ORGANISATION: 'the organisation', REPORT: 'the report', RECOMMENDATION: 'the recommendation', ACTION_ITEM: 'an action', EVIDENCE: 'evidence',
  ASSESSMENT: 'an assessment', USER: 'the user', API_TOKEN: 'an API token', COMMENT: 'a comment',
};

/** Stored field names (and the older "response:<id>") as words. */
const fieldNames: Record<string, string> = {
  status: 'status', targetDate: 'target date', dueDate: 'due date', owner: 'owner', reference: 'reference', text: 'text', addressees: 'addressees',
  themes: 'themes', description: 'description', formerNames: 'former names', leadPerson: 'lead person', publishedOn: 'publication date', title: 'title', url: 'link', summary: 'summary',
  kind: 'kind', inspectorate: 'inspectorate', followsUp: 'reports it follows up', name: 'name', shortName: 'short name', parent: 'parent organisation',
  role: 'role', organisation: 'organisation', active: 'account', access: 'access', verification: 'verification', password: 'password',
  digestFrequency: 'email reminders',
  responsesDueOn: 'response due date', responseDays: 'days allowed for responses',
};

const dateFields = new Set(['targetDate', 'dueDate', 'publishedOn', 'completedOn', 'assessedOn', 'expiresAt', 'responsesDueOn']);

const quote = (text: string) => `“${excerpt(text, 140)}”`;

const NAME_MAX = 60;

/** A long description cut to a name that fits in a sentence (excerpt.ts). */
const shortened = (text: string) => excerpt(text, NAME_MAX);

/** An action as a sentence names it, by its description: the one wording for every event about an action. */
const theAction = (description: string) => `the action “${shortened(description)}”`;

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

/** A new account's or token's "email (ROLE)" / "name (ACCESS)" as recorded, its code in words. */
function withLabelledCode(value: string | null, labels: Record<string, string>, quoted: boolean): string {
  const [, name = value ?? '', code] = /^(.*) \(([A-Z_]+)\)$/s.exec(value ?? '') ?? [];
  const shown = quoted && name ? quote(name) : name;
  return `${shown}${code ? ` (${label(labels, code)})` : ''}`;
}

/**
 * A field of the record the event is about: "the status" of the timeline's own recommendation,
 * "the status of the action “Audit twenty cases”", "the user’s role". A change to an action's
 * description names the action in its values already.
 */
function fieldOf(event: WordedEvent, field: string): string {
  const words = fieldNames[field] ?? field;
  if (event.subject === 'RECOMMENDATION') return `the ${words}`;
  if (event.subject === 'ACTION_ITEM' && event.subjectName && field !== 'description') return `the ${words} of ${theAction(event.subjectName)}`;
  return `${subjectNoun[event.subject].replace(/^(the|an?) /, 'the ')}’s ${words}`;
}

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
  const name = fieldOf(event, field);
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
      if (event.subject === 'COMMENT') return `commented${event.toValue ? ` on ${theAction(event.toValue)}` : ''}`;
      if (event.field === 'file') return `attached the file ${quote(event.toValue ?? '')} to evidence`;
      if (event.subject === 'USER') return `added the user ${withLabelledCode(event.toValue, roleLabels, false)}`.trim();
      if (event.subject === 'API_TOKEN') return `added an API token ${withLabelledCode(event.toValue, apiTokenAccessLabels, true)}`.trim();
      return `added ${noun}${event.subject === 'RECOMMENDATION' || event.subject === 'REPORT' ? '' : named(event.toValue)}`;
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
      return `marked ${event.subject === 'ACTION_ITEM' && event.subjectName ? theAction(event.subjectName) : noun} completed${event.fromValue ? ` (was ${valueWords(event, event.fromValue)})` : ''}`;
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
