import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import type { Actor } from '../../server/domain/actor.ts';
import { readableDay } from '../../server/domain/locale.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { globalId, gql, refused, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();
const { demo, as } = useDemo();

/** Everything the recommendation's page reads, with every answer about what the reader may do there. */
const PAGE = `query ($id: ID!) { recommendation(id: $id) {
  version status targetDate isPriority latestVerdict withdrawnAt withdrawalReason isInternal repeats { reference }
  viewerCanUpdateStatus viewerCanManageActionPlan viewerCanEdit viewerCanLinkRepeats viewerCanAssess viewerCanMarkPriority
  viewerCanWithdraw viewerCanDiscuss report { viewerCanPublish }
  addressees { organisation { shortName } response viewerCanRespond }
  actionItems(first: 5) { edges { node { id version description status owner { shortName } viewerCanEdit viewerCanSubmitEvidence viewerCanDiscuss
    evidence(first: 5) { id version summary verification viewerCanVerify viewerCanChangeFiles files { id name viewerCanRemove } } } } }
  history(first: 1) { totalCount }
  discussion { id text }
} }`;

const WITHDRAW = `mutation ($input: WithdrawRecommendationInput!) { withdrawRecommendation(input: $input) { version withdrawnAt } }`;
const STATUS = `mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { id } }`;
const RESPOND = `mutation ($input: SetRecommendationResponseInput!) { setRecommendationResponse(input: $input) { id } }`;
const EDIT = `mutation ($input: UpdateRecommendationInput!) { updateRecommendation(input: $input) { id } }`;
const PRIORITY = `mutation ($input: SetRecommendationPriorityInput!) { setRecommendationPriority(input: $input) { id } }`;
const ASSESS = `mutation ($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }`;
const ADD_ACTION = `mutation ($input: CreateActionItemInput!) { createActionItem(input: $input) { id } }`;
const EDIT_ACTION = `mutation ($input: UpdateActionItemInput!) { updateActionItem(input: $input) { id } }`;
const COMPLETE_ACTION = `mutation ($input: CompleteActionItemInput!) { completeActionItem(input: $input) { id } }`;
const DELETE_ACTION = `mutation ($input: DeleteActionItemInput!) { deleteActionItem(input: $input) { deletedId } }`;
const SUBMIT = `mutation ($input: SubmitEvidenceInput!) { submitEvidence(input: $input) { id } }`;
const ATTACH = `mutation ($input: AttachEvidenceFilesInput!) { attachEvidenceFiles(input: $input) { files { id } } }`;
const REMOVE_FILE = `mutation ($input: RemoveEvidenceFileInput!) { removeEvidenceFile(input: $input) { id } }`;
const VERIFY = `mutation ($input: VerifyEvidenceInput!) { verifyEvidence(input: $input) { id } }`;
const COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const DELETE_COMMENT = `mutation ($input: DeleteCommentInput!) { deleteComment(input: $input) { deletedAt } }`;
const MARK_READ = `mutation ($input: MarkMentionsReadInput!) { markMentionsRead(input: $input) }`;
const INTERNAL = `mutation ($input: SetRecommendationInternalInput!) { setRecommendationInternal(input: $input) { version isInternal } }`;
const UNLINK = `mutation ($input: UnlinkRepeatInput!) { unlinkRepeat(input: $input) { version } }`;
const LINK = `mutation ($input: LinkRepeatInput!) { linkRepeat(input: $input) { version repeats { reference } } }`;

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const REASON = 'Superseded by the national information-sharing agreement.';

type Page = {
  version: number; status: string; withdrawnAt: string | null; withdrawalReason: string | null; isInternal: boolean; repeats: { reference: string } | null;
  viewerCanUpdateStatus: boolean; viewerCanManageActionPlan: boolean; viewerCanEdit: boolean; viewerCanLinkRepeats: boolean;
  viewerCanAssess: boolean; viewerCanMarkPriority: boolean; viewerCanWithdraw: boolean; viewerCanDiscuss: boolean; report: { viewerCanPublish: boolean };
  addressees: { organisation: { shortName: string }; viewerCanRespond: boolean }[];
  actionItems: { edges: { node: ActionItem }[] };
  history: { totalCount: number };
  discussion: { id: string; text: string }[] | null;
};
type ActionItem = {
  id: string; version: number; description: string; status: string; owner: { shortName: string }; viewerCanEdit: boolean; viewerCanSubmitEvidence: boolean; viewerCanDiscuss: boolean;
  evidence: { id: string; version: number; verification: string; viewerCanVerify: boolean; viewerCanChangeFiles: boolean; files: { id: string; viewerCanRemove: boolean }[] }[];
};

