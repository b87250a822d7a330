// In production an unexpected failure reaches the client as a generic
// INTERNAL_SERVER_ERROR, while the server log keeps the real error, its stack
// and the request id. The database is closed under a running server to cause one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signup, type SignedIn } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const leakPattern = /sqlite|database|select |insert |\.ts\b|\.js\b|at \w|stack/i;

describe('production error masking and /healthz', () => {
  let server: TestServer;
  let alice: SignedIn;
  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: 'production' } });
    alice = await signup(server, 'alice@example.com');
  });
  afterAll(() => server.close());

  let requests = 0;
  /** A GraphQL call under a request id of our own, and the error line the server logged for it (pino level 50), if any. */
  async function withErrorLog(query: string, token?: string) {
    const requestId = `masking-${++requests}`;
    const result = await server.graphql(query, { headers: { 'x-request-id': requestId }, ...(token ? { token } : {}) });
    expect(result.headers.get('x-request-id')).toBe(requestId);
    return { result, logged: server.logs.find((line) => line['level'] === 50 && line['requestId'] === requestId) };
  }

  it('hides schema details and introspection in production', async () => {
    const typo = await server.graphql('{ mee { id } }');
    expect(typo.status).toBe(400);
    expect(typo.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(typo.body)).not.toContain('Did you mean');
    const introspection = await server.graphql('{ __schema { types { name } } }');
    expect(introspection.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers /healthz 200 while the database is reachable', async () => {
    const response = await server.fetch('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  describe('with the database closed under the running server', () => {
    beforeAll(() => server.app.database.close());

    it('answers /healthz 503', async () => {
      const response = await server.fetch('/healthz');
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable' });
    });

    it('masks a failing field: generic message, partial-result shape, no SQL or stack; the log has the real error', async () => {
      const { result, logged } = await withErrorLog('mutation { signup(email: "bob@example.com", password: "correct horse battery") { accessToken } }');
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ data: null, errors: [{ message: 'Internal server error', path: ['signup'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(logged).toMatchObject({ msg: 'unexpected error', path: ['signup'], err: { type: 'TypeError', message: 'The database connection is not open' } });
      expect((logged?.['err'] as { stack: string }).stack).toMatch(/user-repository/);
    });

    it('masks a failure while checking a token (context creation): 500, generic, and logged', async () => {
      const { result, logged } = await withErrorLog('{ me { id } }', alice.accessToken);
      expect(result.status).toBe(500);
      expect(result.body).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(JSON.stringify(result.body)).not.toMatch(leakPattern);
      expect(logged).toMatchObject({ level: 50, err: { type: 'TypeError', message: 'The database connection is not open' } });
    });

    it('leaves requests that need no database alone', async () => {
      expect((await server.graphql('{ me { id } }')).body).toEqual({ data: { me: null } });
    });
  });
});
