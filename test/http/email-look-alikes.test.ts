// EMAIL_UTF8_LOCAL_PARTS: local parts in any script, and no account that looks
// like another (the Unicode TR39 skeleton of the whole address is unique).
// Off (the default), a non-ASCII local part is BAD_USER_INPUT: email-rules.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, signup } from '../helpers/accounts.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const signupMutation = 'mutation($e: String!) { signup(email: $e, password: "correct horse battery") { user { email } } }';
const lookAlike = { message: 'This email looks too much like one already registered', extensions: { code: 'BAD_USER_INPUT', field: 'email' } };
const invalid = { message: 'Enter a valid email address', extensions: { code: 'BAD_USER_INPUT', field: 'email' } };

describe('UTF-8 local parts (EMAIL_UTF8_LOCAL_PARTS=true)', () => {
  let server: TestServer;
  const signUp = async (email: string) => (await server.graphql(signupMutation, { variables: { e: email } })).body;
  beforeAll(async () => {
    server = await startTestServer({ env: { EMAIL_UTF8_LOCAL_PARTS: 'true', RATE_LIMIT_SIGNUP: 'off' } });
  });
  afterAll(() => server.close());

  it('signs up and in with local parts in other scripts, found again in any case', async () => {
    for (const [given, stored] of [
      ['Jörg.Müller@example.de', 'jörg.müller@example.de'],
      ['δοκιμή@example.gr', 'δοκιμή@example.gr'],
      ['用户@例子.广告', '用户@xn--fsqu00a.xn--4rr70v'],
    ] as const) {
      expect(await signUp(given)).toEqual({ data: { signup: { user: { email: stored } } } });
      expect((await login(server, given.toUpperCase())).email).toBe(stored);
    }
  });

  it('refuses аdmin@ (Cyrillic а) and admİn@ (U+0130) as taken once admin@ exists', async () => {
    await signup(server, 'admin@x.y');
    for (const email of ['аdmin@x.y', 'admİn@x.y', 'ADMİN@x.y']) expect((await signUp(email)).errors, email).toEqual([expect.objectContaining(lookAlike)]);
  });

  it('refuses admin@ once аdmin@ exists: whichever came first keeps the look', async () => {
    expect(await signUp('раypal@x.y')).toEqual({ data: { signup: { user: { email: 'раypal@x.y' } } } }); // Cyrillic р and а
    expect((await signUp('paypal@x.y')).errors).toEqual([expect.objectContaining(lookAlike)]);
  });

  it('compares the whole address, so ASCII look-alikes (rn and m, 1 and l) are one look too', async () => {
    await signup(server, 'bob1@example.com');
    expect((await signUp('bobl@example.com')).errors).toEqual([expect.objectContaining(lookAlike)]);
    expect((await signUp('bob1@exarnple.com')).errors).toEqual([expect.objectContaining(lookAlike)]);
  });

  it('still refuses symbols, invisible characters and stacked marks in a local part', async () => {
    for (const email of ['☃@x.y', 'a\u200db@x.y', 'a\u00adb@x.y', 'e\u0301\u0301@x.y', 'a\u0300\u0301\u0302\u0303\u0304@x.y', 'a b@x.y']) {
      expect((await signUp(email)).errors, JSON.stringify(email)).toEqual([expect.objectContaining(invalid)]);
    }
  });
});
