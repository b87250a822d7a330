// In production an unexpected failure reaches the client as a generic
// INTERNAL_SERVER_ERROR, while the server log keeps the real error, its stack
// and the request id. The database is closed under a running server to cause one.
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signup, type SignedIn } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const leakPattern = /sqlite|database|select |insert |\.ts\b|\.js\b|at \w|stack/i;

/** An error line as pino writes it: the fields every line has, then the request's. */
const errorLine = (fields: Record<string, unknown>) => ({
  level: 50,
  time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
  pid: process.pid,
  hostname: hostname(),
  ...fields,
});

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
    return { result, requestId, logged: server.logs.filter((line) => line['level'] === 50 && line['requestId'] === requestId) };
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
      const { result, requestId, logged } = await withErrorLog('mutation { signup(email: "bob@example.com", password: "correct horse battery") { accessToken } }');
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ data: null, errors: [{ message: 'Internal server error', path: ['signup'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      // One line, with the real error and where it came from; the password is nowhere in it.
      expect(logged).toEqual([
        errorLine({
          requestId,
          path: ['signup'],
          err: { type: 'TypeError', message: 'The database connection is not open', stack: expect.stringMatching(/^TypeError: The database connection is not open\n[\s\S]*user-repository/) },
          msg: 'unexpected error',
        }),
      ]);
      expect(JSON.stringify(logged)).not.toContain('correct horse battery');
    });

    it('masks a failure while checking a token (context creation): 500, generic, and logged', async () => {
      const { result, requestId, logged } = await withErrorLog('{ me { id } }', alice.accessToken);
      expect(result.status).toBe(500);
      expect(result.body).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(JSON.stringify(result.body)).not.toMatch(leakPattern);
      expect(logged).toEqual([
        errorLine({
          requestId,
          err: { type: 'TypeError', message: 'The database connection is not open', stack: expect.stringMatching(/^TypeError: The database connection is not open\n[\s\S]*session-repository/) },
          msg: 'building the request context failed',
        }),
        // The request's own line is an error too (a 500), with nobody signed in as far as it knows.
        expect.objectContaining({ level: 50, msg: 'request', requestId, method: 'POST', path: '/graphql', status: 500, errorCodes: ['INTERNAL_SERVER_ERROR'], viewerId: null, rootFields: [] }),
      ]);
    });

    it('leaves requests that need no database alone', async () => {
      expect((await server.graphql('{ me { id } }')).body).toEqual({ data: { me: null } });
    });
  });
});
