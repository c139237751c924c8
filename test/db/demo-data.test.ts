import { describe, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../prisma/seed/demo.ts';
import * as demo from '../../prisma/seed/demo-data.ts';
import { verifyPassword } from '../../server/auth/password.ts';
import { prisma } from '../../server/db/client.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { consistencyProblems, tableCounts } from '../support/consistency.ts';

useTestDatabase();

describe(`demo data on ${databaseKind}`, () => {
  it('loads into an empty database once, and never twice', async () => {
    expect(await loadDemoDataIfEmpty()).toBe(true);
    const counts = await tableCounts();
    expect(await loadDemoDataIfEmpty()).toBe(false);
    expect(await tableCounts()).toEqual(counts);
    expect(counts).toMatchObject({
      Organisation: demo.organisations.length,
      Report: 3,
      Recommendation: demo.recommendations.length,
      Assessment: demo.assessments.length,
      User: demo.users.length,
    });
  });

  it('is consistent: repeats point to earlier reports, every child has its parent', async () => {
    expect(await consistencyProblems()).toEqual([]);
  });

  it('holds the three reports of the domestic-abuse lineage, with 13 recommendations to HMPPS in 2023', async () => {
    const reports = await prisma.report.findMany({
      orderBy: { publishedOn: 'asc' },
      include: { followsUp: true, recommendations: { include: { addressees: { include: { organisation: true } } } } },
    });
    expect(reports.map((report) => report.publishedOn.toISOString().slice(0, 10))).toEqual(['2018-09-25', '2023-07-04', '2025-10-14']);
    const [of2018, of2023, of2025] = reports;
    expect(of2018!.summary).toContain('five areas');
    expect(of2018!.summary).toContain('112 cases');
    expect(of2023!.summary).toContain('six probation delivery units');
    expect(of2023!.followsUp.map((report) => report.id)).toEqual([of2018!.id]);
    expect(of2025!.kind).toBe('FOLLOW_UP');
    expect(of2023!.recommendations).toHaveLength(13);
    for (const rec of of2023!.recommendations) {
      expect(rec.addressees.map((addressee) => addressee.organisation.shortName)).toEqual(['HMPPS']);
    }
    // The 2025 review assessed every 2023 recommendation.
    const assessed = await prisma.assessment.findMany({ where: { reportId: of2025!.id }, select: { recommendationId: true } });
    expect(new Set(assessed.map((a) => a.recommendationId))).toEqual(new Set(of2023!.recommendations.map((rec) => rec.id)));
    // Several 2023 recommendations repeat 2018 ones, and a chain runs through all three reports.
    expect(of2023!.recommendations.filter((rec) => rec.repeatsId !== null).length).toBeGreaterThanOrEqual(5);
    const chain = await prisma.recommendation.findFirst({
      where: { reportId: of2025!.id, repeats: { repeats: { isNot: null } } },
    });
    expect(chain).not.toBeNull();
  });

  it('derives which recommendations are repeated and unmet, and how long they have been open', async () => {
    const unmet = await prisma.recommendation.findMany({
      where: { isRepeatedUnmet: true },
      include: { report: true },
      orderBy: { id: 'asc' },
    });
    expect(unmet.map((rec) => `${rec.report.publishedOn.getUTCFullYear()} ${rec.reference}`)).toEqual([
      '2023 R3', '2023 R5', '2023 R7', '2023 R8', '2023 R9', '2023 R10', '2023 R13', '2025 1', '2025 2', '2025 3',
    ]);
    const riskAssessment2025 = await prisma.recommendation.findFirstOrThrow({
      where: { reference: '1', report: { kind: 'FOLLOW_UP' } },
    });
    expect(riskAssessment2025.repeatDepth).toBe(2);
    expect(riskAssessment2025.firstMadeOn?.toISOString().slice(0, 10)).toBe('2018-09-25');
    // The 2023 strategy recommendation repeats 2018's but was achieved: not unmet.
    const strategy = await prisma.recommendation.findFirstOrThrow({ where: { reference: 'R1' } });
    expect(strategy).toMatchObject({ latestVerdict: 'ACHIEVED', isRepeatedUnmet: false, repeatDepth: 1 });
  });

  it('says in the data itself that the wording is illustrative', async () => {
    for (const report of await prisma.report.findMany()) expect(report.summary).toContain('Illustrative demo data');
  });

  it('has overdue actions, evidence accepted and insufficient, and history for every change', async () => {
    const today = new Date();
    expect(await prisma.actionItem.count({ where: { dueDate: { lt: today }, status: { notIn: ['COMPLETED', 'CANCELLED'] } } })).toBeGreaterThan(3);
    expect(await prisma.evidence.count({ where: { verification: 'ACCEPTED' } })).toBeGreaterThan(0);
    expect(await prisma.evidence.count({ where: { verification: 'INSUFFICIENT' } })).toBeGreaterThan(0);
    expect(await prisma.evidence.count({ where: { verification: 'UNVERIFIED' } })).toBeGreaterThan(0);
    const moved = await prisma.historyEvent.findMany({ where: { kind: 'TARGET_DATE_CHANGED' } });
    expect(moved.length).toBeGreaterThan(0);
    for (const event of moved) {
      expect(event.fromValue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(event.comment).toBeTruthy();
    }
    // Each recommendation's status is where its history of status changes ends.
    const recommendations = await prisma.recommendation.findMany({
      include: { history: { where: { kind: 'STATUS_CHANGED' }, orderBy: { createdAt: 'asc' } } },
    });
    for (const rec of recommendations) {
      expect(rec.history.at(-1)?.toValue ?? 'NOT_STARTED').toBe(rec.status);
    }
  });

  it('has one user per role, whose demo passwords work and are stored only as hashes', async () => {
    const users = await prisma.user.findMany();
    expect(new Set(users.map((user) => user.role))).toEqual(new Set(['ADMINISTRATOR', 'INSPECTOR', 'LEADER', 'VIEWER']));
    for (const entry of demo.users) {
      const user = users.find((candidate) => candidate.email === entry.email)!;
      expect(user.passwordHash).not.toContain(entry.password);
      expect(await verifyPassword(entry.password, user.passwordHash)).toBe(true);
    }
  });
});
