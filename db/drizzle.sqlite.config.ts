import type { Config } from 'drizzle-kit';

export default {
  dialect: 'sqlite',
  schema: './db/sqlite/schema.ts',
  out: './db/sqlite/migrations',
} satisfies Config;
