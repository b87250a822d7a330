// What a client gets when the database cannot serve its request: HTTP 503,
// SERVICE_UNAVAILABLE with reason DATABASE_UNAVAILABLE, Retry-After, and no
// SQL or driver text.
import { expect } from 'vitest';
import { codeOf } from './accounts.js';
import type { GraphqlResult } from './start-test-server.js';

/** Everything the client can read, for checking that no SQL or driver detail leaks. */
const leaked = (result: GraphqlResult) => JSON.stringify(result.body).toLowerCase();
export function expectDatabaseUnavailable(result: GraphqlResult) {
  expect(result.status).toBe(503);
  expect(codeOf(result)).toBe('SERVICE_UNAVAILABLE');
  expect(result.body.errors?.[0]).toMatchObject({ message: 'The database is unavailable, retry in 2s', extensions: { reason: 'DATABASE_UNAVAILABLE', retryAfter: 2 } });
  expect(result.headers.get('retry-after')).toBe('2');
  for (const word of ['select', 'insert', 'update', 'from', 'users', 'sessions', 'refresh_tokens', 'failed query', 'connect', 'terminat', 'params']) {
    expect(leaked(result)).not.toContain(word);
  }
}

