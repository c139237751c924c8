import type { RequestHandler, Response } from 'express';
import pLimit from 'p-limit';

export type OperationQueueOptions = {
  /** How many GraphQL operations run at once; the rest wait their turn. */
  concurrency: number;
  /** How long an operation may wait for its turn before it is refused as busy. */
  maxWaitMs: number;
};

/**
 * Runs at most `concurrency` operations at once, the others in the order they
 * arrived. Without it every request in flight shares the one thread: under
 * load each turn of the event loop grows with their number, new connections
 * are accepted one per turn, and a client that has just connected can wait
 * many seconds behind clients that keep their connections busy. An operation
 * that waited longer than `maxWaitMs` is answered 503 with Retry-After, and
 * one whose client has gone meanwhile is not run at all.
 */
export function operationQueue(options: OperationQueueOptions) {
  const limit = pLimit(options.concurrency);
  return {
    stats: () => ({ running: limit.activeCount, waiting: limit.pendingCount }),
    wrap(handler: RequestHandler): RequestHandler {
      return (req, res, next) => {
        const arrived = performance.now();
        const queued = limit.activeCount >= options.concurrency;
        return limit(async () => {
          // A turn of the event loop before a queued operation, for I/O: PGlite answers within the
          // same turn, so without it queued operations would run back to back while new
          // connections and requests waited unread.
          if (queued) await new Promise((resolve) => setImmediate(resolve));
          if (req.socket.destroyed) return;
          if (performance.now() - arrived > options.maxWaitMs) return busy(res);
          await handler(req, res, next);
        });
      };
    },
  };
}

export type OperationQueue = ReturnType<typeof operationQueue>;

function busy(res: Response): void {
  res
    .status(503)
    .set('Retry-After', '5')
    .json({ errors: [{ message: 'The server is busy. Try again in a few seconds.', extensions: { code: 'SERVER_BUSY' } }] });
}
