// Optional HTTPS in the server itself, with a throwaway self-signed
// certificate made by openssl for this run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/platform/config.js';
import { startTestServer, testEnv, type TestServer } from '../helpers/start-test-server.js';

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function httpsRequest(url: string, ca: Buffer, options: { method?: string; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', ca, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('TLS_CERT and TLS_KEY', () => {
  const dir = mkdtempSync(join(tmpdir(), 'graphql-auth-tls-'));
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  let server: TestServer;
  let cert: Buffer;
  beforeAll(async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
    cert = readFileSync(certPath);
    server = await startTestServer({ env: { TLS_CERT: certPath, TLS_KEY: keyPath } });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves GraphQL and /healthz over HTTPS, with HSTS and the security headers', async () => {
    expect(server.url).toMatch(/^https:\/\//);
    const health = await httpsRequest(`${server.url}/healthz`, cert);
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe('max-age=15552000');
    const result = await httpsRequest(`${server.url}/graphql`, cert, { method: 'POST', body: JSON.stringify({ query: '{ __typename }' }) });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ data: { __typename: 'Query' } });
    expect(result.headers['strict-transport-security']).toBe('max-age=15552000');
    expect(result.headers['x-content-type-options']).toBe('nosniff');
  });

  it('does not answer plain HTTP on the TLS port', async () => {
    await expect(fetch(server.url.replace('https:', 'http:') + '/healthz')).rejects.toThrow();
  });

  it('refuses to start with only one of the two, or with a file it cannot read', async () => {
    expect(() => loadConfig(testEnv({ TLS_CERT: certPath }))).toThrow(ConfigError);
    await expect(createApp(loadConfig(testEnv({ TLS_CERT: certPath, TLS_KEY: join(dir, 'missing.pem') })))).rejects.toThrow(/TLS_KEY: cannot read/);
  });
});
