// Compiles the declarations into one graphql-shield permission tree and
// applies it. Shield is the outermost field wrapper; its fallback denies.
import { applyMiddleware, type IMiddlewareFieldMap, type IMiddlewareFunction, type IMiddlewareTypeMap } from 'graphql-middleware';
import { allow, deny, shield, type IRules } from 'graphql-shield';
import type { GraphQLSchema } from 'graphql';
import type { Clock } from '../platform/clock.js';
import { apiScopesOf } from '../platform/api-scopes.js';
import { ForbiddenError } from '../platform/errors.js';
import type { Policy } from '../platform/policy.js';
import { RateLimitDeclarationError } from '../rate-limit/read-rate-limits.js';
import { locateAppErrors } from './locate-app-errors.js';
import { AccessDeclarationError, readAccessDirectives, type AccessChecks } from './read-access-directives.js';
import { chainOf, createRuleFor, syncCheckOf, type ShieldRule, type SyncCheck } from './rules.js';

/** Rules with side effects (rate limits) by type name, then field name. */
export type LimitRules = ReadonlyMap<string, ReadonlyMap<string, ShieldRule>>;

// The one place that orders access before the rate limit, for every field.
// chain() runs its rules in turn and stops at the first that refuses, so a
// caller who may not use a field spends no quota on it; and() would run both
// at once (Promise.all) and count the refused call.
const guardFor = (access: ShieldRule, limit: ShieldRule | undefined): ShieldRule => (limit ? chainOf(access, limit) : access);

const fallbackError = () => new ForbiddenError();

/**
 * A field whose rule answers from memory, guarded as shield guards it (a
 * refusal is the rule's error, or the fallback FORBIDDEN, returned rather than
 * thrown) but without a promise: an allowed call is the resolver's own call,
 * so a synchronous resolver stays synchronous.
 */
const syncGuard =
  (check: SyncCheck): IMiddlewareFunction =>
  (resolve, parent, args: Record<string, unknown>, ctx, info) => {
    const verdict = check(parent, args, ctx);
    if (verdict === true) return resolve(parent, args, ctx, info);
    return verdict === false ? fallbackError() : verdict;
  };

/** What the declarations are checked against and compiled with (see read-access-directives.ts). */
export interface AccessSetup {
  readonly limits?: LimitRules;
  readonly policies?: readonly Policy[];
  readonly columnsOf?: AccessChecks['columnsOf'];
  /** What @auth(fresh: …) compares the access token's auth_time with; default the system clock. */
  readonly clock?: Clock;
}

export function buildRuleTree(schema: GraphQLSchema, setup: AccessSetup = {}): Record<string, Record<string, ShieldRule>> {
  const limits = setup.limits ?? new Map();
  const policies = new Map((setup.policies ?? []).map((policy) => [policy.name, policy]));
  const ruleFor = createRuleFor(policies, setup.clock);
  const tree: Record<string, Record<string, ShieldRule>> = {};
  const unplaced = new Set([...limits].flatMap(([typeName, fields]) => [...fields.keys()].map((fieldName) => `${typeName}.${fieldName}`)));
  const scopes = apiScopesOf(schema);
  if (scopes.problems.length > 0) throw new AccessDeclarationError(scopes.problems);
  const checks: AccessChecks = { policies: new Set(policies.keys()), scopes: scopes.names, ...(setup.columnsOf ? { columnsOf: setup.columnsOf } : {}) };
  for (const [typeName, fields] of readAccessDirectives(schema, checks)) {
    tree[typeName] = Object.fromEntries(
      [...fields].map(([fieldName, declaration]) => {
        unplaced.delete(`${typeName}.${fieldName}`);
        return [fieldName, guardFor(ruleFor(declaration), limits.get(typeName)?.get(fieldName))];
      }),
    );
  }
  // A limit on a field no query can reach would guard nothing; say so rather than pretend.
  if (unplaced.size > 0) throw new RateLimitDeclarationError([...unplaced].map((field) => `${field}: not reachable from Query or Mutation, so its limit would guard nothing`));
  return tree;
}

export function applyAccessRules(schema: GraphQLSchema, setup: AccessSetup = {}): GraphQLSchema {
  const tree = buildRuleTree(schema, setup);
  const permissions = shield(tree as IRules, {
    fallbackRule: deny,
    fallbackError,
    // Errors thrown by resolvers keep their own codes instead of becoming FORBIDDEN.
    allowExternalErrors: true,
    debug: false,
  });
  // Shield wraps every field, even a @public one with nothing to check, in an
  // async middleware, so graphql-js awaits each of them (a list of 20 users is
  // a hundred such fields). Those wrappers go; every other field keeps its rule,
  // and fields outside the tree keep shield's fallback deny.
  // A field whose rule answers from memory gets the synchronous guard instead.
  // For a rule tree (not one rule for everything) shield generates a map of type → field → wrapper.
  const wrappers = permissions.generate(schema) as IMiddlewareTypeMap;
  for (const [typeName, fields] of Object.entries(tree)) {
    const typeWrappers = wrappers[typeName] as IMiddlewareFieldMap | undefined;
    if (typeWrappers === undefined) continue;
    for (const [fieldName, rule] of Object.entries(fields)) {
      const check = syncCheckOf(rule);
      if (rule === allow) delete typeWrappers[fieldName];
      else if (check) typeWrappers[fieldName] = syncGuard(check);
    }
  }
  return applyMiddleware(schema, locateAppErrors, wrappers);
}
