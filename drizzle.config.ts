import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` only diffs the schema; it needs no database. Migrations are
// applied by db/migrate.ts (never `drizzle-kit push`).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/unused' },
  strict: true,
  verbose: true,
});
