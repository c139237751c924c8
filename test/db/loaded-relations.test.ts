import { describe, expect, it } from 'vitest';
import { formatDay } from '../../server/domain/dates.ts';
import { ancestorsOf } from '../../server/domain/organisation-tree.ts';
import { prisma } from '../../server/db/client.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { globalId, gql, statementsFor, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();
const { demo, as } = useDemo();

// A to-one relation asked for its own columns answers from the row the page loaded
// (graphql/plugins/loaded-columns.ts); anything else beneath it goes through Prisma's plugin.
// Every shape must give what the database holds.
type Rec = { id: string; owner: Record<string, unknown>; report: Record<string, unknown>; latestAssessment: Record<string, unknown> | null };
const page = (fields: string) =>
  gql<{ recommendations: { edges: { node: Rec }[] } }>(`{ recommendations(first: 100, orderBy: { field: REFERENCE }) { edges { node { id ${fields} } } } }`).then((data) =>
    data.recommendations.edges.map((edge) => edge.node),
  );

async function stored() {
  const rows = await prisma.recommendation.findMany({
    include: { owner: { include: { parent: true } }, report: { include: { inspectorate: true } }, latestAssessment: true },
  });
  return new Map(rows.map((row) => [globalId('Recommendation', row.id), row]));
}

describe(`relations read with the page's rows, on ${databaseKind}`, () => {
  it('answers owner, report and latest verdict columns as stored, computed columns included', async () => {
    const recs = await page('owner { id name shortName depth } report { title publishedOn } latestAssessment { verdict assessedOn }');
    const rows = await stored();
    expect(recs.length).toBeGreaterThan(20);
    for (const rec of recs) {
      const row = rows.get(rec.id)!;
      expect(rec.owner).toEqual({ id: globalId('Organisation', row.ownerId), name: row.owner.name, shortName: row.owner.shortName, depth: ancestorsOf(row.owner.path).length });
      expect(rec.report).toEqual({ title: row.report.title, publishedOn: formatDay(row.report.publishedOn) });
      expect(rec.latestAssessment).toEqual(row.latestAssessment ? { verdict: row.latestAssessment.verdict, assessedOn: formatDay(row.latestAssessment.assessedOn) } : null);
    }
    expect(recs.some((rec) => rec.latestAssessment === null)).toBe(true);
    expect(recs.some((rec) => rec.latestAssessment !== null)).toBe(true);
  });

  it('answers relations beneath them, aliases of different shapes, and fragments', async () => {
    const recs = await page(`owner { name parent { name } } report { inspectorate { name } }
      plain: owner { name } nested: owner { parent { shortName } } spread: report { ... on Report { title } }
      directed: owner { __typename name @include(if: true) shortName @skip(if: true) }`);
    const rows = await stored();
    for (const rec of recs as (Rec & Record<string, Record<string, unknown>>)[]) {
      const row = rows.get(rec.id)!;
      expect(rec.owner).toEqual({ name: row.owner.name, parent: row.owner.parent ? { name: row.owner.parent.name } : null });
      expect(rec.report).toEqual({ inspectorate: { name: row.report.inspectorate.name } });
      expect(rec.plain).toEqual({ name: row.owner.name });
      expect(rec.nested).toEqual({ parent: row.owner.parent ? { shortName: row.owner.parent.shortName } : null });
      expect(rec.spread).toEqual({ title: row.report.title });
      expect(rec.directed).toEqual({ __typename: 'Organisation', name: row.owner.name });
    }
    expect(recs.some((rec) => (rec.owner as { parent: unknown }).parent !== null)).toBe(true);
  });

  it('answers the relations of a record a mutation returns, as it is after the change', async () => {
    const rec = demo.rec(2023, 'R6');
    const { updateRecommendationStatus } = await gql(
      `mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { status owner { name parent { name } } report { title } } }`,
      { input: { id: rec.id, version: rec.version, status: 'IMPLEMENTED', comment: 'Done.' } },
      as.hmppsLeader,
    );
    const row = (await stored()).get(rec.id)!;
    expect(updateRecommendationStatus).toEqual({
      status: 'IMPLEMENTED',
      owner: { name: row.owner.name, parent: row.owner.parent ? { name: row.owner.parent.name } : null },
      report: { title: row.report.title },
    });
  });

  it('reads the page in as many statements whether or not a relation has one beneath it', async () => {
    const query = (beneath: string) => `{ recommendations(first: 100) { edges { node { reference owner { name ${beneath} } report { title } } } } }`;
    const columns = await statementsFor(query(''));
    const nested = await statementsFor(query('parent { name }'));
    expect(columns.count).toBe(nested.count);
  });
});
