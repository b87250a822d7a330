// One log line and one set of metric samples per HTTP request, written when
// the response has gone out (or the client went away). The HTTP edge starts a
// trace for every request; the GraphQL plugin and the context builder add what
// only they know (operation, viewer, error codes) to it.
//
// The line names what happened, never what was sent: no headers, no variables,
// no error messages, so no token or password can reach it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { BuildContext } from '../context/build-context.js';
import type { Logger } from '../platform/logger.js';
import type { RequestOrigin } from '../platform/request-context.js';
import { errorCode } from './error-code.js';
import type { Metrics, RequestOutcome } from './metrics.js';

export interface RequestTrace {
  viewerId: string | undefined;
  /** The API key the request came with, if it did (its user is `viewerId`). */
  apiKeyId?: string;
  operationName: string | undefined;
  operationType: string | undefined;
  rootFields: readonly string[] | undefined;
  /** Each code once, in the order first seen. */
  readonly errorCodes: Set<string>;
}

export interface RequestTracker {
  /** Called by the HTTP edge for every request, before any routing. */
  begin(req: IncomingMessage, res: ServerResponse, origin: RequestOrigin, path: string): void;
  /** The trace of a request, found through the origin its context carries. */
  find(origin: RequestOrigin): RequestTrace | undefined;
  /** Notes the viewer, or the code of a refused token (the request never reaches the plugin then). */
  wrapContext(build: BuildContext): BuildContext;
}

const knownRoutes = new Set(['/graphql', '/healthz', '/readyz', '/metrics', '/.well-known/jwks.json']);
// Probes and scrapes arrive every few seconds: logged at debug, not info.
const quietRoutes = new Set(['/healthz', '/readyz', '/metrics']);
const clip = (text: string | undefined, max: number) => (text === undefined || text.length <= max ? text : `${text.slice(0, max)}…`);

function outcomeOf(status: number, trace: RequestTrace): RequestOutcome {
  if (status >= 500) return 'error';
  if (status >= 400) return 'rejected';
  return trace.errorCodes.size > 0 ? 'error' : 'success';
}

export function createRequestTracker({ log, metrics }: { log: Logger; metrics: Metrics }): RequestTracker {
  // Keyed by the origin object, which is made once per request and carried by
  // the context: two requests with the same X-Request-Id never share a trace.
  const traces = new WeakMap<RequestOrigin, RequestTrace>();

  function finish(req: IncomingMessage, res: ServerResponse, origin: RequestOrigin, path: string, trace: RequestTrace, startedAt: number) {
    const seconds = (performance.now() - startedAt) / 1000;
    const route = knownRoutes.has(path) ? path : 'other';
    const status = res.statusCode;
    const errorCodes = [...trace.errorCodes];
    metrics.httpRequest(route, status);
    if (route === '/graphql') {
      metrics.graphqlRequest({ operation: trace.operationName, type: trace.operationType, outcome: outcomeOf(status, trace), seconds, errorCodes });
    }
    // Built only when its level is on (production often runs at warn).
    const level = status >= 500 ? 'error' : quietRoutes.has(path) ? 'debug' : 'info';
    if (!log.isLevelEnabled(level)) return;
    const line = {
      requestId: origin.requestId,
      method: req.method,
      path: clip(path, 200),
      status,
      durationMs: Math.round(seconds * 1e5) / 100,
      ip: origin.ip,
      userAgent: clip(origin.userAgent, 300) ?? null,
      ...(route === '/graphql'
        ? { viewerId: trace.viewerId ?? null, ...(trace.apiKeyId === undefined ? {} : { apiKeyId: trace.apiKeyId }), operationName: trace.operationName ?? null, operationType: trace.operationType ?? null, rootFields: trace.rootFields ?? [], errorCodes }
        : {}),
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    log[level](line, 'request');
  }

  return {
    begin(req, res, origin, path) {
      const startedAt = performance.now();
      const trace: RequestTrace = { viewerId: undefined, operationName: undefined, operationType: undefined, rootFields: undefined, errorCodes: new Set() };
      traces.set(origin, trace);
      // A response emits 'close' exactly once: after it went out, or when the
      // client went away first (writableFinished tells which).
      res.once('close', () => finish(req, res, origin, path, trace, startedAt));
    },

    find: (origin) => traces.get(origin),

    wrapContext(build) {
      return async (input) => {
        const trace = traces.get(input.origin);
        try {
          const context = await build(input);
          if (trace && context.viewer.kind !== 'anonymous') trace.viewerId = context.viewer.userId;
          if (trace && context.viewer.kind === 'apiKey') trace.apiKeyId = context.viewer.apiKeyId;
          return context;
        } catch (error) {
          trace?.errorCodes.add(errorCode(error));
          throw error;
        }
      };
    },
  };
}
