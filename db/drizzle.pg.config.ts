import type { Config } from 'drizzle-kit';

export default {
  dialect: 'postgresql',
  schema: './db/pg/schema.ts',
  out: './db/pg/migrations',
} satisfies Config;
