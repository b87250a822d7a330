// Everything @rateLimit needs, built once at start from the settings: the
// counter stores, the shield rules (chained after access by
// access/create-shield.ts), the sign-in lockout, and the plugin that writes
// the response headers.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { IRule } from 'graphql-shield';
import type { AuditLog } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import type { RequestContext } from '../platform/request-context.js';
import type { LoginThrottle } from '../services/auth-service.js';
import { createLoginLockout } from './login-lockout.js';
import { createRateLimitLedger } from './rate-limit-ledger.js';
import { rateLimitPlugin } from './rate-limit-plugin.js';
import { createRateLimitRules } from './rate-limit-rules.js';
import { createMemoryRateLimitStore, type RateLimitStore } from './rate-limit-store.js';
import { readRateLimits } from './read-rate-limits.js';

export interface RateLimitingDeps {
  readonly settings: Config['rateLimits'];
  readonly lockout: Config['loginLockout'];
  readonly audit: AuditLog;
  readonly clock: Clock;
  /** Where counters live; default in process. */
  readonly store?: RateLimitStore | undefined;
}

export interface RateLimiting {
  readonly loginThrottle: LoginThrottle;
  /** Reads @rateLimit from the schema (refusing to start on a bad one) and returns a rule per limited field. */
  rulesFor(schema: GraphQLSchema): ReadonlyMap<string, ReadonlyMap<string, IRule>>;
  readonly plugin: ApolloServerPlugin<RequestContext>;
}

export function createRateLimiting({ settings, lockout, audit, clock, store }: RateLimitingDeps): RateLimiting {
  // Sign-in failures get their own bounded store, so a flood of fresh callers
  // pushing counters out cannot push a lock out with them.
  const counters = store ?? createMemoryRateLimitStore({ clock, maxKeys: settings.storeMaxKeys });
  const failures = store ?? createMemoryRateLimitStore({ clock, maxKeys: settings.storeMaxKeys });
  const ledger = createRateLimitLedger();
  return {
    loginThrottle: createLoginLockout({ store: failures, audit, clock, settings: lockout }),
    rulesFor: (schema) => createRateLimitRules({ limits: readRateLimits(schema, settings.overrides), store: counters, ledger, audit, clock }),
    plugin: rateLimitPlugin({ ledger, clock }),
  };
}
