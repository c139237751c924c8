import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';

/**
 * The API operation a piece of database work belongs to, so that the work stops when the
 * operation does: at its deadline, or when its client has gone. The HTTP layer runs each GraphQL
 * operation inside `runOperation`; the connection pool (pool.ts) reads it before each statement,
 * refuses to start one for a stopped operation, and cancels the statements it is running.
 */
export type OperationScope = {
  signal: AbortSignal;
  /** Statements of this operation now running, each with a way to cancel it. */
  running: Set<() => void>;
  /**
   * Whether it has committed a write: from then on it is not stopped, only answered. Cutting off
   * the reading of its answer would tell the client a write failed that did not, inviting it to
   * make it again.
   */
  committed: boolean;
};

const operationScope = new AsyncLocalStorage<OperationScope>();

/** Why an operation stopped before it finished. */
export class OperationStoppedError extends Error {
  constructor(readonly reason: 'deadline' | 'gone') {
    super(reason === 'deadline' ? 'The operation ran past its deadline.' : 'The client went away before the answer.');
    this.name = 'OperationStoppedError';
  }
}

/** Runs `work` as one operation: aborting `signal` stops its database work. */
export function runOperation<T>(signal: AbortSignal, work: () => T): T {
  const scope: OperationScope = { signal, running: new Set(), committed: false };
  signal.addEventListener('abort', () => {
    if (scope.committed) return;
    for (const cancel of scope.running) cancel();
  }, { once: true });
  return operationScope.run(scope, work);
}

/** Whether the operation this code runs for has been stopped, and is still to be (not committed). */
export function operationStopped(): boolean {
  const scope = operationScope.getStore();
  return Boolean(scope?.signal.aborted && !scope.committed);
}

/** The operation this code runs for has committed its write (see OperationScope.committed). */
export function markCommitted(): void {
  const scope = operationScope.getStore();
  if (scope) scope.committed = true;
}

/** The operation this code runs for, if any (start-up, housekeeping and tests run outside one). */
export function currentOperation(): OperationScope | undefined {
  return operationScope.getStore();
}

/** An AbortController that aborts by itself after `ms`, for an operation's deadline. */
export function deadlineController(ms: number): { controller: AbortController; clear(): void } {
  const controller = new AbortController();
  // Every statement of a wide operation listens while it waits for a connection.
  setMaxListeners(0, controller.signal);
  const timer = setTimeout(() => controller.abort(new OperationStoppedError('deadline')), ms);
  timer.unref();
  return { controller, clear: () => clearTimeout(timer) };
}
