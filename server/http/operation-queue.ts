import type { Request, RequestHandler, Response } from 'express';
import { deadlineController, OperationStoppedError, runOperation } from '../db/operation-scope.ts';
import { busyMessage, RETRY_AFTER_SECONDS } from '../errors.ts';

export type OperationQueueOptions = {
  /** How many GraphQL operations run at once, all callers together. */
  concurrency: number;
  /** How many of them one caller may have running at once. */
  perCaller: number;
  /** How many more one caller may have waiting; past that its operations are refused at once. */
  waitingPerCaller: number;
  /** How long an operation may wait for its turn before it is refused as busy. */
  maxWaitMs: number;
  /** How long an operation may run: then its database work stops and it is answered TIMEOUT. */
  deadlineMs: number;
  /** How many heavy operations (see `isHeavy`) run at once: the other turns are kept for the rest. */
  heavyConcurrency: number;
};

/** Whether an operation is heavy, judged from the request before it runs (its estimated cost). */
export type HeavyJudge = (req: Request) => boolean;

type Waiting = { run(): void; refuse(): void; timer: NodeJS.Timeout; arrived: number; heavy: boolean };
type Caller = {
  waiting: Waiting[];
  /** Its running operations, each with when it started. */
  running: Set<{ started: number }>;
  /** Seconds of running time, halving every USAGE_HALF_LIFE_MS, and when it was last brought up to date. */
  usage: number;
  usageAt: number;
};

const USAGE_HALF_LIFE_MS = 10_000;
/**
 * Callers whose use is this close to the least used's (seconds, or this share of it, whichever is
 * more) count as equal, and their operations run in the order they arrived. Strictly least-used
 * first, callers of nearly equal use were passed over for each other's few milliseconds: with ten
 * people reading at once, one operation in a hundred waited 150 ms for a 7 ms turn, and at fifty
 * connections a person held back that way filled their waiting places and was refused.
 */
const EQUAL_USE_SECONDS = 0.2;
const EQUAL_USE_SHARE = 0.25;

/**
 * Who is asking, for fairness: as identified before the queue (http/identify.ts puts it in
 * `res.locals.caller`: a token, a person, or an address), else the client's address.
 */
