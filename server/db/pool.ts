import pg from 'pg';
import { currentOperation, OperationStoppedError } from './operation-scope.ts';

/** Ends the statement a server connection (by its process id) is running; none on the embedded database. */
export type CancelStatement = (processId: number) => Promise<void>;

/** A connection pool that knows which operation each statement belongs to. */
export type Pool = pg.Pool & {
  /** When the database last answered a statement (an error from the database is an answer too). */
  lastAnswerAt(): number;
  /** When the longest-running statement now in progress was sent, or null when none is. */
  busySince(): number | null;
};

const ENDS_TRANSACTION = /^\s*ROLLBACK\b/i;

/**
 * The most statements one connection keeps prepared. Prisma writes an `IN` list with one parameter
 * per value, so the statements a long-lived connection sees are not a fixed set; past this, the one
 * used longest ago is deallocated (the server keeps each one's parse tree and plan in memory).
 */
export const PREPARED_PER_CONNECTION = 200;

function statementText(config: unknown): string {
  if (typeof config === 'string') return config;
  return typeof (config as { text?: unknown })?.text === 'string' ? (config as { text: string }).text : '';
}

/**
 * A connection handed back while still inside a transaction (its ROLLBACK never went, say) is
 * closed, not pooled: the next operation must not find itself in someone else's transaction.
 */
function releasedOutsideTransactions(client: pg.PoolClient): pg.PoolClient {
  const release = client.release.bind(client);
  client.release = (error?: Error | boolean) => {
    const status = (client as { transactionStatus?: string }).transactionStatus;
    return release(error || (status !== undefined && status !== 'I' ? new Error('Released inside a transaction') : undefined));
  };
  return client;
}

/** An error the database itself sent: the connection is still good. */
function fromDatabase(error: unknown): boolean {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && 'severity' in error;
}

/**
 * A pool whose statements stop with their operation (operation-scope.ts): none starts once the
 * operation has stopped, and those running are cancelled on the server (with `cancel`). A
 * connection whose statement is being cancelled sends nothing more until the cancel has been
 * delivered, so it can never end the next operation's statement instead.
 */
export function createPool(config: pg.PoolConfig, cancel: CancelStatement | null): Pool {
  let lastAnswerAt = Date.now();
  const sentAt = new Set<{ at: number }>();

  class OperationClient extends pg.Client {
    #cancelling: Promise<void> | null = null;
    /** The server's word at its last ReadyForQuery: I (idle), T (in a transaction) or E (a failed one). */
    transactionStatus = 'I';
    /** The named statements prepared on this connection, the one used longest ago first. */
    #prepared = new Set<string>();

    constructor(config?: string | pg.ClientConfig) {
      super(config);
      (this as unknown as { connection: NodeJS.EventEmitter }).connection.on('readyForQuery', (message: { status: string }) => {
        this.transactionStatus = message.status;
      });
    }

    // pg's query() has a dozen overloads; the pool and Prisma's adapter use its promise form.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    override query(config: any, values?: any, callback?: any): any {
      if (typeof callback === 'function' || typeof values === 'function' || typeof config?.submit === 'function') {
        return super.query(config, values, callback);
      }
      if (typeof config?.name === 'string') this.#usePrepared(config.name);
      return this.#run(config, () => super.query(config, values));
    }

    /** Notes a named statement's use, and deallocates the one used longest ago past the bound. */
    #usePrepared(name: string): void {
      this.#prepared.delete(name);
      this.#prepared.add(name);
      if (this.#prepared.size <= PREPARED_PER_CONNECTION) return;
      const [oldest] = this.#prepared;
      this.#prepared.delete(oldest!);
      // pg remembers which names it has prepared (an internal record: it sends no Parse for them).
      // It forgets one only once the server has: a DEALLOCATE refused (in a failed transaction,
      // say) leaves the statement prepared there, and pg must not prepare the name again. The
      // callback, unlike a promise, runs before pg sends the next statement in its queue.
      const parsed = (this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements;
      super.query(`DEALLOCATE "${oldest}"`, (error: Error | null) => {
        if (!error) delete parsed[oldest!];
      });
    }

    async #run<T>(config: unknown, send: () => Promise<T>): Promise<T> {
      const operation = currentOperation();
      if (this.#cancelling) await this.#cancelling;
      // A stopped operation starts nothing new, but may still end the transaction it began (and one
      // that has committed a write still reads its answer).
      if (operation?.signal.aborted && !operation.committed && !ENDS_TRANSACTION.test(statementText(config))) throw operation.signal.reason;
      // Set by pg from the server's BackendKeyData; not in its typings.
      const processId = (this as { processID?: number | null }).processID;
      const stop = () => {
        if (!cancel || this.#cancelling || !processId) return;
        this.#cancelling = cancel(processId)
          .catch(() => {})
          .finally(() => (this.#cancelling = null));
      };
      operation?.running.add(stop);
      const sent = { at: Date.now() };
      sentAt.add(sent);
      try {
        const result = await send();
        lastAnswerAt = Date.now();
        return result;
      } catch (error) {
        if (fromDatabase(error)) lastAnswerAt = Date.now();
        if (operation?.signal.aborted && !operation.committed) throw operation.signal.reason;
        throw error;
      } finally {
        sentAt.delete(sent);
        operation?.running.delete(stop);
      }
    }
  }

  class OperationPool extends pg.Pool {
    /** A connection, unless the operation stops first (then it goes back to the pool when it comes). */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    override connect(callback?: any): any {
      if (callback) return super.connect(callback);
      const pending = super.connect().then(releasedOutsideTransactions);
      const operation = currentOperation();
      const signal = operation && !operation.committed ? operation.signal : undefined;
      if (!signal) return pending;
      if (signal.aborted) {
        void pending.then((client) => client.release(), () => {});
        return Promise.reject(signal.reason);
      }
      return new Promise<pg.PoolClient>((resolve, reject) => {
        // The connection, when it comes, goes back to the pool below.
        const stop = () => reject(signal.reason);
        signal.addEventListener('abort', stop, { once: true });
        pending.then(
          (client) => {
            signal.removeEventListener('abort', stop);
            if (signal.aborted) client.release();
            else resolve(client);
          },
          (error) => {
            signal.removeEventListener('abort', stop);
            reject(error);
          },
        );
      });
    }

    /**
     * pg-pool's own query() calls back in whichever operation released the connection it waited
     * for; this one keeps the caller's, and keeps a connection whose statement the database refused.
     */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    override query(config: any, values?: any, callback?: any): any {
      if (typeof callback === 'function' || typeof values === 'function') return super.query(config, values, callback);
      return (async () => {
        const client = await this.connect();
        // A connection lost mid-statement also emits 'error': the statement's failure reports it.
        let failure: unknown;
        const lost = (error: Error) => (failure = error);
        client.on('error', lost);
        try {
          return await client.query(config, values);
        } catch (error) {
          failure = error;
          throw error;
        } finally {
          client.off('error', lost);
          const broken = failure !== undefined && !fromDatabase(failure) && !(failure instanceof OperationStoppedError);
          client.release(broken ? (failure as Error) : undefined);
        }
      })();
    }
  }

  const pool = new OperationPool({ ...config, Client: OperationClient }) as Pool;
  pool.lastAnswerAt = () => lastAnswerAt;
  pool.busySince = () => {
    let oldest: number | null = null;
    for (const { at } of sentAt) if (oldest === null || at < oldest) oldest = at;
    return oldest;
  };
  // An idle connection that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return pool;
}
