// Argument checks shared by the services. Each failure names the argument, so
// a client can put the message next to the right form field.
import { BadUserInputError } from '../platform/errors.js';
import { isId, type SessionId, type UserId } from '../platform/ids.js';
import type { Role } from '../platform/request-context.js';

export const passwordPolicy = { minLength: 8, maxLength: 128 } as const;
// Pragmatic, not RFC 5322: one @, no spaces, a dot in the domain, sane length.
const emailPattern = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Trimmed and lower-cased: the one spelling stored and compared. */
export function normalizeEmail(email: string, field = 'email'): string {
  // NFKC folds look-alikes (fullwidth letters) into one spelling; control and
  // format characters (escapes, zero-width spaces) have no place in an address.
  const normalized = email.normalize('NFKC').trim().toLowerCase();
  if (normalized.length > 254 || !emailPattern.test(normalized) || /\p{C}/u.test(normalized)) throw new BadUserInputError(field, 'Enter a valid email address');
  return normalized;
}

/** Checked before any hashing, so an oversized password costs nothing. */
export function checkPasswordPolicy(password: string, field = 'password'): void {
  const { minLength, maxLength } = passwordPolicy;
  if (password.length < minLength || password.length > maxLength) {
    throw new BadUserInputError(field, `Password must be ${minLength} to ${maxLength} characters`);
  }
}

export function parseUserId(id: string, field = 'id'): UserId {
  if (!isId(id)) throw new BadUserInputError(field, 'Not a valid user id');
  return id as UserId;
}

export function parseSessionId(id: string, field = 'id'): SessionId {
  if (!isId(id)) throw new BadUserInputError(field, 'Not a valid session id');
  return id as SessionId;
}

// GraphQL checks the Role enum itself; this is for callers without a schema (the CLI).
const roles: readonly Role[] = ['USER', 'ADMIN'];
export function parseRole(role: string, field = 'role'): Role {
  const found = roles.find((r) => r === role.trim().toUpperCase());
  if (!found) throw new BadUserInputError(field, `Role must be one of ${roles.join(', ')}`);
  return found;
}

/**
 * Opaque cursors over ids: base64url of a short prefix (one per list, so a
 * cursor of one list is refused by another) and the last id seen.
 */
export function createCursors<Id extends string>(prefix: string) {
  return {
    toCursor: (id: Id): string => Buffer.from(prefix + id, 'utf8').toString('base64url'),
    parseCursor(cursor: string, field = 'after'): Id {
      const decoded = /^[A-Za-z0-9_-]{1,100}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
      const id = decoded.startsWith(prefix) ? decoded.slice(prefix.length) : '';
      if (!isId(id)) throw new BadUserInputError(field, 'Not a valid cursor');
      return id as Id;
    },
  };
}

export const { toCursor, parseCursor } = createCursors<UserId>('u:');

export function checkPageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw new BadUserInputError(field, 'Must be between 1 and 100');
  return first;
}
