import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../prisma/seed/demo.ts';
import { prisma } from '../../server/db/client.ts';
import type { Actor } from '../../server/domain/actor.ts';
import { databaseFingerprint } from '../support/consistency.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { demoActors, execute, globalId, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();

type Who = 'anonymous' | 'viewer' | 'readToken' | 'leaderOwn' | 'leaderOther' | 'inspector' | 'administrator';
const everyone: Who[] = ['anonymous', 'viewer', 'readToken', 'leaderOwn', 'leaderOther', 'inspector', 'administrator'];

/** Who may: leaders act within their own organisation's subtree; inspectors and administrators everywhere. */
const LEADER_LEVEL: Who[] = ['leaderOwn', 'inspector', 'administrator'];
const INSPECTOR_LEVEL: Who[] = ['inspector', 'administrator'];
/** The owner's self-reported status: its own leaders, and administrators; inspectors give verdicts instead. */
const OWNER_LEVEL: Who[] = ['leaderOwn', 'administrator'];
const ADMINISTRATOR_LEVEL: Who[] = ['administrator'];
const SIGNED_IN: Who[] = ['viewer', 'leaderOwn', 'leaderOther', 'inspector', 'administrator'];

let actors: Record<string, Actor>;
const id = (type: string, value: number) => globalId(type, value);
const org = async (shortName: string) => (await prisma.organisation.findFirstOrThrow({ where: { OR: [{ shortName }, { name: shortName }] } })).id;
const rec = async (year: number, reference: string) =>
  prisma.recommendation.findFirstOrThrow({ where: { reference, report: { publishedOn: { gte: new Date(`${year}-01-01`), lt: new Date(`${year + 1}-01-01`) } } } });
/** A recommendation of HMPPS that concerns no Welsh organisation: the Welsh leader is outside its discussion. */
const notWelsh = async () => {
  const wales = { path: { startsWith: (await prisma.organisation.findFirstOrThrow({ where: { OR: [{ shortName: 'Wales' }, { name: 'Wales' }] } })).path } };
  return prisma.recommendation.findFirstOrThrow({
    where: { owner: { shortName: 'HMPPS' }, addressees: { none: { organisation: wales } }, actionItems: { none: { owner: wales } } },
    orderBy: { id: 'asc' },
  });
};
const freshItem = async (owner: string) =>
  prisma.actionItem.create({ data: { recommendationId: (await rec(2023, 'R12')).id, description: 'Matrix item', ownerId: await org(owner) } });

/** A 1×1 PNG, and evidence to attach it to. */
const MATRIX_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const matrixEvidence = async (owner: string) => {
  const author = await prisma.user.findFirstOrThrow({ where: { email: 'leader@example.org' } });
  return prisma.evidence.create({ data: { actionItemId: (await freshItem(owner)).id, summary: 'Matrix evidence', strength: 'POLICY', submittedById: author.id } });
};

type Case = {
  mutation: string;
  allowed: Who[];
  /** Whose organisation "own" and "other" mean for this mutation's record: the leaders who act. */
  leaders?: { own: string; other: string };
  /** Makes the variables (and any fixture) for one attempt; `own` says which organisation's record. */
  prepare: (own: boolean) => Promise<Record<string, unknown>>;
  query: string;
};

