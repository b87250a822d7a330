import type { Config } from 'drizzle-kit';

export default {
  dialect: 'postgresql',
  // The server's own tables, and each domain's beside its code (src/<domain>/*-repository.pg.ts).
  schema: ['./db/pg/schema.ts', './db/pg/mfa-schema.ts', './src/*/*-repository.pg.ts'],
  out: './db/pg/migrations',
  // Read only by `drizzle-kit migrate` (migrating ahead of a rollout, see
  // docs/postgres.md); `generate` works from the schema file alone.
  dbCredentials: { url: process.env['DATABASE_URL'] ?? '' },
} satisfies Config;