export function callerOf(req: Request, res: Response): string {
  const identified = (res.locals as { caller?: unknown }).caller;
  return typeof identified === 'string' ? identified : `address ${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}

/** Callers remembered at most; beyond, the least active idle ones are forgotten first. */
const MOST_CALLERS = 10_000;
/** Operations waiting at most, all callers together; past that the next is refused at once. */
const MOST_WAITING_PER_TURN = 50;

/**
 * Runs at most `concurrency` GraphQL operations at once, and at most `perCaller` of one caller's;
 * the others wait their turn. When a turn comes, it goes to the waiting caller that has used the
 * server least lately (running time, halving every ten seconds), callers of about equal use in
 * the order their operations arrived: one caller sending many costly operations cannot take every
 * turn from the others, and a caller who asks now and then is served ahead of any who has used
 * the server well beyond them. An operation that
 * waited longer than `maxWaitMs`, or one past a caller's `waitingPerCaller`, is answered 503
 * SERVER_BUSY with Retry-After; one whose client has gone meanwhile is not run at all. Each runs as an operation (db/operation-scope.ts) that stops at
 * `deadlineMs` or when its client goes. Heavy operations (a large share of the cost limit) take
 * at most `heavyConcurrency` of the turns, so light ones always find a turn soon and are not
 * slowed by a crowd of heavy ones beside them.
 *
 * Without a queue every request in flight shares the one thread: under load each turn of the
 * event loop grows with their number, and new connections are accepted one per turn.
 */
export function operationQueue(options: OperationQueueOptions, isHeavy: HeavyJudge = () => false) {
  const callers = new Map<string, Caller>();
  const { heavyConcurrency } = options;
  let running = 0;
  let runningHeavy = 0;
  let waiting = 0;

  const load = (caller: Caller, now: number) => {
    caller.usage *= 2 ** (-(now - caller.usageAt) / USAGE_HALF_LIFE_MS);
    caller.usageAt = now;
    let load = caller.usage;
    for (const { started } of caller.running) load += (now - started) / 1000;
    return load;
  };

  /**
   * Gives free turns to waiting callers: among those whose use is within the band above the least
   * used, the operation that arrived first; past the band, the least used first.
   */
  const dispatch = () => {
    while (running < options.concurrency) {
      const now = performance.now();
      const candidates: { caller: Caller; used: number }[] = [];
      let least = Infinity;
      for (const caller of callers.values()) {
        if (!caller.waiting.length || caller.running.size >= options.perCaller) continue;
        if (caller.waiting[0]!.heavy && runningHeavy >= heavyConcurrency) continue;
        const used = load(caller, now);
        candidates.push({ caller, used });
        least = Math.min(least, used);
      }
      const band = least + Math.max(EQUAL_USE_SECONDS, EQUAL_USE_SHARE * least);
      let next: Caller | undefined;
      let nextKey = Infinity;
      for (const { caller, used } of candidates) {
        const key = Math.max(used, band);
        if (key < nextKey || (key === nextKey && caller.waiting[0]!.arrived < next!.waiting[0]!.arrived)) {
          nextKey = key;
          next = caller;
        }
      }
      if (!next) return;
      const turn = next.waiting.shift()!;
      waiting--;
      clearTimeout(turn.timer);
      turn.run();
    }
  };

  const idle = (caller: Caller, now: number) => !caller.waiting.length && !caller.running.size && load(caller, now) < 0.01;
  const forget = (key: string, caller: Caller) => {
    if (idle(caller, performance.now())) callers.delete(key);
  };
  // Callers whose use has faded (a minute or so after their last operation) are forgotten.
  const sweep = setInterval(() => {
    const now = performance.now();
    for (const [key, caller] of callers) if (idle(caller, now)) callers.delete(key);
  }, 30_000);
  sweep.unref();
  /** Room for one more caller: the least active idle ones make way. */
  const makeRoom = () => {
    if (callers.size < MOST_CALLERS) return true;
    const now = performance.now();
    const quiet = [...callers].filter(([, caller]) => !caller.waiting.length && !caller.running.size);
    quiet.sort((a, b) => load(a[1], now) - load(b[1], now));
    for (const [key] of quiet.slice(0, Math.ceil(MOST_CALLERS / 10))) callers.delete(key);
    return callers.size < MOST_CALLERS;
  };

  return {
    stats: () => ({ running, waiting }),
    stop: () => clearInterval(sweep),
    wrap(handler: RequestHandler): RequestHandler {
      return (req, res, next) => {
        const key = callerOf(req, res);
        let caller = callers.get(key);
        if (waiting >= MOST_WAITING_PER_TURN * options.concurrency) return busy(res);
        if (!caller) {
          if (!makeRoom()) return busy(res);
          callers.set(key, (caller = { waiting: [], running: new Set(), usage: 0, usageAt: performance.now() }));
        }
        const own = caller;
        if (own.waiting.length >= options.waitingPerCaller) return busy(res);

        const heavy = isHeavy(req);
        return new Promise<void>((done) => {
          const start = async () => {
            const started = performance.now();
            const mine = { started };
            running++;
            if (heavy) runningHeavy++;
            own.running.add(mine);
            // A turn of the event loop first, for I/O: PGlite's answers can come within the same
            // turn, and operations run back to back would leave new connections unread.
            await new Promise((resolve) => setImmediate(resolve));
            const { controller, clear } = deadlineController(options.deadlineMs);
            const gone = () => {
              if (!res.writableFinished) controller.abort(new OperationStoppedError('gone'));
            };
            res.once('close', gone);
            try {
              if (!req.socket.destroyed) await runOperation(controller.signal, () => handler(req, res, next));
            } finally {
              clear();
              res.off('close', gone);
              running--;
              if (heavy) runningHeavy--;
              own.running.delete(mine);
              own.usage += (performance.now() - started) / 1000;
              forget(key, own);
              dispatch();
              done();
            }
          };
          // A client that goes away while waiting gives up its place.
          const leave = () => {
            const index = own.waiting.indexOf(turn);
            if (index < 0) return;
            own.waiting.splice(index, 1);
            waiting--;
            clearTimeout(turn.timer);
            forget(key, own);
            done();
          };
          res.once('close', leave);
          const turn: Waiting = {
            heavy,
            arrived: performance.now(),
            run: () => {
              res.off('close', leave);
              start().catch(next);
            },
            refuse: () => {
              res.off('close', leave);
              busy(res);
              forget(key, own);
              done();
            },
            timer: setTimeout(() => {
              const index = own.waiting.indexOf(turn);
              if (index < 0) return;
              own.waiting.splice(index, 1);
              waiting--;
              turn.refuse();
            }, options.maxWaitMs),
          };
          own.waiting.push(turn);
          waiting++;
          dispatch();
        });
      };
    },
  };
}

export type OperationQueue = ReturnType<typeof operationQueue>;

/** The answer to an operation refused for want of capacity: a 503 a client may retry later. */
export function busy(res: Response): void {
  if (res.headersSent) return;
  res
    .status(503)
    .set('Retry-After', String(RETRY_AFTER_SECONDS))
    .json({ errors: [{ message: busyMessage, extensions: { code: 'SERVER_BUSY' } }] });
}
