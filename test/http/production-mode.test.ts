// Production gives an attacker no map: no introspection, no "Did you mean",
// no explorer page, no stack traces. Development keeps the first three for the
// people building against the API; stack traces stay in the logs in both.
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerPolicy } from '../../src/http/security-headers.js';
import { codeOf } from '../helpers/accounts.js';
import { startTestServer, type GraphqlResult, type TestServer } from '../helpers/start-test-server.js';

const browserGet = (server: TestServer) => server.fetch('/graphql', { headers: { accept: 'text/html' } });
const hasStacktrace = (result: GraphqlResult) => JSON.stringify(result.body).includes('stacktrace');

describe.each([
  ['production', true],
  ['development', false],
] as const)('NODE_ENV=%s', (env, production) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { NODE_ENV: env } });
  });
  afterAll(() => server.close());

  it(production ? 'refuses introspection' : 'serves introspection', async () => {
    const result = await server.graphql(getIntrospectionQuery());
    if (production) {
      expect(result.status).toBe(400);
      expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    } else {
      expect(result.status).toBe(200);
      expect(result.body.data?.['__schema']).toMatchObject({ queryType: { name: 'Query' }, mutationType: { name: 'Mutation' }, subscriptionType: null });
    }
    // __typename is not introspection of the schema: clients (Apollo Client) rely on it.
    expect((await server.graphql('{ __typename }')).body.data).toEqual({ __typename: 'Query' });
  });

  it(production ? 'suggests no field names' : 'suggests field names', async () => {
    const result = await server.graphql('{ mee { id } }');
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.message.includes('Did you mean')).toBe(!production);
  });

  it(production ? 'serves no explorer page' : 'serves the explorer page to a browser', async () => {
    const response = await browserGet(server);
    if (production) {
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/json/);
    } else {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
    }
  });

  it('sends no stack trace for any error', async () => {
    const results = [
      await server.graphql('{ mee }'),
      await server.graphql('mutation { signup(email: "not an email", password: "x") { tokenType } }'),
      await server.graphql('{ users { edges { node { id } } } }'),
      await server.graphql('{ user(id: "no") { id } }', { token: 'not-a-jwt' }),
    ];
    expect(results.map(hasStacktrace)).toEqual([false, false, false, false]);
  });

  it('sends the security headers on every response, GraphQL or not', async () => {
    const oversized = await server.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(200_000) });
    expect(oversized.status).toBe(413);
    const responses = [await server.fetch('/healthz'), await server.fetch('/nowhere'), await browserGet(server), oversized, await server.graphql('{ __typename }')];
    for (const response of responses) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      // Development serves the explorer (GraphiQL), whose policy lets this server's own scripts run.
      expect(response.headers.get('content-security-policy')).toBe(production ? "default-src 'none'; frame-ancestors 'none'" : explorerPolicy);
      expect(response.headers.get('strict-transport-security')).toBeNull(); // plain HTTP here
    }
  });
});
