/**
 * Migrations are checked against a fresh in-memory database (migrations.ts),
 * never a shadow database: creating one would need CREATEDB rights, and the pg
 * adapter's own builds it from a connection string that still names the main
 * database.
 */
export async function noShadowDatabase(): Promise<never> {
  throw new Error('No shadow database: migrations are checked on a fresh in-memory database.');
}
