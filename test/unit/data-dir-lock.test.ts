import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../server/db/data-dir-lock.ts';

const folders: string[] = [];
function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-lock-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('data folder lock', () => {
  it('refuses a second holder until the first releases it', () => {
    const dir = folder();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in use by another process \(pid \d+/);
    release();
    expect(fs.existsSync(path.join(dir, 'tracker.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('takes over a lock left by a process that has ended', () => {
    const dir = folder();
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const pid = Number(ended.stdout.toString());
    fs.writeFileSync(path.join(dir, 'tracker.lock'), JSON.stringify({ pid, host: os.hostname(), since: 'earlier' }));
    const release = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'tracker.lock'), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('takes over a lock with this process id that this process does not hold (a restarted container)', () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, 'tracker.lock'), JSON.stringify({ pid: process.pid, host: os.hostname(), since: 'before restart' }));
    lockDataDir(dir)();
  });

  it('respects a lock held by a running process on this host', () => {
    const dir = folder();
    // The parent of this test process is alive for the whole test.
    fs.writeFileSync(path.join(dir, 'tracker.lock'), JSON.stringify({ pid: process.ppid, host: os.hostname(), since: 'now' }));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });
});
