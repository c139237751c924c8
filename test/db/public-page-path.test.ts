import { afterEach, describe, expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import { setPublicView } from '../../server/domain/publication.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { gql, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();
const { demo, as } = useDemo();

const PATH = 'query ($id: ID!) { report(id: $id) { isPublic publicPagePath } }';

/**
 * Where a report's public page is, as the app is told: only when the report is marked public and the
 * server's public view is on (the app linked to a page that answered "Not found" while it was off).
 */
describe(`a report's public page address on ${databaseKind}`, () => {
  afterEach(() => setPublicView(false));

  it('is given only for a report marked public while the public view is on', async () => {
    const report = demo.report(2023);
    await prisma.report.update({ where: { id: report.dbId }, data: { isPublic: true } });
    expect((await gql(PATH, { id: report.id }, as.viewer)).report).toEqual({ isPublic: true, publicPagePath: null });
    setPublicView(true);
    expect((await gql(PATH, { id: report.id }, as.viewer)).report).toEqual({ isPublic: true, publicPagePath: `/public/reports/${report.dbId}` });
    await prisma.report.update({ where: { id: report.dbId }, data: { isPublic: false } });
    expect((await gql(PATH, { id: report.id }, as.viewer)).report.publicPagePath).toBeNull();
  });
});
