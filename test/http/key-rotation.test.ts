// Rotating JWT_SECRET: the old secret, moved to JWT_SECRET_PREVIOUS, still
// verifies the tokens it signed (nobody is signed out), and once it is removed
// those tokens are refused. Three app instances over one database file, as a
// real rotation would restart the server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { refresh, signup } from '../helpers/accounts.js';
import { resignToken } from '../helpers/resign-token.js';
import { createFakeClock } from '../helpers/fake-clock.js';
import { auditEvents, meStatus } from '../helpers/session-queries.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const oldSecret = 'the-old-secret-that-is-at-least-32-bytes!!';
const newSecret = 'the-new-secret-that-is-at-least-32-bytes!!';
const kidOf = (token: string) => (jwt.decode(token, { complete: true })?.header as { kid?: string } | undefined)?.kid;

describe('signing key rotation with JWT_SECRET_PREVIOUS', () => {
  const directory = mkdtempSync(join(tmpdir(), 'key-rotation-'));
  const clock = createFakeClock(); // one clock across the restarts: no token expires meanwhile
  const start = (env: Record<string, string>) => startTestServer({ clock, env: { DATABASE_URL: `file:${join(directory, 'app.db')}`, ...env } });
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('accepts tokens of the previous secret while it is configured, and refuses them after', async () => {
    server = await start({ JWT_SECRET: oldSecret });
    const signedOld = await signup(server, 'rotating@example.com');
    await server.close();

    server = await start({ JWT_SECRET: newSecret, JWT_SECRET_PREVIOUS: oldSecret });
    expect(await meStatus(server, signedOld.accessToken)).toBe(200); // same session, verified with the previous key
    const refreshed = (await refresh(server, signedOld.refreshToken)).body.data?.['refreshToken'] as { accessToken: string; refreshToken: string };
    expect(kidOf(refreshed.accessToken)).not.toBe(kidOf(signedOld.accessToken)); // new tokens are signed with the new key
    expect(await meStatus(server, refreshed.accessToken)).toBe(200);
    await server.close();

    server = await start({ JWT_SECRET: newSecret });
    expect(await meStatus(server, signedOld.accessToken)).toBe(401);
    expect(auditEvents(server, 'token.rejected').at(-1)).toMatchObject({ reason: `unknown kid "${kidOf(signedOld.accessToken)}"` });
    expect(await meStatus(server, refreshed.accessToken)).toBe(200);
    // Refresh tokens are opaque and stored hashed, not signed: a key change never touches them.
    expect((await refresh(server, refreshed.refreshToken)).body.errors).toBeUndefined();
  });

  it('refuses a token signed with a secret it was never given, previous or not', async () => {
    server = await start({ JWT_SECRET: newSecret, JWT_SECRET_PREVIOUS: oldSecret });
    const user = await signup(server, 'stranger-key@example.com');
    const foreign = resignToken(user.accessToken, { secret: 'some-third-secret-that-is-32-bytes-long!!' });
    expect(await meStatus(server, foreign)).toBe(401);
    expect(auditEvents(server, 'token.rejected').at(-1)).toMatchObject({ reason: 'JsonWebTokenError: invalid signature' });
  });
});
