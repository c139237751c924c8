import { describe, expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import { wordHistoryEvent } from '../../server/domain/history-wording.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { gql, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();
const { demo, as } = useDemo();

const versionOf = async (dbId: number) => (await prisma.recommendation.findUniqueOrThrow({ where: { id: dbId } })).version;
const HISTORY = `query ($id: ID!) { history(first: 50, filter: { recommendationId: $id }) { edges { node { kind summary comment } } } }`;
const timeline = async (id: string) =>
  (await gql(HISTORY, { id }, as.inspector)).history.edges.map((edge: { node: { kind: string; summary: string; comment: string | null } }) => edge.node);

describe(`history in words on ${databaseKind}`, () => {
  it('words each act once, with labels and en-GB dates, never codes', async () => {
    const rec = demo.rec(2023, 'R11');
    const earlier = demo.rec(2018, '3');
    const before = (await timeline(rec.id)).length;

    await gql(`mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { status } }`, {
      input: { id: rec.id, version: await versionOf(rec.dbId), status: 'NOT_PLANNED', comment: 'Superseded by the national strategy.' },
    }, as.admin);
    await gql(`mutation ($input: UpdateRecommendationInput!) { updateRecommendation(input: $input) { targetDate } }`, {
      input: { id: rec.id, version: await versionOf(rec.dbId), targetDate: '2027-03-31', targetDateReason: 'Funding moved to next year.' },
    }, as.inspector);
    // Linked and confirmed in one call: one event, not a link and a confirmation.
    await gql(`mutation ($input: LinkRepeatInput!) { linkRepeat(input: $input) { repeatConfirmed } }`, {
      input: { id: rec.id, version: await versionOf(rec.dbId), repeatsId: earlier.id, confirmed: true },
    }, as.inspector);

    const events = await timeline(rec.id);
    expect(events.length - before).toBe(3);
    const [linked, targeted, status] = events;
    expect(linked).toMatchObject({ kind: 'REPEAT_CONFIRMED', summary: 'confirmed that it repeats 3 (report of 25 Sept 2018)' });
    expect(targeted).toMatchObject({ summary: expect.stringMatching(/^moved the target date from \d+ [A-Z][a-z]+ \d{4} to 31 Mar 2027$/), comment: 'Funding moved to next year.' });
    expect(status).toMatchObject({ summary: expect.stringMatching(/^changed the status from In progress to Not planned$/), comment: 'Superseded by the national strategy.' });
    for (const event of events) expect(event.summary, 'no enum codes or ISO dates').not.toMatch(/[A-Z]{2,}_[A-Z]+|\d{4}-\d{2}-\d{2}|:\d+:/);
  });

  it('names the action in each change to it, once an act, after the action is renamed or removed too', async () => {
    const rec = demo.rec(2023, 'R4');
    const description = 'Audit twenty cases in each region for the quality of domestic abuse enquiries, and report the findings to the board';
    const named = 'the action “Audit twenty cases in each region for the quality…”';
    const { createActionItem: item } = await gql(`mutation ($input: CreateActionItemInput!) { createActionItem(input: $input) { id version } }`, {
      input: { recommendationId: rec.id, description, ownerId: demo.org('HMPPS').id, dueDate: '2031-06-30' },
    }, as.inspector);
    const before = (await timeline(rec.id)).length;
    const update = `mutation ($input: UpdateActionItemInput!) { updateActionItem(input: $input) { version } }`;
    const { updateActionItem: started } = await gql(update, { input: { id: item.id, version: item.version, status: 'IN_PROGRESS' } }, as.inspector);
    const { updateActionItem: moved } = await gql(update, { input: { id: item.id, version: started.version, dueDate: '2031-09-30', dueDateReason: 'Auditors start late.' } }, as.inspector);
    const { completeActionItem: done } = await gql(`mutation ($input: CompleteActionItemInput!) { completeActionItem(input: $input) { version } }`, {
      input: { id: item.id, version: moved.version },
    }, as.inspector);
    // Renamed and then removed: the changes made before still name it as it was called then.
    const { updateActionItem: renamed } = await gql(update, { input: { id: item.id, version: done.version, description: 'Audit cases' } }, as.inspector);
    await gql(`mutation ($input: DeleteActionItemInput!) { deleteActionItem(input: $input) { deletedId } }`, {
      input: { id: item.id, version: renamed.version, comment: 'Merged into the national audit.' },
    }, as.inspector);

    const after = await timeline(rec.id);
    const events = after.slice(0, after.length - before);
    expect(events.map((event: { summary: string }) => event.summary)).toEqual([
      'removed an action “Audit cases”',
      `changed the action’s description from “${description}” to “Audit cases”`,
      `marked ${named} completed (was In progress)`,
      `moved the due date of ${named} from 30 Jun 2031 to 30 Sept 2031`,
      `changed the status of ${named} from Planned to In progress`,
    ]);
  });

  it('answers an organisation’s history to every reader, and a user’s to them and administrators only, each act in words', async () => {
    const ABOUT = `query ($filter: HistoryFilter) { history(first: 50, filter: $filter) { totalCount edges { node { summary comment } } } }`;
    const about = async (filter: object, actor: typeof as.admin) =>
      (await gql(ABOUT, { filter }, actor)).history.edges.map((edge: { node: { summary: string } }) => edge.node.summary);

    const { createOrganisation: region } = await gql(`mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id version } }`, {
      input: { name: 'North Probation Region', kind: 'REGION', parentId: demo.org('HMPPS').id },
    }, as.admin);
    const updateOrganisation = `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { version } }`;
    const { updateOrganisation: renamed } = await gql(updateOrganisation, { input: { id: region.id, version: region.version, name: 'North East Probation Region' } }, as.admin);
    const { updateOrganisation: moved } = await gql(updateOrganisation, { input: { id: region.id, version: renamed.version, parentId: null } }, as.admin);
    await gql(updateOrganisation, { input: { id: region.id, version: moved.version, active: false } }, as.admin);
    const organisationHistory = [
      'deactivated the organisation',
      'cleared the organisation’s parent organisation (was HMPPS)',
      'set the organisation’s former names to North Probation Region',
      'changed the organisation’s name from North Probation Region to North East Probation Region',
      'added the organisation “North Probation Region”',
    ];
    // The changes to an organisation are records' history: every reader sees them.
    expect(await about({ organisationId: region.id }, as.viewer)).toEqual(organisationHistory);

    const { createUser: user } = await gql(`mutation ($input: CreateUserInput!) { createUser(input: $input) { id version } }`, {
      input: { email: 'north.leader@example.org', name: 'North Leader', role: 'VIEWER', password: 'a long enough password' },
    }, as.admin);
    await gql(`mutation ($input: UpdateUserInput!) { updateUser(input: $input) { version } }`, {
      input: { id: user.id, version: user.version, role: 'LEADER', organisationId: demo.org('Wales').id },
    }, as.admin);
    const userDbId = Number(Buffer.from(user.id, 'base64').toString().split(':')[1]);
    const themselves = { ...as.viewer, userId: userDbId, role: 'LEADER' as const, organisationId: demo.org('Wales').dbId };
    await gql(`mutation { setDigestFrequency(frequency: DAILY) { digestFrequency } }`, {}, themselves);
    const accountHistory = [
      'changed the user’s email reminders from Weekly to Daily',
      'set the user’s organisation to Wales',
      'changed the user’s role from Viewer to Leader',
      'added the user north.leader@example.org (Viewer)',
    ];
    expect(await about({ userId: user.id }, as.admin)).toEqual(accountHistory);
    expect(await about({ userId: user.id }, themselves)).toEqual(accountHistory);
    // Another person's account is not theirs to read: no change of it is answered, not even counted.
    expect((await gql(ABOUT, { filter: { userId: user.id } }, as.leader)).history).toEqual({ totalCount: 0, edges: [] });
    expect(await about({ organisationId: region.id }, as.admin)).toEqual(organisationHistory);
  });

  it('words the values of every kind of change as people read them', () => {
    const on = { subject: 'RECOMMENDATION' as const, field: null, fromValue: null, toValue: null };
    expect(wordHistoryEvent({ ...on, kind: 'STATUS_CHANGED', field: 'status', fromValue: 'NOT_STARTED', toValue: 'IN_PROGRESS' }))
      .toBe('changed the status from Not started to In progress');
    expect(wordHistoryEvent({ ...on, subject: 'ACTION_ITEM', kind: 'STATUS_CHANGED', field: 'status', fromValue: 'PLANNED', toValue: 'BLOCKED' }))
      .toBe('changed the action’s status from Planned to Blocked');
    expect(wordHistoryEvent({ ...on, subject: 'ACTION_ITEM', kind: 'DUE_DATE_CHANGED', field: 'dueDate', fromValue: '2024-06-30', toValue: '2025-10-14' }))
      .toBe('moved the action’s due date from 30 Jun 2024 to 14 Oct 2025');
    expect(wordHistoryEvent({ ...on, kind: 'RESPONSE_CHANGED', field: 'response (HMPPS)', fromValue: 'AWAITING_RESPONSE', toValue: 'PARTLY_ACCEPTED' }))
      .toBe('recorded HMPPS’s response: Partly accepted (was Awaiting response)');
    // An event written by an earlier version, whose field named the organisation by its number.
    expect(wordHistoryEvent({ ...on, kind: 'RESPONSE_CHANGED', field: 'response:2', fromValue: 'AWAITING_RESPONSE', toValue: 'ACCEPTED' }))
      .toBe('recorded a response: Accepted (was Awaiting response)');
    expect(wordHistoryEvent({ ...on, kind: 'REPEAT_LINKED', field: 'repeats', fromValue: 'R2 (report of 2018-09-25)', toValue: 'R5 (report of 4 Jul 2023)' }))
      .toBe('proposed that it repeats R5 (report of 4 Jul 2023) (replacing R2 (report of 25 Sept 2018))');
    expect(wordHistoryEvent({ ...on, subject: 'EVIDENCE', kind: 'EVIDENCE_VERIFIED', field: 'verification', fromValue: 'UNVERIFIED', toValue: 'INSUFFICIENT' }))
      .toBe('marked evidence insufficient');
    expect(wordHistoryEvent({ ...on, subject: 'ASSESSMENT', kind: 'ASSESSMENT_RECORDED', toValue: 'NOT_ACHIEVED' })).toBe('recorded the inspectors’ verdict: Not achieved');
    expect(wordHistoryEvent({ ...on, subject: 'ACTION_ITEM', kind: 'CREATED', toValue: 'Audit twenty cases' })).toBe('added an action “Audit twenty cases”');
    // A change to an action names it by its description, cut at a word when long.
    const action = { ...on, subject: 'ACTION_ITEM' as const, subjectName: 'Audit twenty cases' };
    expect(wordHistoryEvent({ ...action, kind: 'STATUS_CHANGED', field: 'status', fromValue: 'PLANNED', toValue: 'IN_PROGRESS' }))
      .toBe('changed the status of the action “Audit twenty cases” from Planned to In progress');
    expect(wordHistoryEvent({ ...action, kind: 'OWNER_CHANGED', field: 'owner', fromValue: 'HMPPS', toValue: 'Wales' }))
      .toBe('changed the owner of the action “Audit twenty cases” from HMPPS to Wales');
    expect(wordHistoryEvent({ ...action, kind: 'UPDATED', field: 'leadPerson', toValue: 'Jo Bloggs' })).toBe('set the lead person of the action “Audit twenty cases” to Jo Bloggs');
    expect(wordHistoryEvent({ ...action, kind: 'COMPLETED', field: 'status', fromValue: 'BLOCKED', toValue: 'COMPLETED' }))
      .toBe('marked the action “Audit twenty cases” completed (was Blocked)');
    expect(wordHistoryEvent({ ...action, subjectName: 'Deliver refreshed training\non domestic abuse, safeguarding and risk to every practitioner', kind: 'DUE_DATE_CHANGED', field: 'dueDate', fromValue: '2024-06-30', toValue: '2025-10-14' }))
      .toBe('moved the due date of the action “Deliver refreshed training on domestic abuse, safeguarding…” from 30 Jun 2024 to 14 Oct 2025');
    expect(wordHistoryEvent({ ...on, subject: 'COMMENT', kind: 'CREATED', toValue: 'Audit twenty cases' })).toBe('commented on the action “Audit twenty cases”');
    expect(wordHistoryEvent({ ...on, subject: 'USER', kind: 'UPDATED', field: 'role', fromValue: 'VIEWER', toValue: 'LEADER' })).toBe('changed the user’s role from Viewer to Leader');
    expect(wordHistoryEvent({ ...on, subject: 'ORGANISATION', kind: 'UPDATED', field: 'active', fromValue: 'active', toValue: 'inactive' })).toBe('deactivated the organisation');
    expect(wordHistoryEvent({ ...on, subject: 'API_TOKEN', kind: 'CREATED', toValue: 'nightly export (READ)' })).toBe('added an API token “nightly export” (Read only)');
  });
});
