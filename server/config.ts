import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The most work one operation may be estimated to cost, in milliseconds, unless
 * OPERATION_COST_LIMIT_MS says otherwise: the budget the cost model was calibrated to
 * (server/graphql/cost.ts, test/db/cost-budget.test.ts).
 */
export const COST_BUDGET_MS = 300;

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], {
    error: 'expected true or false',
  })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
  NODE_ENV: z
    .enum(['production', 'development', 'test'], {
      error: 'expected production, development or test',
    })
    .default('development'),
  HOST: z.string().min(1, 'expected a host name or address').default('127.0.0.1'),
  PORT: z.coerce
    .number({ error: 'expected a port number' })
    .int('expected a whole number')
    .min(0, 'expected a port from 0 to 65535')
    .max(65535, 'expected a port from 0 to 65535')
    .default(4000),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'expected a postgresql:// connection URL' })
    .optional(),
  DATA_DIR: z.string().min(1, 'expected a folder path').default('./data'),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'expected a number' })
    .int('expected a whole number')
    .min(1, 'expected at least 1')
    .max(200, 'expected at most 200')
    .default(10),
  CONCURRENT_OPERATIONS: z.coerce
    .number({ error: 'expected a number' })
    .int('expected a whole number')
    .min(1, 'expected at least 1')
    .max(200, 'expected at most 200')
    // Twice the cores: enough to keep the database busy while the CPU works, few enough that
    // the event loop's turns stay short (measured with the benchmark, README).
    .default(2 * os.availableParallelism()),
  OPERATIONS_PER_CALLER: z.coerce
    .number({ error: 'expected a number' })
    .int('expected a whole number')
    .min(1, 'expected at least 1')
    .max(200, 'expected at most 200')
    .optional(),
  OPERATION_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'expected a number of seconds' })
    .min(0.1, 'expected at least 0.1')
    .max(300, 'expected at most 300')
    .default(10),
  REQUEST_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'expected a number of seconds' })
    .min(1, 'expected at least 1')
    .max(600, 'expected at most 600')
    .default(30),
  OPERATION_COST_LIMIT_MS: z.coerce
    .number({ error: 'expected a number of milliseconds' })
    .min(10, 'expected at least 10')
    .max(60_000, 'expected at most 60000')
    .default(COST_BUDGET_MS),
  OPERATION_QUEUE_SECONDS: z.coerce
    .number({ error: 'expected a number of seconds' })
    .min(1, 'expected at least 1')
    .max(300, 'expected at most 300')
    .default(20),
  // Checked in reminderSettings, never echoed: the URL may hold the mail server's password.
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  APP_URL: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional(),
  REMINDER_HOUR: z.coerce
    .number({ error: 'expected an hour from 0 to 23' })
    .int('expected a whole number')
    .min(0, 'expected an hour from 0 to 23')
    .max(23, 'expected an hour from 0 to 23')
    .default(6),
  ESCALATION_DAYS: z.coerce
    .number({ error: 'expected a number of days' })
    .int('expected a whole number')
    .min(1, 'expected at least 1')
    .max(365, 'expected at most 365')
    .default(30),
  // A file travels to the API in base64 within the writers' 15 MB request limit (http/graphql.ts):
  // 10 MB is the most that fits.
  EVIDENCE_FILE_MAX_MB: z.coerce
    .number({ error: 'expected a number of megabytes' })
    .min(0.01, 'expected at least 0.01')
    .max(10, 'expected at most 10')
    .default(10),
  EVIDENCE_FILE_STORAGE: z
    .enum(['database', 'folder', 's3'], { error: 'expected database, folder or s3' })
    .default('database'),
  EVIDENCE_FILE_DIR: z.string().min(1, 'expected a folder path').optional(),
  EVIDENCE_FILE_S3_BUCKET: z.string().min(3, 'expected a bucket name').optional(),
  EVIDENCE_FILE_S3_REGION: z.string().min(1, 'expected a region').default('us-east-1'),
  EVIDENCE_FILE_S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional(),
  EVIDENCE_FILE_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  EVIDENCE_FILE_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  DEMO_DATA: booleanFlag.default(true),
  TRUST_PROXY: booleanFlag.default(false),
  PUBLIC_REPORTS: booleanFlag.default(false),
  METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
  LOG_LEVEL: z
    .enum(['silent', 'error', 'warn', 'info', 'debug'], {
      error: 'expected silent, error, warn, info or debug',
    })
    .default('info'),
});

