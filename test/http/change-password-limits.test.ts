// changePassword spends an argon2 hash per call and answers whether a guess of
// the current password was right: without a limit, a stolen access token is a
// password-guessing oracle and any account can keep the hashing queue full.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, login, signup } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const changePassword = 'mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "a new password 1") }';

describe('changePassword limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('refuses a sixth guess in 15 minutes per user, with a retry time', async () => {
    const victim = await signup(server, 'guessed@example.com');
    for (let guess = 1; guess <= 5; guess += 1) {
      const wrong = await server.graphql(changePassword, { token: victim.accessToken, variables: { c: `wrong guess ${guess}` } });
      expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    }
    const sixth = await server.graphql(changePassword, { token: victim.accessToken, variables: { c: 'correct horse battery' } });
    expect(sixth.status).toBe(429);
    expect(codeOf(sixth)).toBe('RATE_LIMITED');
    expect(sixth.body.errors?.[0]?.extensions?.['retryAfter']).toBe(900); // 15 minutes from the first guess, no time ago

    server.clock.advance(15 * 60_000); // the window ends (and so does that access token)
    const again = await login(server, 'guessed@example.com');
    const later = await server.graphql(changePassword, { token: again.accessToken, variables: { c: 'correct horse battery' } });
    expect(later.body.data?.['changePassword']).toBe(true);
  });
});

describe('the password hashing queue', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { PASSWORD_HASH_QUEUE: '1', RATE_LIMIT_SIGNUP: 'off' } });
  });
  afterAll(() => server.close());

  it('refuses hashes past a full queue at once with RATE_LIMITED, and serves the rest', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        server.graphql('mutation($e: String!) { signup(email: $e, password: "correct horse battery") { accessToken } }', { variables: { e: `queued-${i}@example.com` } }),
      ),
    );
    const refused = results.filter((r) => codeOf(r) === 'RATE_LIMITED');
    const served = results.filter((r) => r.body.errors === undefined);
    expect(refused.length).toBeGreaterThan(0);
    expect(served.length).toBeGreaterThanOrEqual(2); // one hashing, one waiting, at least
    expect(refused.length + served.length).toBe(30);
    expect(refused[0]?.body.errors?.[0]?.extensions?.['retryAfter']).toBe(1);
    expect((await server.fetch('/healthz')).status).toBe(200);
  });
});
