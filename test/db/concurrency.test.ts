import { describe, expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import { databaseKind } from '../support/database.ts';
import { globalId } from '../support/graphql.ts';
import { postGraphql, signInOverHttp, useTestServer } from '../support/server.ts';

/**
 * Many clients over HTTP, each reading a recommendation and updating it with
 * the version it read, again and again: no update may be lost, every loser
 * must hear CONFLICT, and the history must tell exactly how the record got to
 * its final state.
 */
const server = useTestServer();

const READ = 'query ($id: ID!) { recommendation(id: $id) { version status } }';
const UPDATE = 'mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { version status } }';
const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'IMPLEMENTED', 'NOT_PLANNED'];

describe(`concurrent edits on ${databaseKind}`, () => {
  it('loses no update: one winner per version, CONFLICT for the rest, history matching the final state', async () => {
    const { cookie } = await signInOverHttp(server.url, 'hmpps.leader@example.org', 'hmpps-demo-2026');
    const rec = await prisma.recommendation.findFirstOrThrow({ where: { reference: 'R4', owner: { shortName: 'HMPPS' } } });
    const id = globalId('Recommendation', rec.id);
    const startVersion = rec.version;
    const historyBefore = await prisma.historyEvent.count({ where: { recommendationId: rec.id, kind: 'STATUS_CHANGED' } });
    const clients = 20;
    const rounds = 6;
    let wins = 0;
    let conflicts = 0;
    const other: string[] = [];
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let round = 0; round < rounds; round++) {
          const read = await postGraphql<{ recommendation: { version: number; status: string } }>(server.url, READ, { id }, { cookie });
          const { version, status } = read.body.data!.recommendation;
          const next = STATUSES.filter((candidate) => candidate !== status)[(client + round) % 3]!;
          const { body } = await postGraphql(server.url, UPDATE, { input: { id, version, status: next, comment: `client ${client}, round ${round}` } }, { cookie });
          const code = body.errors?.[0]?.extensions?.code;
          if (!code) wins++;
          else if (code === 'CONFLICT') conflicts++;
          else other.push(String(code));
        }
      }),
    );
    expect(other).toEqual([]);
    expect(wins + conflicts).toBe(clients * rounds);
    expect(wins).toBeGreaterThan(0);
    expect(conflicts).toBeGreaterThan(0);

    const final = await prisma.recommendation.findUniqueOrThrow({ where: { id: rec.id } });
    expect(final.version).toBe(startVersion + wins);
    const events = await prisma.historyEvent.findMany({ where: { recommendationId: rec.id, kind: 'STATUS_CHANGED' }, orderBy: { id: 'asc' } });
    expect(events.length - historyBefore).toBe(wins);
    // The chain of changes is unbroken: each starts where the last ended, and ends at the final status.
    const newEvents = events.slice(historyBefore);
    for (let i = 1; i < newEvents.length; i++) expect(newEvents[i]!.fromValue).toBe(newEvents[i - 1]!.toValue);
    expect(newEvents.at(-1)!.toValue).toBe(final.status);
  }, 120_000);
});
