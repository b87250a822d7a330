// GET /.well-known/jwks.json: the public keys that verify our access tokens
// (RFC 7517), so a resource server can check a token without holding anything
// that could sign one. Served only when signing is asymmetric; under HS256
// there is nothing to publish and the path is a 404 like any other.
import type { JWK } from 'jose';
import { ErrorCode } from '../platform/errors.js';
import type { RouteHandler } from './create-http-server.js';
import { sendError } from './send.js';

export const jwksPath = '/.well-known/jwks.json';

// Resource servers cache the set (jose's createRemoteJWKSet keeps it 10 minutes
// and fetches again at once, at most every 30 s, when a token names a kid it
// lacks). A rotated-in key is therefore picked up on its first token.
const cacheControl = 'public, max-age=600';

export function createJwksHandler(keys: readonly JWK[]): RouteHandler {
  // Public parts only: whatever loaded the keys, nothing private leaves here.
  const body = JSON.stringify({ keys: keys.map(({ kty, crv, x, y, n, e, kid, alg, use }) => ({ kty, crv, x, y, n, e, kid, alg, use })) });
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, ErrorCode.BAD_REQUEST, 'Use GET', { allow: 'GET, HEAD' });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/jwk-set+json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': cacheControl });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
