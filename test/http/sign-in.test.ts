import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, defaultPassword, login, signup } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

describe('signup, login and me over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('signs up with a normalised email and returns working tokens', async () => {
    const alice = await signup(server, '  Alice@Example.COM ');
    expect(alice.email).toBe('alice@example.com');
    const me = await server.graphql('{ me { id email role } }', { token: alice.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.data?.['me']).toEqual({ id: alice.id, email: 'alice@example.com', role: 'USER' });
  });

  it('refuses a second account for the same email in another case', async () => {
    const result = await server.graphql('mutation { signup(email: "ALICE@example.com", password: "another password") { accessToken } }');
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.body.errors?.[0]?.extensions?.['field']).toBe('email');
  });

  it('logs in case-insensitively and answers wrong password and unknown email alike', async () => {
    const again = await login(server, 'ALICE@example.com', defaultPassword);
    expect(again.accessToken).toMatch(/^ey/);
    const wrong = await server.graphql('mutation { login(email: "alice@example.com", password: "wrong password") { accessToken } }');
    const unknown = await server.graphql('mutation { login(email: "nobody@example.com", password: "wrong password") { accessToken } }');
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(unknown.body.errors?.[0]?.message).toBe(wrong.body.errors?.[0]?.message);
  });

  it('answers me with null and no error for an anonymous caller', async () => {
    const result = await server.graphql('{ me { id } }');
    expect(result.body).toEqual({ data: { me: null } });
  });
});
