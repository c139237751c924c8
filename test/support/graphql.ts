import assert from 'node:assert/strict';
import type { ApolloServer, GraphQLRequestContext } from '@apollo/server';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { assumeCalibrationScale, measureTableStatistics } from '../../server/db/table-statistics.ts';
import { onQuery, prisma } from '../../server/db/client.ts';
import type { Actor } from '../../server/domain/actor.ts';
import { createApollo } from '../../server/graphql/apollo.ts';
import type { Context } from '../../server/graphql/context.ts';
import { createLogger } from '../../server/logger.ts';
import { databaseFingerprint } from './consistency.ts';

/** A read-only caller for tests that only read: reads need someone, and a viewer may read everything. */
export const READER: Actor = { userId: 0, role: 'VIEWER', organisationId: null, organisationPath: null, apiTokenId: null, access: 'READ' };

export type GraphqlResult<T> = { status?: number; data?: T | null; errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[] };

let apollo: ApolloServer<Context> | undefined;

/** The context a request would have, for an actor the test names; cookies are kept in memory. */
export function testContext(actor: Actor | null, address = '192.0.2.1'): Context {
  let secret: string | undefined;
  return {
    actor,
    address,
    session: { current: () => secret, start: (value) => (secret = value), end: () => (secret = undefined) },
  };
}

/** An Apollo Server on the real schema, run in-process: tests pass the context (who acts) directly. */
export function useGraphql(): void {
  beforeAll(async () => {
    apollo = createApollo(createLogger('silent'));
    await apollo.start();
  });
  // Operations are costed by the data's size, as the server measures it at start: here, the
  // data each test begins with (after a test that closed the database, the last measurement).
  beforeEach(async () => {
    await measureTableStatistics().catch(() => {});
  });
  afterAll(async () => {
    await apollo?.stop();
    assumeCalibrationScale();
  });
}

export async function execute<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  actor: Actor | null = READER,
): Promise<GraphqlResult<T>> {
  assert(apollo, 'call useGraphql() in the test file');
  return executeOn<T>(apollo, query, variables, actor);
}

/** Runs an operation on the Apollo Server given (one configured otherwise, say), as `actor`. */
export async function executeOn<T = Record<string, unknown>>(
  server: ApolloServer<Context>,
  query: string,
  variables: Record<string, unknown>,
  actor: Actor | null,
): Promise<GraphqlResult<T>> {
  const response = await server.executeOperation<T>({ query, variables }, { contextValue: testContext(actor) });
  assert(response.body.kind === 'single');
  // The HTTP status rides along, out of the way of tests that compare whole results.
  return Object.defineProperty({ ...response.body.singleResult } as GraphqlResult<T>, 'status', { value: response.http.status ?? 200, enumerable: false });
}

/** Runs an operation that must succeed and returns its data. */
export async function gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, actor: Actor | null = READER): Promise<T> {
  const result = await execute<T>(query, variables, actor);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data as T;
}

/** Runs an operation that must fail with this code, and returns the first error. */
export async function gqlError(code: string, query: string, variables: Record<string, unknown> = {}, actor: Actor | null = READER) {
  const result = await execute(query, variables, actor);
  const error = result.errors?.[0];
  if (!error) throw new Error(`expected ${code}, got data: ${JSON.stringify(result.data)}`);
  if (error.extensions?.code !== code) throw new Error(`expected ${code}, got ${JSON.stringify(result.errors, null, 2)}`);
  return error;
}

/** Runs an operation that must be refused with this code, checks it changed nothing at all, and returns the first error. */
export async function refused(code: string, query: string, variables: Record<string, unknown> = {}, actor: Actor | null = READER) {
  const before = await databaseFingerprint();
  const error = await gqlError(code, query, variables, actor);
  expect(await databaseFingerprint()).toBe(before);
  return error;
}

/** Counts the SQL statements Prisma sends while `work` runs. */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const stop = onQuery((event) => statements.push(event.query));
  try {
    const result = await work();
    // A transaction's BEGIN and COMMIT are not counted (PGlite's adapter logs its COMMIT as a comment).
    return { result, statements: statements.filter((sql) => !/^(BEGIN|COMMIT|ROLLBACK|-- Implicit "(COMMIT|ROLLBACK)")/i.test(sql.trim())) };
  } finally {
    stop();
  }
}

/** Runs an operation that must succeed, with the number of SQL statements it sent. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function statementsFor<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown> = {},
  actor: Actor | null = READER,
): Promise<{ count: number; data: T }> {
  const { result, statements } = await countStatements(() => execute<T>(query, variables, actor));
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return { count: statements.length, data: result.data as T };
}

/** The demo users as actors, by their demo-data key. */
export async function demoActors(): Promise<Record<'admin' | 'inspector' | 'leader' | 'hmppsLeader' | 'viewer', Actor>> {
  const users = await prisma.user.findMany({ include: { organisation: { select: { path: true } } } });
  const actor = (email: string): Actor => {
    const user = users.find((candidate) => candidate.email === email);
    assert(user, `demo user ${email}`);
    return {
      userId: user.id,
      role: user.role,
      organisationId: user.organisationId,
      organisationPath: user.organisation?.path ?? null,
      apiTokenId: null,
      access: 'READ_WRITE',
    };
  };
  return {
    admin: actor('admin@example.org'),
    inspector: actor('inspector@example.org'),
    leader: actor('leader@example.org'),
    hmppsLeader: actor('hmpps.leader@example.org'),
    viewer: actor('viewer@example.org'),
  };
}

/** The Relay global id of a record. */
export function globalId(type: string, id: number): string {
  return Buffer.from(`${type}:${id}`).toString('base64');
}

/** A request as the response cache's hooks see it: who asks, and the operation. */
export function requestOf(query: string, actor: Context['actor']): GraphQLRequestContext<Context> {
  return {
    contextValue: testContext(actor),
    operation: parse(query).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode,
  } as unknown as GraphQLRequestContext<Context>;
}
