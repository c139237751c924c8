import { describe, expect, it } from 'vitest';
import { loadSynthetic } from '../../prisma/seed/synthetic.ts';
import { prisma } from '../../server/db/client.ts';
import { consistencyProblems, tableCounts } from '../support/consistency.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';

useTestDatabase();

describe(`synthetic data on ${databaseKind}`, () => {
  it('loads once per seed: a second load changes nothing', async () => {
    const first = await loadSynthetic({ size: 600, seed: 3 });
    expect(first.loaded).toBe(true);
    expect(first.counts.recommendations).toBe(600);
    const counts = await tableCounts();
    expect(counts.Recommendation).toBe(600);
    expect(counts.ActionItem).toBe(first.counts.actionItems);
    expect(counts.Evidence).toBe(first.counts.evidence);
    expect(counts.HistoryEvent).toBe(first.counts.historyEvents);
    expect(await loadSynthetic({ size: 600, seed: 3 })).toEqual({ loaded: false, counts: {} });
    expect(await tableCounts()).toEqual(counts);
  });

  it('is consistent, and stored dates are the ones planned', async () => {
    expect(await consistencyProblems()).toEqual([]);
    const rec = await prisma.recommendation.findFirstOrThrow({ orderBy: { id: 'asc' }, include: { report: true } });
    expect(rec.createdAt.toISOString()).toBe(`${rec.report.publishedOn.toISOString().slice(0, 10)}T00:00:00.000Z`);
  });

  it('adds a second seed beside the first, and leaves the id sequences past the rows it wrote', async () => {
    const second = await loadSynthetic({ size: 100, seed: 4 });
    expect(second.loaded).toBe(true);
    expect(await prisma.recommendation.count()).toBe(700);
    const report = await prisma.report.findFirstOrThrow();
    const created = await prisma.recommendation.create({
      data: { reportId: report.id, reference: 'NEW', text: 'Created after the load', ownerId: (await prisma.organisation.findFirstOrThrow()).id },
    });
    expect(created.id).toBeGreaterThan(700);
  });
});
