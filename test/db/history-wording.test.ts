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
    expect(wordHistoryEvent({ ...on, subject: 'USER', kind: 'UPDATED', field: 'role', fromValue: 'VIEWER', toValue: 'LEADER' })).toBe('changed the user’s role from Viewer to Leader');
    expect(wordHistoryEvent({ ...on, subject: 'ORGANISATION', kind: 'UPDATED', field: 'active', fromValue: 'active', toValue: 'inactive' })).toBe('deactivated the organisation');
  });
});