export type Config = {
  environment: 'production' | 'development' | 'test';
  host: string;
  port: number;
  database:
    | { kind: 'postgres'; url: string; poolSize: number }
    | { kind: 'pglite'; dataDir: string };
  /**
   * GraphQL operations run at once, in all and per caller, how many more one caller may have
   * waiting, how long one may wait its turn, and how long it may run (server/http/operation-queue.ts).
   */
  operations: { concurrency: number; perCaller: number; waitingPerCaller: number; maxWaitMs: number; deadlineMs: number; heavyConcurrency: number };
  /** The most work one operation may be estimated to cost, in milliseconds (graphql/cost.ts). */
  costLimitMs: number;
  /** How long a client may take to send a whole request (a slow one is answered 408). */
  requestTimeoutMs: number;
  /** Files attached to evidence: the largest accepted, and where they are kept (absent: 10 MB, in the database). */
  evidenceFiles?: EvidenceFileSettings;
  demoData: boolean;
  /** Behind a reverse proxy: take the client's address and https from its X-Forwarded-* headers. */
  trustProxy: boolean;
  logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** When set, /metrics answers only requests bearing it; otherwise anyone who can reach the server. */
  metricsToken: string | null;
  /** Email digests of people's work (server/reminders/); absent: none sent, escalation after 30 days. */
  reminders?: ReminderSettings;
  /** Whether /public/reports/:id shows reports marked public to anyone, without signing in (http/public-reports.ts). */
  publicReports: boolean;
};

/** Where and when the reminder digests go (server/reminders/). */
export type ReminderSettings = {
  /** The SMTP server, as a connection URL; null: no email is sent. */
  smtpUrl: string | null;
  /** The sender, as "Name <address>" or an address. */
  from: string | null;
  /** The address people open the app at, for the links in an email; null: the server's own. */
  appUrl: string | null;
  /** The hour (UTC) from which each day's digests go out; weekly ones go out on Mondays. */
  hour: number;
  /** An action overdue by more than this many days goes to the leaders of its owner's parent organisation. */
  escalationDays: number;
};

/**
 * One caller may use half the turns by default, so another is always served; past ten times that
 * many waiting, its operations are refused at once rather than queued for the rest of the minute.
 * Heavy operations take half the turns too; on the embedded database one, since it runs one
 * statement at a time and a second would only make the light ones wait behind both.
 */
export function operationLimits(
  concurrency: number,
  perCaller: number | undefined,
  queueSeconds: number,
  timeoutSeconds: number,
  database: Config['database']['kind'] = 'postgres',
): Config['operations'] {
  const own = perCaller ?? Math.max(1, Math.floor(concurrency / 2));
  const heavyConcurrency = database === 'pglite' ? 1 : Math.max(1, Math.ceil(concurrency / 2));
  return { concurrency, perCaller: own, waitingPerCaller: 10 * own, maxWaitMs: queueSeconds * 1000, deadlineMs: timeoutSeconds * 1000, heavyConcurrency };
}

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * A setting that is well formed but cannot be used on this machine (a data folder that is a file,
 * a port another program holds, a database server that does not answer). The message is one line
 * that starts with the variable's name and says what to do; the server prints it alone, without
 * a stack trace, and exits.
 */
export class SettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingError';
  }
}

function reminderSettings(value: z.infer<typeof environmentSchema>): ReminderSettings {
  const problems: string[] = [];
  if (value.SMTP_URL !== undefined) {
    const url = URL.canParse(value.SMTP_URL) ? new URL(value.SMTP_URL) : null;
    if (!url || !['smtp:', 'smtps:'].includes(url.protocol) || !url.hostname) {
      problems.push('SMTP_URL: expected an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587');
    }
    if (value.MAIL_FROM === undefined) problems.push('MAIL_FROM: expected the sender of reminder emails, e.g. Tracker <tracker@example.org> (SMTP_URL is set)');
  }
  if (value.MAIL_FROM !== undefined) {
    const address = /<([^<>]+)>\s*$/.exec(value.MAIL_FROM)?.[1] ?? value.MAIL_FROM;
    if (!z.email().safeParse(address.trim()).success) problems.push(`MAIL_FROM=${JSON.stringify(value.MAIL_FROM)}: expected an email address, or Name <address>`);
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    smtpUrl: value.SMTP_URL ?? null,
    from: value.MAIL_FROM ?? null,
    appUrl: value.APP_URL?.replace(/\/+$/, '') ?? null,
    hour: value.REMINDER_HOUR,
    escalationDays: value.ESCALATION_DAYS,
  };
}

