// GET /graphql from a browser opens Apollo Sandbox outside production, and
// Sandbox (another origin) may send the Authorization header it is given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const sandboxOrigin = 'https://sandbox.embed.apollographql.com';

describe('Apollo Sandbox', () => {
  let development: TestServer;
  let production: TestServer;
  beforeAll(async () => {
    development = await startTestServer({ env: { NODE_ENV: 'development' } });
    production = await startTestServer({ env: { NODE_ENV: 'production' } });
  });
  afterAll(async () => {
    await development.close();
    await production.close();
  });

  it('serves the embedded Sandbox to a browser outside production', async () => {
    const response = await development.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('new window.EmbeddedSandbox(');
  });

  it('lets the Sandbox origin send Authorization (CORS preflight and the request itself)', async () => {
    const preflight = await development.fetch('/graphql', {
      method: 'OPTIONS',
      headers: { origin: sandboxOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const result = await development.graphql('{ me { id } }', { headers: { origin: sandboxOrigin } });
    expect(result.headers.get('access-control-allow-origin')).toBe('*');
    expect(result.body).toEqual({ data: { me: null } });
  });

  it('serves no Sandbox and no cross-origin access in production (unless CORS_ORIGINS says so)', async () => {
    const page = await production.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('EmbeddedSandbox');
    const result = await production.graphql('{ me { id } }', { headers: { origin: sandboxOrigin } });
    expect(result.headers.get('access-control-allow-origin')).toBeNull();
  });
});
