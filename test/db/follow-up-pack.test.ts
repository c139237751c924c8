import { describe, expect, it } from 'vitest';
import { inTransaction, prisma } from '../../server/db/client.ts';
import { createActionItem, updateActionItem } from '../../server/domain/action-items.ts';
import { loadFollowUpPack } from '../../server/domain/follow-up-pack.ts';
import { gapLabels, label } from '../../server/domain/enum-labels.ts';
import { reportedVsVerified } from '../../server/domain/recommendation-rules.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { countStatements, gql, READER, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();
const { demo, as } = useDemo();

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const codeOf = (promise: Promise<unknown>) => promise.then(() => 'no error', (error: { extensions?: { code?: string } }) => error.extensions?.code);

describe(`the follow-up pack on ${databaseKind}`, () => {
  it('holds every recommendation of the 2023 report in order, with its lineage, earlier verdicts, responses, plan and evidence', async () => {
    const pack = await loadFollowUpPack(as.inspector, demo.report(2023).dbId);
    expect(pack.report).toMatchObject({ inspectorate: 'HM Inspectorate of Probation', kind: 'THEMATIC', publishedOn: day('2023-07-04') });
    expect(pack.report.followsUp.map((earlier) => earlier.publishedOn)).toEqual([day('2018-09-25')]);
    expect(pack.recommendations.map((rec) => rec.reference)).toEqual(Array.from({ length: 13 }, (_, index) => `R${index + 1}`));

    // R3 repeats the 2018 report's recommendation 1: its lineage holds that one (not the 2025 repeat of R3, which is later).
    const r3 = pack.recommendations.find((rec) => rec.reference === 'R3')!;
    expect(r3.lineage).toEqual([
      expect.objectContaining({ reference: '1', report: expect.objectContaining({ publishedOn: day('2018-09-25') }), latestVerdict: 'NOT_ACHIEVED', linkConfirmed: true }),
    ]);
    // Verdicts so far: the 2018 recommendation's in 2023, then R3's own in 2025.
    expect(r3.assessments.map((assessment) => [assessment.reference, assessment.earlier, assessment.verdict, assessment.assessedOn])).toEqual([
      ['1', true, 'NOT_ACHIEVED', day('2023-07-04')],
      ['R3', false, 'NOT_ACHIEVED', day('2025-10-14')],
    ]);
    expect(r3.responses).toEqual([{ organisation: 'HMPPS', response: 'ACCEPTED', note: null, respondedAt: expect.any(Date) }]);
    expect(r3.actionItems.length).toBeGreaterThan(0);
    const evidence = r3.actionItems.flatMap((item) => item.evidence);
    expect(evidence).toContainEqual(expect.objectContaining({ strength: 'PRACTICE', verification: 'INSUFFICIENT', verifiedBy: expect.any(String), verifiedAt: expect.any(Date) }));
    expect(evidence).toContainEqual(expect.objectContaining({ strength: 'OUTCOME', verification: 'UNVERIFIED', verifiedBy: null }));

    // A recommendation that repeats nothing has an empty lineage and only its own verdicts.
    const r2 = pack.recommendations.find((rec) => rec.reference === 'R2')!;
    expect(r2.lineage).toEqual([]);
    expect(r2.assessments.every((assessment) => !assessment.earlier)).toBe(true);
  });

  it('follows a chain of repeats across three reports, earliest first', async () => {
    const pack = await loadFollowUpPack(READER, demo.report(2025).dbId);
    const first = pack.recommendations.find((rec) => rec.reference === '1')!;
    expect(first.lineage.map((earlier) => [earlier.report.publishedOn, earlier.reference])).toEqual([
      [day('2018-09-25'), '1'],
      [day('2023-07-04'), 'R3'],
    ]);
    expect(first.assessments.map((assessment) => assessment.reference)).toEqual(['1', 'R3']);
    expect(first.firstMadeOn).toEqual(day('2018-09-25'));
  });

  it('shows how far target dates slipped from the first one set, with each move and its reason', async () => {
    const pack = await loadFollowUpPack(READER, demo.report(2023).dbId);
    const r3 = pack.recommendations.find((rec) => rec.reference === 'R3')!;
    expect(r3.target).toEqual({
      firstDate: day('2024-03-31'),
      currentDate: day('2026-03-31'),
      days: 730,
      moves: [
        { from: day('2024-03-31'), to: day('2025-03-31'), reason: 'Training roll-out delayed by recruitment of trainers.', on: expect.any(Date) },
        { from: day('2025-03-31'), to: day('2026-03-31'), reason: 'Waiting for the new assessment system release.', on: expect.any(Date) },
      ],
    });
    const r1 = pack.recommendations.find((rec) => rec.reference === 'R1')!;
    expect(r1.target).toMatchObject({ firstDate: day('2024-03-31'), currentDate: day('2024-03-31'), days: 0, moves: [] });
  });

  it('shows a due date moved twice as slipped from the first, and counts it on the cover', async () => {
    const before = await loadFollowUpPack(as.inspector, demo.report(2023).dbId);
    const id = await inTransaction((tx) => createActionItem(tx, as.hmppsLeader, {
      recommendationId: demo.rec(2023, 'R12').dbId, description: 'Audit the new victim contact scheme', ownerId: demo.org('HMPPS').dbId, dueDate: day('2030-01-31'),
    }));
    await inTransaction((tx) => updateActionItem(tx, as.hmppsLeader, { id, version: 1, changes: { dueDate: day('2030-04-30'), dueDateReason: 'Scheme launch moved' } }));
    await inTransaction((tx) => updateActionItem(tx, as.hmppsLeader, { id, version: 2, changes: { dueDate: day('2030-06-30'), dueDateReason: 'Auditors not yet appointed' } }));

    const pack = await loadFollowUpPack(as.inspector, demo.report(2023).dbId);
    const item = pack.recommendations.find((rec) => rec.reference === 'R12')!.actionItems.find((action) => action.description === 'Audit the new victim contact scheme')!;
    expect(item.due).toMatchObject({ firstDate: day('2030-01-31'), currentDate: day('2030-06-30'), days: 150 });
    expect(item.due.moves.map((move) => move.reason)).toEqual(['Scheme launch moved', 'Auditors not yet appointed']);
    expect(item.overdue).toBe(false);
    expect(pack.figures.slippedDates).toBe(before.figures.slippedDates + 1);
    expect(pack.figures.actionItems).toBe(before.figures.actionItems + 1);
  });

  it('shows the gap between reported status and verdict by the product’s one rule, and its cover agrees with the report’s progress', async () => {
    const pack = await loadFollowUpPack(READER, demo.report(2023).dbId);
    const rows = new Map((await prisma.recommendation.findMany({ where: { id: { in: pack.recommendations.map((rec) => rec.id) } } })).map((row) => [row.id, row]));
    for (const rec of pack.recommendations) expect(rec.gap).toBe(reportedVsVerified(rows.get(rec.id)!));
    // Its words never deny a verdict printed beside them ("neither reported nor verified" next to "Not achieved").
    const withVerdict = pack.recommendations.filter((rec) => rec.latestVerdict !== null && rec.gap === 'NONE');
    expect(withVerdict.length).toBeGreaterThan(0);
    for (const rec of withVerdict) expect(label(gapLabels, rec.gap)).not.toMatch(/verified|assessed/i);
    // R3 and R13 are reported implemented, and inspectors found them not or only partly achieved.
    expect(pack.recommendations.filter((rec) => rec.gap === 'OVERSTATED').map((rec) => rec.reference)).toEqual(['R3', 'R13']);
    expect(pack.figures.overstatedByOwners).toBe(2);

    const { report } = await gql(`query ($id: ID!) { report: node(id: $id) { ... on Report {
      progress { recommendationCount implementedByOwners assessedByInspectors achievedByInspectors } } } }`, { id: demo.report(2023).id });
    expect({
      recommendationCount: pack.figures.recommendations,
      implementedByOwners: pack.figures.implementedByOwners,
      assessedByInspectors: pack.figures.assessedByInspectors,
      achievedByInspectors: pack.figures.achievedByInspectors,
    }).toEqual(report.progress);
  });

  it('gathers the pack in the same few statements whatever the report’s size', async () => {
    const small = await countStatements(() => loadFollowUpPack(READER, demo.report(2025).dbId));
    const large = await countStatements(() => loadFollowUpPack(READER, demo.report(2023).dbId));
    expect(large.result.recommendations.length).toBeGreaterThan(small.result.recommendations.length);
    expect(small.statements.length).toBe(5);
    expect(large.statements.length).toBe(5);
  });

  it('is refused to a caller who is not signed in, and says so when there is no such report', async () => {
    await expect(codeOf(loadFollowUpPack(null, demo.report(2023).dbId))).resolves.toBe('UNAUTHENTICATED');
    await expect(codeOf(loadFollowUpPack(as.viewer, 2_000_000_000))).resolves.toBe('NOT_FOUND');
    // Every signed-in role may read reports (permissions.ts): a viewer with a read-only token too.
    const viewerToken = { ...as.viewer, access: 'READ' as const, apiTokenId: 1 };
    await expect(loadFollowUpPack(viewerToken, demo.report(2023).dbId)).resolves.toMatchObject({ report: { title: expect.any(String) } });
  });
});
