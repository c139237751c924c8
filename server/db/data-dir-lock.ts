import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SettingError } from '../config.ts';

/**
 * PGlite does not lock its data folder, and two processes writing one folder
 * corrupt it. This lock file, created exclusively, keeps a second process out;
 * a lock left by a process that no longer runs (a crash) is taken over.
 */
export class DataDirLockedError extends SettingError {
  constructor(dataDir: string, holder: LockHolder) {
    super(
      `The data folder ${dataDir} is in use by another process (pid ${holder.pid} on ${holder.host}, ` +
        `since ${holder.since}). PGlite serves one process only: stop that process, or point ` +
        `DATA_DIR at another folder, or use a PostgreSQL server through DATABASE_URL.`,
    );
    this.name = 'DataDirLockedError';
  }
}

type LockHolder = { pid: number; host: string; since: string };

const LOCK_FILE = 'tracker.lock';
/** Folders this process holds, so a lock with our own pid left by an earlier
 * container run (pid reuse) is told apart from a second open in this process. */
const heldHere = new Set<string>();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/**
 * Makes the data folder if it is missing, one level at a time (Node's recursive mkdir never
 * returns for a path under /proc), or says in one line why DATA_DIR cannot be used.
 */
export function prepareDataDir(dataDir: string): void {
  const missing: string[] = [];
  let existing = dataDir;
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) {
    missing.unshift(existing);
    existing = path.dirname(existing);
  }
  if (!fs.statSync(existing).isDirectory()) {
    throw new SettingError(`DATA_DIR=${dataDir}: ${existing} is a file, not a folder: point DATA_DIR at a folder (one that does not exist yet is made).`);
  }
  try {
    for (const folder of missing) fs.mkdirSync(folder);
  } catch (error) {
    throw cannotWrite(dataDir, error);
  }
}

function cannotWrite(dataDir: string, error: unknown): SettingError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new SettingError(
    `DATA_DIR=${dataDir}: this process cannot write there (${code}): give its user write access to that folder, or point DATA_DIR at one it can write.`,
  );
}

export function lockDataDir(dataDir: string): () => void {
  prepareDataDir(dataDir);
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      heldHere.add(file);
      return () => {
        heldHere.delete(file);
        const holder = readHolder(file);
        if (holder?.pid === me.pid && holder.since === me.since) fs.rmSync(file, { force: true });
      };
    } catch (error) {
      // The lock is the first file written there: a folder this process may not write ends here.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotWrite(dataDir, error);
      const holder = readHolder(file);
      const stale =
        holder === undefined ||
        (holder.host === me.host &&
          (holder.pid === me.pid ? !heldHere.has(file) : !isRunning(holder.pid)));
      if (!stale) throw new DataDirLockedError(dataDir, holder);
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(dataDir, readHolder(file) ?? { pid: -1, host: 'unknown', since: 'unknown' });
}
