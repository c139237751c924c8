import * as Enums from '../../db/generated/prisma/enums.ts';
import { builder } from '../builder.ts';

// Each vocabulary of the data model, with a description per value: the schema
// is the API's documentation.

export const OrganisationKind = builder.enumType('OrganisationKind', {
  description: 'What kind of body an organisation is.',
  values: {
    GOVERNMENT_DEPARTMENT: { description: 'A ministerial department, e.g. the Ministry of Justice.' },
    AGENCY: { description: 'An executive agency, e.g. HM Prison and Probation Service.' },
    SERVICE: { description: 'A national service, e.g. the Probation Service.' },
    REGION: { description: 'A region of a service.' },
    DELIVERY_UNIT: { description: 'A local delivery unit, e.g. a probation delivery unit (PDU).' },
    INSPECTORATE: { description: 'A body that inspects and publishes reports.' },
    OTHER: { description: 'Any other body, e.g. a provider or partnership.' },
  } satisfies Record<Enums.OrganisationKind, object>,
});

export const ReportKind = builder.enumType('ReportKind', {
  description: 'What kind of publication a report is.',
  values: {
    THEMATIC: { description: 'A thematic inspection across several areas.' },
    INSPECTION: { description: 'An inspection of one body or area.' },
    FOLLOW_UP: { description: 'A review of progress on earlier recommendations.' },
    JOINT: { description: 'An inspection by several inspectorates together.' },
  } satisfies Record<Enums.ReportKind, object>,
});

export const RecommendationResponse = builder.enumType('RecommendationResponse', {
  description: "An addressee's answer to a recommendation.",
  values: {
    AWAITING_RESPONSE: { description: 'No response recorded yet.' },
    ACCEPTED: { description: 'Accepted in full.' },
    PARTLY_ACCEPTED: { description: 'Accepted in part.' },
    NOT_ACCEPTED: { description: 'Not accepted.' },
  } satisfies Record<Enums.RecommendationResponse, object>,
});

export const RecommendationStatus = builder.enumType('RecommendationStatus', {
  description: "Progress as reported by the owning organisation; only an inspector's assessment can confirm it.",
  values: {
    NOT_STARTED: { description: 'No work has started.' },
    IN_PROGRESS: { description: 'Work is under way.' },
    IMPLEMENTED: { description: 'The owner reports the recommendation implemented.' },
    NOT_PLANNED: { description: 'The owner does not plan to act on it (e.g. not accepted).' },
  } satisfies Record<Enums.RecommendationStatus, object>,
});

export const AssessmentVerdict = builder.enumType('AssessmentVerdict', {
  description: "An inspector's independent verdict on a recommendation.",
  values: {
    ACHIEVED: { description: 'Inspectors found it achieved.' },
    PARTLY_ACHIEVED: { description: 'Inspectors found it partly achieved.' },
    NOT_ACHIEVED: { description: 'Inspectors found it not achieved.' },
    NO_LONGER_APPLICABLE: { description: 'Overtaken by events; no longer assessed.' },
  } satisfies Record<Enums.AssessmentVerdict, object>,
});

export const ActionItemStatus = builder.enumType('ActionItemStatus', {
  description: 'Progress of one action of an action plan.',
  values: {
    PLANNED: { description: 'Planned, not started.' },
    IN_PROGRESS: { description: 'Under way.' },
    BLOCKED: { description: 'Cannot proceed until something else changes.' },
    COMPLETED: { description: 'Done; the completion date is recorded.' },
    CANCELLED: { description: 'Will not be done.' },
  } satisfies Record<Enums.ActionItemStatus, object>,
});

export const EvidenceStrength = builder.enumType('EvidenceStrength', {
  description: 'How strongly a piece of evidence shows change.',
  values: {
    POLICY: { description: 'A policy, plan or guidance document.' },
    PRACTICE: { description: 'A change seen in day-to-day practice.' },
    OUTCOME: { description: 'A measured change in outcomes.' },
  } satisfies Record<Enums.EvidenceStrength, object>,
});

