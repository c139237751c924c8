import { describe, expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import { consistencyProblems } from '../support/consistency.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { globalId, gql, refused, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();
const { demo, as } = useDemo();

async function historyOf(dbId: number) {
  return prisma.historyEvent.findMany({ where: { recommendationId: dbId }, orderBy: { id: 'desc' }, include: { actor: true } });
}

const STATUS = `mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { status version statusChangedAt } }`;

describe(`writing on ${databaseKind}`, () => {
  it('changes a status with a comment, bumps the version, and records who, from, to and why', async () => {
    const rec = demo.rec(2023, 'R6');
    const { updateRecommendationStatus } = await gql(STATUS, {
      input: { id: rec.id, version: rec.version, status: 'IMPLEMENTED', comment: 'Practice guide published.' },
    }, as.hmppsLeader);
    expect(updateRecommendationStatus).toMatchObject({ status: 'IMPLEMENTED', version: rec.version + 1 });
    const [event] = await historyOf(rec.dbId);
    expect(event).toMatchObject({
      kind: 'STATUS_CHANGED', fromValue: 'IN_PROGRESS', toValue: 'IMPLEMENTED', comment: 'Practice guide published.', apiTokenId: null,
    });
    expect(event!.actor.email).toBe('hmpps.leader@example.org');
  });

  it('refuses a stale version with CONFLICT and writes nothing', async () => {
    const rec = demo.rec(2023, 'R6');
    const error = await refused('CONFLICT', STATUS, { input: { id: rec.id, version: rec.version, status: 'IN_PROGRESS', comment: 'Late.' } }, as.hmppsLeader);
    expect(error.message).toContain('changed by someone else');
    expect(error.extensions?.currentVersion).toBe(rec.version + 1);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const rec = demo.rec(2023, 'R2');
    const blank = await refused('BAD_USER_INPUT', STATUS, { input: { id: rec.id, version: rec.version, status: 'IMPLEMENTED', comment: '   ' } }, as.hmppsLeader);
    expect(blank.extensions?.fields).toEqual([{ path: ['input', 'comment'], message: 'must not be empty' }]);
    const same = await refused('BAD_USER_INPUT', STATUS, { input: { id: rec.id, version: rec.version, status: 'IN_PROGRESS', comment: 'x' } }, as.hmppsLeader);
    // In the words the screens use, not the API's code: the message reaches the person in the dialog.
    expect(same.extensions?.fields).toEqual([{ path: ['status'], message: 'the status is already In progress: choose another' }]);
    await refused('BAD_USER_INPUT', STATUS, { input: { id: rec.id, version: rec.version, status: 'DONE', comment: 'x' } }, as.hmppsLeader);
    await refused('BAD_USER_INPUT', STATUS, { input: { id: demo.report(2023).id, version: 1, status: 'IMPLEMENTED', comment: 'x' } }, as.hmppsLeader);
    await refused('NOT_FOUND', STATUS, { input: { id: globalId('Recommendation', 99_999), version: 1, status: 'IMPLEMENTED', comment: 'x' } }, as.hmppsLeader);
  });

  it('refuses every write without an acting user: there is no default user', async () => {
    const rec = demo.rec(2023, 'R2');
    await refused('UNAUTHENTICATED', STATUS, { input: { id: rec.id, version: rec.version, status: 'IMPLEMENTED', comment: 'x' } }, null);
  });

  it('moves a target date only with a reason, keeping the old date in history', async () => {
    const rec = demo.rec(2023, 'R2');
    const UPDATE = `mutation ($input: UpdateRecommendationInput!) { updateRecommendation(input: $input) { targetDate version themes { name } addressees { organisation { shortName } response } owner { shortName } } }`;
    const noReason = await refused('BAD_USER_INPUT', UPDATE, { input: { id: rec.id, version: rec.version, targetDate: '2026-12-31' } }, as.inspector);
    expect(noReason.extensions?.fields).toEqual([{ path: ['changes', 'targetDateReason'], message: 'give the reason the target date moves' }]);
    const { updateRecommendation } = await gql(UPDATE, {
      input: {
        id: rec.id, version: rec.version, targetDate: '2026-12-31', targetDateReason: 'Supervision audit moved to next year.',
        themeIds: [demo.theme('staff training').id], addresseeIds: [demo.org('HMPPS').id, demo.org('MoJ').id],
      },
    }, as.inspector);
    expect(updateRecommendation).toMatchObject({
      targetDate: '2026-12-31', version: rec.version + 1, themes: [{ name: 'staff training' }], owner: { shortName: 'HMPPS' },
    });
    expect(updateRecommendation.addressees).toEqual([
      { organisation: { shortName: 'MoJ' }, response: 'AWAITING_RESPONSE' },
      { organisation: { shortName: 'HMPPS' }, response: 'ACCEPTED' },
    ]);
    const events = await historyOf(rec.dbId);
    expect(events.find((e) => e.kind === 'TARGET_DATE_CHANGED')).toMatchObject({
      fromValue: '2024-06-30', toValue: '2026-12-31', comment: 'Supervision audit moved to next year.',
    });
    expect(events.filter((e) => e.kind === 'UPDATED').map((e) => e.field).sort()).toEqual(['addressees', 'themes']);
    await refused('BAD_USER_INPUT', UPDATE, { input: { id: rec.id, version: rec.version + 1, reference: 'R3' } }, as.inspector);
    await refused('BAD_USER_INPUT', UPDATE, { input: { id: rec.id, version: rec.version + 1, targetDate: '2026-12-31' } }, as.inspector);
  });

  it('records each addressee’s response', async () => {
    const rec = await prisma.recommendation.findUniqueOrThrow({ where: { id: demo.rec(2023, 'R2').dbId } });
    const RESPOND = `mutation ($input: SetRecommendationResponseInput!) { setRecommendationResponse(input: $input) { addressees { organisation { shortName } response responseNote } } }`;
    const { setRecommendationResponse } = await gql(RESPOND, {
      input: { id: globalId('Recommendation', rec.id), version: rec.version, organisationId: demo.org('MoJ').id, response: 'PARTLY_ACCEPTED', note: 'Funding only.' },
    }, as.inspector);
    expect(setRecommendationResponse.addressees).toContainEqual({ organisation: { shortName: 'MoJ' }, response: 'PARTLY_ACCEPTED', responseNote: 'Funding only.' });
    const [event] = await historyOf(rec.id);
    expect(event).toMatchObject({ kind: 'RESPONSE_CHANGED', field: 'response (MoJ)', fromValue: 'AWAITING_RESPONSE', toValue: 'PARTLY_ACCEPTED' });
    await refused('BAD_USER_INPUT', RESPOND, {
      input: { id: globalId('Recommendation', rec.id), version: rec.version + 1, organisationId: demo.org('Wales').id, response: 'ACCEPTED' },
    }, as.inspector);
  });

  it('runs an action plan: create, update with a moved due date, complete, delete', async () => {
    const rec = demo.rec(2023, 'R12');
    const { createActionItem } = await gql(`mutation ($input: CreateActionItemInput!) { createActionItem(input: $input) { id version status owner { name } dueDate recommendation { actionItemCount } } }`, {
      input: { recommendationId: rec.id, description: 'Pilot a multidisciplinary team in Wales', ownerId: demo.org('Wales').id, dueDate: '2026-03-31', leadPerson: 'Regional head' },
    }, as.leader);
    expect(createActionItem).toMatchObject({ status: 'PLANNED', owner: { name: 'Probation Service Wales' }, dueDate: '2026-03-31', recommendation: { actionItemCount: 2 } });
    const UPDATE = `mutation ($input: UpdateActionItemInput!) { updateActionItem(input: $input) { version dueDate status isOverdue } }`;
    await refused('BAD_USER_INPUT', UPDATE, { input: { id: createActionItem.id, version: 1, dueDate: '2026-06-30' } }, as.leader);
    await refused('BAD_USER_INPUT', UPDATE, { input: { id: createActionItem.id, version: 1, status: 'COMPLETED' } }, as.leader);
    const { updateActionItem } = await gql(UPDATE, {
      input: { id: createActionItem.id, version: 1, dueDate: '2026-06-30', dueDateReason: 'Waiting for funding.', status: 'IN_PROGRESS', comment: 'Started.' },
    }, as.leader);
    expect(updateActionItem).toMatchObject({ version: 2, dueDate: '2026-06-30', status: 'IN_PROGRESS' });
    const { completeActionItem } = await gql(`mutation ($input: CompleteActionItemInput!) { completeActionItem(input: $input) { status completedOn version isOverdue } }`, {
      input: { id: createActionItem.id, version: 2, completedOn: '2025-11-01', comment: 'Pilot running.' },
    }, as.leader);
    expect(completeActionItem).toEqual({ status: 'COMPLETED', completedOn: '2025-11-01', version: 3, isOverdue: false });
    const itemId = Number(Buffer.from(createActionItem.id, 'base64').toString().split(':')[1]);
    const kinds = (await prisma.historyEvent.findMany({ where: { subject: 'ACTION_ITEM', subjectId: itemId }, orderBy: { id: 'asc' } })).map((e) => e.kind);
    expect(kinds).toEqual(['CREATED', 'DUE_DATE_CHANGED', 'STATUS_CHANGED', 'COMPLETED']);
    const { deleteActionItem } = await gql(`mutation ($input: DeleteActionItemInput!) { deleteActionItem(input: $input) { deletedId recommendation { actionItemCount } } }`, {
      input: { id: createActionItem.id, version: 3, comment: 'Entered twice.' },
    }, as.leader);
    expect(deleteActionItem).toEqual({ deletedId: createActionItem.id, recommendation: { actionItemCount: 1 } });
    expect(await prisma.historyEvent.findFirst({ where: { subject: 'ACTION_ITEM', subjectId: itemId, kind: 'DELETED' } })).toMatchObject({
      fromValue: 'Pilot a multidisciplinary team in Wales', comment: 'Entered twice.',
    });
  });

  it('never deletes an action item with evidence', async () => {
    const item = await prisma.actionItem.findFirstOrThrow({ where: { evidence: { some: {} } } });
    const error = await refused('CONFLICT', `mutation ($input: DeleteActionItemInput!) { deleteActionItem(input: $input) { deletedId } }`, {
      input: { id: globalId('ActionItem', item.id), version: item.version, comment: 'Tidy up.' },
    }, as.hmppsLeader);
    expect(error.message).toContain('CANCELLED');
  });

  it('submits evidence and lets an inspector verify it with a note', async () => {
    const item = await prisma.actionItem.findFirstOrThrow({ where: { description: { startsWith: 'Publish a directory of specialist domestic abuse services for each London' } } });
    const { submitEvidence } = await gql(`mutation ($input: SubmitEvidenceInput!) { submitEvidence(input: $input) { id version verification submittedBy { email } strength } }`, {
      input: { actionItemId: globalId('ActionItem', item.id), summary: 'Lambeth directory', url: 'https://intranet.example.org/lambeth', strength: 'POLICY' },
    }, as.hmppsLeader);
    expect(submitEvidence).toMatchObject({ verification: 'UNVERIFIED', submittedBy: { email: 'hmpps.leader@example.org' }, strength: 'POLICY' });
    await refused('BAD_USER_INPUT', `mutation ($input: SubmitEvidenceInput!) { submitEvidence(input: $input) { id } }`, {
      input: { actionItemId: globalId('ActionItem', item.id), summary: 'x', url: 'javascript:alert(1)', strength: 'POLICY' },
    }, as.hmppsLeader);
    const VERIFY = `mutation ($input: VerifyEvidenceInput!) { verifyEvidence(input: $input) { verification verificationNote verifiedBy { email } version } }`;
    await refused('BAD_USER_INPUT', VERIFY, { input: { id: submitEvidence.id, version: 1, verification: 'UNVERIFIED', note: 'x' } }, as.inspector);
    await refused('BAD_USER_INPUT', VERIFY, { input: { id: submitEvidence.id, version: 1, verification: 'ACCEPTED', note: '' } }, as.inspector);
    const { verifyEvidence } = await gql(VERIFY, { input: { id: submitEvidence.id, version: 1, verification: 'INSUFFICIENT', note: 'One PDU of six.' } }, as.inspector);
    expect(verifyEvidence).toEqual({ verification: 'INSUFFICIENT', verificationNote: 'One PDU of six.', verifiedBy: { email: 'inspector@example.org' }, version: 2 });
    const [event] = await historyOf(item.recommendationId);
    expect(event).toMatchObject({ kind: 'EVIDENCE_VERIFIED', fromValue: 'UNVERIFIED', toValue: 'INSUFFICIENT', comment: 'One PDU of six.' });
    // The same verdict with the same note changes nothing, and says so in words.
    const again = await refused('BAD_USER_INPUT', VERIFY, { input: { id: submitEvidence.id, version: 2, verification: 'INSUFFICIENT', note: 'One PDU of six.' } }, as.inspector);
    expect(again.extensions?.fields).toEqual([{ path: ['verification'], message: 'the evidence is already marked Insufficient, with the same note' }]);
  });

  it('records an assessment, which updates the latest verdict and the repeated-and-unmet answer', async () => {
    const later = demo.rec(2025, '1');
    const before = await gql(`query ($id: ID!) { recommendation(id: $id) { isRepeatedUnmet latestVerdict } }`, { id: later.id });
    expect(before.recommendation).toEqual({ isRepeatedUnmet: true, latestVerdict: null });
    const RECORD = `mutation ($input: RecordAssessmentInput!) { recordAssessment(input: $input) { verdict assessedOn inspector { email } recommendation { latestVerdict isRepeatedUnmet latestAssessment { commentary } } } }`;
    await refused('BAD_USER_INPUT', RECORD, { input: { recommendationId: later.id, verdict: 'ACHIEVED', commentary: 'x', assessedOn: '2099-01-01' } }, as.inspector);
    await refused('BAD_USER_INPUT', RECORD, { input: { recommendationId: later.id, verdict: 'ACHIEVED', commentary: 'x', reportId: demo.report(2018).id } }, as.inspector);
    const { recordAssessment } = await gql(RECORD, {
      input: { recommendationId: later.id, verdict: 'ACHIEVED', commentary: 'Quality panels show sustained improvement.', assessedOn: '2026-10-01' },
    }, as.inspector);
    expect(recordAssessment).toEqual({
      verdict: 'ACHIEVED',
      assessedOn: '2026-10-01',
      inspector: { email: 'inspector@example.org' },
      recommendation: { latestVerdict: 'ACHIEVED', isRepeatedUnmet: false, latestAssessment: { commentary: 'Quality panels show sustained improvement.' } },
    });
    const [event] = await historyOf(later.dbId);
    expect(event).toMatchObject({ kind: 'ASSESSMENT_RECORDED', toValue: 'ACHIEVED' });
  });

  it('loads a new report with its recommendations and repeat links in one call', async () => {
    const CREATE = `mutation ($input: CreateReportInput!) { createReport(input: $input) {
      id title followsUp { publishedOn } recommendations(first: 10) { totalCount edges { node { reference owner { shortName } themes { name } repeats { reference } repeatCount isRepeatedUnmet addressees { organisation { shortName } } } } }
    } }`;
    const input = {
      title: 'Domestic abuse: second review of progress',
      kind: 'FOLLOW_UP',
      publishedOn: '2026-09-15',
      url: 'https://www.example.org/reports/second-review',
      inspectorateId: demo.org('HMIP').id,
      followsUpIds: [demo.report(2025).id],
      recommendations: [
        { reference: '1', text: 'Improve the quality of risk assessment for domestic abuse, again.', ownerId: demo.org('HMPPS').id, themeIds: [demo.theme('risk assessment').id], repeatsId: demo.rec(2025, '2').id, targetDate: '2027-06-30' },
        { reference: '2', text: 'Publish enquiry rates for every delivery unit.', ownerId: demo.org('PS').id, addresseeIds: [demo.org('HMPPS').id] },
      ],
    };
    const duplicate = await refused('BAD_USER_INPUT', CREATE, { input: { ...input, recommendations: [input.recommendations[0], { ...input.recommendations[1], reference: '1' }] } }, as.inspector);
    expect(duplicate.extensions?.fields).toEqual([{ path: ['recommendations', 1, 'reference'], message: 'the reference 1 is used twice' }]);
    await refused('BAD_USER_INPUT', CREATE, { input: { ...input, inspectorateId: demo.org('HMPPS').id } }, as.inspector);
    await refused('BAD_USER_INPUT', CREATE, { input: { ...input, publishedOn: '2025-01-01' } }, as.inspector);
    // A report is loaded once published: a date to come is refused (its recommendations were open for -4 years).
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const early = await refused('BAD_USER_INPUT', CREATE, { input: { ...input, publishedOn: future } }, as.inspector);
    expect(early.extensions?.fields).toMatchObject([{ path: ['publishedOn'] }]);
    const { createReport } = await gql(CREATE, { input }, as.inspector);
    expect(createReport.recommendations.totalCount).toBe(2);
    const [first, second] = createReport.recommendations.edges.map((edge: { node: unknown }) => edge.node);
    expect(first).toMatchObject({ reference: '1', repeats: { reference: '2' }, repeatCount: 3, isRepeatedUnmet: true, themes: [{ name: 'risk assessment' }] });
    expect(second.addressees.map((a: { organisation: { shortName: string } }) => a.organisation.shortName).sort()).toEqual(['HMPPS', 'PS']);
    const reportId = Number(Buffer.from(createReport.id, 'base64').toString().split(':')[1]);
    const events = await prisma.historyEvent.findMany({ where: { reportId } });
    expect(events.map((e) => `${e.subject} ${e.kind}`).sort()).toEqual([
      'RECOMMENDATION CREATED', 'RECOMMENDATION CREATED', 'RECOMMENDATION REPEAT_CONFIRMED', 'REPORT CREATED',
    ]);
  });

  it('updates report details and refuses a date that breaks the order of repeats', async () => {
    const report = await prisma.report.findFirstOrThrow({ where: { publishedOn: new Date('2023-07-04') } });
    const UPDATE = `mutation ($input: UpdateReportInput!) { updateReport(input: $input) { title summary version } }`;
    await refused('BAD_USER_INPUT', UPDATE, { input: { id: globalId('Report', report.id), version: report.version, publishedOn: '2017-01-01' } }, as.inspector);
    await refused('BAD_USER_INPUT', UPDATE, { input: { id: globalId('Report', report.id), version: report.version, title: null } }, as.inspector);
    const { updateReport } = await gql(UPDATE, { input: { id: globalId('Report', report.id), version: report.version, summary: null } }, as.inspector);
    expect(updateReport).toEqual({ title: report.title, summary: null, version: report.version + 1 });
    expect(await prisma.historyEvent.findFirst({ where: { reportId: report.id, kind: 'UPDATED', field: 'summary' } })).not.toBeNull();
  });

  it('leaves the data consistent after all these writes', async () => {
    expect(await consistencyProblems()).toEqual([]);
  });
});
