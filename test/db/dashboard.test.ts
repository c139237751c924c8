import { beforeAll, describe, expect, it } from 'vitest';
import { actionItemFigures, followUpFigures, ownerOverdueFigures, recommendationFigures, type Figure } from '../../admin/src/dashboard/figures.ts';
import { dashboardQuery, type DashboardData } from '../../admin/src/dashboard/query.ts';
import { listDocument } from '../../admin/src/providers/documents.ts';
import { resources } from '../../admin/src/providers/resources.ts';
import { loadDemoDataIfEmpty } from '../../prisma/seed/demo.ts';
import { loadSynthetic } from '../../prisma/seed/synthetic.ts';
import { prisma } from '../../server/db/client.ts';
import type { Actor } from '../../server/domain/actor.ts';
import {
  actionItemOpenSql,
  actionItemOpenWhere,
  awaitingEvidenceSql,
  awaitingEvidenceWhere,
  isActionItemOpen,
  isActionItemOverdue,
  isAwaitingEvidence,
  isOverdue,
  isUntouched,
  untouchedSql,
  untouchedWhere,
} from '../../server/domain/recommendation-rules.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { demoActors, gql, globalId, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();

/** How many rows the list a figure links to shows, asked exactly as the admin app asks it. */
async function listTotal(figure: Figure, actor: Actor): Promise<number> {
  const mapping = resources[figure.resource]!;
  const result = await gql<Record<string, { totalCount: number }>>(listDocument(mapping, false), { first: 0, offset: 0, ...mapping.variables(figure.filter) }, actor);
  return result[mapping.many]!.totalCount;
}

async function dashboardAs(actor: Actor, organisationId?: string): Promise<DashboardData> {
  return (await gql<{ dashboard: DashboardData }>(dashboardQuery, organisationId ? { organisationId } : {}, actor)).dashboard;
}

/** Every figure the dashboard shows, with the list it links to. */
const figuresOf = (data: DashboardData, scope: string | undefined): Figure[] => [
  ...recommendationFigures(data, scope),
  ...followUpFigures(data, scope),
  ...actionItemFigures(data, scope),
  ...data.overdueByOwner.flatMap(ownerOverdueFigures),
];

