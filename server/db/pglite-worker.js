// @ts-check
/**
 * The embedded database's own thread. PGlite runs every query on the thread that calls it: on the
 * server's main thread a long query would stop the event loop, health checks included, until it
 * ended. This worker owns the one PGlite instance and answers PostgreSQL wire-protocol messages
 * sent from the main thread (pglite.ts), in the order they come.
 *
 * Plain JavaScript: a worker thread loads its entry with Node's own loader, which (on Node 20)
 * does not read TypeScript.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const port = parentPort;
if (!port) throw new Error('pglite-worker.js runs as a worker thread');

/** @type {{ dataDir: string | null }} */
const { dataDir } = workerData;

/**
 * @typedef {{ id: number; kind: 'protocol'; bytes: Uint8Array }
 *   | { id: number; kind: 'endSession' }
 *   | { id: number; kind: 'close' }} Request
 */

let db;
try {
  db = await PGlite.create({ dataDir: dataDir ?? undefined, extensions: { pg_trgm } });
  port.postMessage({ kind: 'ready' });
} catch (error) {
  port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
const database = db;

/** @param {Request} request */
async function answer(request) {
  switch (request.kind) {
    case 'protocol': {
      // The backend's reply, copied out of PGlite's memory so that it can be handed over whole.
      const reply = (await database.execProtocolRaw(request.bytes, { syncToFs: false })).slice();
      port?.postMessage({ id: request.id, bytes: reply }, [reply.buffer]);
      return;
    }
    case 'endSession':
      // A client went away (or was discarded after an error) inside a transaction: the next one
      // must not find it open, as a new connection to a PostgreSQL server would not.
      if (database.isInTransaction()) await database.exec('ROLLBACK');
      break;
    case 'close':
      // PGlite on Node does not fsync: checkpoint, then close, so a clean stop loses nothing.
      if (!database.closed) {
        await database.exec('CHECKPOINT');
        await database.close();
      }
      break;
  }
  port?.postMessage({ id: request.id });
}

// One request at a time, in order: PGlite has one session, and messages of one query come in parts.
let queue = Promise.resolve();
port.on('message', (/** @type {Request} */ request) => {
  queue = queue.then(() =>
    answer(request).catch((error) =>
      port?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
    ),
  );
});
