import pg from 'pg';
import { prisma } from '../../server/db/client.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKind, type TestDatabaseConfig } from '../support/database.ts';
import { postGraphql, signInOverHttp, startTestServer } from '../support/server.ts';

const databases: TestDatabaseConfig[] = [];
async function freshDatabase() {
  const created = await createTestDatabase();
  databases.push(created);
  return created.config;
}
afterAll(async () => {
  for (const database of databases) await database.drop();
});

const reportsQuery = `{ reports { totalCount edges { node { title publishedOn recommendations { totalCount } } } } }`;
type Reports = { reports: { totalCount: number; edges: { node: { title: string; publishedOn: string; recommendations: { totalCount: number } } }[] } };

describe(`the server on ${databaseKind}`, () => {
  it('migrates, loads the demo data, and answers health checks and GraphQL queries', async () => {
    const server = await startTestServer(await freshDatabase());
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: databaseKind });
      const anonymous = await postGraphql<Reports>(server.url, reportsQuery);
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const { cookie } = await signInOverHttp(server.url, 'viewer@example.org', 'viewer-demo-2026');
      const { status, body } = await postGraphql<Reports>(server.url, reportsQuery, {}, { cookie });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data!.reports.totalCount).toBe(3);
      expect(body.data!.reports.edges.map((edge) => edge.node.publishedOn)).toEqual(['2025-10-14', '2023-07-04', '2018-09-25']);
      expect(body.data!.reports.edges[1]!.node.recommendations.totalCount).toBe(13);
    } finally {
      await server.close();
    }
  });

  it('keeps its data across a restart and does not load the demo twice', async () => {
    const database = await freshDatabase();
    const first = await startTestServer(database);
    const { cookie } = await signInOverHttp(first.url, 'viewer@example.org', 'viewer-demo-2026');
    const before = await postGraphql<Reports>(first.url, reportsQuery, {}, { cookie });
    await first.close();
    const second = await startTestServer(database);
    try {
      // The session is in the database: it outlives the process too.
      const after = await postGraphql<Reports>(second.url, reportsQuery, {}, { cookie });
      expect(after.body).toEqual(before.body);
    } finally {
      await second.close();
    }
  });

  it('does not load demo data when DEMO_DATA is off', async () => {
    const server = await startTestServer(await freshDatabase(), { demoData: false });
    try {
      expect(await prisma.user.count()).toBe(0);
      expect(await prisma.report.count()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('answers 503 on /healthz when the database is unreachable', async () => {
    const database = await freshDatabase();
    const server = await startTestServer(database, { demoData: false });
    try {
      if (database.kind === 'pglite') {
        await server.database.close();
      } else {
        const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await admin.connect();
        await admin.query(`DROP DATABASE "${new URL(database.url).pathname.slice(1)}" WITH (FORCE)`);
        await admin.end();
      }
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'unavailable', database: databaseKind });
    } finally {
      await server.close();
    }
  });
});
