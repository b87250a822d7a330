// Slow-loris: headers that never end are cut after HEADERS_TIMEOUT.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

describe('a client whose headers never end', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { HEADERS_TIMEOUT: '1s', REQUEST_TIMEOUT: '2s' } });
  });
  afterAll(() => server.close());

  it('is answered 408 and cut after the header timeout', async () => {
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    const started = Date.now();
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // One more header line every 200 ms, never the blank line that ends them.
    const drip = setInterval(() => socket.write(`X-Drip-${Date.now()}: 1\r\n`), 200);
    const closedAfterMs = await new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
    clearInterval(drip);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeGreaterThanOrEqual(900);
    expect(closedAfterMs).toBeLessThan(5000); // far sooner than Node's default checks would
    expect((await server.fetch('/healthz')).status).toBe(200);
  });

  it('refuses a header timeout longer than the request timeout at start', async () => {
    await expect(startTestServer({ env: { HEADERS_TIMEOUT: '1m', REQUEST_TIMEOUT: '30s' } })).rejects.toThrow(/HEADERS_TIMEOUT/);
  });
});
