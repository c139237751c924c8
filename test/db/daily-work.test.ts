import { describe, expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import type { Actor } from '../../server/domain/actor.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { globalId, gql, refused, useGraphql } from '../support/graphql.ts';
import { readableDay } from '../../server/domain/locale.ts';

useTestDatabase();
useGraphql();
const { demo, as } = useDemo();

const dbId = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const CREATE_ACTION = `mutation ($input: CreateActionItemInput!) { createActionItem(input: $input) { id version dueDate } }`;
const UPDATE_ACTION = `mutation ($input: UpdateActionItemInput!) { updateActionItem(input: $input) { version dueDate status } }`;
const RESPOND = `mutation ($input: SetRecommendationResponseInput!) {
  setRecommendationResponse(input: $input) { version addressees { organisation { shortName } response responseNote respondedAt viewerCanRespond } } }`;
const ORGANISATIONS = `query ($filter: OrganisationFilter) { organisations(first: 100, filter: $filter) { totalCount edges { node { name active } } } }`;
const UPDATE_ORGANISATION = `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { active version } }`;

const actionHistory = (id: string) => prisma.historyEvent.findMany({ where: { subject: 'ACTION_ITEM', subjectId: dbId(id) }, orderBy: { id: 'asc' } });

describe(`the daily work of leaders and inspectors on ${databaseKind}`, () => {
  it('names the field a moved due date needs, and keeps both the reason and the note in history', async () => {
    const { createActionItem: item } = await gql(CREATE_ACTION, {
      input: { recommendationId: demo.rec(2023, 'R12').id, description: 'Train every Welsh PDU on the new risk tool', ownerId: demo.org('Wales').id, dueDate: day(60) },
    }, as.leader);
    const error = await refused('BAD_USER_INPUT', UPDATE_ACTION, { input: { id: item.id, version: 1, dueDate: day(90) } }, as.leader);
    expect(error.extensions?.fields).toEqual([{ path: ['changes', 'dueDateReason'], message: 'give the reason the due date moves' }]);

    // A moved date with its reason, and a note: the note is not dropped.
    await gql(UPDATE_ACTION, { input: { id: item.id, version: 1, dueDate: day(90), dueDateReason: 'Trainers not yet hired.', comment: 'Agreed with the regional director.' } }, as.leader);
    // With a status change too, the note goes with the status and the reason with the date.
    await gql(UPDATE_ACTION, {
      input: { id: item.id, version: 2, dueDate: day(120), dueDateReason: 'Venue lost.', status: 'BLOCKED', comment: 'Waiting on estates.' },
    }, as.leader);
    const events = await actionHistory(item.id);
    expect(events.map((e) => [e.kind, e.comment])).toEqual([
      ['CREATED', null],
      ['DUE_DATE_CHANGED', 'Trainers not yet hired.\n\nNote: Agreed with the regional director.'],
      ['DUE_DATE_CHANGED', 'Venue lost.'],
      ['STATUS_CHANGED', 'Waiting on estates.'],
    ]);
  });

  it('records each addressee’s response, for its own leaders and administrators, with its date, and lets it be replaced', async () => {
    const rec = await prisma.recommendation.findFirstOrThrow({
      where: { addressees: { some: { organisation: { shortName: 'HMPPS' } } } },
      include: { addressees: { include: { organisation: true } } },
    });
    const before = rec.addressees.find((a) => a.organisation.shortName === 'HMPPS')!.response;
    const id = globalId('Recommendation', rec.id);
    const hmpps = demo.org('HMPPS').id;
    // A Welsh leader does not answer for HMPPS; an HMPPS leader does.
    await refused('FORBIDDEN', RESPOND, { input: { id, version: rec.version, organisationId: hmpps, response: 'ACCEPTED' } }, as.leader);
    await refused('BAD_USER_INPUT', RESPOND, { input: { id, version: rec.version, organisationId: hmpps, response: 'ACCEPTED', respondedOn: day(3) } }, as.hmppsLeader);
    // Nor before its report was published.
    const tooEarly = await refused('BAD_USER_INPUT', RESPOND, { input: { id, version: rec.version, organisationId: hmpps, response: 'NOT_ACCEPTED', respondedOn: '2001-01-01' } }, as.hmppsLeader);
    expect(tooEarly.message).toMatch(/^respondedOn: cannot be before the report was published \(\d{1,2} \w{3,4} \d{4}\)$/);
    const { setRecommendationResponse: answered } = await gql(RESPOND, {
      input: { id, version: rec.version, organisationId: hmpps, response: 'PARTLY_ACCEPTED', note: 'Accepted for the Probation Service only.', respondedOn: '2023-10-04' },
    }, as.hmppsLeader);
    expect(answered.addressees).toContainEqual({
      organisation: { shortName: 'HMPPS' }, response: 'PARTLY_ACCEPTED', responseNote: 'Accepted for the Probation Service only.',
      respondedAt: '2023-10-04T00:00:00.000Z', viewerCanRespond: true,
    });
    // Someone else answering from the version before is told so.
    await refused('CONFLICT', RESPOND, { input: { id, version: rec.version, organisationId: hmpps, response: 'ACCEPTED' } }, as.admin);
    // An administrator corrects it; then it goes back to awaiting, its date cleared.
    await gql(RESPOND, { input: { id, version: answered.version, organisationId: hmpps, response: 'ACCEPTED', note: 'Accepted in full.' } }, as.admin);
    const { setRecommendationResponse: back } = await gql(RESPOND, { input: { id, version: answered.version + 1, organisationId: hmpps, response: 'AWAITING_RESPONSE' } }, as.admin);
    expect(back.addressees).toContainEqual(expect.objectContaining({ organisation: { shortName: 'HMPPS' }, response: 'AWAITING_RESPONSE', respondedAt: null }));
    const events = await prisma.historyEvent.findMany({ where: { recommendationId: rec.id, kind: 'RESPONSE_CHANGED' }, orderBy: { id: 'asc' }, include: { actor: true } });
    expect(events.slice(-3).map((e) => [e.actor.email, e.fromValue, e.toValue, e.comment])).toEqual([
      ['hmpps.leader@example.org', before, 'PARTLY_ACCEPTED', 'Accepted for the Probation Service only.\n\nResponded on 4 Oct 2023.'],
      ['admin@example.org', 'PARTLY_ACCEPTED', 'ACCEPTED', `Accepted in full.\n\nResponded on ${readableDay(new Date())}.`],
      ['admin@example.org', 'ACCEPTED', 'AWAITING_RESPONSE', null],
    ]);
  });

  it('offers as owners only the organisations the caller may give an action to, by the server’s rule', async () => {
    const names = async (actor: Actor) =>
      (await gql(ORGANISATIONS, { filter: { viewerMay: 'MANAGE_ACTION_ITEM', active: true } }, actor)).organisations.edges.map((e: { node: { name: string } }) => e.node.name).sort();
    expect(await names(as.leader)).toEqual(['Cardiff and Vale PDU', 'Probation Service Wales', 'Swansea, Neath and Port Talbot PDU']);
    expect((await names(as.inspector)).length).toBe(await prisma.organisation.count({ where: { active: true } }));
    expect(await names(as.viewer)).toEqual([]);
  });

  it('deactivates an organisation with history: not offered, takes no new work, keeps its records', async () => {
    const swansea = await prisma.organisation.findFirstOrThrow({ where: { name: 'Swansea, Neath and Port Talbot PDU' } });
    const id = globalId('Organisation', swansea.id);
    const ownedBefore = await prisma.actionItem.count({ where: { ownerId: swansea.id } });
    await refused('FORBIDDEN', UPDATE_ORGANISATION, { input: { id, version: swansea.version, active: false } }, as.leader);
    const { updateOrganisation } = await gql(UPDATE_ORGANISATION, { input: { id, version: swansea.version, active: false } }, as.admin);
    expect(updateOrganisation).toEqual({ active: false, version: swansea.version + 1 });
    const offered = (await gql(ORGANISATIONS, { filter: { viewerMay: 'MANAGE_ACTION_ITEM', active: true } }, as.leader)).organisations.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(offered).not.toContain(swansea.name);
    const error = await refused('BAD_USER_INPUT', CREATE_ACTION, {
      input: { recommendationId: demo.rec(2023, 'R12').id, description: 'Anything', ownerId: id, dueDate: day(30) },
    }, as.leader);
    expect(error.extensions?.fields).toEqual([{ path: ['ownerId'], message: 'the organisation is inactive and takes no new work' }]);
    expect(await prisma.actionItem.count({ where: { ownerId: swansea.id } })).toBe(ownedBefore);
    await gql(UPDATE_ORGANISATION, { input: { id, version: swansea.version + 1, active: true } }, as.admin);
    const events = await prisma.historyEvent.findMany({ where: { subject: 'ORGANISATION', subjectId: swansea.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.field, e.fromValue, e.toValue])).toEqual([['active', 'active', 'inactive'], ['active', 'inactive', 'active']]);
  });

  it('warns of a past due date when asked to, and keeps the confirmed warning in history', async () => {
    const input = { recommendationId: demo.rec(2023, 'R12').id, description: 'Review the backlog of risk assessments', ownerId: demo.org('Cardiff and Vale PDU').id, dueDate: day(-10) };
    const error = await refused('BAD_USER_INPUT', CREATE_ACTION, { input: { ...input, confirmedWarnings: [] } }, as.leader);
    const warning = `The due date, ${readableDay(day(-10))}, is already past.`;
    expect(error.extensions?.warnings).toEqual([{ warning: 'DUE_DATE_PAST', message: warning }]);
    const { createActionItem: item } = await gql(CREATE_ACTION, { input: { ...input, confirmedWarnings: ['DUE_DATE_PAST'] } }, as.leader);
    expect((await actionHistory(item.id))[0]).toMatchObject({ kind: 'CREATED', confirmedWarning: warning });
    // Moving it to another past day asks again; a script that asks for no warnings is not stopped.
    await refused('BAD_USER_INPUT', UPDATE_ACTION, { input: { id: item.id, version: 1, dueDate: day(-5), dueDateReason: 'Typo.', confirmedWarnings: [] } }, as.leader);
    await gql(UPDATE_ACTION, { input: { id: item.id, version: 1, dueDate: day(-5), dueDateReason: 'Typo.' } }, as.leader);
    expect((await actionHistory(item.id))[1]).toMatchObject({ kind: 'DUE_DATE_CHANGED', confirmedWarning: null });
  });

  it('warns when "implemented" is claimed with no evidence while an action is blocked or overdue', async () => {
    const rec = await prisma.recommendation.findFirstOrThrow({
      where: { status: { not: 'IMPLEMENTED' }, actionItems: { none: { evidence: { some: {} } } }, owner: { shortName: 'HMPPS' } },
    });
    const id = globalId('Recommendation', rec.id);
    await gql(CREATE_ACTION, { input: { recommendationId: id, description: 'Commission the new perpetrator programme', ownerId: demo.org('HMPPS').id, status: 'BLOCKED', dueDate: day(30) } }, as.hmppsLeader);
    const STATUS = `mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { status version } }`;
    const claim = { id, version: rec.version, status: 'IMPLEMENTED', comment: 'Done as far as we can tell.' };
    const error = await refused('BAD_USER_INPUT', STATUS, { input: { ...claim, confirmedWarnings: [] } }, as.hmppsLeader);
    expect(error.extensions?.warnings).toEqual([
      { warning: 'IMPLEMENTED_WITHOUT_EVIDENCE', message: 'No evidence backs the plan, and the action “Commission the new perpetrator programme” is blocked.' },
    ]);
    await gql(STATUS, { input: { ...claim, confirmedWarnings: ['IMPLEMENTED_WITHOUT_EVIDENCE'] } }, as.hmppsLeader);
    const [event] = await prisma.historyEvent.findMany({ where: { recommendationId: rec.id, kind: 'STATUS_CHANGED' }, orderBy: { id: 'desc' }, take: 1 });
    expect(event).toMatchObject({ toValue: 'IMPLEMENTED', comment: 'Done as far as we can tell.', confirmedWarning: expect.stringContaining('is blocked') });
    const { history } = await gql(`query ($id: ID!) { history(first: 1, filter: { recommendationId: $id, kinds: [STATUS_CHANGED] }) { edges { node { confirmedWarning } } } }`, { id });
    expect(history.edges[0].node.confirmedWarning).toContain('No evidence backs the plan');
  });
  it('asks inspectors again about a claim of implemented made after a verdict short of achieved, and counts it as awaiting, not overstated', async () => {
    const inspector = await prisma.user.findUniqueOrThrow({ where: { email: 'inspector@example.org' } });
    const rec = await prisma.recommendation.findFirstOrThrow({
      where: { status: 'IN_PROGRESS', withdrawnAt: null, latestVerdict: null, owner: { shortName: 'HMPPS' }, report: { inspectorateId: inspector.organisationId! } },
      orderBy: { id: 'asc' },
    });
    const id = globalId('Recommendation', rec.id);
    const STATUS = `mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { version reportedVsVerified } }`;
    const ASSESS = `mutation ($input: RecordAssessmentInput!) { recordAssessment(input: $input) { recommendation { version reportedVsVerified } } }`;
    const GAP = `query ($id: ID!) { recommendation(id: $id) { reportedVsVerified } }`;
    const LISTED = `query ($gap: ReportedVsVerified!) { recommendations(first: 100, filter: { gaps: [$gap] }) { totalCount edges { node { id } } } }`;
    const DASHBOARD = `{ dashboard { reportedVsVerified { gap count } } }`;
    const toAssess = async () => (await gql(`{ myWork { section reference title } }`, {}, as.inspector)).myWork
      .filter((item: { section: string }) => item.section === 'TO_ASSESS').map((item: { reference: string }) => item.reference);
    /** Where the recommendation stands, by every way the product answers it: its field, the list filter, the dashboard, the inspector's work. */
    const standing = async () => {
      const { recommendation } = await gql(GAP, { id });
      const gap = recommendation.reportedVsVerified as string;
      const listed = await gql(LISTED, { gap });
      const { dashboard } = await gql(DASHBOARD, {});
      const counted = dashboard.reportedVsVerified.find((row: { gap: string }) => row.gap === gap)?.count;
      expect(listed.recommendations.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(id);
      expect(counted).toBe(listed.recommendations.totalCount);
      return { gap, toAssess: (await toAssess()).includes(rec.reference) };
    };

    let version = rec.version;
    const claim = async (status: string) => {
      ({ version } = (await gql(STATUS, { input: { id, version, status, comment: `Now ${status}.` } }, as.hmppsLeader)).updateRecommendationStatus);
    };
    await claim('IMPLEMENTED');
    expect(await standing()).toEqual({ gap: 'UNVERIFIED', toAssess: true });
    const assess = async (verdict: string) =>
      (await gql(ASSESS, { input: { recommendationId: id, verdict, commentary: `Found ${verdict} on a visit.` } }, as.inspector)).recordAssessment.recommendation;
    ({ version } = await assess('NOT_ACHIEVED'));
    expect(await standing()).toEqual({ gap: 'OVERSTATED', toAssess: false });
    // The owner takes it up again and, later, reports it done once more: a new claim, not yet assessed.
    await claim('IN_PROGRESS');
    expect(await standing()).toEqual({ gap: 'NONE', toAssess: false });
    await claim('IMPLEMENTED');
    expect(await standing()).toEqual({ gap: 'UNVERIFIED', toAssess: true });
    // Assessed again: it waits for no one.
    await assess('ACHIEVED');
    expect(await standing()).toEqual({ gap: 'CONFIRMED', toAssess: false });
  });
});
