// Tells the client where it stands: RateLimit-Limit/-Remaining/-Reset for the
// tightest limit the request met, Retry-After when something was refused, and
// HTTP 429 when every root field was refused (nothing in the operation ran),
// or 503 if a refusal was because the limiter itself could not be asked.
// Fields that did run keep the usual 200 with partial errors.
import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { Clock } from '../platform/clock.js';
import { ErrorCode, RateLimitUnavailableError } from '../platform/errors.js';
import type { RequestContext } from '../platform/request-context.js';
import type { RateLimitLedger } from './rate-limit-ledger.js';
import { secondsUntil } from './rate-limit-rules.js';
import { rootResponseKeys } from './root-response-keys.js';

export function createRateLimitResponse({ ledger, clock }: { ledger: RateLimitLedger; clock: Clock }): (requestContext: GraphQLRequestContextWillSendResponse<RequestContext>) => void {
  return ({ response, contextValue, document, operation, request }) => {
    const headers = response.http.headers;
    const note = ledger.tightest(contextValue);
    if (note) {
      headers.set('ratelimit-limit', String(note.limit));
      headers.set('ratelimit-remaining', String(note.remaining));
      headers.set('ratelimit-reset', String(secondsUntil(note.resetAt, clock.now())));
    }
    if (response.body.kind !== 'single') return;
    const refused = new Set<string>(); // root keys refused by a limit
    let retryAfter = 0;
    let unavailable = false;
    for (const error of response.body.singleResult.errors ?? []) {
      if (error.extensions?.['code'] !== ErrorCode.RATE_LIMITED) continue;
      unavailable ||= error.extensions['reason'] === RateLimitUnavailableError.reason;
      const seconds = Number(error.extensions['retryAfter']);
      if (Number.isFinite(seconds)) retryAfter = Math.max(retryAfter, seconds);
      const [root, ...rest] = error.path ?? [];
      if (typeof root === 'string' && rest.length === 0) refused.add(root);
    }
    if (retryAfter === 0) return;
    headers.set('retry-after', String(retryAfter));
    if (!document || !operation) return;
    const roots = rootResponseKeys(document, operation, request.variables);
    if (roots.size > 0 && [...roots].every((key) => refused.has(key))) response.http.status = unavailable ? 503 : 429;
  };
}
