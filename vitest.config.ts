import { defineConfig } from 'vitest/config';

// The HTTP acceptance tests that run a second time with every test server on
// PostgreSQL (each server gets a database of its own): the same tests, not a
// copy. Left out: purge (counts SQLite rows) and key rotation (a database file).
const acceptanceOnPostgres = [
  'test/http/sign-in.test.ts',
  'test/http/refresh-rotation.test.ts',
  'test/http/refresh-reuse.test.ts',
  'test/http/revocation.test.ts',
  'test/http/user-changes.test.ts',
  'test/http/sessions-list.test.ts',
  'test/http/password-change.test.ts',
  'test/http/session-lifetime.test.ts',
  'test/http/email-look-alikes.test.ts',
  // account recovery and verification over real mail (issue 16)
  'test/http/password-reset.test.ts',
  'test/http/email-verification.test.ts',
  'test/http/email-change.test.ts',
  // the reference domain: ownership, lists and pages on PostgreSQL too
  'test/notes/notes-access.test.ts',
  // two servers on one PostgreSQL and one Redis (skipped, with a note, without TEST_REDIS_URL)
  'test/http/two-instances.test.ts',
  // the second factor (issue 17)
  'test/mfa/totp-enrolment.test.ts',
  'test/mfa/mfa-login.test.ts',
  'test/mfa/mfa-two-instances.test.ts',
  'test/mfa/step-up.test.ts',
  'test/mfa/passkeys.test.ts',
  // API keys: lifecycle, the per-user cap under concurrency, scopes, revocation across instances
  'test/http/api-keys.test.ts',
  'test/http/api-key-scopes.test.ts',
  'test/http/api-key-revocation.test.ts',
];
const postgres = Boolean(process.env['TEST_DATABASE_URL']);
// Vite evaluates this file once per project; say it once.
const noted = Symbol.for('graphql-auth.postgres-skip-noted');
if (!postgres && !(noted in globalThis)) {
  Object.defineProperty(globalThis, noted, { value: true });
  console.warn(`SKIPPED the acceptance run on PostgreSQL (${acceptanceOnPostgres.length} files, project "postgres"): TEST_DATABASE_URL is not set`);
}

export default defineConfig({
  // graphql ships both ESM (.mjs) and CommonJS builds; Node loads one per
  // importer kind, and vitest would hand our ESM code the .mjs copy while
  // CommonJS dependencies (graphql-shield, graphql-middleware) get the other,
  // which graphql rejects as "another realm". One copy for everyone:
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // argon2 is memory-hard on purpose; two workers match the two cores.
    maxWorkers: 2,
    reporters: ['default', './test/helpers/plain-summary-reporter.ts'],
    projects: [
      // `include` per project: a project that extends the root appends to its list.
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } },
      ...(postgres ? [{ extends: true as const, test: { name: 'postgres', include: acceptanceOnPostgres, env: { TEST_SERVER_DATABASE: 'postgres' } } }] : []),
    ],
  },
});
