import { defineConfig } from 'prisma/config';

// Only `prisma generate` uses this file here: migrations are created and applied
// through the WebAssembly schema engine (server/db/migrations.ts).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
