import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';

/**
 * Marks code that runs inside an interactive transaction. PGlite has one
 * connection: a query sent through the root client while a transaction holds
 * it waits forever. Such a query is refused at once with this error instead,
 * on PostgreSQL too, where it would silently read outside the transaction.
 */
export const transactionScope = new AsyncLocalStorage<TransactionScope>();

/** What must happen once the transaction commits: what this process keeps in memory is forgotten. */
export type TransactionScope = { afterCommit: (() => void)[] };

export class RootClientInTransactionError extends Error {
  constructor() {
    super(
      'The root Prisma client was used inside an interactive transaction; use the transaction client given to the callback.',
    );
    this.name = 'RootClientInTransactionError';
  }
}

const guarded = new Set(['queryRaw', 'executeRaw', 'startTransaction']);

/** Wraps a driver adapter so that root-client use inside a transaction fails fast. */
export function guardRootAdapter<T extends SqlDriverAdapter>(adapter: T): T {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (typeof property === 'string' && guarded.has(property)) {
        return (...args: unknown[]) => {
          if (transactionScope.getStore()) return Promise.reject(new RootClientInTransactionError());
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
}
