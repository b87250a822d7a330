// What createApiKey accepts: a name a person will recognise, scopes the
// schema declares, and an optional lifetime. Each refusal names its argument.
import { parseDurationMs } from '../platform/duration.js';
import { BadUserInputError } from '../platform/errors.js';
import { isId, type ApiKeyId } from '../platform/ids.js';
import { hasControlCharacter } from './input.js';

export const apiKeyLimits = {
  nameMax: 100,
  /** Live (not revoked, not expired) keys per user: the API_KEY_QUOTA policy. */
  perUser: 25,
  /** Keys `apiKeys` lists at most: every live one, then the newest expired ones. */
  listed: 50,
  shortestLifeMs: 60_000,
  longestLifeMs: 366 * 86_400_000,
} as const;

export interface ApiKeyInput {
  readonly name: string;
  readonly scopes: readonly string[];
  /** A duration like `90d`; none: the key never expires (until revoked). */
  readonly expiresIn?: string | null | undefined;
}

export function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || [...trimmed].length > apiKeyLimits.nameMax) throw new BadUserInputError('name', `Name must be 1 to ${apiKeyLimits.nameMax} characters`);
  if (hasControlCharacter(trimmed)) throw new BadUserInputError('name', 'Name cannot hold control characters');
  return trimmed;
}

export function checkScopes(scopes: readonly string[], known: ReadonlySet<string>): string[] {
  const unique = [...new Set(scopes)];
  if (unique.length === 0) throw new BadUserInputError('scopes', 'Give the key at least one scope');
  const unknown = unique.find((scope) => !known.has(scope));
  if (unknown !== undefined) throw new BadUserInputError('scopes', `Unknown scope ${JSON.stringify(unknown.slice(0, 64))}; the scopes are: ${[...known].join(', ')}`);
  return unique;
}

/** When the key expires, or null for never. */
export function expiryOf(expiresIn: string | null | undefined, now: number): number | null {
  if (expiresIn === null || expiresIn === undefined) return null;
  const ms = parseDurationMs(expiresIn);
  if (ms === undefined || ms < apiKeyLimits.shortestLifeMs || ms > apiKeyLimits.longestLifeMs) {
    throw new BadUserInputError('expiresIn', 'Expiry must be a duration from 1m to 366d, like 30d or 12h (or none: the key lives until revoked)');
  }
  return now + ms;
}

export function parseApiKeyId(id: string, field = 'id'): ApiKeyId {
  if (!isId(id)) throw new BadUserInputError(field, 'No such API key');
  return id as ApiKeyId;
}
