import type { SortPayload } from 'react-admin';
import * as f from './fields.ts';
import { filesAsBase64 } from './files.ts';

/**
 * The GraphQL ↔ react-admin mapping, decided once: for each react-admin resource,
 * the GraphQL type, the queries that read it, how list filters and sorts become
 * arguments, and which mutation each write uses.
 */

export type Values = Record<string, unknown>;
export type Node = Values & { id: string };

export type Operation = {
  mutation: string;
  /** The mutation's input; a promise when files are read first. */
  input: (data: Values, previous: Values | undefined) => Values | Promise<Values>;
  /** What the mutation returns: the record (the default), or a payload naming the removed id. */
  returns?: 'record' | 'deleted';
};

export type ResourceMapping = {
  typename: string;
  /** Query field reading one record by id; `node(id)` when there is none. */
  one?: string;
  /** Connection field listing records. */
  many: string;
  fields: string;
  /** Read by getOne only: the detail page's extra fields. */
  detailFields?: string;
  /** GraphQL types of the list arguments besides first and offset. */
  argTypes: Record<string, string>;
  /** react-admin filter → list arguments. */
  variables: (filter: Values) => Values;
  /** react-admin sort field → the type's OrderField value. */
  sort?: Record<string, string>;
  toRecord?: (node: Node) => Node;
  create?: Operation;
  update?: Operation;
  delete?: Operation;
  /** Other writes, chosen with `meta: { operation }` on update. */
  operations?: Record<string, Operation>;
};

