// A refused sign-in is cheap (issue 20: a flood of them must not stall the
// owner's): no stack trace is captured or formatted for an answer such as
// RATE_LIMITED, and the refusal comes before any read of the account, while
// the error the client sees is exactly the one graphql-js would place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signup } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

describe('what a refused sign-in costs', () => {
  let server: TestServer;
  const queries: string[] = [];
  beforeAll(async () => {
    const { createDatabase } = await import('../../db/create-database.js');
    const database = await createDatabase(':memory:', { logQuery: (query) => queries.push(query) });
    server = await startTestServer({ env: { TRUST_PROXY: '1', LOGIN_UNTRUSTED_MAX: '1' }, database });
    await signup(server, 'owner@example.com');
  });
  afterAll(() => server.close());

  const guess = (ip: string) =>
    server.graphql('mutation { guess: login(email: "owner@example.com", password: "wrong guess") { accessToken } }', { headers: { 'x-forwarded-for': ip } });

  it('formats no stack trace and reads nothing from the database, and answers as graphql-js places an error', async () => {
    expect((await guess('203.0.113.1')).body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED'); // the one untrusted failure allowed
    const formatted: number[] = [];
    const readsBefore = queries.length;
    Error.prepareStackTrace = (error: Error, frames: NodeJS.CallSite[]) => (formatted.push(frames.length), `${error.name}: ${error.message}`);
    let refused: Awaited<ReturnType<typeof guess>>;
    try {
      refused = await guess('203.0.113.2');
    } finally {
      delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
    }
    expect(refused.body).toEqual({
      data: null,
      errors: [{ message: 'Too many requests, retry in 900s', locations: [{ line: 1, column: 12 }], path: ['guess'], extensions: { code: 'RATE_LIMITED', retryAfter: 900 } }],
    });
    expect(formatted.filter((frames) => frames > 0)).toEqual([]);
    expect(queries.slice(readsBefore)).toEqual([]);
  });
});
