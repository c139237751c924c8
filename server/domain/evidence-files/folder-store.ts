import fs from 'node:fs/promises';
import path from 'node:path';
import type { EvidenceFileStore } from './store.ts';

/** Keys are the server's own (random UUIDs): anything else never becomes a path. */
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Bytes as files in a folder (EVIDENCE_FILE_DIR), one sub-folder per first two characters of the
 * key so no folder grows too large. A file appears whole or not at all: written beside, then renamed.
 */
export function folderStore(dir: string): EvidenceFileStore {
  const pathOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`Not an evidence file key: ${JSON.stringify(key.slice(0, 60))}`);
    return path.join(dir, key.slice(0, 2), key);
  };
  return {
    kind: 'FOLDER',
    transactional: false,
    async put(_tx, key, content) {
      const target = pathOf(key);
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const partial = `${target}.partial`;
      await fs.writeFile(partial, content, { mode: 0o600, flag: 'wx' });
      await fs.rename(partial, target);
    },
    read: (key) => fs.readFile(pathOf(key)),
    async remove(_tx, key) {
      await fs.rm(pathOf(key), { force: true });
    },
  };
}
