// /healthz: the process is up and reaches its database. /readyz: it can take
// traffic now, which also ends the moment a shutdown begins.
import { connect } from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { defaultPassword, signup } from '../helpers/accounts.js';
import { startTestServer } from '../helpers/start-test-server.js';

describe('health and readiness', () => {
  it('answer 200 while the database answers, 503 once it does not', async () => {
    const server = await startTestServer();
    try {
      expect(await (await server.fetch('/healthz')).json()).toEqual({ status: 'ok' });
      const ready = await server.fetch('/readyz');
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });

      await server.app.database.close();
      expect((await server.fetch('/healthz')).status).toBe(503);
      const notReady = await server.fetch('/readyz');
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toEqual({ status: 'unavailable', checks: { database: 'failing' } });
    } finally {
      await server.close();
    }
  });

  it('turns /readyz to 503 when shutdown begins, while in-flight requests still finish', async () => {
    const server = await startTestServer();
    await signup(server, 'drain@example.com');
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
    });
    const ended = once(socket, 'end');

    // A login (argon2: tens of milliseconds) is in flight when the shutdown starts...
    const body = JSON.stringify({ query: `mutation { login(email: "drain@example.com", password: "${defaultPassword}") { accessToken } }` });
    const arrived = once(server.app.httpServer, 'request');
    socket.write(`POST /graphql HTTP/1.1\r\nhost: test\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await arrived;
    const closing = server.close();
    // ...and a probe arrives on the same connection while it drains.
    socket.write('GET /readyz HTTP/1.1\r\nhost: test\r\n\r\n');
    await closing;
    await ended;

    const [login, readiness] = received.split(/(?=HTTP\/1\.1 )/);
    expect(login).toMatch(/^HTTP\/1\.1 200/);
    expect(login).toContain('"accessToken":"ey');
    expect(readiness).toMatch(/^HTTP\/1\.1 503/);
    expect(readiness).toContain('"draining":true');
    // Only the connection's last response closes it; the one before keeps it open for the probe.
    expect(login).toMatch(/^connection: keep-alive\r$/im);
    expect(readiness).toMatch(/^connection: close\r$/im);
  });

  it('tells each keep-alive client with a request in flight, on its answer, that the connection closes', async () => {
    const server = await startTestServer();
    await signup(server, 'close@example.com');
    const { port } = new URL(server.url);
    const body = JSON.stringify({ query: `mutation { login(email: "close@example.com", password: "${defaultPassword}") { accessToken } }` });
    let loginsArrived = 0;
    server.app.httpServer.on('request', (req: { method?: string }) => {
      if (req.method === 'POST') loginsArrived += 1;
    });
    // Three connections, each having served a request already (kept alive), each with a login in flight.
    const clients = await Promise.all(
      [1, 2, 3].map(async () => {
        const socket = connect(Number(port), '127.0.0.1');
        await once(socket, 'connect');
        let received = '';
        socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
        const ended = once(socket, 'end');
        socket.write('GET /healthz HTTP/1.1\r\nhost: test\r\n\r\n');
        for (let waited = 0; !received.includes('{"status":"ok"}') && waited < 5_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
        socket.write(`POST /graphql HTTP/1.1\r\nhost: test\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        return { ended, received: () => received };
      }),
    );
    for (let waited = 0; loginsArrived < 3 && waited < 5_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.close();
    for (const client of clients) {
      await client.ended; // closed by the server after its answer, not reset
      const [health, login] = client.received().split(/(?=HTTP\/1\.1 )/);
      expect(health).toMatch(/^connection: keep-alive\r$/im);
      expect(login).toMatch(/^HTTP\/1\.1 200/);
      expect(login).toContain('"accessToken":"ey');
      expect(login).toMatch(/^connection: close\r$/im);
    }
  });
});
