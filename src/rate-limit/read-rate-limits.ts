// Reads every @rateLimit from the schema once, at start, applies the
// RATE_LIMIT_<NAME> settings, and refuses to start on anything it cannot
// enforce exactly as written: a bad window, an identity argument the field
// does not have, two limits sharing a setting name, a setting naming no limit.
import { getDirective } from '@graphql-tools/utils';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { BootError } from '../platform/boot-error.js';
import { ConfigError } from '../platform/config.js';
import { parseDurationMs } from '../platform/duration.js';
import type { RateLimitSetting } from '../platform/rate-limit-settings.js';

export type RateLimitCaller = 'CALLER' | 'IP' | 'ALL';

export interface RateLimit {
  /** The setting name: RATE_LIMIT_<name>. */
  readonly name: string;
  readonly max: number;
  readonly windowMs: number;
  readonly identityArgs: readonly string[];
  readonly per: RateLimitCaller;
}

/** Limits by type name, then field name; broadest first (fewest identity arguments). */
export type RateLimitMap = ReadonlyMap<string, ReadonlyMap<string, readonly RateLimit[]>>;

export class RateLimitDeclarationError extends BootError {
  override readonly name = 'RateLimitDeclarationError';
  constructor(readonly problems: readonly string[]) {
    super(`@rateLimit is not declared correctly; fix these in schema/:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const upperSnake = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

export function defaultLimitName(fieldName: string, identityArgs: readonly string[]): string {
  return [upperSnake(fieldName), ...identityArgs.map((arg) => `PER_${upperSnake(arg)}`)].join('_');
}

export function readRateLimits(schema: GraphQLSchema, overrides: ReadonlyMap<string, RateLimitSetting> = new Map()): RateLimitMap {
  const problems: string[] = [];
  const declaredAt = new Map<string, string>();
  const map = new Map<string, Map<string, RateLimit[]>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const where = `${type.name}.${field.name}`;
      const limits: RateLimit[] = [];
      for (const args of getDirective(schema, field, 'rateLimit') ?? []) {
        const identityArgs = (args['identityArgs'] as string[] | undefined) ?? [];
        const name = typeof args['name'] === 'string' ? args['name'] : defaultLimitName(field.name, identityArgs);
        const max = args['max'] as number;
        const windowMs = parseDurationMs(String(args['window']));
        if (!/^[A-Z][A-Z0-9_]*$/.test(name)) problems.push(`${where}: limit name "${name}" must be upper snake case`);
        if (declaredAt.has(name)) problems.push(`${where}: limit name ${name} is already used by ${declaredAt.get(name)}; give one of them its own name: argument`);
        declaredAt.set(name, where);
        if (!Number.isSafeInteger(max) || max < 1) problems.push(`${where}: max must be at least 1`);
        if (windowMs === undefined || windowMs < 1000) problems.push(`${where}: window "${String(args['window'])}" is not a duration of at least 1s`);
        for (const arg of identityArgs) if (!field.args.some((a) => a.name === arg)) problems.push(`${where}: identityArgs names "${arg}", which the field does not have`);
        // One budget for the whole world would let any caller use up everyone's.
        if (args['per'] === 'ALL' && identityArgs.length === 0) problems.push(`${where}: per: ALL needs identityArgs`);
        const setting = overrides.get(name);
        if (setting === 'off') continue;
        limits.push({ name, max: setting?.max ?? max, windowMs: setting?.windowMs ?? windowMs ?? 0, identityArgs, per: args['per'] === 'IP' || args['per'] === 'ALL' ? args['per'] : 'CALLER' });
      }
      if (limits.length === 0) continue;
      // Broadest first: a call refused per IP then never creates a counter per (IP, email).
      limits.sort((a, b) => a.identityArgs.length - b.identityArgs.length);
      const fields = map.get(type.name) ?? new Map<string, RateLimit[]>();
      fields.set(field.name, limits);
      map.set(type.name, fields);
    }
  }
  if (problems.length > 0) throw new RateLimitDeclarationError(problems);
  const unknown = [...overrides.keys()].filter((name) => !declaredAt.has(name));
  if (unknown.length > 0) {
    const known = [...declaredAt.keys()].sort().join(', ');
    throw new ConfigError(`${unknown.map((n) => `RATE_LIMIT_${n}`).join(', ')} names no @rateLimit in the schema (known: ${known})`);
  }
  return map;
}