/** Where evidence files are kept (server/domain/evidence-files/store.ts). */
export type EvidenceFileStorageSetting =
  | { kind: 'database' }
  | { kind: 'folder'; dir: string }
  | { kind: 's3'; bucket: string; region: string; endpoint: string | null; credentials: { accessKeyId: string; secretAccessKey: string } | null };

export type EvidenceFileSettings = { maxBytes: number; storage: EvidenceFileStorageSetting };

function evidenceFileSettings(value: z.infer<typeof environmentSchema>): EvidenceFileSettings {
  const maxBytes = Math.round(value.EVIDENCE_FILE_MAX_MB * 2 ** 20);
  switch (value.EVIDENCE_FILE_STORAGE) {
    case 'database':
      return { maxBytes, storage: { kind: 'database' } };
    case 'folder':
      return { maxBytes, storage: { kind: 'folder', dir: path.resolve(value.EVIDENCE_FILE_DIR ?? path.join(value.DATA_DIR, 'evidence-files')) } };
    case 's3': {
      if (!value.EVIDENCE_FILE_S3_BUCKET) throw new ConfigError(['EVIDENCE_FILE_S3_BUCKET: expected the bucket to keep evidence files in (EVIDENCE_FILE_STORAGE=s3)']);
      const { EVIDENCE_FILE_S3_ACCESS_KEY_ID: accessKeyId, EVIDENCE_FILE_S3_SECRET_ACCESS_KEY: secretAccessKey } = value;
      if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
        throw new ConfigError(['EVIDENCE_FILE_S3_ACCESS_KEY_ID and EVIDENCE_FILE_S3_SECRET_ACCESS_KEY: expected both or neither (neither: the S3 client finds its own credentials)']);
      }
      return {
        maxBytes,
        storage: {
          kind: 's3',
          bucket: value.EVIDENCE_FILE_S3_BUCKET,
          region: value.EVIDENCE_FILE_S3_REGION,
          endpoint: value.EVIDENCE_FILE_S3_ENDPOINT ?? null,
          credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : null,
        },
      };
    }
  }
}

/** Reads and validates the whole configuration once, from the environment given. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        // A connection URL may hold a password: name the variable, never echo it.
        const given = name === 'DATABASE_URL' || name === 'METRICS_TOKEN' || name === 'EVIDENCE_FILE_S3_SECRET_ACCESS_KEY' ? '' : `=${JSON.stringify(present[name])}`;
        return `${name}${given}: ${issue.message}`;
      }),
    );
  }
  const value = parsed.data;
  return {
    environment: value.NODE_ENV,
    host: value.HOST,
    port: value.PORT,
    database: value.DATABASE_URL
      ? { kind: 'postgres', url: value.DATABASE_URL, poolSize: value.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.resolve(value.DATA_DIR) },
    operations: operationLimits(
      value.CONCURRENT_OPERATIONS,
      value.OPERATIONS_PER_CALLER,
      value.OPERATION_QUEUE_SECONDS,
      value.OPERATION_TIMEOUT_SECONDS,
      value.DATABASE_URL ? 'postgres' : 'pglite',
    ),
    costLimitMs: value.OPERATION_COST_LIMIT_MS,
    requestTimeoutMs: value.REQUEST_TIMEOUT_SECONDS * 1000,
    evidenceFiles: evidenceFileSettings(value),
    demoData: value.DEMO_DATA,
    trustProxy: value.TRUST_PROXY,
    logLevel: value.LOG_LEVEL,
    metricsToken: value.METRICS_TOKEN ?? null,
    reminders: reminderSettings(value),
    publicReports: value.PUBLIC_REPORTS,
  };
}
