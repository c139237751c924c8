import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { GraphQLError } from 'graphql';

/**
 * Work that is seconds of uninterrupted computing on a busy machine (laying out a PDF, reading a
 * report's file) would hold up every other request and the health check if done on the main thread.
 * An aside thread does it instead: one worker thread, started when first needed and kept, doing its
 * jobs one after another. A job whose signal aborts (its operation's deadline, or its client gone)
 * is given up: waiting, it is dropped; running, the thread is stopped and a new one takes the rest,
 * so a file built to take minutes costs the deadline and no more. The thread's JavaScript heap is
 * bounded, so a job that builds too many objects (text, rows) fails alone, not the server; the bytes
 * a file unpacks to are outside that heap and are bounded by the deadline instead.
 */
export class AsideThread<Job, Result> {
  #worker: Worker | undefined;
  #running: Queued<Job, Result> | undefined;
  readonly #waiting: Queued<Job, Result>[] = [];
  readonly #bootstrap: string;

  /** `module` is the worker's file, which calls `serveAside` with the function that does a job. */
  constructor(
    readonly name: string,
    module: URL,
    readonly heapMb = 512,
  ) {
    // The worker is TypeScript like the rest of the server: it registers tsx first, however the server was started.
    this.#bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
      .then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); });`;
  }

  /** Does `job` on the thread; rejects with the signal's reason if it aborts first. */
  run(job: Job, signal?: AbortSignal): Promise<Result> {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    return new Promise<Result>((resolve, reject) => {
      const queued: Queued<Job, Result> = { job, resolve, reject, signal, onAbort: () => this.#abort(queued) };
      signal?.addEventListener('abort', queued.onAbort, { once: true });
      this.#waiting.push(queued);
      this.#next();
    });
  }

  #abort(queued: Queued<Job, Result>): void {
    const reason = queued.signal!.reason as Error;
    const index = this.#waiting.indexOf(queued);
    if (index >= 0) {
      this.#waiting.splice(index, 1);
      queued.reject(reason);
      return;
    }
    if (this.#running !== queued) return;
    this.#stop(reason);
  }

  /** Stops the thread and fails the job it was doing; the next job starts a new thread. */
  #stop(reason: Error): void {
    const running = this.#running;
    const worker = this.#worker;
    this.#running = undefined;
    this.#worker = undefined;
    void worker?.terminate();
    if (running) this.#settle(running, () => running.reject(reason));
    this.#next();
  }

  #settle(queued: Queued<Job, Result>, settle: () => void): void {
    queued.signal?.removeEventListener('abort', queued.onAbort);
    settle();
  }

  #next(): void {
    while (!this.#running && this.#waiting.length > 0) {
      const queued = this.#waiting.shift()!;
      this.#running = queued;
      try {
        this.#started().postMessage(queued.job);
      } catch (error) {
        // A thread that cannot start, or a job that cannot be sent: that job fails, the next is tried.
        // Called from the thread's own events too, where a throw would stop the server.
        this.#running = undefined;
        this.#settle(queued, () => queued.reject(error instanceof Error ? error : new Error(String(error))));
      }
    }
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(this.#bootstrap, { eval: true, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    worker.unref();
    worker.on('message', (answer: Answer<Result>) => {
      if (worker !== this.#worker) return;
      const running = this.#running;
      this.#running = undefined;
      if (running) this.#settle(running, () => ('error' in answer ? running.reject(rebuilt(answer.error)) : running.resolve(answer.result)));
      this.#next();
    });
    const failed = (error: Error) => {
      // A thread stopped on purpose, or after another took its place, owes nothing.
      if (worker !== this.#worker) return;
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.#stop(outOfMemory ? new AsideThreadOutOfMemory(this.name) : new Error(`The ${this.name} thread stopped: ${error.message}`));
    };
    worker.on('error', failed);
    worker.on('exit', (code) => failed(new Error(`exit code ${code}`)));
    this.#worker = worker;
    return worker;
  }
}

/** A job that needed more memory than its thread may have. */
export class AsideThreadOutOfMemory extends Error {
  constructor(name: string) {
    super(`The ${name} thread ran out of memory.`);
    this.name = 'AsideThreadOutOfMemory';
  }
}

type Queued<Job, Result> = { job: Job; resolve(result: Result): void; reject(error: Error): void; signal?: AbortSignal; onAbort(): void };
type Failure = { message: string; extensions?: Record<string, unknown> };
type Answer<Result> = { result: Result } | { error: Failure };

/** A refusal made on the thread (errors.ts) reaches the client as it was made; anything else is an internal error. */
function rebuilt(error: Failure): Error {
  return error.extensions ? new GraphQLError(error.message, { extensions: error.extensions }) : new Error(error.message);
}

/** In the worker's file: does each job the aside thread sends with `work`, one at a time. */
export function serveAside<Job, Result>(work: (job: Job) => Promise<Result> | Result): void {
  if (isMainThread || !parentPort) throw new Error('serveAside runs in an aside thread’s worker');
  const port = parentPort;
  port.on('message', (job: Job) => {
    Promise.resolve()
      .then(() => work(job))
      .then(
        (result) => port.postMessage({ result } satisfies Answer<Result>),
        (error: unknown) =>
          port.postMessage({
            error: error instanceof GraphQLError ? { message: error.message, extensions: { ...error.extensions } } : { message: error instanceof Error ? error.message : String(error) },
          } satisfies Answer<Result>),
      );
  });
}