/** Keeps the listed keys that have a value; an empty string or empty list means "no condition". */
export function pick(values: Values, keys: readonly string[]): Values {
  const out: Values = {};
  for (const key of keys) {
    const value = values[key];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out;
}

/** The keys whose value differs from what was read, so an update sends only what the person changed. */
export function changed(data: Values, previous: Values | undefined, keys: readonly string[]): Values {
  const out: Values = {};
  for (const key of keys) {
    if (!(key in data)) continue;
    const value = data[key] === '' ? null : data[key];
    if (previous && JSON.stringify(value ?? null) === JSON.stringify(previous[key] ?? null)) continue;
    out[key] = value;
  }
  return out;
}

const withSearch = (filter: Values, keys: readonly string[]) => pick({ ...filter, search: filter.q }, [...keys, 'search']);
const versioned = (data: Values, previous: Values | undefined) => ({ id: data.id ?? previous?.id, version: previous?.version ?? data.version });
const ids = (list: unknown) => (Array.isArray(list) ? list.map((item: { id: string }) => item.id) : []);
/** Writes the server may question ask to be warned (server/domain/warnings.ts), sending the warnings confirmed so far. */
const askWarnings = (data: Values) => ({ confirmedWarnings: Array.isArray(data.confirmedWarnings) ? data.confirmedWarnings : [] });
const idOf = (value: unknown) => (value && typeof value === 'object' && 'id' in value ? (value as { id: string }).id : null);

const reports: ResourceMapping = {
  typename: 'Report',
  one: 'report',
  many: 'reports',
  fields: f.reportFields,
  detailFields: f.reportDetailFields,
  argTypes: { filter: 'ReportFilter', orderBy: 'ReportOrder' },
  variables: (filter) => ({ filter: withSearch(filter, ['inspectorateId', 'kinds', 'publishedFrom', 'publishedTo', 'responseTimeliness']) }),
  sort: { publishedOn: 'PUBLISHED_ON', title: 'TITLE', kind: 'KIND', createdAt: 'CREATED_AT' },
  toRecord: (node) => ({ ...node, inspectorateId: idOf(node.inspectorate), followsUpIds: ids(node.followsUp) }),
  create: {
    mutation: 'createReport',
    input: (data) => ({
      ...pick(data, ['title', 'kind', 'publishedOn', 'url', 'summary', 'inspectorateId', 'followsUpIds']),
      recommendations: ((data.recommendations as Values[] | undefined) ?? []).map((item) =>
        pick(item, ['reference', 'text', 'ownerId', 'addresseeIds', 'themeIds', 'targetDate', 'repeatsId']),
      ),
    }),
  },
  update: {
    mutation: 'updateReport',
    input: (data, previous) => ({ ...versioned(data, previous), ...changed(data, previous, ['title', 'kind', 'publishedOn', 'url', 'summary', 'followsUpIds', 'responsesDueOn']) }),
  },
  operations: {
    publish: { mutation: 'setReportPublic', input: (data, previous) => ({ ...versioned(data, previous), isPublic: !previous?.isPublic, ...pick(data, ['comment']) }) },
  },
};

const recommendations: ResourceMapping = {
  typename: 'Recommendation',
  one: 'recommendation',
  many: 'recommendations',
  fields: f.recommendationFields,
  detailFields: f.recommendationDetailFields,
  argTypes: { filter: 'RecommendationFilter', orderBy: 'RecommendationOrder' },
  variables: (filter) => ({
    filter: withSearch(filter, [
      'statuses', 'ownerId', 'includeDescendants', 'reportId', 'themeIds', 'responses', 'latestVerdicts', 'open', 'overdue',
      'repeatedUnmet', 'repeats', 'unevidenced', 'assessed', 'targetDateFrom', 'targetDateTo', 'updatedSince', 'untouchedForDays',
      'priority', 'responseTimeliness', 'gaps',
    ]),
  }),
  sort: {
    reference: 'REFERENCE', status: 'STATUS', targetDate: 'TARGET_DATE', updatedAt: 'UPDATED_AT', createdAt: 'CREATED_AT',
    'owner.name': 'OWNER', firstMadeOn: 'FIRST_MADE_ON', repeatCount: 'REPEAT_COUNT', latestVerdict: 'LATEST_VERDICT',
    'report.publishedOn': 'REPORT_PUBLISHED_ON', isPriority: 'PRIORITY',
  },
  toRecord: (node) => ({
    ...node,
    ownerId: idOf(node.owner),
    reportId: idOf(node.report),
    themeIds: ids(node.themes),
    addresseeIds: Array.isArray(node.addressees) ? node.addressees.map((a: { organisation: { id: string } }) => a.organisation.id) : [],
  }),
  update: {
    mutation: 'updateRecommendation',
    input: (data, previous) => ({
      ...versioned(data, previous),
      ...changed(data, previous, ['reference', 'text', 'ownerId', 'addresseeIds', 'themeIds', 'targetDate']),
      ...pick(data, ['targetDateReason']),
    }),
  },
  operations: {
    status: {
      mutation: 'updateRecommendationStatus',
      input: (data, previous) => ({ ...versioned(data, previous), ...pick(data, ['status', 'comment']), ...askWarnings(data) }),
    },
    priority: {
      mutation: 'setRecommendationPriority',
      input: (data, previous) => ({ ...versioned(data, previous), priority: !previous?.isPriority, ...pick(data, ['reason']) }),
    },
    internal: {
      mutation: 'setRecommendationInternal',
      input: (data, previous) => ({ ...versioned(data, previous), isInternal: !previous?.isInternal, ...pick(data, ['comment']) }),
    },
    response: {
      mutation: 'setRecommendationResponse',
      input: (data, previous) => ({ ...versioned(data, previous), ...pick(data, ['organisationId', 'response', 'note', 'respondedOn']) }),
    },
    linkRepeat: { mutation: 'linkRepeat', input: (data, previous) => ({ ...versioned(data, previous), ...pick(data, ['repeatsId', 'confirmed', 'rank', 'score']) }) },
    rejectRepeatCandidate: {
      mutation: 'rejectRepeatCandidate',
      input: (data, previous) => ({ ...versioned(data, previous), ...pick(data, ['candidateId', 'rank', 'score', 'comment']) }),
    },
    confirmRepeat: { mutation: 'confirmRepeat', input: (data, previous) => versioned(data, previous) },
    unlinkRepeat: { mutation: 'unlinkRepeat', input: (data, previous) => ({ ...versioned(data, previous), ...pick(data, ['comment']) }) },
  },
};

const actionItems: ResourceMapping = {
  typename: 'ActionItem',
  one: 'actionItem',
  many: 'actionItems',
  fields: f.actionItemFields,
  argTypes: { filter: 'ActionItemFilter', orderBy: 'ActionItemOrder' },
  variables: (filter) => ({
    filter: withSearch(filter, [
      'ownerId', 'includeDescendants', 'recommendationId', 'reportId', 'statuses', 'open', 'overdue', 'awaitingEvidence', 'hasEvidence', 'dueFrom', 'dueTo',
      'updatedSince',
    ]),
  }),
  sort: { dueDate: 'DUE_DATE', description: 'DESCRIPTION', status: 'STATUS', 'owner.name': 'OWNER', createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT' },
  toRecord: (node) => ({ ...node, ownerId: idOf(node.owner), recommendationId: idOf(node.recommendation) }),
  create: {
    mutation: 'createActionItem',
    input: (data) => ({ ...pick(data, ['recommendationId', 'description', 'ownerId', 'leadPerson', 'dueDate', 'status']), ...askWarnings(data) }),
  },
  update: {
    mutation: 'updateActionItem',
    input: (data, previous) => ({
      ...versioned(data, previous),
      ...changed(data, previous, ['description', 'dueDate', 'leadPerson', 'ownerId', 'status']),
      ...pick(data, ['dueDateReason', 'comment']),
      ...askWarnings(data),
    }),
  },
  delete: { mutation: 'deleteActionItem', returns: 'deleted', input: (data, previous) => ({ ...versioned(data, previous), ...pick(data, ['comment']) }) },
  operations: {
    complete: { mutation: 'completeActionItem', input: (data, previous) => ({ ...versioned(data, previous), ...pick(data, ['completedOn', 'comment']) }) },
  },
};

const evidence: ResourceMapping = {
  typename: 'Evidence',
  one: 'evidenceItem',
  many: 'evidence',
  fields: f.evidenceFields,
  argTypes: { filter: 'EvidenceFilter', orderBy: 'EvidenceOrder' },
  variables: (filter) => ({ filter: withSearch(filter, ['actionItemId', 'ownerId', 'recommendationId', 'strengths', 'verifications', 'awaitingVerification', 'submittedSince']) }),
  sort: { submittedAt: 'SUBMITTED_AT', strength: 'STRENGTH', verification: 'VERIFICATION', verifiedAt: 'VERIFIED_AT' },
  toRecord: (node) => ({ ...node, actionItemId: idOf(node.actionItem) }),
  create: { mutation: 'submitEvidence', input: async (data) => ({ ...pick(data, ['actionItemId', 'strength', 'summary', 'url']), files: await filesAsBase64(data.newFiles) }) },
  operations: {
    attachFiles: { mutation: 'attachEvidenceFiles', input: async (data) => ({ evidenceId: data.id, files: await filesAsBase64(data.newFiles) }) },
    removeFile: { mutation: 'removeEvidenceFile', input: (data) => ({ id: data.fileId, ...pick(data, ['comment']) }) },
    verify: { mutation: 'verifyEvidence', input: (data, previous) => ({ ...versioned(data, previous), ...pick(data, ['verification', 'note']) }) },
  },
};

const assessments: ResourceMapping = {
  typename: 'Assessment',
  one: 'assessment',
  many: 'assessments',
  fields: f.assessmentFields,
  argTypes: { filter: 'AssessmentFilter' },
  variables: (filter) => ({ filter: pick(filter, ['recommendationId', 'reportId', 'verdicts']) }),
  create: { mutation: 'recordAssessment', input: (data) => pick(data, ['recommendationId', 'verdict', 'commentary', 'assessedOn', 'reportId']) },
};

const history: ResourceMapping = {
  typename: 'HistoryEvent',
  many: 'history',
  fields: f.historyFields,
  argTypes: { filter: 'HistoryFilter' },
  variables: (filter) => ({ filter: pick(filter, ['recommendationId', 'reportId', 'organisationId', 'userId', 'actorId', 'kinds', 'subjects', 'since']) }),
};

const organisations: ResourceMapping = {
  typename: 'Organisation',
  one: 'organisation',
  many: 'organisations',
  fields: f.organisationFields,
  argTypes: { filter: 'OrganisationFilter', orderBy: 'OrganisationOrder' },
  variables: (filter) => ({ filter: withSearch(filter, ['kinds', 'parentId', 'within', 'active', 'viewerMay']) }),
  sort: { name: 'NAME', kind: 'KIND', depth: 'TREE' },
  toRecord: (node) => ({ ...node, parentId: idOf(node.parent) }),
  create: { mutation: 'createOrganisation', input: (data) => pick(data, ['name', 'shortName', 'formerNames', 'kind', 'parentId']) },
  update: {
    mutation: 'updateOrganisation',
    input: (data, previous) => ({ ...versioned(data, previous), ...changed(data, previous, ['name', 'shortName', 'formerNames', 'kind', 'parentId', 'active', 'responseDays']) }),
  },
};

const users: ResourceMapping = {
  typename: 'User',
  one: 'user',
  many: 'users',
  fields: f.userFields,
  argTypes: { filter: 'UserFilter' },
  variables: (filter) => ({ filter: withSearch(filter, ['organisationId', 'roles']) }),
  toRecord: (node) => ({ ...node, organisationId: idOf(node.organisation) }),
  create: { mutation: 'createUser', input: (data) => pick(data, ['email', 'name', 'organisationId', 'password', 'role']) },
  update: {
    mutation: 'updateUser',
    input: (data, previous) => ({
      ...versioned(data, previous),
      ...changed(data, previous, ['name', 'role', 'organisationId', 'active']),
      ...pick(data, ['password']),
    }),
  },
};

const themes: ResourceMapping = {
  typename: 'Theme',
  one: 'theme',
  many: 'themes',
  fields: f.themeFields,
  argTypes: { search: 'String' },
  variables: (filter) => pick({ search: filter.q ?? filter.name }, ['search']),
};

export const resources: Record<string, ResourceMapping> = {
  reports, recommendations, actionItems, evidence, assessments, history, organisations, users, themes,
};

export function mappingFor(resource: string): ResourceMapping {
  const mapping = resources[resource];
  if (!mapping) throw new Error(`No GraphQL mapping for the resource "${resource}"`);
  return mapping;
}

export function orderBy(mapping: ResourceMapping, sort: SortPayload | undefined): Values | undefined {
  const field = sort && mapping.sort?.[sort.field];
  return field && sort ? { field, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' } : undefined;
}
