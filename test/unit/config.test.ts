import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('defaults to the embedded database in ./data on 127.0.0.1:4000', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'pglite', dataDir: path.resolve('data') });
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4000, demoData: true, trustProxy: false, environment: 'development' });
    const concurrency = 2 * os.availableParallelism();
    expect(config.operations).toEqual({
      concurrency,
      perCaller: Math.max(1, concurrency / 2),
      waitingPerCaller: 10 * Math.max(1, concurrency / 2),
      maxWaitMs: 20_000,
      deadlineMs: 10_000,
      heavyConcurrency: 1,
    });
  });

  it('takes how many operations run at once, per caller, how long one may wait its turn and how long it may run', () => {
    expect(loadConfig({ CONCURRENT_OPERATIONS: '2', OPERATION_QUEUE_SECONDS: '5', OPERATION_TIMEOUT_SECONDS: '2.5' }).operations).toEqual({
      concurrency: 2,
      perCaller: 1,
      waitingPerCaller: 10,
      maxWaitMs: 5000,
      deadlineMs: 2500,
      heavyConcurrency: 1,
    });
    expect(loadConfig({ CONCURRENT_OPERATIONS: '4', DATABASE_URL: 'postgresql://app@db.internal/tracker' }).operations.heavyConcurrency).toBe(2);
    expect(loadConfig({ CONCURRENT_OPERATIONS: '8', OPERATIONS_PER_CALLER: '3' }).operations).toMatchObject({ perCaller: 3, waitingPerCaller: 30 });
    expect(problems({ CONCURRENT_OPERATIONS: '0' })).toEqual(['CONCURRENT_OPERATIONS="0": expected at least 1']);
    expect(problems({ OPERATION_TIMEOUT_SECONDS: 'soon' })).toEqual(['OPERATION_TIMEOUT_SECONDS="soon": expected a number of seconds']);
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://app@db.internal:5432/tracker', DATABASE_POOL_SIZE: '4' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgresql://app@db.internal:5432/tracker', poolSize: 4 });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).database.kind).toBe('pglite');
  });

  it('names each bad variable and what it expects', () => {
    expect(problems({ PORT: 'eighty' })).toEqual(['PORT="eighty": expected a port number']);
    expect(problems({ PORT: '70000' })).toEqual(['PORT="70000": expected a port from 0 to 65535']);
    expect(problems({ DEMO_DATA: 'maybe' })).toEqual(['DEMO_DATA="maybe": expected true or false']);
    expect(problems({ NODE_ENV: 'prod', LOG_LEVEL: 'loud' })).toEqual([
      'NODE_ENV="prod": expected production, development or test',
      'LOG_LEVEL="loud": expected silent, error, warn, info or debug',
    ]);
  });

  it('never echoes a connection URL, which may hold a password', () => {
    const [problem] = problems({ DATABASE_URL: 'mysql://user:s3cret@host/db' });
    expect(problem).toBe('DATABASE_URL: expected a postgresql:// connection URL');
    expect(problem).not.toContain('s3cret');
  });
});
