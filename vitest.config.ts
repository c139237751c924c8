import { defineConfig } from 'vitest/config';

// Tests under test/db run once per database: on PGlite always, and on the
// PostgreSQL server named by TEST_DATABASE_URL when there is one (CI names one).
// Files named *.postgres.test.ts test what only a database server has (a network to lose).
const databaseProject = (kind: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name: kind,
    include: ['test/db/**/*.test.ts'],
    exclude: kind === 'pglite' ? ['test/db/**/*.postgres.test.ts'] : [],
    env: { TEST_DATABASE: kind },
  },
});

export default defineConfig({
  // Node loads graphql's CommonJS build for the libraries (Pothos, Apollo); tests must use the
  // same copy, or a schema built by one is "from another module or realm" to the other.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    projects: [
      { extends: true, test: { name: 'node', include: ['test/unit/**/*.test.ts', 'test/server/**/*.test.ts'] } },
      // The admin app in a real headless Chromium, against the real server.
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
      databaseProject('pglite'),
      ...(process.env.TEST_DATABASE_URL ? [databaseProject('postgres')] : []),
    ],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