export const EvidenceVerification = builder.enumType('EvidenceVerification', {
  description: "An inspector's check of a piece of evidence.",
  values: {
    UNVERIFIED: { description: 'Not yet checked by an inspector.' },
    ACCEPTED: { description: 'Accepted as showing the progress claimed.' },
    INSUFFICIENT: { description: 'Does not show the progress claimed; see the note.' },
  } satisfies Record<Enums.EvidenceVerification, object>,
});

export const Role = builder.enumType('Role', {
  description: 'What a user may do.',
  values: {
    ADMINISTRATOR: { description: 'Everything, including organisations, users and tokens.' },
    INSPECTOR: { description: 'Loads reports, links repeats, verifies evidence, records assessments.' },
    LEADER: { description: "Keeps their organisation's action plans current, within its subtree." },
    VIEWER: { description: 'Reads everything, writes nothing.' },
  } satisfies Record<Enums.Role, object>,
});

export const ApiTokenAccess = builder.enumType('ApiTokenAccess', {
  description: 'What an API token may do, never more than its user.',
  values: {
    READ: { description: 'Queries only.' },
    READ_WRITE: { description: 'Queries and mutations.' },
  } satisfies Record<Enums.ApiTokenAccess, object>,
});

export const DigestFrequency = builder.enumType('DigestFrequency', {
  description: 'How often a person is emailed a digest of their work.',
  values: {
    DAILY: { description: 'Every morning.' },
    WEEKLY: { description: 'On Monday mornings (the default).' },
    NONE: { description: 'Never: the work stays under My work in the app.' },
  } satisfies Record<Enums.DigestFrequency, object>,
});

export const HistorySubject = builder.enumType('HistorySubject', {
  description: 'The kind of record a history event is about.',
  values: {
    ORGANISATION: {},
    REPORT: {},
    RECOMMENDATION: {},
    ACTION_ITEM: {},
    EVIDENCE: {},
    ASSESSMENT: {},
    USER: {},
    API_TOKEN: {},
    COMMENT: { description: 'A comment in a discussion: the event never holds what it said.' },
  } satisfies Record<Enums.HistorySubject, object>,
});

export const HistoryEventKind = builder.enumType('HistoryEventKind', {
  description: 'What happened in a history event.',
  values: {
    CREATED: { description: 'The record was created.' },
    UPDATED: { description: 'Details changed; `field`, `fromValue` and `toValue` say which.' },
    DELETED: { description: 'The record was deleted; the event keeps its id.' },
    STATUS_CHANGED: { description: 'A status changed.' },
    RESPONSE_CHANGED: { description: "An addressee's response changed." },
    TARGET_DATE_CHANGED: { description: 'A target date moved; the comment gives the reason.' },
    OWNER_CHANGED: { description: 'The owning organisation changed.' },
    DUE_DATE_CHANGED: { description: "An action item's due date, or a report's due date for responses, moved." },
    REPEAT_LINKED: { description: 'Linked as a repeat of an earlier recommendation.' },
    REPEAT_CONFIRMED: { description: 'An inspector confirmed the repeat link.' },
    REPEAT_UNLINKED: { description: 'The repeat link was removed.' },
    REPEAT_REJECTED: { description: 'An inspector decided it does not repeat a proposed earlier recommendation.' },
    WITHDRAWN: { description: 'The inspectorate withdrew the recommendation; the comment gives the reason.' },
    PRIORITY_MARKED: { description: 'An inspector marked the recommendation as a priority; the comment gives the reason.' },
    PRIORITY_UNMARKED: { description: 'An inspector took the recommendation off the priorities; the comment gives the reason.' },
    EVIDENCE_SUBMITTED: { description: 'Evidence was submitted.' },
    EVIDENCE_VERIFIED: { description: 'An inspector verified evidence.' },
    ASSESSMENT_RECORDED: { description: "An inspector's assessment was recorded." },
    COMPLETED: { description: 'An action item was completed.' },
  } satisfies Record<Enums.HistoryEventKind, object>,
});