/** The sections of the actor's "my work" that hold something of the recommendation. */
const workOn = async (actor: Actor) =>
  (await gql<{ myWork: { section: string; recommendationId: string }[] }>('{ myWork { section recommendationId } }', {}, actor)).myWork
    .filter((item) => item.recommendationId === rec.id)
    .map((item) => item.section);

/** Which of the recommendation's evidence the evidence list gives with this filter (the inspectors' queue: awaitingVerification). */
const evidenceListed = async (filter: Record<string, unknown>) =>
  (await gql<{ evidence: { edges: { node: { id: string } }[] } }>(
    'query ($filter: EvidenceFilter) { evidence(first: 100, filter: $filter) { edges { node { id } } } }',
    { filter: { ...filter, recommendationId: rec.id } },
    as.inspector,
  )).evidence.edges.map((edge) => edge.node.id);

const page = async (actor: Actor) => (await gql<{ recommendation: Page }>(PAGE, { id: rec.id }, actor)).recommendation;

/** What the page shows of the records themselves, without the answers about what the reader may do. */
const recorded = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(recorded)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('viewerCan')).map(([key, inner]) => [key, recorded(inner)]))
      : value;

/** Every answer about a write of new work on the recommendation and under it, for one reader. */
function writeAnswers(p: Page) {
  const items = p.actionItems.edges.map((edge) => edge.node);
  const evidence = items.flatMap((item) => item.evidence);
  return {
    updateStatus: p.viewerCanUpdateStatus, manageActionPlan: p.viewerCanManageActionPlan, edit: p.viewerCanEdit, assess: p.viewerCanAssess,
    markPriority: p.viewerCanMarkPriority, respond: p.addressees.some((a) => a.viewerCanRespond),
    editAction: items.some((item) => item.viewerCanEdit), submitEvidence: items.some((item) => item.viewerCanSubmitEvidence),
    verify: evidence.some((e) => e.viewerCanVerify), changeFiles: evidence.some((e) => e.viewerCanChangeFiles),
    removeFile: evidence.some((e) => e.files.some((file) => file.viewerCanRemove)),
  };
}

/** 2023 R5: HMPPS's, with actions for HMPPS, Wales and London, and evidence from Wales not yet verified. */
let rec: { id: string; dbId: number };
let before: Page;
let withdrawnOn: string;
let walesAction: ActionItem;
let londonAction: ActionItem;
let walesEvidence: ActionItem['evidence'][number];
let fileId: string;

