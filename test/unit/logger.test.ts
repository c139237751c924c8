import { describe, expect, it } from 'vitest';
import type { Config } from '../../server/config.ts';
import { createLogger, type Logger } from '../../server/logger.ts';

/** A logger at the given level and the JSON objects it wrote, one per line. */
function capture(level: Config['logLevel']): { log: Logger; lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  const log = createLogger(level, { destination: { write: (chunk: string) => void written.push(chunk) } });
  const lines = () =>
    written.map((chunk) => {
      expect(chunk.endsWith('\n') && !chunk.slice(0, -1).includes('\n'), 'one object a line').toBe(true);
      return JSON.parse(chunk) as Record<string, unknown>;
    });
  return { log, lines };
}

function logOneOfEach(log: Logger) {
  log.error('an error');
  log.warn('a warning');
  log.info('some news');
  log.debug('a detail');
  log.request({ event: 'graphql', operation: 'Me', durationMs: 1.5, userId: 7, errorCodes: [] });
}

describe('the logger', () => {
  it.each([
    ['silent', []],
    ['error', ['error']],
    ['warn', ['error', 'warn']],
    ['info', ['error', 'warn', 'info', 'info']],
    ['debug', ['error', 'warn', 'info', 'debug', 'info']],
  ] as const)('at %s writes %j', (level, expected) => {
    const { log, lines } = capture(level);
    logOneOfEach(log);
    expect(lines().map((line) => line.level)).toEqual(expected);
  });

  it('writes the time, the level by name, the message, and a request line with its fields', () => {
    const { log, lines } = capture('debug');
    logOneOfEach(log);
    const [error, , , , request] = lines();
    expect(Object.keys(error!)).toEqual(['level', 'time', 'msg']);
    expect(error).toMatchObject({ level: 'error', msg: 'an error' });
    expect(new Date(error!.time as string).toISOString()).toBe(error!.time);
    expect(request).toEqual({ level: 'info', time: expect.any(String), msg: 'request', event: 'graphql', operation: 'Me', durationMs: 1.5, userId: 7, errorCodes: [] });
  });

  it("logs an internal error's type, message and stack, and none of its other properties", () => {
    const { log, lines } = capture('error');
    const cause = new TypeError('the connection closed');
    const error = Object.assign(new Error('the query failed', { cause }), { meta: { row: 'someone@example.org' } });
    log.error('Internal error', error);
    log.error('Not an error', { password: 'hunter2' });
    const [logged, other] = lines();
    expect(logged).toMatchObject({ level: 'error', msg: 'Internal error' });
    const err = logged!.err as Record<string, string>;
    expect(Object.keys(err).sort()).toEqual(['message', 'stack', 'type']);
    expect(err.type).toBe('Error');
    expect(err.message).toContain('the query failed');
    expect(err.stack).toContain(`Error: the query failed\n    at `);
    expect(err.stack).toContain('caused by: TypeError: the connection closed');
    expect(JSON.stringify(logged)).not.toContain('someone@example.org');
    expect(other).toEqual({ level: 'error', time: expect.any(String), msg: 'Not an error' });
  });

  it('censors credentials should a caller ever log them', () => {
    const { log, lines } = capture('info');
    log.request({ password: 'hunter2', headers: { authorization: 'Bearer trk_secret', cookie: 'tracker_session=abc', accept: 'application/json' }, variables: { input: { password: 'x' } } });
    const [line] = lines();
    expect(JSON.stringify(line)).not.toMatch(/hunter2|trk_secret|tracker_session|"x"/);
    expect(line).toMatchObject({ headers: { accept: 'application/json' } });
  });
});
