import { describe, expect, it } from 'vitest';
import { followUpFigures, type Figure } from '../../admin/src/dashboard/figures.ts';
import { dashboardQuery, type DashboardData } from '../../admin/src/dashboard/query.ts';
import { listDocument } from '../../admin/src/providers/documents.ts';
import { resources } from '../../admin/src/providers/resources.ts';
import { prisma } from '../../server/db/client.ts';
import type { Actor } from '../../server/domain/actor.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { gql, refused, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();
const { demo, as } = useDemo();

const DAY = 86_400_000;
/** A day counted from today, as the API takes dates. */
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

const UPDATE_ORGANISATION = `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { responseDays version } }`;
const CREATE_REPORT = `mutation ($input: CreateReportInput!) { createReport(input: $input) {
  id version publishedOn responsesDueOn
  recommendations(first: 10) { edges { node { id reference version addressees { organisation { shortName } responseTimeliness } } } } } }`;
const UPDATE_REPORT = `mutation ($input: UpdateReportInput!) { updateReport(input: $input) { version responsesDueOn } }`;
const RESPOND = `mutation ($input: SetRecommendationResponseInput!) {
  setRecommendationResponse(input: $input) { version addressees { organisation { shortName } response responseTimeliness } } }`;
const ADDRESSEES = `query ($id: ID!) { recommendation(id: $id) { version addressees { organisation { shortName } response responseTimeliness } } }`;
const RECOMMENDATIONS = `query ($filter: RecommendationFilter, $orderBy: RecommendationOrder) {
  recommendations(first: 100, filter: $filter, orderBy: $orderBy) { totalCount edges { node { id reference isPriority status } } } }`;
const REPORTS = `query ($filter: ReportFilter) { reports(first: 100, filter: $filter) { totalCount edges { node { id } } } }`;
const SET_PRIORITY = `mutation ($input: SetRecommendationPriorityInput!) {
  setRecommendationPriority(input: $input) { id version isPriority priorityReason viewerCanMarkPriority } }`;
const HISTORY = `query ($id: ID!) { recommendation(id: $id) { history(first: 5) { edges { node { kind summary comment } } } } }`;

const timeliness = (addressees: { organisation: { shortName: string }; responseTimeliness: string }[]) =>
  Object.fromEntries(addressees.map((a) => [a.organisation.shortName, a.responseTimeliness]));
const ids = (list: { edges: { node: { id: string } }[] }) => list.edges.map((edge) => edge.node.id);

/** How many rows the list a figure links to shows, asked exactly as the admin app asks it. */
async function listTotal(figure: Figure, actor: Actor): Promise<number> {
  const mapping = resources[figure.resource]!;
  const result = await gql<Record<string, { totalCount: number }>>(listDocument(mapping, false), { first: 0, offset: 0, ...mapping.variables(figure.filter) }, actor);
  return result[mapping.many]!.totalCount;
}

