// One JSON line per request, carrying what an operator needs and no secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPassword, login, signup } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const requestLines = (server: TestServer, requestId: string) => server.logs.filter((l) => l['msg'] === 'request' && l['requestId'] === requestId);

describe('request log', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('writes one line per GraphQL request with operation, viewer, client, status and duration', async () => {
    const alice = await signup(server, 'alice@example.com');
    const result = await server.graphql('query WhoAmI { me { id } }', { token: alice.accessToken, headers: { 'x-request-id': 'req-whoami-1', 'user-agent': 'ops-test/1.0' } });
    expect(result.headers.get('x-request-id')).toBe('req-whoami-1');
    const lines = requestLines(server, 'req-whoami-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      method: 'POST',
      path: '/graphql',
      status: 200,
      ip: '127.0.0.1',
      userAgent: 'ops-test/1.0',
      viewerId: alice.id,
      operationName: 'WhoAmI',
      operationType: 'query',
      rootFields: ['me'],
      errorCodes: [],
    });
    expect(lines[0]?.['durationMs']).toEqual(expect.any(Number));
    expect(lines[0]?.['time']).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('never writes the bearer token, the password or the refresh token', async () => {
    const bob = await signup(server, 'bob@example.com');
    const again = await login(server, 'bob@example.com', defaultPassword, { 'x-request-id': 'req-login-bob' });
    await server.graphql('mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }', { variables: { t: again.refreshToken } });
    await server.graphql('{ me { id email } }', { token: bob.accessToken });
    // A password and a token given inline, not as variables, too.
    await server.graphql(`mutation { login(email: "bob@example.com", password: "${defaultPassword}") { accessToken } }`);
    const everything = JSON.stringify(server.logs);
    expect(requestLines(server, 'req-login-bob')).toHaveLength(1);
    for (const secret of [defaultPassword, bob.accessToken, bob.refreshToken, again.accessToken, again.refreshToken]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('logs a refused token as a 401 line with its code, without the token', async () => {
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged-signature';
    const result = await server.graphql('{ me { id } }', { token: forged, headers: { 'x-request-id': 'req-forged' } });
    expect(result.status).toBe(401);
    expect(requestLines(server, 'req-forged')).toEqual([expect.objectContaining({ status: 401, viewerId: null, errorCodes: ['UNAUTHENTICATED'] })]);
    expect(JSON.stringify(server.logs)).not.toContain(forged);
  });

  it('names the codes of failed fields and of requests that never ran', async () => {
    await server.graphql('mutation Wrong { login(email: "alice@example.com", password: "not the password") { accessToken } }', { headers: { 'x-request-id': 'req-wrong' } });
    expect(requestLines(server, 'req-wrong')[0]).toMatchObject({ status: 200, operationName: 'Wrong', operationType: 'mutation', errorCodes: ['UNAUTHENTICATED'] });
    await server.graphql('{ me { id ', { headers: { 'x-request-id': 'req-parse' } });
    expect(requestLines(server, 'req-parse')[0]).toMatchObject({ status: 400, errorCodes: ['GRAPHQL_PARSE_FAILED'] });
  });

  it('replaces an unsafe X-Request-Id and logs the one it made', async () => {
    const response = await server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'bad id\twith "quotes"' }, body: JSON.stringify({ query: '{ me { id } }' }) });
    const echoed = response.headers.get('x-request-id') ?? '';
    expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLines(server, echoed)).toHaveLength(1);
  });

  it('logs other routes too, probes at debug level only', async () => {
    await server.fetch('/nowhere', { headers: { 'x-request-id': 'req-404' } });
    expect(requestLines(server, 'req-404')).toEqual([expect.objectContaining({ level: 30, status: 404, path: '/nowhere' })]);
    expect(requestLines(server, 'req-404')[0]).not.toHaveProperty('operationName');
    await server.fetch('/healthz', { headers: { 'x-request-id': 'req-health' } });
    expect(requestLines(server, 'req-health')).toEqual([]); // LOG_LEVEL=info in tests
  });

  it('writes probe lines at LOG_LEVEL=debug', async () => {
    const verbose = await startTestServer({ env: { LOG_LEVEL: 'debug' } });
    try {
      await verbose.fetch('/healthz', { headers: { 'x-request-id': 'req-health-debug' } });
      expect(requestLines(verbose, 'req-health-debug')).toEqual([expect.objectContaining({ level: 20, status: 200, path: '/healthz' })]);
    } finally {
      await verbose.close();
    }
  });
});