const cases: Case[] = [
  {
    mutation: 'updateRecommendationStatus', allowed: OWNER_LEVEL, leaders: { own: 'hmpps.leader@example.org', other: 'leader@example.org' },
    query: 'mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { id } }',
    prepare: async () => {
      const r = await rec(2023, 'R2');
      return { input: { id: id('Recommendation', r.id), version: r.version, status: r.status === 'IN_PROGRESS' ? 'IMPLEMENTED' : 'IN_PROGRESS', comment: 'Matrix.' } };
    },
  },
  {
    mutation: 'setRecommendationResponse', allowed: LEADER_LEVEL, leaders: { own: 'hmpps.leader@example.org', other: 'leader@example.org' },
    query: 'mutation ($input: SetRecommendationResponseInput!) { setRecommendationResponse(input: $input) { id } }',
    prepare: async () => {
      const r = await prisma.recommendation.findFirstOrThrow({ where: { id: (await rec(2023, 'R8')).id }, include: { addressees: true } });
      const response = r.addressees[0]!.response === 'ACCEPTED' ? 'PARTLY_ACCEPTED' : 'ACCEPTED';
      return { input: { id: id('Recommendation', r.id), version: r.version, organisationId: id('Organisation', await org('HMPPS')), response } };
    },
  },
  {
    mutation: 'createActionItem', allowed: LEADER_LEVEL, leaders: { own: 'leader@example.org', other: 'leader@example.org' },
    query: 'mutation ($input: CreateActionItemInput!) { createActionItem(input: $input) { id } }',
    prepare: async (own) => ({
      input: { recommendationId: id('Recommendation', (await rec(2023, 'R11')).id), description: 'Matrix action', ownerId: id('Organisation', await org(own ? 'Cardiff and Vale PDU' : 'London')) },
    }),
  },
  {
    mutation: 'updateActionItem', allowed: LEADER_LEVEL, leaders: { own: 'leader@example.org', other: 'leader@example.org' },
    query: 'mutation ($input: UpdateActionItemInput!) { updateActionItem(input: $input) { id } }',
    prepare: async (own) => {
      const item = await freshItem(own ? 'Wales' : 'London');
      return { input: { id: id('ActionItem', item.id), version: item.version, status: 'IN_PROGRESS' } };
    },
  },
  {
    mutation: 'completeActionItem', allowed: LEADER_LEVEL, leaders: { own: 'leader@example.org', other: 'leader@example.org' },
    query: 'mutation ($input: CompleteActionItemInput!) { completeActionItem(input: $input) { id } }',
    prepare: async (own) => {
      const item = await freshItem(own ? 'Swansea, Neath and Port Talbot PDU' : 'Lambeth PDU');
      return { input: { id: id('ActionItem', item.id), version: item.version } };
    },
  },
  {
    mutation: 'deleteActionItem', allowed: LEADER_LEVEL, leaders: { own: 'leader@example.org', other: 'leader@example.org' },
    query: 'mutation ($input: DeleteActionItemInput!) { deleteActionItem(input: $input) { deletedId } }',
    prepare: async (own) => {
      const item = await freshItem(own ? 'Wales' : 'North West');
      return { input: { id: id('ActionItem', item.id), version: item.version, comment: 'Matrix.' } };
    },
  },
  {
    mutation: 'submitEvidence', allowed: LEADER_LEVEL, leaders: { own: 'leader@example.org', other: 'leader@example.org' },
    query: 'mutation ($input: SubmitEvidenceInput!) { submitEvidence(input: $input) { id } }',
    prepare: async (own) => {
      const item = await freshItem(own ? 'Cardiff and Vale PDU' : 'Hackney and City PDU');
      return { input: { actionItemId: id('ActionItem', item.id), summary: 'Matrix evidence', strength: 'PRACTICE' } };
    },
  },
  {
    mutation: 'attachEvidenceFiles', allowed: LEADER_LEVEL, leaders: { own: 'leader@example.org', other: 'leader@example.org' },
    query: 'mutation ($input: AttachEvidenceFilesInput!) { attachEvidenceFiles(input: $input) { id } }',
    prepare: async (own) => {
      const evidence = await matrixEvidence(own ? 'Cardiff and Vale PDU' : 'Hackney and City PDU');
      return { input: { evidenceId: id('Evidence', evidence.id), files: [{ name: 'matrix.png', contentBase64: MATRIX_PNG }] } };
    },
  },
  {
    mutation: 'removeEvidenceFile', allowed: LEADER_LEVEL, leaders: { own: 'leader@example.org', other: 'leader@example.org' },
    query: 'mutation ($input: RemoveEvidenceFileInput!) { removeEvidenceFile(input: $input) { id } }',
    prepare: async (own) => {
      const evidence = await matrixEvidence(own ? 'Cardiff and Vale PDU' : 'Hackney and City PDU');
      const key = randomUUID();
      const content = Buffer.from(MATRIX_PNG, 'base64');
      await prisma.evidenceFileContent.create({ data: { key, content: new Uint8Array(content) } });
      const file = await prisma.evidenceFile.create({
        data: { evidenceId: evidence.id, name: 'matrix.png', contentType: 'image/png', size: content.length, sha256: 'matrix', storage: 'DATABASE', storageKey: key, uploadedById: evidence.submittedById },
      });
      return { input: { id: id('EvidenceFile', file.id), comment: 'Matrix.' } };
    },
  },
  {
    mutation: 'updateRecommendation', allowed: INSPECTOR_LEVEL,
    query: 'mutation ($input: UpdateRecommendationInput!) { updateRecommendation(input: $input) { id } }',
    prepare: async () => {
      const r = await rec(2023, 'R6');
      return { input: { id: id('Recommendation', r.id), version: r.version, text: `${r.text.replace(/ \(\d+\)$/, '')} (${r.version})` } };
    },
  },
  {
    mutation: 'linkRepeat', allowed: INSPECTOR_LEVEL,
    query: 'mutation ($input: LinkRepeatInput!) { linkRepeat(input: $input) { id } }',
    prepare: async () => {
      const r = await prisma.recommendation.update({ where: { id: (await rec(2023, 'R11')).id }, data: { repeatsId: null, repeatConfirmed: false } });
      return { input: { id: id('Recommendation', r.id), version: r.version, repeatsId: id('Recommendation', (await rec(2018, '3')).id) } };
    },
  },
  {
    mutation: 'confirmRepeat', allowed: INSPECTOR_LEVEL,
    query: 'mutation ($input: ConfirmRepeatInput!) { confirmRepeat(input: $input) { id } }',
    prepare: async () => {
      const r = await prisma.recommendation.update({ where: { id: (await rec(2023, 'R11')).id }, data: { repeatsId: (await rec(2018, '3')).id, repeatConfirmed: false } });
      return { input: { id: id('Recommendation', r.id), version: r.version } };
    },
  },
  {
    mutation: 'unlinkRepeat', allowed: INSPECTOR_LEVEL,
    query: 'mutation ($input: UnlinkRepeatInput!) { unlinkRepeat(input: $input) { id } }',
    prepare: async () => {
      const r = await prisma.recommendation.update({ where: { id: (await rec(2023, 'R11')).id }, data: { repeatsId: (await rec(2018, '3')).id, repeatConfirmed: true } });
      return { input: { id: id('Recommendation', r.id), version: r.version, comment: 'Matrix.' } };
    },
  },
  {
    mutation: 'rejectRepeatCandidate', allowed: INSPECTOR_LEVEL,
    query: 'mutation ($input: RejectRepeatCandidateInput!) { rejectRepeatCandidate(input: $input) { id } }',
    prepare: async () => {
      const r = await prisma.recommendation.update({ where: { id: (await rec(2023, 'R11')).id }, data: { repeatsId: null, repeatConfirmed: false } });
      await prisma.repeatDecision.deleteMany({ where: { recommendationId: r.id } });
      return { input: { id: id('Recommendation', r.id), version: r.version, candidateId: id('Recommendation', (await rec(2018, '3')).id), comment: 'Matrix.' } };
    },
  },
  // Loading recommendations into a report: inspectors of its inspectorate (the demo's reports are
  // all HM Inspectorate of Probation's, the demo inspector's) and administrators.
  {
    mutation: 'previewRecommendationIntake', allowed: INSPECTOR_LEVEL,
    query: 'mutation ($input: PreviewRecommendationIntakeInput!) { previewRecommendationIntake(input: $input) { rows { text } } }',
    prepare: async () => ({ input: { reportId: id('Report', (await rec(2023, 'R1')).reportId), text: '1. HMPPS should review the matrix.' } }),
  },
  {
    mutation: 'addRecommendations', allowed: INSPECTOR_LEVEL,
    query: 'mutation ($input: AddRecommendationsInput!) { addRecommendations(input: $input) { id } }',
    prepare: async () => {
      const report = (await rec(2023, 'R1')).reportId;
      const reference = `M${await prisma.recommendation.count({ where: { reportId: report } })}`;
      return { input: { reportId: id('Report', report), recommendations: [{ reference, text: 'Matrix recommendation.', ownerId: id('Organisation', await org('HMPPS')) }] } };
    },
  },
  {
    mutation: 'withdrawRecommendation', allowed: INSPECTOR_LEVEL,
    query: 'mutation ($input: WithdrawRecommendationInput!) { withdrawRecommendation(input: $input) { id } }',
    prepare: async () => {
      const r = await prisma.recommendation.update({ where: { id: (await rec(2023, 'R13')).id }, data: { withdrawnAt: null, withdrawalReason: null } });
      return { input: { id: id('Recommendation', r.id), version: r.version, reason: 'Matrix.' } };
    },
  },
  {
    mutation: 'setRecommendationPriority', allowed: INSPECTOR_LEVEL,
    query: 'mutation ($input: SetRecommendationPriorityInput!) { setRecommendationPriority(input: $input) { id } }',
    prepare: async () => {
      const r = await rec(2023, 'R5');
      return { input: { id: id('Recommendation', r.id), version: r.version, priority: !r.isPriority, reason: 'Matrix.' } };
    },
  },
  {
    mutation: 'addComment', allowed: LEADER_LEVEL, leaders: { own: 'hmpps.leader@example.org', other: 'leader@example.org' },
    query: 'mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }',
    prepare: async () => ({ input: { onId: id('Recommendation', (await notWelsh()).id), text: 'Matrix comment.' } }),
  },
  {
    // Only its author, whoever else may write in the discussion.
    mutation: 'deleteComment', allowed: ['inspector'], leaders: { own: 'hmpps.leader@example.org', other: 'hmpps.leader@example.org' },
    query: 'mutation ($input: DeleteCommentInput!) { deleteComment(input: $input) { id } }',
    prepare: async () => {
      const author = await prisma.user.findFirstOrThrow({ where: { email: 'inspector@example.org' } });
      const comment = await prisma.comment.create({ data: { recommendationId: (await notWelsh()).id, authorId: author.id, text: 'Matrix comment.' } });
      return { input: { id: id('Comment', comment.id) } };
    },
  },
  {
    // Your own reading state: anyone who reads discussions, with any credentials.
    mutation: 'markMentionsRead', allowed: ['readToken', 'leaderOwn', 'leaderOther', 'inspector', 'administrator'],
    query: 'mutation ($input: MarkMentionsReadInput!) { markMentionsRead(input: $input) }',
    prepare: async () => ({ input: { recommendationId: id('Recommendation', (await notWelsh()).id) } }),
  },
  {
    mutation: 'setReportPublic', allowed: INSPECTOR_LEVEL,
    query: 'mutation ($input: SetReportPublicInput!) { setReportPublic(input: $input) { id } }',
    prepare: async () => {
      const report = await prisma.report.findUniqueOrThrow({ where: { id: (await rec(2023, 'R1')).reportId } });
      return { input: { id: id('Report', report.id), version: report.version, isPublic: !report.isPublic } };
    },
  },
  {
    mutation: 'setRecommendationInternal', allowed: INSPECTOR_LEVEL,
    query: 'mutation ($input: SetRecommendationInternalInput!) { setRecommendationInternal(input: $input) { id } }',
    prepare: async () => {
      const r = await rec(2023, 'R6');
      return { input: { id: id('Recommendation', r.id), version: r.version, isInternal: !r.isInternal } };
    },
  },
  {
    mutation: 'createReport', allowed: INSPECTOR_LEVEL,
    query: 'mutation ($input: CreateReportInput!) { createReport(input: $input) { id } }',
    prepare: async () => ({ input: { title: 'Matrix report', kind: 'INSPECTION', publishedOn: '2026-03-01', inspectorateId: id('Organisation', await org('HMIP')), recommendations: [] } }),
  },
  {
    mutation: 'updateReport', allowed: INSPECTOR_LEVEL,
    query: 'mutation ($input: UpdateReportInput!) { updateReport(input: $input) { id } }',
    prepare: async () => {
      const report = await prisma.report.findFirstOrThrow({ where: { kind: 'FOLLOW_UP' } });
      return { input: { id: id('Report', report.id), version: report.version, summary: `Summary version ${report.version}` } };
    },
  },
  {
    mutation: 'verifyEvidence', allowed: INSPECTOR_LEVEL,
    query: 'mutation ($input: VerifyEvidenceInput!) { verifyEvidence(input: $input) { id } }',
    prepare: async () => {
      const item = await freshItem('Wales');
      const author = await prisma.user.findFirstOrThrow({ where: { email: 'leader@example.org' } });
      const evidence = await prisma.evidence.create({ data: { actionItemId: item.id, summary: 'To verify', strength: 'POLICY', submittedById: author.id } });
      return { input: { id: id('Evidence', evidence.id), version: evidence.version, verification: 'ACCEPTED', note: 'Matrix.' } };
    },
  },
  {
    mutation: 'recordAssessment', allowed: INSPECTOR_LEVEL,
    query: 'mutation ($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }',
    prepare: async () => ({ input: { recommendationId: id('Recommendation', (await rec(2023, 'R12')).id), verdict: 'NOT_ACHIEVED', commentary: 'Matrix.' } }),
  },
  {
    mutation: 'createOrganisation', allowed: ADMINISTRATOR_LEVEL,
    query: 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
    prepare: async () => ({ input: { name: `Matrix PDU ${Math.random()}`, kind: 'DELIVERY_UNIT', parentId: id('Organisation', await org('Wales')) } }),
  },
  {
    mutation: 'updateOrganisation', allowed: ADMINISTRATOR_LEVEL,
    query: 'mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }',
    prepare: async () => {
      const o = await prisma.organisation.findFirstOrThrow({ where: { name: 'Lambeth PDU' } });
      return { input: { id: id('Organisation', o.id), version: o.version, shortName: `L${o.version}` } };
    },
  },
  {
    mutation: 'createUser', allowed: ADMINISTRATOR_LEVEL,
    query: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
    prepare: async () => ({ input: { email: `matrix.${Math.random().toString(36).slice(2)}@example.org`, name: 'Matrix', role: 'VIEWER', password: 'a long enough password' } }),
  },
  {
    mutation: 'updateUser', allowed: ADMINISTRATOR_LEVEL,
    query: 'mutation ($input: UpdateUserInput!) { updateUser(input: $input) { id } }',
    prepare: async () => {
      const u = await prisma.user.findFirstOrThrow({ where: { email: 'viewer@example.org' } });
      return { input: { id: id('User', u.id), version: u.version, name: `Val Okafor (viewer) ${u.version}` } };
    },
  },
  {
    mutation: 'createApiToken', allowed: SIGNED_IN,
    query: 'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }',
    prepare: async () => ({ input: { name: 'Matrix token', access: 'READ' } }),
  },
  {
    // Each person's own choice, viewers' too; never through a read-only token.
    mutation: 'setDigestFrequency', allowed: SIGNED_IN,
    query: 'mutation ($frequency: DigestFrequency!) { setDigestFrequency(frequency: $frequency) { id } }',
    prepare: async () => ({ frequency: 'DAILY' }),
  },
];

