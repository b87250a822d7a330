import type { Config } from 'drizzle-kit';

export default {
  dialect: 'sqlite',
  // The server's own tables, and each domain's beside its code (src/<domain>/*-repository.sqlite.ts).
  schema: ['./db/sqlite/schema.ts', './db/sqlite/mfa-schema.ts', './src/*/*-repository.sqlite.ts'],
  out: './db/sqlite/migrations',
} satisfies Config;