describe(`response deadlines and priorities on ${databaseKind}`, () => {
  it('dates responses from the inspectorate’s days, and tells on time, late, missing and not yet due apart, in lists and on the dashboard', async () => {
    const hmip = await prisma.organisation.findFirstOrThrow({ where: { shortName: 'HMIP' } });
    expect(hmip.responseDays).toBe(56);
    // Only administrators change the setting; a nonsense number changes nothing.
    await refused('FORBIDDEN', UPDATE_ORGANISATION, { input: { id: demo.org('HMIP').id, version: hmip.version, responseDays: 28 } }, as.inspector);
    await refused('BAD_USER_INPUT', UPDATE_ORGANISATION, { input: { id: demo.org('HMIP').id, version: hmip.version, responseDays: 0 } }, as.admin);
    const { updateOrganisation } = await gql(UPDATE_ORGANISATION, { input: { id: demo.org('HMIP').id, version: hmip.version, responseDays: 28 } }, as.admin);
    expect(updateOrganisation.responseDays).toBe(28);
    const setting = await prisma.historyEvent.findFirstOrThrow({ where: { subject: 'ORGANISATION', subjectId: hmip.id, field: 'responseDays' } });
    expect([setting.fromValue, setting.toValue]).toEqual(['56', '28']);

    // Published 40 days ago: with 28 days to respond, responses were due 12 days ago.
    const before = await gql(dashboardQuery, {}, as.inspector) as { dashboard: DashboardData };
    const { createReport: report } = await gql(CREATE_REPORT, {
      input: {
        title: 'Deadlines test report', kind: 'INSPECTION', publishedOn: day(-40), inspectorateId: demo.org('HMIP').id,
        recommendations: [
          { reference: 'D1', text: 'Answer every recommendation on time.', ownerId: demo.org('HMPPS').id, addresseeIds: [demo.org('PS').id] },
          { reference: 'D2', text: 'Publish the answers.', ownerId: demo.org('HMPPS').id },
        ],
      },
    }, as.inspector);
    expect(report.responsesDueOn).toBe(day(-12));
    const [d1, d2] = report.recommendations.edges.map((edge: { node: { id: string; version: number } }) => edge.node);
    expect(timeliness(d1.addressees)).toEqual({ HMPPS: 'MISSING', PS: 'MISSING' });

    // HMPPS answers before the due date, the Probation Service after it.
    await gql(RESPOND, { input: { id: d1.id, version: d1.version, organisationId: demo.org('HMPPS').id, response: 'ACCEPTED', respondedOn: day(-20) } }, as.hmppsLeader);
    const { setRecommendationResponse: answered } = await gql(RESPOND, {
      input: { id: d1.id, version: d1.version + 1, organisationId: demo.org('PS').id, response: 'PARTLY_ACCEPTED', respondedOn: day(-5) },
    }, as.hmppsLeader);
    expect(timeliness(answered.addressees)).toEqual({ HMPPS: 'ON_TIME', PS: 'LATE' });

    // The lists filter on it, the recommendations' and the reports'.
    const missing = (await gql(RECOMMENDATIONS, { filter: { reportId: report.id, responseTimeliness: ['MISSING'] } }, as.viewer)).recommendations;
    expect(ids(missing)).toEqual([d2.id]);
    const late = (await gql(RECOMMENDATIONS, { filter: { reportId: report.id, responseTimeliness: ['LATE'] } }, as.viewer)).recommendations;
    expect(ids(late)).toEqual([d1.id]);
    const both = (await gql(RECOMMENDATIONS, { filter: { reportId: report.id, responseTimeliness: ['LATE', 'MISSING'] } }, as.viewer)).recommendations;
    expect(both.totalCount).toBe(2);
    expect(ids((await gql(REPORTS, { filter: { responseTimeliness: ['LATE'] } }, as.viewer)).reports)).toContain(report.id);

    // The dashboard counts them, each figure what its list shows.
    const { dashboard } = await gql(dashboardQuery, {}, as.inspector) as { dashboard: DashboardData };
    expect(dashboard.missingResponseCount).toBe(before.dashboard.missingResponseCount + 1);
    expect(dashboard.lateResponseCount).toBe(before.dashboard.lateResponseCount + 1);
    for (const figure of followUpFigures(dashboard, undefined)) {
      expect({ figure: figure.label, count: await listTotal(figure, as.inspector) }).toEqual({ figure: figure.label, count: figure.value });
    }

    // Due dates are inspectors’ to change, never before publication, and never over a newer version.
    const reportVersion = report.version as number;
    await refused('FORBIDDEN', UPDATE_REPORT, { input: { id: report.id, version: reportVersion, responsesDueOn: day(-1) } }, as.hmppsLeader);
    const early = await refused('BAD_USER_INPUT', UPDATE_REPORT, { input: { id: report.id, version: reportVersion, responsesDueOn: day(-41) } }, as.inspector);
    expect(early.extensions?.fields).toEqual([{ path: ['changes', 'responsesDueOn'], message: 'responses cannot be due before the report is published' }]);
    await refused('CONFLICT', UPDATE_REPORT, { input: { id: report.id, version: reportVersion - 1, responsesDueOn: day(-1) } }, as.inspector);
    // Moved to yesterday: the Probation Service was on time after all, and D2's response is still missing.
    const { updateReport } = await gql(UPDATE_REPORT, { input: { id: report.id, version: reportVersion, responsesDueOn: day(-1) } }, as.inspector);
    expect(updateReport.responsesDueOn).toBe(day(-1));
    expect(timeliness((await gql(ADDRESSEES, { id: d1.id }, as.viewer)).recommendation.addressees)).toEqual({ HMPPS: 'ON_TIME', PS: 'ON_TIME' });
    expect((await gql(RECOMMENDATIONS, { filter: { reportId: report.id, responseTimeliness: ['LATE'] } }, as.viewer)).recommendations.totalCount).toBe(0);
    const moved = await prisma.historyEvent.findFirstOrThrow({ where: { subject: 'REPORT', field: 'responsesDueOn' }, orderBy: { id: 'desc' } });
    expect(moved).toMatchObject({ kind: 'DUE_DATE_CHANGED', fromValue: day(-12), toValue: day(-1) });

    // Moved into the future: nothing is missing yet.
    await gql(UPDATE_REPORT, { input: { id: report.id, version: reportVersion + 1, responsesDueOn: day(30) } }, as.inspector);
    expect(timeliness((await gql(ADDRESSEES, { id: d2.id }, as.viewer)).recommendation.addressees)).toEqual({ HMPPS: 'NOT_YET_DUE' });
    expect((await gql(RECOMMENDATIONS, { filter: { reportId: report.id, responseTimeliness: ['MISSING'] } }, as.viewer)).recommendations.totalCount).toBe(0);

    await gql(UPDATE_ORGANISATION, { input: { id: demo.org('HMIP').id, version: updateOrganisation.version, responseDays: 56 } }, as.admin);
  });

  it('lets inspectors mark and unmark a priority, always with a reason kept in history, and lists and counts priorities', async () => {
    const rec = demo.rec(2023, 'R4');
    const current = await prisma.recommendation.findUniqueOrThrow({ where: { id: rec.dbId } });
    const mark = { id: rec.id, version: current.version, priority: true, reason: 'Victims are at risk until this is done.' };
    // Owners' leaders, viewers and read-only callers do not decide priorities.
    await refused('FORBIDDEN', SET_PRIORITY, { input: mark }, as.hmppsLeader);
    await refused('FORBIDDEN', SET_PRIORITY, { input: mark }, as.viewer);
    await refused('BAD_USER_INPUT', SET_PRIORITY, { input: { ...mark, reason: '   ' } }, as.inspector);
    await refused('CONFLICT', SET_PRIORITY, { input: { ...mark, version: current.version - 1 } }, as.inspector);
    await refused('BAD_USER_INPUT', SET_PRIORITY, { input: { ...mark, priority: false } }, as.inspector);

    // Marking it is the inspectors' judgement, not work on it: it stays as long untouched as it was.
    const untouched = async () => ({
      days: (await gql(`query ($id: ID!) { recommendation(id: $id) { daysSinceUpdate } }`, { id: rec.id }, as.viewer)).recommendation.daysSinceUpdate,
      listed: ids((await gql(RECOMMENDATIONS, { filter: { untouchedForDays: 90 } }, as.viewer)).recommendations).includes(rec.id),
    });
    const before = await untouched();
    expect(before.days).toBeGreaterThan(90);
    const { setRecommendationPriority: marked } = await gql(SET_PRIORITY, { input: mark }, as.inspector);
    expect(await untouched()).toEqual(before);
    expect(marked).toMatchObject({ isPriority: true, priorityReason: mark.reason, version: current.version + 1, viewerCanMarkPriority: true });
    const again = await refused('BAD_USER_INPUT', SET_PRIORITY, { input: { ...mark, version: marked.version } }, as.inspector);
    expect(again.extensions?.fields).toEqual([{ path: ['priority'], message: 'it is already a priority' }]);

    // Listed, filtered and sorted first; counted on the dashboard while open.
    const priorities = (await gql(RECOMMENDATIONS, { filter: { priority: true } }, as.viewer)).recommendations;
    expect(ids(priorities)).toEqual([rec.id]);
    const sorted = (await gql(RECOMMENDATIONS, { orderBy: { field: 'PRIORITY', direction: 'DESC' } }, as.viewer)).recommendations;
    expect(sorted.edges[0].node).toMatchObject({ id: rec.id, isPriority: true });
    expect(sorted.edges[1].node.isPriority).toBe(false);
    const { dashboard } = await gql(dashboardQuery, {}, as.inspector) as { dashboard: DashboardData };
    expect(dashboard.openPriorityCount).toBe(current.status === 'IMPLEMENTED' || current.status === 'NOT_PLANNED' ? 0 : 1);
    const [, , priorityFigure] = followUpFigures(dashboard, undefined);
    expect(await listTotal(priorityFigure!, as.inspector)).toBe(priorityFigure!.value);

    const { setRecommendationPriority: unmarked } = await gql(SET_PRIORITY, {
      input: { id: rec.id, version: marked.version, priority: false, reason: 'The 2025 review found it met in practice.' },
    }, as.inspector);
    expect(unmarked).toMatchObject({ isPriority: false, priorityReason: null });
    const history = (await gql(HISTORY, { id: rec.id }, as.viewer)).recommendation.history.edges.map((edge: { node: unknown }) => edge.node);
    expect(history.slice(0, 2)).toEqual([
      { kind: 'PRIORITY_UNMARKED', summary: 'took the recommendation off the priorities', comment: 'The 2025 review found it met in practice.' },
      { kind: 'PRIORITY_MARKED', summary: 'marked the recommendation as a priority', comment: 'Victims are at risk until this is done.' },
    ]);
    expect((await gql(RECOMMENDATIONS, { filter: { priority: true } }, as.viewer)).recommendations.totalCount).toBe(0);
  });
});