function actorFor(who: Who, leaders?: { own: string; other: string }): Actor | null {
  switch (who) {
    case 'anonymous':
      return null;
    case 'readToken':
      return { ...actors['admin@example.org']!, apiTokenId: 0, access: 'READ' };
    case 'leaderOwn':
      return actors[leaders?.own ?? 'leader@example.org']!;
    case 'leaderOther':
      return actors[leaders?.other ?? 'leader@example.org']!;
    case 'viewer':
      return actors['viewer@example.org']!;
    case 'inspector':
      return actors['inspector@example.org']!;
    case 'administrator':
      return actors['admin@example.org']!;
  }
}

beforeAll(async () => {
  await loadDemoDataIfEmpty();
  const demo = await demoActors();
  const users = await prisma.user.findMany();
  actors = Object.fromEntries(users.map((user) => [user.email, Object.values(demo).find((a) => a.userId === user.id)!]));
});

describe(`who may do what, on ${databaseKind}`, () => {
  it('covers every mutation of the schema', async () => {
    const { schema } = await import('../../server/graphql/schema.ts');
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    const covered = [...cases.map((c) => c.mutation), 'revokeApiToken', 'login', 'logout'].sort();
    expect(covered).toEqual(mutations);
  });

  for (const testCase of cases) {
    it(`${testCase.mutation}: allowed for ${testCase.allowed.join(', ')}; refused, with nothing written, for the rest`, async () => {
      const outcomes: Record<string, string> = {};
      for (const who of everyone) {
        // "own" is the acting leader's organisation; everyone else is given the same record.
        const variables = await testCase.prepare(who !== 'leaderOther');
        const before = await databaseFingerprint();
        const result = await execute(testCase.query, variables, actorFor(who, testCase.leaders));
        const code = result.errors?.[0]?.extensions?.code as string | undefined;
        outcomes[who] = code ?? 'ALLOWED';
        if (code) expect(await databaseFingerprint(), `${who} was refused but something changed`).toBe(before);
      }
      const expected = Object.fromEntries(
        everyone.map((who) => [who, testCase.allowed.includes(who) ? 'ALLOWED' : who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN']),
      );
      expect(outcomes).toEqual(expected);
    });
  }

  it('revokeApiToken: your own token, or anyone’s for administrators; someone else’s is not found', async () => {
    const owner = actors['leader@example.org']!;
    const token = await prisma.apiToken.create({ data: { userId: owner.userId, name: 'revokable', prefix: 'trk_x', secretHash: `hash-${Math.random()}`, access: 'READ' } });
    const REVOKE = 'mutation ($id: ID!) { revokeApiToken(id: $id) { isActive } }';
    const variables = { id: id('ApiToken', token.id) };
    expect((await execute(REVOKE, variables, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Someone else's token is not found, as one that does not exist: the answer does not tell it exists.
    expect((await execute(REVOKE, variables, actors['inspector@example.org']!)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await execute(REVOKE, { id: id('ApiToken', token.id + 100_000) }, actors['inspector@example.org']!)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await execute(REVOKE, variables, { ...owner, apiTokenId: token.id, access: 'READ' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await execute(REVOKE, variables, owner)).errors).toBeUndefined();
    const other = await prisma.apiToken.create({ data: { userId: owner.userId, name: 'revokable 2', prefix: 'trk_y', secretHash: `hash-${Math.random()}`, access: 'READ' } });
    expect((await execute(REVOKE, { id: id('ApiToken', other.id) }, actors['admin@example.org']!)).errors).toBeUndefined();
  });

  it('lets nobody read without a session or token, and everyone with one read everything', async () => {
    const query = '{ recommendations(first: 1) { totalCount } dashboard { recommendationCount } users(first: 1) { totalCount } }';
    expect((await execute(query, {}, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const who of everyone.filter((w) => w !== 'anonymous')) {
      expect((await execute(query, {}, actorFor(who))).errors, who).toBeUndefined();
    }
  });
});
