// A resource server: a small HTTP API that accepts the auth server's access
// tokens. GET /whoami answers who the bearer is; anything without a valid
// token gets 401. Run it beside a running auth server signing with a private key:
//
//   AUTH_URL=http://localhost:4000 PORT=4100 npx tsx examples/resource-server/server.ts
//   curl -H "authorization: Bearer $ACCESS_TOKEN" localhost:4100/whoami
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createAccessTokenVerifier, type AuthServerSettings } from './verify-access-token.js';

const bearer = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

export function createResourceServer(settings: AuthServerSettings): Server {
  const verify = createAccessTokenVerifier(settings);
  return createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', ...(status === 401 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {}) });
      res.end(JSON.stringify(body));
    };
    if (req.url !== '/whoami') return reply(404, { error: 'not found' });
    const token = bearer.exec(req.headers.authorization ?? '')?.[1];
    if (token === undefined) return reply(401, { error: 'a bearer token is required' });
    verify(token).then(
      (claims) => reply(200, { userId: claims.sub, role: claims.role, sessionId: claims.sid }),
      // Why is for this server's log, not for the caller.
      () => reply(401, { error: 'invalid or expired token' }),
    );
  });
}

/** Listens on `port` (0: any free one) and resolves to the base URL. */
export async function listen(server: Server, port: number): Promise<string> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = createResourceServer({
    baseUrl: process.env['AUTH_URL'] ?? 'http://localhost:4000',
    issuer: process.env['JWT_ISSUER'] ?? 'graphql-auth',
    audience: process.env['JWT_AUDIENCE'] ?? 'graphql-auth',
  });
  const url = await listen(server, Number(process.env['PORT'] ?? 4100));
  process.stdout.write(`resource server at ${url}/whoami\n`);
}
