// Access runs before the rate limit (access/create-shield.ts chains them), and
// the caller is the signed-in user when there is one. Extra fields on the real
// schema make both visible; they resolve to null (no resolver), which is
// enough: what matters is whether the call was let through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/resolvers/build-schema.js';
import { codeOf, signup, type SignedIn } from '../helpers/accounts.js';
import { startTestServer, type GraphqlResult, type TestServer } from '../helpers/start-test-server.js';

const extra = /* GraphQL */ `
  extend type Query {
    "Signed in only; one budget per client IP, shared by anonymous and signed-in calls."
    guardedByIp: String @auth @rateLimit(max: 2, window: "1m", per: IP)
    "Anyone; per caller (the user when signed in)."
    perCaller: String @public @rateLimit(max: 2, window: "1m")
    "Anyone; five per minute, for aliases that run in parallel."
    echo: String @public @rateLimit(max: 5, window: "1m")
  }
`;

const codes = (result: GraphqlResult) => (result.body.errors ?? []).map((e) => e.extensions?.['code']);

describe('order of access and rate limit, and who the caller is', () => {
  let server: TestServer;
  let alice: SignedIn;
  let bob: SignedIn;
  beforeAll(async () => {
    server = await startTestServer({ typeDefs: [...loadTypeDefs(), extra] });
    alice = await signup(server, 'alice@example.com');
    bob = await signup(server, 'bob@example.com');
  });
  afterAll(() => server.close());

  it('refuses an anonymous caller on an @auth @rateLimit field with UNAUTHENTICATED and spends none of the budget', async () => {
    for (let i = 0; i < 5; i += 1) {
      const anonymous = await server.graphql('{ guardedByIp }');
      expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
      expect(anonymous.status).toBe(200);
      expect(anonymous.headers.get('ratelimit-limit')).toBeNull();
    }
    // Same client IP, now signed in: the whole budget of 2 is still there.
    const first = await server.graphql('{ guardedByIp }', { token: alice.accessToken });
    expect(first.body).toEqual({ data: { guardedByIp: null } });
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    expect(codeOf(await server.graphql('{ guardedByIp }', { token: bob.accessToken }))).toBeUndefined();
    expect(codeOf(await server.graphql('{ guardedByIp }', { token: alice.accessToken }))).toBe('RATE_LIMITED');
  });

  it('gives each signed-in user their own budget, apart from the anonymous one of their IP', async () => {
    const run = async (token?: string) => codeOf(await server.graphql('{ perCaller }', token ? { token } : {}));
    expect([await run(alice.accessToken), await run(alice.accessToken), await run(alice.accessToken)]).toEqual([undefined, undefined, 'RATE_LIMITED']);
    expect([await run(bob.accessToken), await run(bob.accessToken), await run(bob.accessToken)]).toEqual([undefined, undefined, 'RATE_LIMITED']);
    expect([await run(), await run(), await run()]).toEqual([undefined, undefined, 'RATE_LIMITED']);
  });

  it('counts aliases that run in parallel: 12 aliases of a 5-per-minute field let 5 through', async () => {
    const aliases = Array.from({ length: 12 }, (_, i) => `e${i}: echo`).join(' ');
    const result = await server.graphql(`{ ${aliases} }`);
    expect(Object.keys(result.body.data ?? {})).toHaveLength(12);
    expect(codes(result).filter((c) => c === 'RATE_LIMITED')).toHaveLength(7);
    expect(result.status).toBe(200);
    const again = await server.graphql('{ a: echo b: echo }');
    expect(again.status).toBe(429);
    expect(codes(again)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('counts the same field behind fragments and @include as well', async () => {
    server.clock.advance(60_000);
    const result = await server.graphql(
      'query($yes: Boolean!) { ...F ... on Query { b: echo c: echo } d: echo @include(if: $yes) e: echo @skip(if: $yes) } fragment F on Query { a: echo x: echo y: echo }',
      { variables: { yes: true } },
    );
    expect(codes(result).filter((c) => c === 'RATE_LIMITED')).toHaveLength(1);
    const allRefused = await server.graphql('query($yes: Boolean!) { ...F b: echo @include(if: $yes) } fragment F on Query { a: echo }', { variables: { yes: true } });
    expect(allRefused.status).toBe(429);
  });
});
