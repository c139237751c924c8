import { AsyncLocalStorage } from 'node:async_hooks';

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
  const scope: OperationScope = { signal, running: new Set() };
  signal.addEventListener('abort', () => {
    for (const cancel of scope.running) cancel();
  }, { once: true });
  return operationScope.run(scope, work);
}

/** The operation this code runs for, if any (start-up, housekeeping and tests run outside one). */
export function currentOperation(): OperationScope | undefined {
  return operationScope.getStore();
}

/** An AbortController that aborts by itself after `ms`, for an operation's deadline. */
export function deadlineController(ms: number): { controller: AbortController; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new OperationStoppedError('deadline')), ms);
  timer.unref();
  return { controller, clear: () => clearTimeout(timer) };
}
