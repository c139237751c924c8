import { PrismaClient } from './generated/prisma/client.ts';
import type { Database } from './database.ts';
import { noteChange } from './change-feed.ts';
import { transactionScope, type TransactionScope } from './transaction-scope.ts';

export type { PrismaClient };
export type TransactionClient = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * The Prisma client, as a module rather than a request-context member. It is
 * set by `connectPrisma` at start (and per test file) and read through this
 * live binding everywhere else.
 */
export let prisma: PrismaClient;

export type QueryListener = (event: { query: string; duration: number }) => void;
const queryListeners = new Set<QueryListener>();

/** Listens to every SQL statement Prisma sends (tests count them). */
export function onQuery(listener: QueryListener): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

export function connectPrisma(database: Database): PrismaClient {
  const client = new PrismaClient({
    adapter: database.adapterFactory,
    log: [{ emit: 'event', level: 'query' }],
  });
  client.$on('query', (event) => {
    for (const listener of queryListeners) listener({ query: event.query, duration: event.duration });
  });
  prisma = client;
  return client;
}

export async function disconnectPrisma(): Promise<void> {
  await prisma?.$disconnect();
}

/**
 * Runs `work` in one interactive transaction. Inside it, only the client given
 * to `work` may be used: the root client is refused (see transaction-scope.ts).
 */
export function inTransaction<T>(
  work: (tx: TransactionClient) => Promise<T>,
  { changesRecords = true, ...options }: { timeout?: number; maxWait?: number; changesRecords?: boolean } = {},
): Promise<T> {
  const scope: TransactionScope = { afterCommit: [] };
  return prisma.$transaction((tx) => transactionScope.run(scope, () => work(tx)), options).then((result) => {
    // Committed: reads kept in memory are out of date from now (change-feed.ts), unless the
    // transaction wrote nothing they are built from (a sign-in attempt, say).
    if (changesRecords) noteChange();
    for (const then of scope.afterCommit) then();
    return result;
  });
}
