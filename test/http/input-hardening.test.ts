// Inputs an attacker chooses: emails with control or look-alike characters,
// and operations Apollo cannot choose (which once crashed the request log).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, signup } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const signupMutation = 'mutation($e: String!) { signup(email: $e, password: "correct horse battery") { user { email } } }';

describe('hostile input', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_SIGNUP: 'off' } });
  });
  afterAll(() => server.close());

  it('refuses emails with terminal escapes, bells or zero-width characters', async () => {
    for (const email of ['\u001b[31mfake@evil.com', 'x\u0007@evil.com', 'dave\u200b@example.com', 'nul\u0000@example.com']) {
      const result = await server.graphql(signupMutation, { variables: { e: email } });
      expect(codeOf(result), JSON.stringify(email)).toBe('BAD_USER_INPUT');
      expect(result.body.errors?.[0]?.extensions?.['field']).toBe('email');
    }
  });

  it('folds fullwidth look-alikes into the one spelling, so they cannot be a second account', async () => {
    await signup(server, 'dave@example.com');
    const lookalike = await server.graphql(signupMutation, { variables: { e: 'ｄave@example.com' } });
    expect(codeOf(lookalike)).toBe('BAD_USER_INPUT');
    expect(lookalike.body.errors?.[0]?.message).toMatch(/already registered/);
  });

  it('answers 400, not 500, when the operation to run cannot be chosen', async () => {
    const two = await server.graphql('query A { __typename } query B { __typename }');
    expect(two.status).toBe(400);
    const missing = await server.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query A { __typename }', operationName: 'Nope' }),
    });
    expect(missing.status).toBe(400);
    expect(server.logs.some((line) => line['level'] === 50 || line['level'] === 'error')).toBe(false);
  });
});
