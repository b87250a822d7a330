import type { Config } from 'drizzle-kit';

export default {
  dialect: 'postgresql',
  schema: './db/pg/schema.ts',
  out: './db/pg/migrations',
  // Read only by `drizzle-kit migrate` (migrating ahead of a rollout, see
  // docs/postgres.md); `generate` works from the schema file alone.
  dbCredentials: { url: process.env['DATABASE_URL'] ?? '' },
} satisfies Config;
