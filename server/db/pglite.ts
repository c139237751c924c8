import { Duplex } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { lockDataDir } from './data-dir-lock.ts';

type Reply = { id: number; bytes?: Uint8Array; error?: string };
type Request = { kind: 'protocol'; bytes: Uint8Array } | { kind: 'endSession' } | { kind: 'close' };

/** A PostgreSQL v3 startup message: its length, then the protocol version 3.0, and no type byte. */
const PROTOCOL_VERSION_3 = 196_608;
/** The frontend's Terminate message: the end of a connection, not of PGlite's one session. */
const TERMINATE = 0x58;

/**
 * The embedded database, PGlite, on a worker thread of its own (pglite-worker.js), reached with
 * PostgreSQL's wire protocol: the server talks to it through the same driver (pg) and Prisma
 * adapter as to a PostgreSQL server, and a long query never stops the main thread. The pipe is
 * in-process, not a socket: nothing else on the machine can connect to the data.
 */
export class PgliteThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve(reply: Reply): void; reject(error: Error): void }>();
  #nextId = 0;
  #exited: Error | null = null;
  #unlock: () => void;

  private constructor(worker: Worker, unlock: () => void) {
    this.#worker = worker;
    this.#unlock = unlock;
    worker.on('message', (reply: Reply) => {
      const waiting = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.error !== undefined) waiting?.reject(new Error(`Embedded database: ${reply.error}`));
      else waiting?.resolve(reply);
    });
    // An error thrown in the thread ends it: 'exit' follows, and fails whatever was waiting.
    let failure = '';
    worker.on('error', (error) => (failure = `: ${error.message}`));
    worker.on('exit', (code) => {
      this.#exited = new Error(`The embedded database's thread stopped (exit code ${code})${failure}.`);
      for (const waiting of this.#pending.values()) waiting.reject(this.#exited);
      this.#pending.clear();
      this.#unlock();
    });
  }

  /** Opens the data folder (refusing one another process holds), or a database in memory. */
  static async start(dataDir: string | null): Promise<PgliteThread> {
    const unlock = dataDir ? lockDataDir(dataDir) : () => {};
    const worker = new Worker(new URL('./pglite-worker.js', import.meta.url), { workerData: { dataDir } });
    let onError: (error: Error) => void = () => {};
    let onExit: (code: number) => void = () => {};
    let onMessage: (message: { kind: string; message?: string }) => void = () => {};
    try {
      await new Promise<void>((resolve, reject) => {
        onError = reject;
        onExit = (code) => reject(new Error(`The embedded database did not start (exit code ${code}).`));
        onMessage = (message) =>
          message.kind === 'ready' ? resolve() : reject(new Error(`The embedded database did not start: ${message.message}`));
        worker.on('error', onError).on('exit', onExit).on('message', onMessage);
      });
    } catch (error) {
      await worker.terminate();
      unlock();
      throw error;
    } finally {
      worker.off('error', onError).off('exit', onExit).off('message', onMessage);
    }
    return new PgliteThread(worker, unlock);
  }

  get closed(): boolean {
    return this.#exited !== null;
  }

  #request(request: Request, transfer?: ArrayBuffer[]): Promise<Reply> {
    if (this.#exited) return Promise.reject(this.#exited);
    const id = ++this.#nextId;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id }, transfer);
    });
  }

  /** A new connection, for pg's `stream` option. */
  connection(): Duplex {
    return new PgliteConnection((request) => this.#request(request));
  }

  /** Checkpoints and closes the database, then ends the thread and frees the data folder. */
  async close(): Promise<void> {
    if (this.#exited) return;
    try {
      await this.#request({ kind: 'close' });
    } finally {
      await this.#worker.terminate();
    }
  }
}

/**
 * One client connection: bytes written by pg go to the worker, whole messages at a time, and the
 * backend's replies come back in order. The messages pg writes for one query (parse, bind,
 * execute, sync) leave in one round trip.
 */
class PgliteConnection extends Duplex {
  #outgoing: Buffer[] = [];
  #flushScheduled = false;
  #started = false;
  #sessionEnded = false;

  constructor(private readonly send: (request: Request, transfer?: ArrayBuffer[]) => Promise<Reply>) {
    super({ allowHalfOpen: false });
  }

  // What pg asks of a socket.
  connect(): this {
    process.nextTick(() => this.emit('connect'));
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.#outgoing.push(chunk);
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      queueMicrotask(() => this.#flush());
    }
    done();
  }

  #flush(): void {
    this.#flushScheduled = false;
    const bytes = Buffer.concat(this.#outgoing);
    this.#outgoing = [];
    // A message pg has not finished writing waits for the rest.
    const whole = this.#wholeMessages(bytes);
    if (whole < bytes.length) this.#outgoing.push(bytes.subarray(whole));
    for (const message of this.#requests(bytes.subarray(0, whole))) {
      const copy = new Uint8Array(message);
      this.send({ kind: 'protocol', bytes: copy }, [copy.buffer]).then(
        (reply) => {
          if (reply.bytes?.length && !this.destroyed) this.push(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.length));
        },
        (error: Error) => this.destroy(error),
      );
    }
  }

  /** How many bytes from the start make whole messages. */
  #wholeMessages(bytes: Buffer): number {
    let offset = 0;
    if (!this.#started && bytes.length >= 8 && bytes.readInt32BE(4) === PROTOCOL_VERSION_3) {
      offset = bytes.readInt32BE(0);
      if (offset > bytes.length) return 0;
    }
    while (offset + 5 <= bytes.length && offset + 1 + bytes.readInt32BE(offset + 1) <= bytes.length) {
      offset += 1 + bytes.readInt32BE(offset + 1);
    }
    return offset;
  }

  /** The startup message on its own (PGlite reads it apart), then the rest without Terminate. */
  #requests(bytes: Buffer): Buffer[] {
    const requests: Buffer[] = [];
    let offset = 0;
    if (!this.#started && bytes.length >= 8 && bytes.readInt32BE(4) === PROTOCOL_VERSION_3) {
      this.#started = true;
      offset = bytes.readInt32BE(0);
      requests.push(bytes.subarray(0, offset));
    }
    const kept: Buffer[] = [];
    while (offset + 5 <= bytes.length) {
      const end = offset + 1 + bytes.readInt32BE(offset + 1);
      if (bytes[offset] !== TERMINATE) kept.push(bytes.subarray(offset, end));
      offset = end;
    }
    if (kept.length) requests.push(Buffer.concat(kept));
    return requests;
  }

  #endSession(): Promise<void> {
    if (this.#sessionEnded) return Promise.resolve();
    this.#sessionEnded = true;
    return this.send({ kind: 'endSession' }).then(() => {});
  }

  override _final(done: (error?: Error | null) => void): void {
    this.#endSession().then(
      () => {
        this.push(null);
        done();
      },
      (error: Error) => done(error),
    );
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.#endSession().then(
      () => done(error),
      () => done(error),
    );
  }
}
