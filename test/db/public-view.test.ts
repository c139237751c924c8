import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, prisma } from '../../server/db/client.ts';
import { setRecommendationInternal, setReportPublic } from '../../server/domain/publication.ts';
import type { RunningServer } from '../../server/server.ts';
import { createTestDatabase, databaseKind, type TestDatabaseConfig } from '../support/database.ts';
import { demoActors } from '../support/graphql.ts';
import { startTestServer } from '../support/server.ts';

/** Each marker is a string that appears once, in a place the public page must never show. */
const INTERNAL = {
  internalReference: 'MARKER-INTERNAL-REFERENCE',
  internalText: 'MARKER-INTERNAL-RECOMMENDATION-TEXT',
  planText: 'MARKER-PLAN-TEXT',
  priorityReason: 'MARKER-PRIORITY-REASON',
  internalResponseNote: 'MARKER-INTERNAL-RESPONSE-NOTE',
  withdrawalReason: 'MARKER-WITHDRAWAL-REASON',
  assessmentCommentary: 'MARKER-ASSESSMENT-COMMENTARY',
  actionDescription: 'MARKER-ACTION-DESCRIPTION',
  leadPerson: 'MARKER-LEAD-PERSON',
  evidenceSummary: 'MARKER-EVIDENCE-SUMMARY',
  evidenceUrl: 'https://example.org/MARKER-EVIDENCE-URL',
  evidenceFileName: 'MARKER-EVIDENCE-FILE.pdf',
  evidenceFileKey: 'MARKER-EVIDENCE-FILE-KEY',
  verificationNote: 'MARKER-VERIFICATION-NOTE',
  historyComment: 'MARKER-STATUS-NOTE',
  historyFrom: 'MARKER-HISTORY-FROM',
  historyTo: 'MARKER-HISTORY-TO',
  confirmedWarning: 'MARKER-CONFIRMED-WARNING',
  discussion: 'MARKER-DISCUSSION-COMMENT',
  publicationNote: 'MARKER-PUBLICATION-NOTE',
  internalNote: 'MARKER-INTERNAL-MARKING-NOTE',
};

const PUBLIC = {
  title: 'Thematic inspection of victim contact',
  summary: 'What the inspectors found, for everyone.',
  text: 'The Probation Service should <script>alert("x")</script> & contact every victim within 10 days.',
  responseNote: 'Accepted: contact targets set for every region.',
};

/** The real server on a fresh database with the demo data; the public view as the test sets it. */
async function serve(publicReports: boolean, demoData = true): Promise<{ server: RunningServer; database: TestDatabaseConfig }> {
  const database = await createTestDatabase();
  return { server: await startTestServer(database.config, { publicReports, demoData }), database };
}

const page = (server: RunningServer, id: number | string) => fetch(`${server.url}/public/reports/${id}`);

/** Starting a server loads the demo data: on a busy machine, more than the default minute. */
const STARTING = 300_000;

