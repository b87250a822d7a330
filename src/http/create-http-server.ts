// The HTTP edge: routes, body limits and CORS, then hands /graphql to Apollo.
// node:http rather than Express: the whole pipeline is a few lines we can see.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import type { BuildContext } from '../context/build-context.js';
import { ErrorCode } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';
import type { RequestContext, RequestOrigin } from '../platform/request-context.js';
import { clientIp } from './client-ip.js';
import type { ConnectionDrain } from './connection-drain.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import type { RequestTracker } from './request-tracker.js';
import { sendError, sendJson } from './send.js';

export interface HttpSettings {
  readonly production: boolean;
  readonly trustProxy: number;
  readonly bodyLimitBytes: number;
  /** Origins allowed to call the API from a browser; '*' for any (bearer tokens, no cookies). */
  readonly corsOrigins: readonly string[];
  readonly securityHeaders: Readonly<Record<string, string>>;
  /** PEM certificate chain and key: serve HTTPS instead of HTTP. */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer } | undefined;
  /** HEADERS_TIMEOUT / REQUEST_TIMEOUT; set explicitly rather than left to Node's defaults. */
  readonly timeouts?: { readonly headersTimeoutMs: number; readonly requestTimeoutMs: number } | undefined;
}

/** A route beside /graphql (e.g. /readyz, /metrics); it answers every method itself. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface HttpDeps {
  readonly apollo: ApolloServer<RequestContext>;
  readonly buildContext: BuildContext;
  readonly ping: () => Promise<boolean>;
  readonly log: Logger;
  readonly settings: HttpSettings;
  readonly routes?: ReadonlyMap<string, RouteHandler>;
  /** Routes for every path under a prefix (e.g. /explorer/, the explorer's files). */
  readonly prefixRoutes?: ReadonlyMap<string, RouteHandler>;
  /** On shutdown, makes each keep-alive connection's last response close it. */
  readonly drain?: ConnectionDrain;
  /** Traces every request from before routing to its response's close (the request log and metrics). */
  readonly tracker?: Pick<RequestTracker, 'begin' | 'finish'>;
}

// A caller-chosen request id is echoed only if it is short and plain, so it
// cannot inject into logs or headers.
const maxUserAgentLength = 256;
const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;
const corsAllowHeaders = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id';

/**
 * The headers every response carries, as [name, value, name, value, …]: the
 * fixed security headers, CORS, the request id.
 */
function responseHead(fixed: readonly string[], req: IncomingMessage, origins: readonly string[], requestId: string): string[] {
  const head = fixed.slice();
  const origin = req.headers.origin;
  if (origin !== undefined && origins.length > 0) {
    if (origins.includes('*')) head.push('access-control-allow-origin', '*');
    else if (origins.includes(origin)) head.push('access-control-allow-origin', origin, 'vary', 'Origin');
  }
  head.push('x-request-id', requestId);
  return head;
}

/** The head set on the response, for the paths that write their own (routes, errors, preflight). */
function applyHead(res: ServerResponse, head: readonly string[]): void {
  for (let i = 0; i < head.length; i += 2) res.setHeader(head[i] as string, head[i + 1] as string);
}

/** Sets `name` in a head, replacing a header of that name (as setHeader would). */
function setInHead(head: string[], name: string, value: string): void {
  for (let i = 0; i < head.length; i += 2) {
    if (head[i] === name) {
      head[i + 1] = value;
      return;
    }
  }
  head.push(name, value);
}

