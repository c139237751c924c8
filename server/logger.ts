import type { Config } from './config.ts';

const levels = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 } as const;

export type Logger = {
  error(message: string, detail?: unknown): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  /** One structured line for a request, at info level. */
  request(fields: Record<string, unknown>): void;
};

/**
 * JSON lines on standard error, filtered by LOG_LEVEL: one object a line, so
 * log collectors need no parsing rules. Internal errors are logged with their
 * name, message and stack here, and never sent to clients.
 */
export function createLogger(level: Config['logLevel']): Logger {
  const at = levels[level];
  const write = (name: Exclude<keyof typeof levels, 'silent'>, fields: Record<string, unknown>) => {
    if (levels[name] <= at) process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: name, ...fields })}\n`);
  };
  return {
    error: (message, detail) =>
      write('error', {
        message,
        ...(detail instanceof Error ? { error: { name: detail.name, message: detail.message, stack: detail.stack } } : {}),
      }),
    warn: (message) => write('warn', { message }),
    info: (message) => write('info', { message }),
    debug: (message) => write('debug', { message }),
    request: (fields) => write('info', fields),
  };
}
