// Argument checks shared by the services. Each failure names the argument, so
// a client can put the message next to the right form field.
import { domainToASCII } from 'node:url';
import { BadUserInputError } from '../platform/errors.js';
import { isId, type SessionId, type UserId } from '../platform/ids.js';
import type { Role } from '../platform/request-context.js';

export const passwordPolicy = { minLength: 8, maxLength: 128 } as const;

// The WHATWG rule a browser's <input type=email> applies (HTML, "valid email
// address"), checked on the ASCII form of the address; a dot in the domain is
// required on top, since a bare host name is never a deliverable account.
const whatwgLocal = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const whatwgDomain = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
// EMAIL_UTF8_LOCAL_PARTS (RFC 6531): beyond the browser's characters, letters,
// marks and digits of any script; never a symbol, space, control, format or
// invisible (default-ignorable) character.
const utf8Local = /^(?:[a-z0-9.!#$%&'*+/=?^_`{|}~-]|(?![\p{ASCII}\p{Default_Ignorable_Code_Point}])[\p{L}\p{M}\p{N}])+$/u;
// UTS 39 §5.4: the same nonspacing mark twice in a row, or five in a row, can
// draw one letter as another (checked decomposed).
const stackedMarks = /(\p{Mn})\1|\p{Mn}{5}/u;

export interface EmailRules {
  /** EMAIL_UTF8_LOCAL_PARTS: local parts may hold letters, marks and digits of any script. */
  readonly utf8LocalParts?: boolean;
}

/**
 * Trimmed and lower-cased, the domain in its IDNA ASCII form: the one spelling
 * stored and compared. Local parts are ASCII unless `rules.utf8LocalParts`, so
 * by default `admİn@…` (U+0130) cannot become a second account that looks like
 * `admin@…` (with UTF-8 local parts, the TR39 skeleton stops it: email-addresses.ts).
 */
export function normalizeEmail(email: string, field = 'email', rules: EmailRules = {}): string {
  const invalid = () => new BadUserInputError(field, 'Enter a valid email address');
  // NFKC folds look-alikes (fullwidth letters) into one spelling first.
  const folded = email.normalize('NFKC').trim();
  const at = folded.lastIndexOf('@');
  if (at <= 0 || folded.length > 320) throw invalid();
  // Folded again after lower-casing, which can undo NFKC outside ASCII.
  const local = folded.slice(0, at).toLowerCase().normalize('NFKC');
  // UTS 46 mapping and Punycode (node:url): "exämple.com" → "xn--exmple-cua.com", '' when not a valid name.
  const domain = domainToASCII(folded.slice(at + 1));
  const normalized = `${local}@${domain}`;
  const localValid = whatwgLocal.test(local) || (rules.utf8LocalParts === true && utf8Local.test(local) && !stackedMarks.test(local.normalize('NFD')));
  if (!localValid || !whatwgDomain.test(domain) || Buffer.byteLength(normalized) > 254) throw invalid();
  return normalized;
}

// C0 and C1 controls (NUL, escape, newline…): never part of a name or a title,
// able to garble whatever shows one (a terminal, a log viewer), and U+0000
// cannot be stored at all in PostgreSQL's text (it was an internal error).
const controlCharacter = /\p{Cc}/u;

/** Whether `text` holds a control character (a name or a title may not). */
export const hasControlCharacter = (text: string): boolean => controlCharacter.test(text);

/** Refuses U+0000, the one character PostgreSQL's text cannot hold (multi-line text keeps its newlines and tabs). */
export function checkStorableText(text: string, field: string): void {
  if (text.includes('\u0000')) throw new BadUserInputError(field, 'Text cannot hold the NUL character (U+0000)');
}

/** Checked before any hashing, so an oversized password costs nothing. */
export function checkPasswordPolicy(password: string, field = 'password'): void {
  const { minLength, maxLength } = passwordPolicy;
  if (password.length < minLength || password.length > maxLength) {
    throw new BadUserInputError(field, `Password must be ${minLength} to ${maxLength} characters`);
  }
}

/**
 * A sign-in checks only the upper bound: a shorter password is just a wrong
 * one (so the policy of the day is not revealed, and accounts made under an
 * older, shorter minimum still sign in and still reach the throttle).
 */
export function checkPasswordUpperBound(password: string, field = 'password'): void {
  const { minLength, maxLength } = passwordPolicy;
  if (password.length > maxLength) throw new BadUserInputError(field, `Password must be ${minLength} to ${maxLength} characters`);
}

/** Refuses to leave the server with no ADMIN: the first admin exists only through the CLI. */
export function checkNotLastAdmin(target: { readonly role: Role }, adminCount: number, field: string, action: 'demote' | 'delete'): void {
  if (target.role !== 'ADMIN' || adminCount > 1) return;
  const what = action === 'demote' ? 'demoted' : 'deleted';
  throw new BadUserInputError(field, `The last ADMIN cannot be ${what}: make another user ADMIN first, or nobody could administer users`);
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
