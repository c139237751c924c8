import { pino, type DestinationStream } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config.ts';

export type Logger = {
  error(message: string, detail?: unknown): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  /** One structured line for a request, at info level. */
  request(fields: Record<string, unknown>): void;
};

/**
 * Where a password, a token or a cookie would be if a caller ever logged one. None does (the request
 * log keeps to the operation and who asked): pino censors them should that change.
 */
const SECRETS = ['password', 'secret', 'token', 'cookie', 'authorization', 'variables', 'headers.authorization', 'headers.cookie', 'headers["set-cookie"]'];

/**
 * JSON lines on standard error, filtered by LOG_LEVEL: one object a line with `time` (ISO 8601),
 * `level` (its name), `msg` and the caller's fields, so log collectors need no parsing rules.
 * Internal errors are logged with their type, message and stack here, and never sent to clients.
 * On a terminal, outside production, the same lines are printed readably instead.
 *
 * Both outputs write synchronously: a line logged just before `process.exit` is not lost, and
 * no worker thread is left running.
 */
export function createLogger(
  level: Config['logLevel'],
  { environment, destination = standardError(environment) }: { environment?: Config['environment']; destination?: DestinationStream } = {},
): Logger {
  const logger = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: internalError },
      redact: SECRETS,
    },
    destination,
  );
  return {
    error: (message, detail) => (detail instanceof Error ? logger.error({ err: detail }, message) : logger.error(message)),
    warn: (message) => logger.warn(message),
    info: (message) => logger.info(message),
    debug: (message) => logger.debug(message),
    request: (fields) => logger.info(fields, 'request'),
  };
}

function standardError(environment: Config['environment'] | undefined): DestinationStream {
  if (process.stderr.isTTY && environment !== 'production') {
    return pretty({ sync: true, destination: 2, colorize: process.stderr.hasColors(), singleLine: true, translateTime: 'SYS:HH:MM:ss.l' });
  }
  return pino.destination({ dest: 2, sync: true });
}

/** pino's error serializer without the error's own properties: a database error's may hold the rows' values. */
function internalError(error: Error) {
  const { type, message, stack } = pino.stdSerializers.err(error);
  return { type, message, stack };
}