describe(`the public view of reports on ${databaseKind}`, () => {
  it('answers 404 when the setting is off, even for a report marked public', async () => {
    const { server, database } = await serve(false, false);
    try {
      const inspectorate = await prisma.organisation.create({ data: { name: 'HM Inspectorate of Probation', kind: 'INSPECTORATE' } });
      const report = await prisma.report.create({
        data: { title: PUBLIC.title, kind: 'THEMATIC', publishedOn: new Date('2025-03-01'), inspectorateId: inspectorate.id, isPublic: true },
      });
      const response = await page(server, report.id);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('Not found');
      expect((await fetch(`${server.url}/public/anything`)).status).toBe(404);
    } finally {
      await server.close();
      await database.drop();
    }
  }, STARTING);

  describe('with the setting on', () => {
    let server: RunningServer;
    let database: TestDatabaseConfig;
    let reportId: number;
    let hiddenReportId: number;

    beforeAll(async () => {
      ({ server, database } = await serve(true));
      const as = await demoActors();
      const inspectorate = await prisma.organisation.findFirstOrThrow({ where: { kind: 'INSPECTORATE' } });
      const owner = await prisma.organisation.findFirstOrThrow({ where: { shortName: 'HMPPS' } });
      const report = await prisma.report.create({
        data: { title: PUBLIC.title, summary: PUBLIC.summary, kind: 'THEMATIC', publishedOn: new Date('2025-03-01'), inspectorateId: inspectorate.id },
      });
      reportId = report.id;
      const shown = await prisma.recommendation.create({
        data: {
          reportId, reference: 'R1', position: 1, text: PUBLIC.text, ownerId: owner.id, status: 'IN_PROGRESS',
          planText: INTERNAL.planText, isPriority: true, priorityReason: INTERNAL.priorityReason,
          addressees: { create: { organisationId: owner.id, response: 'ACCEPTED', responseNote: PUBLIC.responseNote } },
        },
      });
      await prisma.recommendation.create({
        data: {
          reportId, reference: 'R2', position: 2, text: 'A recommendation the inspectorate withdrew.', ownerId: owner.id,
          withdrawnAt: new Date('2025-06-01'), withdrawalReason: INTERNAL.withdrawalReason,
        },
      });
      const internal = await prisma.recommendation.create({
        data: {
          reportId, reference: INTERNAL.internalReference, position: 3, text: INTERNAL.internalText, ownerId: owner.id,
          addressees: { create: { organisationId: owner.id, response: 'NOT_ACCEPTED', responseNote: INTERNAL.internalResponseNote } },
        },
      });
      const assessment = await prisma.assessment.create({
        data: { recommendationId: shown.id, verdict: 'PARTLY_ACHIEVED', commentary: INTERNAL.assessmentCommentary, assessedOn: new Date('2025-09-01'), inspectorId: as.inspector.userId },
      });
      await prisma.recommendation.update({ where: { id: shown.id }, data: { latestAssessmentId: assessment.id, latestVerdict: 'PARTLY_ACHIEVED' } });
      const item = await prisma.actionItem.create({
        data: { recommendationId: shown.id, description: INTERNAL.actionDescription, leadPerson: INTERNAL.leadPerson, ownerId: owner.id },
      });
      const evidence = await prisma.evidence.create({
        data: {
          actionItemId: item.id, summary: INTERNAL.evidenceSummary, url: INTERNAL.evidenceUrl, strength: 'PRACTICE', submittedById: as.hmppsLeader.userId,
          verification: 'INSUFFICIENT', verificationNote: INTERNAL.verificationNote, verifiedById: as.inspector.userId, verifiedAt: new Date(),
        },
      });
      await prisma.evidenceFile.create({
        data: {
          evidenceId: evidence.id, name: INTERNAL.evidenceFileName, contentType: 'application/pdf', size: 4, sha256: '0'.repeat(64),
          storage: 'DATABASE', storageKey: INTERNAL.evidenceFileKey, uploadedById: as.hmppsLeader.userId,
        },
      });
      await prisma.historyEvent.create({
        data: {
          kind: 'STATUS_CHANGED', subject: 'RECOMMENDATION', subjectId: shown.id, recommendationId: shown.id, reportId, field: 'status',
          fromValue: INTERNAL.historyFrom, toValue: INTERNAL.historyTo, comment: INTERNAL.historyComment, confirmedWarning: INTERNAL.confirmedWarning, actorId: as.hmppsLeader.userId,
        },
      });
      const comment = await prisma.comment.create({
        data: { recommendationId: shown.id, authorId: as.inspector.userId, text: INTERNAL.discussion, mentions: { create: { userId: as.hmppsLeader.userId } } },
      });
      await prisma.comment.create({ data: { recommendationId: shown.id, actionItemId: item.id, authorId: as.hmppsLeader.userId, text: `${INTERNAL.discussion} on the action` } });
      expect(comment.id).toBeGreaterThan(0);

      // Marked through the domain, as an inspector does, so the marks leave history too.
      await inTransaction((tx) => setRecommendationInternal(tx, as.inspector, { id: internal.id, version: internal.version, isInternal: true, comment: INTERNAL.internalNote }));
      await inTransaction((tx) => setReportPublic(tx, as.inspector, { id: reportId, version: report.version, isPublic: true, comment: INTERNAL.publicationNote }));
      hiddenReportId = (await prisma.report.findFirstOrThrow({ where: { isPublic: false } })).id;
    }, STARTING);
    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it('shows the report, its recommendations, responses, status and verdicts, escaped, under a strict policy', async () => {
      const response = await page(server, reportId);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/);
      const html = await response.text();
      for (const text of [PUBLIC.title, PUBLIC.summary, PUBLIC.responseNote, 'Recommendation R1', 'Recommendation R2', 'In progress', 'Partly achieved', 'Accepted', 'Withdrawn']) {
        expect(html).toContain(text);
      }
      expect(html).toContain('The Probation Service should &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; contact every victim');
      expect(html).not.toContain('<script');
    });

    it('never shows anything internal, nor any person’s name or email', async () => {
      const html = await (await page(server, reportId)).text();
      for (const [kind, marker] of Object.entries(INTERNAL)) expect(html.includes(marker), kind).toBe(false);
      expect(html).not.toMatch(/MARKER/);
      const users = await prisma.user.findMany({ select: { name: true, email: true } });
      expect(users.length).toBeGreaterThan(4);
      for (const user of users) {
        expect(html.includes(user.name), user.name).toBe(false);
        expect(html.includes(user.email), user.email).toBe(false);
      }
      expect(html).not.toMatch(/@example\.org/);
    });

    it('answers 404 for a report not marked public, one that does not exist, and anything else under /public', async () => {
      for (const id of [hiddenReportId, 999_999, 99_999_999_999, 'abc', '0', '1.5']) {
        const response = await page(server, id);
        expect(response.status, String(id)).toBe(404);
        expect(await response.text()).toBe('Not found');
      }
      expect((await fetch(`${server.url}/public/reports`)).status).toBe(404);
      expect((await fetch(`${server.url}/public/reports/${reportId}`, { method: 'POST' })).status).toBe(404);
    });

    it('takes a report off at once when it is marked not public, with a history event', async () => {
      const as = await demoActors();
      const { version } = await prisma.report.findUniqueOrThrow({ where: { id: reportId } });
      await inTransaction((tx) => setReportPublic(tx, as.inspector, { id: reportId, version, isPublic: false }));
      expect((await page(server, reportId)).status).toBe(404);
      const events = await prisma.historyEvent.findMany({ where: { reportId, field: 'isPublic' }, orderBy: { id: 'asc' } });
      expect(events.map((e) => [e.fromValue, e.toValue, e.actorId])).toEqual([['false', 'true', as.inspector.userId], ['true', 'false', as.inspector.userId]]);
    });
  });
});