describe(`a withdrawn recommendation on ${databaseKind}`, () => {
  beforeAll(async () => {
    rec = demo.rec(2023, 'R5');
    // Before it is withdrawn: a file on the Welsh evidence and a comment, so that there is one of each to keep as it was.
    const standing = await page(as.admin);
    walesAction = standing.actionItems.edges.map((edge) => edge.node).find((item) => item.owner.shortName === 'Wales')!;
    walesEvidence = walesAction.evidence[0]!;
    const { attachEvidenceFiles } = await gql(ATTACH, { input: { evidenceId: walesEvidence.id, files: [{ name: 'enquiry-log.png', contentBase64: PNG }] } }, as.leader);
    fileId = attachEvidenceFiles.files[0].id;
    await gql(COMMENT, { input: { onId: rec.id, text: 'The plan for Wales is on track.' } }, as.hmppsLeader);
    before = await page(as.admin);
    walesAction = before.actionItems.edges.map((edge) => edge.node).find((item) => item.owner.shortName === 'Wales')!;
    walesEvidence = walesAction.evidence[0]!;
    londonAction = before.actionItems.edges.map((edge) => edge.node).find((item) => item.owner.shortName === 'London')!;
    // While it stands, an administrator may take every write on it: what the withdrawal must close.
    expect(Object.values(writeAnswers(before)).every(Boolean)).toBe(true);

    // Its unverified evidence waits for the inspector, its open actions are the Welsh leader's work.
    expect(await workOn(as.inspector)).toContain('TO_VERIFY');
    expect(await evidenceListed({ awaitingVerification: true })).toContain(walesEvidence.id);
    expect(await evidenceListed({ awaitingVerification: false })).not.toContain(walesEvidence.id);
    expect((await workOn(as.leader)).length).toBeGreaterThan(0);

    const { withdrawRecommendation } = await gql(WITHDRAW, { input: { id: rec.id, version: before.version, reason: REASON } }, as.inspector);
    withdrawnOn = readableDay(withdrawRecommendation.withdrawnAt);
  });

  it('is read whole, with its open actions cancelled, and answers no to every write of new work, for everyone', async () => {
    const after = await page(as.admin);
    // Its actions still open are cancelled with it, each with its history; finished ones stay as they were.
    const open = before.actionItems.edges.map((edge) => edge.node).filter((item) => !['COMPLETED', 'CANCELLED'].includes(item.status));
    expect(open.length).toBeGreaterThan(0);
    const cancelledWithIt = (items: Page['actionItems']) => ({
      edges: items.edges.map(({ node }) => ({ node: open.some((item) => item.id === node.id) ? { ...node, status: 'CANCELLED', version: node.version + 1 } : node })),
    });
    expect(recorded(after.actionItems)).toEqual(recorded(cancelledWithIt(before.actionItems)));
    const cancellations = await prisma.historyEvent.findMany({ where: { recommendationId: rec.dbId, subject: 'ACTION_ITEM', toValue: 'CANCELLED' } });
    expect(cancellations.map((event) => event.comment)).toEqual(open.map(() => 'Cancelled with its recommendation, which was withdrawn.'));
    // Otherwise read as it was: its evidence, files, discussion, and its history with the withdrawal and the cancellations.
    expect(recorded({ ...after, version: 0, withdrawnAt: null, withdrawalReason: null, history: null, actionItems: null })).toEqual(
      recorded({ ...before, version: 0, history: null, actionItems: null }),
    );
    expect(after.history.totalCount).toBe(before.history.totalCount + 1 + open.length);
    // Nobody is asked to work on it any more: no evidence to verify, no action due or overdue.
    expect(await workOn(as.inspector)).toEqual([]);
    expect(await workOn(as.leader)).toEqual([]);
    expect(await workOn(as.hmppsLeader)).toEqual([]);
    // Nor does the inspectors' queue hold its evidence, which takes no verdict now: it stays unverified, listed as such.
    expect(await evidenceListed({ awaitingVerification: true })).toEqual([]);
    expect(await evidenceListed({ awaitingVerification: false })).toContain(walesEvidence.id);
    expect(await evidenceListed({ verifications: ['UNVERIFIED'] })).toContain(walesEvidence.id);
    expect(after.withdrawnAt).not.toBeNull();
    expect(after.withdrawalReason).toBe(REASON);

    for (const actor of [as.admin, as.inspector, as.hmppsLeader, as.leader]) {
      const seen = await page(actor);
      expect(Object.values(writeAnswers(seen)).some(Boolean), `a write offered to ${actor.role} ${actor.organisationPath ?? ''}`).toBe(false);
      expect(seen.viewerCanWithdraw).toBe(false);
      // What stays open to them: its discussion and its actions' (the Welsh leader's through the Welsh action).
      expect(seen.viewerCanDiscuss).toBe(true);
      expect(seen.actionItems.edges.every((edge) => edge.node.viewerCanDiscuss)).toBe(true);
    }
    // Inspectors still correct its repeat links and decide whether the public page shows it.
    expect(await page(as.inspector)).toMatchObject({ viewerCanLinkRepeats: true, report: { viewerCanPublish: true } });
  });

  it('refuses every write of new work, by anyone who could otherwise make it, saying when it was withdrawn, and changes nothing', async () => {
    const { version } = await page(as.admin);
    const attempts: [string, string, Record<string, unknown>, Actor][] = [
      ['its status', STATUS, { id: rec.id, version, status: 'IMPLEMENTED', comment: 'Done.' }, as.hmppsLeader],
      ['its status, by an administrator', STATUS, { id: rec.id, version, status: 'IMPLEMENTED', comment: 'Done.' }, as.admin],
      ['its status, from the version read before the withdrawal', STATUS, { id: rec.id, version: before.version, status: 'IMPLEMENTED', comment: 'Done.' }, as.hmppsLeader],
      ['a response', RESPOND, { id: rec.id, version, organisationId: demo.org('HMPPS').id, response: 'PARTLY_ACCEPTED' }, as.hmppsLeader],
      ['its target date', EDIT, { id: rec.id, version, targetDate: '2027-03-31', targetDateReason: 'More time.' }, as.inspector],
      ['its text', EDIT, { id: rec.id, version, text: 'Something else.' }, as.inspector],
      ['its priority', PRIORITY, { id: rec.id, version, priority: true, reason: 'Urgent.' }, as.inspector],
      ['a verdict', ASSESS, { recommendationId: rec.id, verdict: 'NOT_ACHIEVED', commentary: 'Not met.' }, as.inspector],
      ['a new action', ADD_ACTION, { recommendationId: rec.id, description: 'Another audit', ownerId: demo.org('Wales').id }, as.leader],
      ['an action’s status', EDIT_ACTION, { id: walesAction.id, version: walesAction.version, status: 'BLOCKED' }, as.leader],
      ['an action completed', COMPLETE_ACTION, { id: walesAction.id, version: walesAction.version }, as.leader],
      ['an action removed', DELETE_ACTION, { id: londonAction.id, version: londonAction.version, comment: 'Not needed.' }, as.hmppsLeader],
      ['new evidence', SUBMIT, { actionItemId: walesAction.id, summary: 'A later log', strength: 'PRACTICE' }, as.leader],
      ['a file attached', ATTACH, { evidenceId: walesEvidence.id, files: [{ name: 'more.png', contentBase64: PNG }] }, as.leader],
      ['a file removed', REMOVE_FILE, { id: fileId, comment: 'Wrong file.' }, as.leader],
      ['evidence verified', VERIFY, { id: walesEvidence.id, version: walesEvidence.version, verification: 'ACCEPTED', note: 'Good.' }, as.inspector],
    ];
    for (const [what, query, input, actor] of attempts) {
      const error = await refused('CONFLICT', query, { input }, actor).catch((cause: Error) => {
        throw new Error(`${what}: ${cause.message}`);
      });
      expect(error.message, what).toMatch(new RegExp(`^This recommendation was withdrawn on ${withdrawnOn}; `));
      // A refusal by the rules, not a stale read: reloading would not help.
      expect(error.extensions?.stale, what).toBeUndefined();
    }
  });

  it('still refuses those who could not make the write anyway as it always did', async () => {
    const { version } = await page(as.admin);
    await refused('FORBIDDEN', STATUS, { input: { id: rec.id, version, status: 'IMPLEMENTED', comment: 'Done.' } }, as.viewer);
    // The Welsh leader answers for neither HMPPS's status nor London's action.
    await refused('FORBIDDEN', STATUS, { input: { id: rec.id, version, status: 'IMPLEMENTED', comment: 'Done.' } }, as.leader);
    await refused('FORBIDDEN', EDIT_ACTION, { input: { id: londonAction.id, version: londonAction.version, status: 'BLOCKED' } }, as.leader);
  });

  it('keeps its discussion, its repeat links and its place on the public page open, each with history', async () => {
    const events = () => prisma.historyEvent.count({ where: { recommendationId: rec.dbId } });
    const start = await events();
    const withdrawn = await page(as.admin);
    const { addComment } = await gql(COMMENT, { input: { onId: rec.id, text: 'Why was this withdrawn? Wales had started.' } }, as.leader);
    await gql(COMMENT, { input: { onId: walesAction.id, text: 'Keeping the log going locally.' } }, as.leader);
    await gql(COMMENT, { input: { onId: rec.id, text: '@Lee Evans (leader, Wales) the national agreement covers it.' } }, as.inspector);
    await gql(MARK_READ, { input: { recommendationId: rec.id } }, as.leader);
    const { deleteComment } = await gql(DELETE_COMMENT, { input: { id: addComment.id } }, as.leader);
    expect(deleteComment.deletedAt).not.toBeNull();

    const { version } = await page(as.admin);
    const { setRecommendationInternal } = await gql(INTERNAL, { input: { id: rec.id, version, isInternal: true, comment: 'Withdrawn: keep it off the public page.' } }, as.inspector);
    expect(setRecommendationInternal).toMatchObject({ isInternal: true, version: version + 1 });
    const earlier = before.repeats!.reference;
    const { unlinkRepeat } = await gql(UNLINK, { input: { id: rec.id, version: version + 1, comment: 'Linked in error.' } }, as.inspector);
    const repeated = await prisma.recommendation.findFirstOrThrow({ where: { reference: earlier, report: { publishedOn: { lt: new Date('2019-01-01') } } } });
    const { linkRepeat } = await gql(LINK, { input: { id: rec.id, version: unlinkRepeat.version, repeatsId: globalId('Recommendation', repeated.id) } }, as.inspector);
    expect(linkRepeat.repeats).toEqual({ reference: earlier });
    // Four comments' events (three made, one deleted), and one each for the marking, the unlinking and the link.
    expect(await events()).toBe(start + 7);

    // Still withdrawn, with its work as the withdrawal left it.
    const after = await page(as.admin);
    expect(recorded(after.actionItems)).toEqual(recorded(withdrawn.actionItems));
    expect(after).toMatchObject({ status: before.status, isInternal: true, repeats: before.repeats });
    expect(after.withdrawnAt).not.toBeNull();
  });
});
