import { describe, expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { gql, gqlError, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();
const { demo, as } = useDemo();

type Connection<T> = { totalCount: number; edges: { cursor: string; node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const nodes = <T = any>(connection: { edges: { node: T }[] }) => connection.edges.map((edge) => edge.node);

async function recommendations(filter: object, orderBy?: object, page = 'first: 100'): Promise<Connection<{ reference: string; report: { publishedOn: string } }>> {
  const data = await gql<{ recommendations: Connection<{ reference: string; report: { publishedOn: string } }> }>(
    `query ($filter: RecommendationFilter, $orderBy: RecommendationOrder) {
       recommendations(${page}, filter: $filter, orderBy: $orderBy) {
         totalCount pageInfo { hasNextPage endCursor } edges { cursor node { reference report { publishedOn } } }
       }
     }`,
    { filter, orderBy },
  );
  return data.recommendations;
}
const labels = (connection: Connection<{ reference: string; report: { publishedOn: string } }>) =>
  nodes(connection).map((rec) => `${rec.report.publishedOn.slice(0, 4)} ${rec.reference}`);

describe(`reading recommendations on ${databaseKind}`, () => {
  it('filters by status, report, theme, response and verdict', async () => {
    expect((await recommendations({})).totalCount).toBe(24);
    expect((await recommendations({ statuses: ['IMPLEMENTED'] })).totalCount).toBe(7);
    expect((await recommendations({ statuses: ['IMPLEMENTED', 'NOT_PLANNED'] })).totalCount).toBe(8);
    expect((await recommendations({ reportId: demo.report(2023).id })).totalCount).toBe(13);
    expect(labels(await recommendations({ themeIds: [demo.theme('victim safety').id] }, { field: 'REFERENCE' }))).toEqual([
      '2018 2', '2018 8', '2023 R5', '2023 R13',
    ]);
    expect(labels(await recommendations({ responses: ['PARTLY_ACCEPTED'] }, { field: 'REFERENCE' }))).toEqual([
      '2018 5', '2023 R8', '2023 R9', '2025 3',
    ]);
    expect((await recommendations({ latestVerdicts: ['ACHIEVED'] })).totalCount).toBe(1);
    expect((await recommendations({ assessed: false })).totalCount).toBe(3);
  });

  it('filters by owner with or without the organisations under it', async () => {
    expect((await recommendations({ ownerId: demo.org('MoJ').id })).totalCount).toBe(20);
    expect((await recommendations({ ownerId: demo.org('MoJ').id, includeDescendants: false })).totalCount).toBe(1);
    expect((await recommendations({ ownerId: demo.org('HMPPS').id })).totalCount).toBe(19);
    expect((await recommendations({ ownerId: demo.org('Wales').id })).totalCount).toBe(0);
  });

  it('filters by the derived answers: overdue, repeated and unmet, repeats, unevidenced', async () => {
    const overdue = await recommendations({ overdue: true });
    const notOverdue = await recommendations({ overdue: false });
    expect(overdue.totalCount + notOverdue.totalCount).toBe(24);
    expect(overdue.totalCount).toBeGreaterThan(10);
    expect(labels(await recommendations({ repeatedUnmet: true }, { field: 'REFERENCE' }))).toEqual([
      '2023 R3', '2023 R5', '2023 R7', '2023 R8', '2023 R9', '2023 R10', '2023 R13', '2025 1', '2025 2', '2025 3',
    ]);
    expect((await recommendations({ repeats: true })).totalCount).toBe(11);
    const unevidenced = await recommendations({ unevidenced: true, reportId: demo.report(2023).id }, { field: 'REFERENCE' });
    expect(labels(unevidenced)).toEqual(['2023 R6', '2023 R8', '2023 R10', '2023 R12']);
  });

  it('filters by dates and searches reference and text', async () => {
    expect((await recommendations({ targetDateFrom: '2026-01-01' })).totalCount).toBe(5);
    expect((await recommendations({ targetDateFrom: '2024-01-01', targetDateTo: '2024-03-31' })).totalCount).toBe(2);
    expect((await recommendations({ updatedSince: '2030-01-01T00:00:00Z' })).totalCount).toBe(0);
    expect((await recommendations({ notUpdatedSince: '2030-01-01T00:00:00Z' })).totalCount).toBe(24);
    expect((await recommendations({ notUpdatedSince: '2019-01-01T00:00:00Z' })).totalCount).toBe(1);
    expect(labels(await recommendations({ search: 'sara' }))).toEqual(['2023 R4']);
    expect(labels(await recommendations({ search: 'r13' }))).toEqual(['2023 R13']);
  });

  it('sorts by every column a list shows', async () => {
    const byTarget = labels(await recommendations({ reportId: demo.report(2023).id }, { field: 'TARGET_DATE', direction: 'ASC' }));
    expect(byTarget[0]).toMatch(/^2023 R(1|7)$/);
    const byFirstMade = labels(await recommendations({ repeats: true }, { field: 'FIRST_MADE_ON', direction: 'ASC' }));
    expect(byFirstMade.every((label) => label.startsWith('2023') || label.startsWith('2025'))).toBe(true);
    const byRepeats = labels(await recommendations({}, { field: 'REPEAT_COUNT', direction: 'DESC' }));
    expect(byRepeats.slice(0, 3).sort()).toEqual(['2025 1', '2025 2', '2025 3']);
    const byPublished = labels(await recommendations({}, { field: 'REPORT_PUBLISHED_ON', direction: 'DESC' }));
    expect(byPublished.slice(0, 3)).toEqual(['2025 1', '2025 2', '2025 3']);
    for (const field of ['CREATED_AT', 'UPDATED_AT', 'STATUS', 'OWNER', 'LATEST_VERDICT']) {
      expect((await recommendations({}, { field, direction: 'DESC' })).totalCount).toBe(24);
    }
    const owners = await gql(`{ recommendations(first: 100, orderBy: { field: OWNER }) { edges { node { owner { name } } } } }`);
    const names = owners.recommendations.edges.map((edge: { node: { owner: { name: string } } }) => edge.node.owner.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });

  it('pages by cursor and by offset, and refuses oversized or mixed pages', async () => {
    const first = await recommendations({}, { field: 'REFERENCE' }, 'first: 10');
    expect(first.edges).toHaveLength(10);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await recommendations({}, { field: 'REFERENCE' }, `first: 10, after: "${first.pageInfo.endCursor}"`);
    const byOffset = await recommendations({}, { field: 'REFERENCE' }, 'first: 10, offset: 10');
    expect(labels(next)).toEqual(labels(byOffset));
    expect(labels(byOffset)[0]).not.toBe(labels(first)[9]);
    const error = await gqlError('BAD_USER_INPUT', '{ recommendations(first: 101) { totalCount } }');
    expect(error.message).toContain('first');
    await gqlError('BAD_USER_INPUT', `{ recommendations(first: 5, offset: 5, after: "${first.pageInfo.endCursor}") { totalCount } }`);
    await gqlError('BAD_USER_INPUT', '{ recommendations(first: 5, offset: -1) { totalCount } }');
  });

  it('answers the derived facts of a recommendation', async () => {
    const { recommendation } = await gql(
      `query ($id: ID!) { recommendation(id: $id) {
         reference repeatCount firstMadeOn yearsOpen isRepeatedUnmet isOverdue daysSinceUpdate reportedVsVerified
         repeats { reference report { publishedOn } } repeatedBy { reference }
         lineage { reference report { publishedOn } latestVerdict }
       } }`,
      { id: demo.rec(2023, 'R3').id },
    );
    expect(recommendation).toMatchObject({
      reference: 'R3',
      repeatCount: 1,
      firstMadeOn: '2018-09-25',
      isRepeatedUnmet: true,
      reportedVsVerified: 'OVERSTATED',
      repeats: { reference: '1', report: { publishedOn: '2018-09-25' } },
      repeatedBy: [{ reference: '1' }],
    });
    expect(recommendation.yearsOpen).toBeGreaterThan(8);
    expect(recommendation.daysSinceUpdate).toBeGreaterThan(0);

    // Days since the owner's update count from their latest act on it or its plan, evidence included
    // (the demo data once counted from its status changes alone: 1,123 days beside evidence of 5 Jun 2024).
    const { recommendation: r2 } = await gql(
      `query ($id: ID!) { recommendation(id: $id) { daysSinceUpdate actionItems(first: 50) { edges { node { evidence(first: 50) { submittedAt } } } } } }`,
      { id: demo.rec(2023, 'R2').id },
    );
    const submitted = (r2.actionItems.edges as { node: { evidence: { submittedAt: string }[] } }[]).flatMap((edge) => edge.node.evidence.map((item) => Date.parse(item.submittedAt)));
    expect(submitted.length).toBeGreaterThan(0);
    expect(r2.daysSinceUpdate).toBeLessThanOrEqual(Math.floor((Date.now() - Math.max(...submitted)) / 86_400_000));
    expect(recommendation.lineage).toEqual([
      { reference: '1', report: { publishedOn: '2018-09-25' }, latestVerdict: 'NOT_ACHIEVED' },
      { reference: 'R3', report: { publishedOn: '2023-07-04' }, latestVerdict: 'NOT_ACHIEVED' },
      { reference: '1', report: { publishedOn: '2025-10-14' }, latestVerdict: null },
    ]);
    const strategy = await gql(`query ($id: ID!) { recommendation(id: $id) { reportedVsVerified latestAssessment { verdict report { kind } } yearsOpen isOverdue } }`, {
      id: demo.rec(2023, 'R1').id,
    });
    expect(strategy.recommendation).toEqual({
      reportedVsVerified: 'CONFIRMED',
      latestAssessment: { verdict: 'ACHIEVED', report: { kind: 'FOLLOW_UP' } },
      yearsOpen: null,
      isOverdue: false,
    });
  });

  it('answers report progress: implemented as owners report against achieved as inspectors verify', async () => {
    const { report } = await gql(`query ($id: ID!) { report(id: $id) {
      title followsUp { publishedOn } followedUpBy { publishedOn }
      recommendations(first: 3) { totalCount edges { node { reference } } }
      progress { recommendationCount implementedByOwners assessedByInspectors achievedByInspectors shareImplemented shareAchieved }
    } }`, { id: demo.report(2023).id });
    expect(report.followsUp).toEqual([{ publishedOn: '2018-09-25' }]);
    expect(report.followedUpBy).toEqual([{ publishedOn: '2025-10-14' }]);
    expect(report.recommendations.totalCount).toBe(13);
    expect(report.recommendations.edges.map((edge: { node: { reference: string } }) => edge.node.reference)).toEqual(['R1', 'R2', 'R3']);
    expect(report.progress).toEqual({
      recommendationCount: 13,
      implementedByOwners: 3,
      assessedByInspectors: 13,
      achievedByInspectors: 1,
      shareImplemented: 3 / 13,
      shareAchieved: 1 / 13,
    });
  });

  it('finds earlier recommendations with similar text as repeat candidates, best first', async () => {
    const { repeatCandidates } = await gql(
      `query ($id: ID!) { repeatCandidates(recommendationId: $id, first: 5) { score recommendation { reference report { publishedOn } } } }`,
      { id: demo.rec(2025, '1').id },
    );
    expect(repeatCandidates.length).toBeGreaterThan(0);
    expect(repeatCandidates[0].recommendation).toEqual({ reference: 'R3', report: { publishedOn: '2023-07-04' } });
    const scores = repeatCandidates.map((candidate: { score: number }) => candidate.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const candidate of repeatCandidates) expect(candidate.recommendation.report.publishedOn < '2025-10-14').toBe(true);
    const none = await gql(`query ($id: ID!) { repeatCandidates(recommendationId: $id) { score } }`, { id: demo.rec(2018, '1').id });
    expect(none.repeatCandidates).toEqual([]);
    await gqlError('BAD_USER_INPUT', `query ($id: ID!) { repeatCandidates(recommendationId: $id, first: 500) { score } }`, { id: demo.rec(2025, '1').id });
  });

  it('says NOT_FOUND for a missing record and BAD_USER_INPUT for an id of another type or a malformed one', async () => {
    await gqlError('NOT_FOUND', `query ($id: ID!) { recommendation(id: $id) { reference } }`, { id: 'UmVjb21tZW5kYXRpb246OTk5OTk=' });
    await gqlError('BAD_USER_INPUT', `query ($id: ID!) { recommendation(id: $id) { reference } }`, { id: demo.report(2023).id });
    await gqlError('BAD_USER_INPUT', `query ($id: ID!) { recommendation(id: $id) { reference } }`, { id: 'not-an-id' });
    const { node } = await gql(`query ($id: ID!) { node(id: $id) { ... on Recommendation { reference } } }`, { id: demo.rec(2023, 'R4').id });
    expect(node).toEqual({ reference: 'R4' });
    // Found by fuzzing: node(id) of a record that does not exist failed internally instead of answering null.
    const missing = await gql(`query ($ids: [ID!]!) { node(id: "VXNlcjo4MzE4ODE=") { id } nodes(ids: $ids) { id } }`, { ids: [demo.rec(2023, 'R4').id, 'VGhlbWU6Mjg1ODM0'] });
    expect(missing).toEqual({ node: null, nodes: [{ id: demo.rec(2023, 'R4').id }, null] });
  });
});

describe(`reading the rest of the domain on ${databaseKind}`, () => {
  it('lists reports with filters and sorts', async () => {
    const all = await gql(`{ reports(first: 10) { totalCount edges { node { publishedOn kind inspectorate { shortName } } } } }`);
    expect(all.reports.totalCount).toBe(3);
    expect(nodes(all.reports).map((r: { publishedOn: string }) => r.publishedOn)).toEqual(['2025-10-14', '2023-07-04', '2018-09-25']);
    const filtered = await gql(`{ reports(first: 10, filter: { kinds: [THEMATIC], search: "probation service", publishedFrom: "2020-01-01" }) { totalCount } }`);
    expect(filtered.reports.totalCount).toBe(1);
    const byTitle = await gql(`{ reports(first: 10, orderBy: { field: TITLE, direction: ASC }) { edges { node { title } } } }`);
    const titles = nodes(byTitle.reports).map((r: { title: string }) => r.title);
    expect(titles).toEqual([...titles].sort());
  });

  it('lists action items by owner subtree, overdue and due dates, with evidence', async () => {
    const wales = await gql(`query ($owner: ID!) { actionItems(first: 50, filter: { ownerId: $owner }) { totalCount edges { node { owner { name } isOverdue evidenceCount } } } }`, {
      owner: demo.org('Wales').id,
    });
    const owners = new Set(nodes(wales.actionItems).map((item: { owner: { name: string } }) => item.owner.name));
    expect(owners).toEqual(new Set(['Probation Service Wales', 'Cardiff and Vale PDU']));
    const overdue = await gql(`{ actionItems(first: 100, filter: { overdue: true }) { totalCount edges { node { isOverdue dueDate status } } } }`);
    expect(overdue.actionItems.totalCount).toBeGreaterThan(5);
    for (const item of nodes(overdue.actionItems) as { isOverdue: boolean }[]) expect(item.isOverdue).toBe(true);
    const dueDates = nodes(overdue.actionItems).map((item: { dueDate: string }) => item.dueDate);
    expect(dueDates).toEqual([...dueDates].sort());
    const evidenced = await gql(`{ actionItems(first: 100, filter: { hasEvidence: true, dueTo: "2024-12-31" }) { totalCount edges { node { evidence(first: 1) { summary } } } } }`);
    for (const item of nodes(evidenced.actionItems) as { evidence: unknown[] }[]) expect(item.evidence).toHaveLength(1);
    const search = await gql(`{ actionItems(first: 5, filter: { search: "SARA" }) { totalCount } }`);
    expect(search.actionItems.totalCount).toBe(2);
  });

  it('lists evidence for the verification queue', async () => {
    const queue = await gql(`{ evidence(first: 20, filter: { verifications: [UNVERIFIED] }) { totalCount edges { node { summary verification submittedBy { email } actionItem { owner { name } } } } } }`);
    expect(queue.evidence.totalCount).toBe(2);
    const insufficient = await gql(`{ evidence(first: 20, filter: { verifications: [INSUFFICIENT] }, orderBy: { field: VERIFIED_AT, direction: DESC }) { totalCount edges { node { verificationNote verifiedBy { role } } } } }`);
    expect(insufficient.evidence.totalCount).toBe(4);
    for (const item of nodes(insufficient.evidence) as { verificationNote: string; verifiedBy: { role: string } }[]) {
      expect(item.verificationNote).toBeTruthy();
      expect(item.verifiedBy.role).toBe('INSPECTOR');
    }
  });

  it('lists organisations as a tree, themes, users, assessments and history', async () => {
    const tree = await gql(`query ($within: ID!) { organisations(first: 50, filter: { within: $within }, orderBy: { field: TREE }) { totalCount edges { node { name depth ancestorIds parent { shortName } } } } }`, {
      within: demo.org('Wales').id,
    });
    expect(nodes(tree.organisations).map((o: { name: string }) => o.name)).toEqual([
      'Probation Service Wales', 'Cardiff and Vale PDU', 'Swansea, Neath and Port Talbot PDU',
    ]);
    expect(nodes(tree.organisations)[0]).toMatchObject({ depth: 3, parent: { shortName: 'PS' } });
    // A unit's ancestors, nearest first: what its edit form does not offer as a parent of Wales.
    const cardiff = nodes(tree.organisations)[1] as { depth: number; ancestorIds: string[] };
    expect(cardiff.ancestorIds.slice(0, 3)).toEqual([demo.org('Wales').id, demo.org('PS').id, demo.org('HMPPS').id]);
    expect(cardiff.ancestorIds).toHaveLength(cardiff.depth);
    // The bodies abolished in 2021 still own the 2018 report's recommendations, but are offered for no new work.
    const offered = await gql(`{ organisations(first: 50, filter: { active: true }) { edges { node { name } } } }`);
    const names = nodes(offered.organisations).map((o: { name: string }) => o.name);
    expect(names).toContain('The Probation Service');
    expect(names.filter((name: string) => name.includes('until 2021'))).toEqual([]);
    const of2018 = await gql(`query ($report: ID!) { recommendations(first: 20, filter: { reportId: $report }) { edges { node { owner { shortName active } } } } }`, { report: demo.report(2018).id });
    expect(new Set(nodes(of2018.recommendations).map((rec: { owner: { shortName: string; active: boolean } }) => `${rec.owner.shortName} ${rec.owner.active}`))).toEqual(new Set(['CRCs false', 'NPS false', 'HMPPS true', 'MoJ true']));
    const themes = await gql(`{ themes(first: 50) { totalCount edges { node { name recommendations(first: 1) { totalCount } } } } }`);
    expect(themes.themes.totalCount).toBe(9);
    const inspectors = `{ users(first: 10, filter: { roles: [INSPECTOR] }) { totalCount edges { node { name email organisation { shortName } } } } }`;
    // Names are for everyone; email addresses for administrators (and each person's own).
    expect(nodes((await gql(inspectors, {}, as.admin)).users)).toEqual([{ name: expect.any(String), email: 'inspector@example.org', organisation: { shortName: 'HMIP' } }]);
    expect(nodes((await gql(inspectors)).users)).toEqual([{ name: expect.any(String), email: null, organisation: { shortName: 'HMIP' } }]);
    const verdicts = await gql(`query ($report: ID!) { assessments(first: 50, filter: { reportId: $report }) { totalCount } }`, { report: demo.report(2025).id });
    expect(verdicts.assessments.totalCount).toBe(13);
    const hmppsLeader = await prisma.user.findUniqueOrThrow({ where: { email: 'hmpps.leader@example.org' } });
    const slippage = await gql(`query ($rec: ID!) { history(first: 10, filter: { recommendationId: $rec, kinds: [TARGET_DATE_CHANGED] }) { edges { node { fromValue toValue comment actor { name } } } } }`, {
      rec: demo.rec(2023, 'R3').id,
    });
    expect(nodes(slippage.history)).toEqual([
      { fromValue: '2025-03-31', toValue: '2026-03-31', comment: 'Waiting for the new assessment system release.', actor: { name: hmppsLeader.name } },
      { fromValue: '2024-03-31', toValue: '2025-03-31', comment: 'Training roll-out delayed by recruitment of trainers.', actor: { name: hmppsLeader.name } },
    ]);
  });

  it('agrees between the dashboard and the lists behind it, and narrows by organisation and theme', async () => {
    const { dashboard } = await gql(`{ dashboard { recommendationCount overdueRecommendationCount repeatedUnmetCount overdueActionItemCount
      byStatus { status count } byOwner { owner { shortName } total } reportedVsVerified { gap count }
      repeatedUnmet { reference } progressByReport { report { publishedOn } progress { recommendationCount } } } }`);
    const lists = await gql(`{ all: recommendations(first: 1) { totalCount } overdue: recommendations(first: 1, filter: { overdue: true }) { totalCount }
      unmet: recommendations(first: 1, filter: { repeatedUnmet: true }) { totalCount } items: actionItems(first: 1, filter: { overdue: true }) { totalCount } }`);
    expect(dashboard.recommendationCount).toBe(lists.all.totalCount);
    expect(dashboard.overdueRecommendationCount).toBe(lists.overdue.totalCount);
    expect(dashboard.repeatedUnmetCount).toBe(lists.unmet.totalCount);
    expect(dashboard.overdueActionItemCount).toBe(lists.items.totalCount);
    expect(dashboard.byStatus.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(24);
    expect(dashboard.byOwner[0]).toEqual({ owner: { shortName: 'HMPPS' }, total: 18 });
    expect(dashboard.reportedVsVerified).toContainEqual({ gap: 'OVERSTATED', count: 5 });
    // 2025 R3, reported implemented and not yet assessed.
    expect(dashboard.reportedVsVerified).toContainEqual({ gap: 'UNVERIFIED', count: 1 });
    expect(dashboard.progressByReport.map((row: { report: { publishedOn: string } }) => row.report.publishedOn)).toEqual(['2025-10-14', '2023-07-04', '2018-09-25']);
    const wales = await gql(`query ($org: ID!) { dashboard(organisationId: $org) { recommendationCount overdueActionItemCount overdueActionItems { owner { name } } } }`, {
      org: demo.org('Wales').id,
    });
    expect(wales.dashboard.recommendationCount).toBe(0);
    expect(wales.dashboard.overdueActionItemCount).toBeGreaterThan(0);
    for (const item of wales.dashboard.overdueActionItems) expect(['Probation Service Wales', 'Cardiff and Vale PDU', 'Swansea, Neath and Port Talbot PDU']).toContain(item.owner.name);
    const victims = await gql(`query ($theme: ID!) { dashboard(themeId: $theme) { recommendationCount } }`, { theme: demo.theme('victim safety').id });
    expect(victims.dashboard.recommendationCount).toBe(4);
  });
});
