// One log line and one set of metric samples per HTTP request, written when
// the response has gone out (or the client went away). The HTTP edge starts a
// trace for every request; the GraphQL plugin and the context builder add what
// only they know (operation, viewer, error codes) to it.
//
// The line names what happened, never what was sent: no headers, no variables,
// no error messages, so no token or password can reach it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ContextObserver } from '../context/build-context.js';
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
  /** Each code once, in the order first seen; made on the first (most requests have none). */
  errorCodes: Set<string> | undefined;
}

/**
 * A request's origin as the HTTP edge hands it down (the context carries it),
 * holding the request's trace where only this module can read it: not an
 * enumerable property, so nothing that copies or logs an origin sees it.
 */
class TracedOrigin implements RequestOrigin {
  readonly #trace: RequestTrace;
  readonly #path: string;
  readonly #startedAt: number;

  constructor(
    readonly requestId: string,
    readonly ip: string,
    readonly userAgent: string | undefined,
    path: string,
  ) {
    this.#trace = { viewerId: undefined, operationName: undefined, operationType: undefined, rootFields: undefined, errorCodes: undefined };
    this.#path = path;
    this.#startedAt = performance.now();
  }

  static traceOf(origin: RequestOrigin): RequestTrace | undefined {
    return #trace in origin ? origin.#trace : undefined;
  }

  static pathOf(origin: TracedOrigin): string {
    return origin.#path;
  }

  static secondsSince(origin: TracedOrigin): number {
    return (performance.now() - origin.#startedAt) / 1000;
  }
}

export interface RequestTracker {
  /** Called by the HTTP edge for every request, before any routing: the origin to hand down, carrying the request's trace. */
  begin(requestId: string, ip: string, userAgent: string | undefined, path: string): RequestOrigin;
  /** Called by the HTTP edge once the response has closed (sent, or the client went away): the request line and metrics. */
  finish(origin: RequestOrigin, req: IncomingMessage, res: ServerResponse): void;
  /** The trace of a request, found through the origin its context carries. */
  find(origin: RequestOrigin): RequestTrace | undefined;
  /** Adds an error code to the request's trace. */
  noteError(trace: RequestTrace, code: string): void;
  /** Notes the viewer, or the code of a refused token (the request never reaches the plugin then). */
  readonly contextObserver: ContextObserver;
}

const knownRoutes = new Set(['/graphql', '/healthz', '/readyz', '/metrics', '/.well-known/jwks.json']);
// Probes and scrapes arrive every few seconds: logged at debug, not info.
const quietRoutes = new Set(['/healthz', '/readyz', '/metrics']);
const clip = (text: string | undefined, max: number) => (text === undefined || text.length <= max ? text : `${text.slice(0, max)}…`);
const noCodes: readonly string[] = [];

function outcomeOf(status: number, errorCodes: readonly string[]): RequestOutcome {
  if (status >= 500) return 'error';
  if (status >= 400) return 'rejected';
  return errorCodes.length > 0 ? 'error' : 'success';
}

function noteError(trace: RequestTrace, code: string): void {
  (trace.errorCodes ??= new Set()).add(code);
}

export function createRequestTracker({ log, metrics }: { log: Logger; metrics: Metrics }): RequestTracker {
  function finish(origin: RequestOrigin, req: IncomingMessage, res: ServerResponse) {
    const trace = TracedOrigin.traceOf(origin);
    if (!trace) return;
    const traced = origin as TracedOrigin;
    const seconds = TracedOrigin.secondsSince(traced);
    const path = TracedOrigin.pathOf(traced);
    const route = knownRoutes.has(path) ? path : 'other';
    const status = res.statusCode;
    const errorCodes = trace.errorCodes ? [...trace.errorCodes] : noCodes;
    metrics.httpRequest(route, status);
    if (route === '/graphql') {
      metrics.graphqlRequest({ operation: trace.operationName, type: trace.operationType, outcome: outcomeOf(status, errorCodes), seconds, errorCodes });
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
    begin: (requestId, ip, userAgent, path) => new TracedOrigin(requestId, ip, userAgent, path),
    finish,
    find: (origin) => TracedOrigin.traceOf(origin),
    noteError,

    contextObserver: {
      viewer(origin, viewer) {
        const trace = TracedOrigin.traceOf(origin);
        if (!trace || viewer.kind === 'anonymous') return;
        trace.viewerId = viewer.userId;
        if (viewer.kind === 'apiKey') trace.apiKeyId = viewer.apiKeyId;
      },
      refused(origin, error) {
        const trace = TracedOrigin.traceOf(origin);
        if (trace) noteError(trace, errorCode(error));
      },
    },
  };
}