describe(`the dashboard on ${databaseKind}`, () => {
  let actors: Awaited<ReturnType<typeof demoActors>>;
  beforeAll(async () => {
    await loadDemoDataIfEmpty();
    // Old, untouched, overdue and finished work of every kind, beside the demo's.
    await loadSynthetic({ size: 400, seed: 5 });
    actors = await demoActors();
  });

  it('counts, on every figure, exactly what the list it links to shows, for everything and for a leader’s organisation', async () => {
    const scopes: [Actor, string | undefined][] = [
      [actors.inspector, undefined],
      [actors.hmppsLeader, globalId('Organisation', actors.hmppsLeader.organisationId!)],
      [actors.leader, globalId('Organisation', actors.leader.organisationId!)],
    ];
    for (const [actor, scope] of scopes) {
      const data = await dashboardAs(actor, scope);
      for (const figure of figuresOf(data, scope)) {
        expect({ scope, figure: figure.label, filter: figure.filter, count: await listTotal(figure, actor) }).toEqual({ scope, figure: figure.label, filter: figure.filter, count: figure.value });
      }
    }
    // The untouched figure is not just the open ones sorted by age (the list it once linked to).
    const all = await dashboardAs(actors.inspector);
    expect(all.staleCount).toBeGreaterThan(0);
    expect(all.staleCount).toBeLessThan(all.openRecommendationCount);
    expect(all.openRecommendationCount).toBeLessThan(all.recommendationCount);
  });

  // The rules the new figures count by, as TypeScript, Prisma filter and SQL: the same rows each way.
  it('picks the same untouched recommendations, open action items and evidence to submit in TypeScript, Prisma and SQL', async () => {
    const ids = (rows: { id: number }[]) => rows.map((row) => row.id).sort((a, b) => a - b);
    const recommendations = await prisma.recommendation.findMany({ select: { id: true, status: true, withdrawnAt: true, updatedAt: true } });
    const untouched = ids(recommendations.filter((row) => isUntouched(row, 90)));
    expect(untouched.length).toBeGreaterThan(0);
    expect(ids(await prisma.recommendation.findMany({ where: untouchedWhere(90), select: { id: true } }))).toEqual(untouched);
    expect(ids(await prisma.$queryRaw<{ id: number }[]>`SELECT r.id FROM "Recommendation" r WHERE ${untouchedSql(90)}`)).toEqual(untouched);

    const items = await prisma.actionItem.findMany({ select: { id: true, status: true, _count: { select: { evidence: true } } } });
    const open = ids(items.filter(isActionItemOpen));
    const awaiting = ids(items.filter((row) => isAwaitingEvidence({ status: row.status, evidenceCount: row._count.evidence })));
    for (const picked of [open, awaiting]) expect(picked.length).toBeGreaterThan(0);
    expect(ids(await prisma.actionItem.findMany({ where: actionItemOpenWhere(), select: { id: true } }))).toEqual(open);
    expect(ids(await prisma.$queryRaw<{ id: number }[]>`SELECT a.id FROM "ActionItem" a WHERE ${actionItemOpenSql()}`)).toEqual(open);
    expect(ids(await prisma.actionItem.findMany({ where: awaitingEvidenceWhere(), select: { id: true } }))).toEqual(awaiting);
    expect(ids(await prisma.$queryRaw<{ id: number }[]>`SELECT a.id FROM "ActionItem" a WHERE ${awaitingEvidenceSql()}`)).toEqual(awaiting);
  });

  it('ranks the organisations with the most overdue work, counted by the overdue rules', async () => {
    const { overdueByOwner, overdueOwnerCount } = await dashboardAs(actors.inspector);
    const recommendations = await prisma.recommendation.findMany({ select: { ownerId: true, targetDate: true, status: true, latestVerdict: true, withdrawnAt: true } });
    const items = await prisma.actionItem.findMany({ select: { ownerId: true, dueDate: true, status: true } });
    const overdue = new Map<number, number>();
    for (const rec of recommendations.filter((row) => isOverdue(row))) overdue.set(rec.ownerId, (overdue.get(rec.ownerId) ?? 0) + 1);
    for (const item of items.filter((row) => isActionItemOverdue(row))) overdue.set(item.ownerId, (overdue.get(item.ownerId) ?? 0) + 1);
    const most = Math.max(...overdue.values());
    expect(overdueByOwner.length).toBeGreaterThan(1);
    expect(overdueByOwner[0]!.overdue).toBe(most);
    const totals = overdueByOwner.map((row) => row.overdue);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    for (const row of overdueByOwner) expect(row.overdue).toBe(row.overdueRecommendations + row.overdueActionItems);
    // The table says how many owners it leaves out (it once stopped at 8 of 9 without a word).
    expect(overdueOwnerCount).toBe(overdue.size);
  });

  it('lists the largest owners, as many as asked for, and says how many there are', async () => {
    // Every owner once came back: at 200,000 recommendations 1,300 of them, a 118 KB answer a sixth as fast.
    const owners = await prisma.recommendation.groupBy({ by: ['ownerId'], _count: { _all: true } });
    expect(owners.length).toBeGreaterThan(2);
    const { dashboard } = await gql<{ dashboard: { ownerCount: number; byOwner: { owner: { id: string }; total: number }[] } }>(
      '{ dashboard(listSize: 2) { ownerCount byOwner { owner { id } total } } }',
      {},
      actors.inspector,
    );
    expect(dashboard.ownerCount).toBe(owners.length);
    const largest = owners.map((owner) => owner._count._all).sort((a, b) => b - a).slice(0, 2);
    expect(dashboard.byOwner.map((row) => row.total)).toEqual(largest);
  });

  it('shows a leader whose organisation owns action items but no recommendations its own work', async () => {
    const wales = globalId('Organisation', actors.leader.organisationId!);
    const data = await dashboardAs(actors.leader, wales);
    expect(data.recommendationCount).toBe(0);
    expect(data.openActionItemCount).toBeGreaterThan(0);
    expect(data.openActionItems.length).toBeGreaterThan(0);
    const within = await prisma.organisation.findMany({ where: { path: { contains: `/${String(actors.leader.organisationId).padStart(10, '0')}/` } }, select: { id: true } });
    const ours = new Set(within.map((org) => globalId('Organisation', org.id)));
    for (const item of data.openActionItems) {
      expect(ours.has(item.owner.id)).toBe(true);
      expect(isActionItemOpen(item as never)).toBe(true);
    }
    // Soonest due first, so what is overdue leads.
    const due = data.openActionItems.map((item) => item.dueDate ?? '9999');
    expect(due).toEqual([...due].sort());
  });
});
