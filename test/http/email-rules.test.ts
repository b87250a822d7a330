// Which addresses an account may have: the browser's type=email rule, IDNA
// ASCII domains, ASCII local parts (no look-alike of another account), and a
// sign-in that checks only the password's upper bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, signup } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const signupMutation = 'mutation($e: String!) { signup(email: $e, password: "correct horse battery") { user { email } } }';

describe('email rules', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_SIGNUP: 'off' } });
  });
  afterAll(() => server.close());

  it.each(['<script>@x.y', 'a"b@example.com', 'a b@example.com', 'a@b', 'a@-b.com', 'a@b_c.com', 'a@@b.com', '@example.com', 'a@'])(
    'refuses %s as a browser would, naming the field',
    async (email) => {
      const result = await server.graphql(signupMutation, { variables: { e: email } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.body.errors?.[0]?.extensions?.['field']).toBe('email');
      expect(result.body.errors?.[0]?.message).toBe('Enter a valid email address');
    },
  );

  it("accepts the browser's special characters in a local part", async () => {
    const result = await server.graphql(signupMutation, { variables: { e: "o'brien+tag!x@example.com" } });
    expect(result.body.data).toEqual({ signup: { user: { email: "o'brien+tag!x@example.com" } } });
  });

  it('stores a domain in its IDNA ASCII form, so both spellings are one account', async () => {
    const result = await server.graphql(signupMutation, { variables: { e: 'zoe@Exämple.COM' } });
    expect(result.body.data).toEqual({ signup: { user: { email: 'zoe@xn--exmple-cua.com' } } });
    const again = await server.graphql(signupMutation, { variables: { e: 'zoe@xn--exmple-cua.com' } });
    expect(again.body.errors?.[0]?.message).toMatch(/already registered/);
  });

  it('refuses a non-ASCII local part, so admİn@ cannot pose as admin@', async () => {
    await signup(server, 'admin@example.org');
    for (const email of ['admİn@example.org', 'аdmin@example.org' /* Cyrillic а */]) {
      const result = await server.graphql(signupMutation, { variables: { e: email } });
      expect(codeOf(result), email).toBe('BAD_USER_INPUT');
      expect(result.body.errors?.[0]?.extensions?.['field']).toBe('email');
    }
  });
});

describe('sign-in checks only the upper bound of the password policy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: '1', LOGIN_LOCKOUT_AFTER: '2' } });
    await signup(server, 'short@example.com');
  });
  afterAll(() => server.close());

  const login = (password: string) =>
    server.graphql('mutation($p: String!) { login(email: "short@example.com", password: $p) { accessToken } }', { variables: { p: password }, headers: { 'x-forwarded-for': '198.51.100.7' } });

  it('answers a short password as a wrong one, counted by the throttle', async () => {
    const first = await login('short');
    expect(first.body.errors?.[0]).toMatchObject({ message: 'Invalid email or password', extensions: { code: 'UNAUTHENTICATED' } });
    expect(codeOf(await login('x'))).toBe('UNAUTHENTICATED');
    // Two failures locked the pair: the third is refused before any hashing.
    expect(codeOf(await login('correct horse battery'))).toBe('RATE_LIMITED');
    expect(server.logs.filter((line) => line['event'] === 'login.failure' && line['reason'] === 'wrong_password')).toHaveLength(2);
  });

  it('still refuses a password over the upper bound as BAD_USER_INPUT', async () => {
    const result = await login('x'.repeat(129));
    expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
  });
});
