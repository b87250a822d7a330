// Turns the @rateLimit declarations into graphql-shield rules, one per field.
// access/create-shield.ts chains each after the field's access rule, so a call
// refused by access never reaches a counter. Shield runs the rule for every
// execution of the field: each alias, and each operation, is its own hit.
import { rule, type IRule } from 'graphql-shield';
import type { AuditLog } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import { RateLimitedError, RateLimitUnavailableError } from '../platform/errors.js';
import type { RequestContext } from '../platform/request-context.js';
import { counterKey } from './rate-limit-key.js';
import type { RateLimitLedger } from './rate-limit-ledger.js';
import type { RateLimitStore } from './rate-limit-store.js';
import type { RateLimit, RateLimitMap } from './read-rate-limits.js';

export interface RateLimitRuleDeps {
  readonly limits: RateLimitMap;
  readonly store: RateLimitStore;
  readonly ledger: RateLimitLedger;
  readonly audit: AuditLog;
  readonly clock: Clock;
}

export const secondsUntil = (at: number, now: number): number => Math.max(1, Math.ceil((at - now) / 1000));

/** A shield rule per limited field, by type name, then field name. */
export function createRateLimitRules(deps: RateLimitRuleDeps): ReadonlyMap<string, ReadonlyMap<string, IRule>> {
  const { store, ledger, audit, clock } = deps;

  // Limits are checked in order and the first refusal stops: later (narrower)
  // counters are not touched by a call that was refused anyway.
  const ruleFor = (typeName: string, fieldName: string, limits: readonly RateLimit[]): IRule =>
    rule(`rateLimit:${typeName}.${fieldName}`, { cache: 'no_cache' })(async (_parent, args: Record<string, unknown>, context: RequestContext) => {
      for (const limit of limits) {
        let state;
        try {
          state = await store.hit(counterKey(limit, context, args), limit.windowMs);
        } catch (error) {
          // Returned, not thrown: shield turns a thrown error into its FORBIDDEN fallback.
          if (error instanceof RateLimitUnavailableError) return error;
          throw error;
        }
        ledger.note(context, { limit: limit.max, remaining: Math.max(0, limit.max - state.count), resetAt: state.resetAt });
        if (state.count <= limit.max) continue;
        const retryAfter = secondsUntil(state.resetAt, clock.now());
        // Once per window and key, so a flood cannot flood the audit log too.
        if (state.count === limit.max + 1) {
          audit.record({ type: 'rate_limit.rejected', origin: context.origin, actorId: context.viewer.kind === 'anonymous' ? undefined : context.viewer.userId, limit: limit.name, field: `${typeName}.${fieldName}`, retryAfter });
        }
        return new RateLimitedError(retryAfter);
      }
      return true;
    });

  return new Map(
    [...deps.limits].map(([typeName, fields]) => [typeName, new Map([...fields].map(([fieldName, limits]) => [fieldName, ruleFor(typeName, fieldName, limits)]))]),
  );
}
