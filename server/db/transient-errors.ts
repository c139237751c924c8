/**
 * Failures that say the database could not do the work now, not that the work is wrong: a lock
 * held too long by another transaction, a transaction past its time, no free connection, a
 * deadlock, a statement cancelled, the database away or restarting. The same request may well succeed a few seconds later, so a
 * client is told the server is busy (SERVER_BUSY, 503 with Retry-After), never of an internal error.
 */
const TRANSIENT_SQLSTATES = new Set([
  '55P03', // lock_not_available: waited past lock_timeout
  '40P01', // deadlock_detected
  '40001', // serialization_failure
  '57014', // query_canceled: a deadline or statement_timeout
  '53300', // too_many_connections
  '57P01', // admin_shutdown: the server is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting or stopping
]);

/** SQLSTATE class 08: the connection failed or was lost. */
const CONNECTION_EXCEPTION = /^08/;

/** Prisma's codes: the transaction expired or could not start in time, a pool timeout, a write conflict. */
const TRANSIENT_PRISMA_CODES = new Set(['P2028', 'P2024', 'P2034']);

/**
 * pg-pool's words when no connection came free in time, pg's when the server went away, and
 * Node's when it cannot be reached: the database is away for now, which a retry may find back.
 */
const UNAVAILABLE = /timeout exceeded when trying to connect|Connection terminated|connection is closed|ECONNREFUSED|ECONNRESET|EPIPE/i;

type Inspectable = {
  code?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

export function isTransientDatabaseError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const found = error as Inspectable;
  const transientCode = (code: unknown) => typeof code === 'string' && (TRANSIENT_SQLSTATES.has(code) || CONNECTION_EXCEPTION.test(code));
  if (transientCode(found.code) || transientCode(found.originalCode)) return true;
  if (typeof found.code === 'string' && (TRANSIENT_PRISMA_CODES.has(found.code) || found.code === 'ECONNREFUSED' || found.code === 'ECONNRESET')) return true;
  if (typeof found.message === 'string' && UNAVAILABLE.test(found.message)) return true;
  return isTransientDatabaseError(found.cause, depth + 1) || isTransientDatabaseError(found.meta?.driverAdapterError, depth + 1);
}
