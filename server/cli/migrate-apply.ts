// npm run migrate: applies pending migrations to the configured database
// (DATABASE_URL, or the embedded database in DATA_DIR).
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { applyMigrations } from '../db/migrations.ts';
import { runCommand } from './run-command.ts';

await runCommand(async () => {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    const applied = await applyMigrations(database);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${database.location}: ${applied.join(', ')}`
        : `${database.location} is up to date.`,
    );
  } finally {
    await database.close();
  }
});
