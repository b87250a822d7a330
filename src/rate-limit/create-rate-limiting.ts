// Everything @rateLimit needs, built once at start from the settings: the
// counter stores, the shield rules (chained after access by
// access/create-shield.ts), the sign-in lockout, and what writes the response
// headers (called by the server's one Apollo plugin, http/graphql-plugin.ts).
import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { IRule } from 'graphql-shield';
import type { AuditLog } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import type { RequestContext } from '../platform/request-context.js';
import type { LoginThrottle } from '../services/login-throttle.js';
import { failClosed } from './fail-closed-store.js';
import { createLoginLockout } from './login-lockout.js';
import { createRateLimitLedger } from './rate-limit-ledger.js';
import { createRateLimitResponse } from './rate-limit-response.js';
import { createRateLimitRules } from './rate-limit-rules.js';
import { createMemoryRateLimitStore, type RateLimitStore } from './rate-limit-store.js';
import { readRateLimits } from './read-rate-limits.js';

export interface RateLimitingDeps {
  readonly settings: Config['rateLimits'];
  readonly lockout: Config['loginLockout'];
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly log: Logger;
  /** Where counters and sign-in failures live when shared (Redis); default in process. */
  readonly store?: RateLimitStore | undefined;
}

export interface RateLimiting {
  readonly loginThrottle: LoginThrottle;
  /** Reads @rateLimit from the schema (refusing to start on a bad one) and returns a rule per limited field. */
  rulesFor(schema: GraphQLSchema): ReadonlyMap<string, ReadonlyMap<string, IRule>>;
  /** Sets the RateLimit-* and Retry-After headers, and 429/503 when nothing ran, on the response about to go out. */
  readonly respond: (requestContext: GraphQLRequestContextWillSendResponse<RequestContext>) => void;
}

export function createRateLimiting({ settings, lockout, audit, clock, log, store }: RateLimitingDeps): RateLimiting {
  // In process, sign-in failures get their own bounded store, so a flood of
  // fresh callers pushing counters out cannot push a lock out with them. A
  // shared store evicts nothing, and its key names keep the two apart.
  // Either way a store that fails refuses instead of letting calls through.
  const counters = failClosed(store ?? createMemoryRateLimitStore({ clock, maxKeys: settings.storeMaxKeys }), { log, clock });
  const failures = failClosed(store ?? createMemoryRateLimitStore({ clock, maxKeys: settings.storeMaxKeys }), { log, clock });
  const ledger = createRateLimitLedger();
  return {
    loginThrottle: createLoginLockout({ store: failures, audit, clock, settings: lockout }),
    rulesFor: (schema) => createRateLimitRules({ limits: readRateLimits(schema, settings.overrides), store: counters, ledger, audit, clock }),
    respond: createRateLimitResponse({ ledger, clock }),
  };
}
