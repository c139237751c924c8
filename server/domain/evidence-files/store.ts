import type { EvidenceFileSettings } from '../../config.ts';
import type { TransactionClient } from '../../db/client.ts';
import type { EvidenceFileStorage } from '../../db/generated/prisma/enums.ts';
import { databaseStore } from './database-store.ts';
import { folderStore } from './folder-store.ts';
import { s3Store } from './s3-store.ts';

/**
 * Where the bytes of evidence files are kept, behind one interface: in the database (the
 * default: one more table, backed up with everything else), in a folder, or in an S3-compatible
 * object store. Records name each file's store and key (EvidenceFile.storage, storageKey), so
 * files kept before the setting changed are still found in the database.
 */
export interface EvidenceFileStore {
  readonly kind: EvidenceFileStorage;
  /**
   * Whether writes and removals are part of the database transaction of the change itself. When
   * not, bytes are written before the change commits and removed only after it has (StoredBytes).
   */
  readonly transactional: boolean;
  put(tx: TransactionClient, key: string, content: Buffer, contentType: string): Promise<void>;
  read(key: string): Promise<Buffer>;
  remove(tx: TransactionClient | null, key: string): Promise<void>;
}

const DEFAULT_SETTINGS: EvidenceFileSettings = { maxBytes: 10 * 2 ** 20, storage: { kind: 'database' } };

let settings = DEFAULT_SETTINGS;
let configured: EvidenceFileStore = databaseStore;

/** Sets the size limit and the store from the configuration (at start; tests switch stores). */
export function configureEvidenceFiles(given: EvidenceFileSettings = DEFAULT_SETTINGS): void {
  settings = given;
  const storage = given.storage;
  configured = storage.kind === 'folder' ? folderStore(storage.dir) : storage.kind === 's3' ? s3Store(storage) : databaseStore;
}

export const evidenceFileLimit = () => settings.maxBytes;

/** The store new files go to. */
export const currentStore = () => configured;

/** The store a file was kept in: the database's is always there; another only while it is configured. */
export function storeFor(kind: EvidenceFileStorage): EvidenceFileStore {
  if (kind === 'DATABASE') return databaseStore;
  if (kind === configured.kind) return configured;
  throw new Error(`An evidence file is kept in the ${kind} store, but EVIDENCE_FILE_STORAGE names ${configured.kind}: configure that store to serve it.`);
}

/**
 * The bytes a change writes to, or removes from, a store outside the database: written ones are
 * removed again if the change does not commit (or is retried), removed ones go only once it has.
 */
export class StoredBytes {
  private written: { store: EvidenceFileStore; key: string }[] = [];
  private toRemove: { store: EvidenceFileStore; key: string }[] = [];
  private abandoned: { store: EvidenceFileStore; key: string }[] = [];

  /** A transaction attempt begins: what an earlier attempt wrote is no longer wanted. */
  startAttempt(): void {
    this.abandoned.push(...this.written);
    this.written = [];
    this.toRemove = [];
  }

  async put(tx: TransactionClient, store: EvidenceFileStore, key: string, content: Buffer, contentType: string): Promise<void> {
    if (!store.transactional) this.written.push({ store, key });
    await store.put(tx, key, content, contentType);
  }

  async remove(tx: TransactionClient, store: EvidenceFileStore, key: string): Promise<void> {
    if (store.transactional) await store.remove(tx, key);
    else this.toRemove.push({ store, key });
  }

  /** Runs the change, then settles the bytes outside the database with its outcome. */
  async around<T>(change: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await change();
    } catch (error) {
      await removeAll([...this.abandoned, ...this.written]);
      throw error;
    }
    await removeAll([...this.abandoned, ...this.toRemove]);
    return result;
  }
}

/** Best effort: a byte left behind is only space, never a file a record names. */
async function removeAll(items: { store: EvidenceFileStore; key: string }[]): Promise<void> {
  await Promise.allSettled(items.map(({ store, key }) => store.remove(null, key)));
}
