import type { Config } from './config.ts';

const levels = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 } as const;

export type Logger = {
  error(message: string, detail?: unknown): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
};

/** Plain lines on standard error, filtered by LOG_LEVEL. */
export function createLogger(level: Config['logLevel']): Logger {
  const at = levels[level];
  const write = (name: keyof typeof levels, message: string) => {
    if (levels[name] <= at) process.stderr.write(`${new Date().toISOString()} ${name} ${message}\n`);
  };
  return {
    error: (message, detail) => write('error', detail instanceof Error ? `${message}: ${detail.message}` : message),
    warn: (message) => write('warn', message),
    info: (message) => write('info', message),
    debug: (message) => write('debug', message),
  };
}
