// The shape limits (depth, aliases, directives, tokens, cost): each refuses
// with HTTP 400 and a code before anything runs, each is a setting, and the
// server is healthy after every refusal.
import { getIntrospectionQuery } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codeOf } from '../helpers/accounts.js';
import { startTestServer, type GraphqlResult, type TestServer } from '../helpers/start-test-server.js';

const limitOf = (result: GraphqlResult) => result.body.errors?.find((e) => e.extensions?.['limit'] !== undefined)?.extensions;
const typenames = (n: number) => Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ');
const sessionsPage = (alias: string) =>
  `${alias}: users(first: 100) { edges { cursor node { id email role createdAt sessions { id createdAt lastUsedAt userAgent current } } } pageInfo { hasNextPage endCursor } }`;

describe('operation limits at their defaults', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  afterEach(async () => expect((await server.fetch('/healthz')).status).toBe(200));

  it('allows 15 aliases and refuses the 16th, __typename included', async () => {
    expect((await server.graphql(`{ ${typenames(15)} }`)).status).toBe(200);
    const result = await server.graphql(`{ ${typenames(16)} }`);
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(limitOf(result)).toMatchObject({ limit: 'aliases', max: 15 });
  });

  it('counts the aliases of a fragment each time it is spread', async () => {
    const result = await server.graphql(`{ ...F ... on Query { ...F } } fragment F on Query { ${typenames(8)} }`);
    expect(result.status).toBe(400);
    expect(limitOf(result)).toMatchObject({ limit: 'aliases' });
  });

  it('refuses more than 50 directives', async () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i) => `f${i % 10}: __typename @include(if: true)`).slice(0, n);
    expect((await server.graphql(`{ ${fields(10).join(' ')} me { ${Array.from({ length: 40 }, () => 'id @skip(if: false)').join(' ')} } }`)).status).toBe(200);
    const result = await server.graphql(`{ me { ${Array.from({ length: 51 }, () => 'id @skip(if: false)').join(' ')} } }`);
    expect(result.status).toBe(400);
    expect(limitOf(result)).toMatchObject({ limit: 'directives', max: 50 });
  });

  it('refuses a document of more than 1000 tokens with BAD_REQUEST, before parsing the rest', async () => {
    const result = await server.graphql(`{ ${'__typename '.repeat(1000)} }`);
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('BAD_REQUEST');
    expect(limitOf(result)).toMatchObject({ limit: 'tokens', max: 1000 });
    expect(result.body.errors?.[0]?.message).toBe('The document has more than 1000 tokens; at most 1000 are allowed');
  });

  it('estimates cost through lists and pages: one big page passes, two are refused', async () => {
    const one = await server.graphql(`{ ${sessionsPage('a')} }`);
    expect(one.status).toBe(200); // validated; then refused by access, as an anonymous caller
    expect(codeOf(one)).toBe('UNAUTHENTICATED');
    const two = await server.graphql(`{ ${sessionsPage('a')} ${sessionsPage('b')} }`);
    expect(two.status).toBe(400);
    expect(limitOf(two)).toMatchObject({ limit: 'cost', max: 10_000 });
  });

  it('assumes the largest page for a page size given as a variable', async () => {
    const result = await server.graphql(`query($n: Int) { a: users(first: $n) { edges { node { sessions { id createdAt lastUsedAt userAgent current } } } } b: users(first: $n) { edges { node { sessions { id createdAt lastUsedAt userAgent current } } } } }`, {
      variables: { n: 1 },
    });
    expect(limitOf(result)).toMatchObject({ limit: 'cost' });
  });

  it('does not stop introspection in development (Sandbox needs its deep query)', async () => {
    const result = await server.graphql(getIntrospectionQuery());
    expect(result.status).toBe(200);
    expect(result.body.data?.['__schema']).toMatchObject({ queryType: { name: 'Query' }, mutationType: { name: 'Mutation' } });
  });

  it('refuses fragment cycles cleanly instead of measuring forever', async () => {
    const result = await server.graphql('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('operation limits as settings', () => {
  it.each([
    ['depth', 'GRAPHQL_MAX_DEPTH', '3', '{ me { sessions { id } } }', '{ users { edges { node { id } } } }'],
    ['aliases', 'GRAPHQL_MAX_ALIASES', '2', '{ a: __typename b: __typename }', '{ a: __typename b: __typename c: __typename }'],
    ['directives', 'GRAPHQL_MAX_DIRECTIVES', '1', '{ me @include(if: true) { id } }', '{ me @include(if: true) { id @skip(if: false) } }'],
    ['tokens', 'GRAPHQL_MAX_TOKENS', '100', `{ ${'__typename '.repeat(98)} }`, `{ ${'__typename '.repeat(99)} }`],
    ['cost', 'GRAPHQL_MAX_COST', '50', '{ users(first: 4) { edges { node { id } } } }', '{ users(first: 20) { edges { node { id email } } } }'],
  ])('%s: %s=%s allows up to the setting and refuses beyond it', async (limit, setting, value, within, beyond) => {
    const server = await startTestServer({ env: { [setting]: value } });
    try {
      expect((await server.graphql(within)).status).toBe(200);
      const result = await server.graphql(beyond);
      expect(result.status).toBe(400);
      expect(limitOf(result)?.['limit']).toBe(limit);
      expect((await server.fetch('/healthz')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
