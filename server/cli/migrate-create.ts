// npm run migrate:create -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL from the existing migrations to prisma/schema.prisma. No database server needed.
import path from 'node:path';
import { createMigration } from '../db/migrations.ts';
import { runCommand } from './run-command.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run migrate:create -- <name>   (lower-case letters, digits and _)');
  process.exit(2);
}
await runCommand(async () => {
  const folder = await createMigration(name);
  console.log(
    folder
      ? `Created ${path.relative(process.cwd(), folder)}: review it, then commit it with schema.prisma.`
      : 'schema.prisma matches the migrations: nothing to create.',
  );
});
