import { expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { gql, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();
const { demo, as } = useDemo();

// A saved recommendation's own words are counted among the register's: in a register as small as
// the demo's that made every word it shares with the earlier one look too common to search for,
// and a recommendation made again word for word was offered no candidate at all.
it(`offers the earlier recommendation a saved one restates word for word, in a small register, on ${databaseKind}`, async () => {
  const r6 = await prisma.recommendation.findFirstOrThrow({ where: { reference: 'R6' } });
  const created = await gql(`mutation ($input: CreateReportInput!) { createReport(input: $input) { recommendations(first: 5) { edges { node { id } } } } }`, {
    input: { title: 'A second review', kind: 'INSPECTION', publishedOn: '2026-06-30', inspectorateId: demo.org('HMIP').id, recommendations: [{ reference: 'A1', text: r6.text, ownerId: demo.org('HMPPS').id }] },
  }, as.inspector);
  const id = created.createReport.recommendations.edges[0].node.id;
  const { repeatCandidates } = await gql(`query ($id: ID!) { repeatCandidates(recommendationId: $id, first: 5) { score recommendation { reference report { publishedOn } } } }`, { id }, as.inspector);
  expect(repeatCandidates[0]?.recommendation).toMatchObject({ reference: 'R6', report: { publishedOn: '2023-07-04' } });
});
