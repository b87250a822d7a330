// Requests that must never run: mutations over GET, simple (CSRF-able) POSTs,
// oversized bodies, oversized passwords. Each is refused with the contract's
// status and code, and the server is healthy afterwards.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from '../helpers/accounts.js';
import { startTestServer, type GraphqlResult, type TestServer } from '../helpers/start-test-server.js';

const signupMutation = 'mutation { signup(email: "csrf@example.com", password: "long enough password") { accessToken } }';
const bodyOf = async (response: Response) => (await response.json()) as GraphqlResult['body'];

describe('request hardening', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  afterEach(async () => expect((await server.fetch('/healthz')).status).toBe(200));

  const accountExists = async () => {
    const result = await server.graphql('mutation { login(email: "csrf@example.com", password: "long enough password") { tokenType } }');
    return result.body.errors === undefined;
  };

  it('answers a mutation over GET with 400 BAD_REQUEST and does not run it', async () => {
    const response = await server.fetch(`/graphql?query=${encodeURIComponent(signupMutation)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    expect(await accountExists()).toBe(false);
  });

  it('still serves queries over GET', async () => {
    const response = await server.fetch(`/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect((await bodyOf(response)).data).toEqual({ __typename: 'Query' });
  });

  it('refuses a text/plain POST (a form or fetch without preflight) as CSRF, running nothing', async () => {
    const response = await server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: signupMutation }) });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    expect(await accountExists()).toBe(false);
  });

  it('refuses a GET without a preflight-forcing header as CSRF too', async () => {
    const response = await server.fetch(`/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
  });

  it('refuses malformed JSON with 400 BAD_REQUEST', async () => {
    const response = await server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
  });

  it('refuses a body over 100 KB with 413, whether or not it declares its length', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(110_000) } });
    const declared = await server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('refuses a 1 MB password with 413 at the default body limit', async () => {
    const result = await server.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($p: String!) { login(email: "a@example.com", password: $p) { tokenType } }', variables: { p: 'x'.repeat(1_048_576) } }),
    });
    expect(result.status).toBe(413);
  });
});

describe('a 1 MB password under a raised body limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { BODY_LIMIT_BYTES: String(2 * 1_048_576) } });
  });
  afterAll(() => server.close());

  it.each(['login', 'signup'])('%s answers BAD_USER_INPUT on password before any lookup or hashing', async (field) => {
    const result = await server.graphql(`mutation($p: String!) { ${field}(email: "big@example.com", password: $p) { tokenType } }`, { variables: { p: 'x'.repeat(1_048_576) } });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0]?.extensions?.['field']).toBe('password');
    // A failed sign-in after a lookup and a hash would be audited; this one never got there.
    expect(server.logs.filter((line) => line['event'] === 'login.failure')).toHaveLength(0);
    expect((await server.fetch('/healthz')).status).toBe(200);
  });
});
