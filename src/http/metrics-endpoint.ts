// GET /metrics, never public by default: with METRICS_TOKEN it wants that
// bearer token; with METRICS_PORT it is served on its own port (which the
// operator keeps off the internet) and nowhere else. With neither it is off.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';
import { ErrorCode } from '../platform/errors.js';
import type { RouteHandler } from './create-http-server.js';
import { sendError } from './send.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

export function createMetricsHandler({ registry, token }: { registry: Registry; token: string | undefined }): RouteHandler {
  // Compared as digests: equal lengths for timingSafeEqual, and no timing hint about the token.
  const expected = token === undefined ? undefined : digest(token);
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, ErrorCode.BAD_REQUEST, 'Use GET', { allow: 'GET, HEAD' });
      return;
    }
    if (expected) {
      const match = /^Bearer +(\S+)$/i.exec(req.headers.authorization ?? '');
      if (!match?.[1] || !timingSafeEqual(digest(match[1]), expected)) {
        sendError(res, 401, ErrorCode.UNAUTHENTICATED, 'Metrics need the METRICS_TOKEN bearer token', { 'www-authenticate': 'Bearer realm="metrics"' });
        return;
      }
    }
    const text = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
    res.end(text);
  };
}

/** The METRICS_PORT listener: /metrics and nothing else. */
export function createMetricsServer(handler: RouteHandler): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    const answer = path === '/metrics' ? handler(req, res) : Promise.resolve(sendError(res, 404, ErrorCode.NOT_FOUND, 'Not found; metrics are at /metrics'));
    answer.catch(() => {
      if (!res.headersSent) sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
      else res.destroy();
    });
  });
}