function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  const { set } = Map.prototype; // Node gives header names in lower case already: HeaderMap's own set would lower-case each again
  for (const key in req.headers) {
    const value = req.headers[key];
    if (value !== undefined) set.call(headers, key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

const isJson = (contentType: string | undefined) => contentType !== undefined && /^application\/(.+\+)?json\b/i.test(contentType);

export function createHttpServer(deps: HttpDeps): Server {
  const { apollo, buildContext, ping, log, settings, tracker, drain } = deps;
  const fixedHeaders = Object.entries(settings.securityHeaders).flat();
  const prefixRoutes = [...(deps.prefixRoutes ?? [])];
  const prefixRouteFor = (path: string) => prefixRoutes.find(([prefix]) => path.startsWith(prefix))?.[1];

  async function handleGraphql(req: IncomingMessage, res: ServerResponse, origin: RequestOrigin, search: string, head: string[]) {
    let body: unknown;
    if (req.method === 'POST') {
      const text = await readBody(req, settings.bodyLimitBytes);
      if (isJson(req.headers['content-type'])) {
        try {
          body = JSON.parse(text);
        } catch {
          applyHead(res, head);
          sendError(res, 400, ErrorCode.BAD_REQUEST, 'Request body is not valid JSON');
          return;
        }
      } else {
        body = text;
      }
    }
    const httpGraphQLRequest: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers: toHeaderMap(req), search, body };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: () => buildContext({ authorization: req.headers.authorization, origin }),
    });
    for (const [key, value] of response.headers) setInHead(head, key, value);
    const status = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // The whole head in one writeHead, with the length (else Node would send the body chunked).
      const text = response.body.string;
      head.push('content-length', String(Buffer.byteLength(text)));
      res.writeHead(status, head);
      res.end(text);
      return;
    }
    res.writeHead(status, head);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  /** Everything but a GraphQL request (which the listener hands straight to handleGraphql). */
  async function handle(req: IncomingMessage, res: ServerResponse, path: string, head: string[]) {
    applyHead(res, head);
    if (path === '/graphql') {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': corsAllowHeaders, 'access-control-max-age': '600' });
        res.end();
        return;
      }
      sendError(res, 405, ErrorCode.BAD_REQUEST, 'Use GET or POST', { allow: 'GET, POST' });
      return;
    }
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      const healthy = await ping();
      sendJson(res, healthy ? 200 : 503, { status: healthy ? 'ok' : 'unavailable' });
      return;
    }
    const route = deps.routes?.get(path) ?? prefixRouteFor(path);
    if (route) {
      await route(req, res);
      return;
    }
    sendError(res, 404, ErrorCode.NOT_FOUND, 'Not found; the API is at /graphql');
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    drain?.track(res);
    const offered = req.headers['x-request-id'];
    const requestId = typeof offered === 'string' && requestIdPattern.test(offered) ? offered : randomUUID();
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    const search = queryStart === -1 ? '' : url.slice(queryStart);
    // The User-Agent is the client's to choose: clipped here, once, it cannot
    // swell the sessions table, audit lines or User.sessions answers.
    const userAgent = req.headers['user-agent']?.slice(0, maxUserAgentLength);
    const ip = clientIp(req, settings.trustProxy);
    const origin: RequestOrigin = tracker ? tracker.begin(requestId, ip, userAgent, path) : { requestId, ip, userAgent };
    // A response emits 'close' exactly once: after it went out, or when the client went away first.
    res.on('close', () => {
      drain?.closed(res);
      tracker?.finish(origin, req, res);
    });
    const head = responseHead(fixedHeaders, req, settings.corsOrigins, requestId);
    const handled = path === '/graphql' && (req.method === 'GET' || req.method === 'POST') ? handleGraphql(req, res, origin, search, head) : handle(req, res, path, head);
    handled.catch((error: unknown) => {
      if (!res.headersSent) applyHead(res, head);
      if (error instanceof BodyTooLargeError) {
        // Stop reading the rest of an oversized upload; the connection closes after the reply.
        res.setHeader('connection', 'close');
        sendError(res, 413, ErrorCode.BAD_REQUEST, `Request body is larger than ${settings.bodyLimitBytes} bytes`);
        return;
      }
      log.error({ err: error }, 'request failed outside GraphQL');
      if (!res.headersSent) sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
      else res.destroy();
    });
  };
  // Slow-loris: a client that never finishes its headers (or its request) is
  // answered 408 and cut once the timeout is over. Node checks the timeouts
  // only every connectionsCheckingInterval (30 s by default), so that is
  // tightened to match.
  const { headersTimeoutMs = 10_000, requestTimeoutMs = 30_000 } = settings.timeouts ?? {};
  const timeouts = { headersTimeout: headersTimeoutMs, requestTimeout: requestTimeoutMs, connectionsCheckingInterval: Math.min(1000, Math.ceil(headersTimeoutMs / 4)) };
  return settings.tls ? createTlsServer({ ...timeouts, cert: settings.tls.cert, key: settings.tls.key }, listener) : createServer(timeouts, listener);
}
