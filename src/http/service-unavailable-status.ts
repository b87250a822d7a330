// A field that failed because the database could not be reached
// (SERVICE_UNAVAILABLE, reason DATABASE_UNAVAILABLE) tells the client when to
// try again: Retry-After on the response, and HTTP 503 when no root field
// produced anything (each is null with such an error under it, or refused
// because the rate limiter is itself unavailable), as rate-limit-response.ts
// does for the limiter alone. Fields that did run keep the usual 200, so a
// client never takes a write that was stored for one that failed.
import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { DatabaseUnavailableError, RateLimitUnavailableError } from '../platform/errors.js';
import type { RequestContext } from '../platform/request-context.js';
import { rootResponseKeys } from '../rate-limit/root-response-keys.js';

const unavailableReasons = new Set<unknown>([DatabaseUnavailableError.reason, RateLimitUnavailableError.reason]);

export function serviceUnavailableStatus({ response, document, operation, request }: GraphQLRequestContextWillSendResponse<RequestContext>): void {
  if (response.body.kind !== 'single') return;
  const { data, errors = [] } = response.body.singleResult;
  if (!errors.some((error) => error.extensions?.['reason'] === DatabaseUnavailableError.reason)) return;
  const headers = response.http.headers;
  headers.set('retry-after', String(Math.max(DatabaseUnavailableError.retryAfterSeconds, Number(headers.get('retry-after') ?? 0))));
  if (!document || !operation) return;
  const failedRoots = new Set<string>();
  for (const error of errors) {
    const root = error.path?.[0];
    if (typeof root === 'string' && unavailableReasons.has(error.extensions?.['reason']) && (data?.[root] ?? null) === null) failedRoots.add(root);
  }
  const roots = rootResponseKeys(document, operation, request.variables);
  if (roots.size > 0 && [...roots].every((key) => failedRoots.has(key))) response.http.status = 503;
}
