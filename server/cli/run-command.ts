import { ConfigError, loadConfig, SettingError } from '../config.ts';
import { connectPrisma, disconnectPrisma } from '../db/client.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { applyMigrations } from '../db/migrations.ts';

/** Thrown for a wrong command line: its message is printed alone, and the exit code is 2. */
export class UsageError extends Error {}

/** Runs a command-line task; known problems print their message alone and exit 1 (2 for usage). */
export async function runCommand(task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SettingError || error instanceof UsageError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}

/** Opens the configured database, brings it up to date, connects Prisma, runs `work`, and closes it all. */
export async function withMigratedDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig().database);
  try {
    await applyMigrations(database);
    connectPrisma(database);
    return await work(database);
  } finally {
    await disconnectPrisma();
    await database.close();
  }
}
