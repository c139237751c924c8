import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/password.ts';
import { connectPrisma, disconnectPrisma } from '../../server/db/client.ts';
import { openDatabase } from '../../server/db/database.ts';

// The first administrator on a fresh install, made from the command line as the README says.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-first-admin-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function userCreate(args: string[], input?: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/user-create.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
    input,
    encoding: 'utf8',
  });
}

async function storedUser(email: string) {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  const prisma = connectPrisma(database);
  try {
    return await prisma.user.findUnique({ where: { email }, include: { history: true } });
  } finally {
    await disconnectPrisma();
    await database.close();
  }
}

describe('npm run user:create', () => {
  it('creates the first administrator with a password read from standard input', async () => {
    const run = userCreate(['--email', 'Chief@Example.org', '--name', 'Chief Administrator', '--password-stdin'], 'a very long first password\n');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Created administrator chief@example.org');
    expect(run.stdout).not.toContain('a very long first password');
    const user = await storedUser('chief@example.org');
    expect(user).toMatchObject({ role: 'ADMINISTRATOR', active: true });
    expect(await verifyPassword('a very long first password', user!.passwordHash)).toBe(true);
    // Made by the account itself, and a change to that account (its history page lists it).
    expect(user!.history.map((event) => [event.kind, event.accountId])).toEqual([['CREATED', user!.id]]);
  });

  it('resets an existing account, printing a generated password once when none is given', async () => {
    const run = userCreate(['--email', 'chief@example.org', '--name', 'Chief Administrator']);
    expect(run.status, run.stderr).toBe(0);
    const password = /Password \(shown once, change it after signing in\): (\S+)/.exec(run.stdout)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(20);
    const user = await storedUser('chief@example.org');
    expect(await verifyPassword(password!, user!.passwordHash)).toBe(true);
    expect(await verifyPassword('a very long first password', user!.passwordHash)).toBe(false);
  });

  it('refuses a short password and an unknown role, saying why', () => {
    const short = userCreate(['--email', 'x@example.org', '--name', 'X', '--password-stdin'], 'short\n');
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('at least 12 characters');
    const role = userCreate(['--email', 'x@example.org', '--name', 'X', '--role', 'KING']);
    expect(role.status).toBe(2);
    expect(role.stderr).toContain('--role must be one of');
  });
});
