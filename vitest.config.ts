import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships both ESM (.mjs) and CommonJS builds; Node loads one per
  // importer kind, and vitest would hand our ESM code the .mjs copy while
  // CommonJS dependencies (graphql-shield, graphql-middleware) get the other,
  // which graphql rejects as "another realm". One copy for everyone:
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // argon2 is memory-hard on purpose; two workers match the two cores.
    maxWorkers: 2,
    reporters: ['default', './test/helpers/plain-summary-reporter.ts'],
  },
});
