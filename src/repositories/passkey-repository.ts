// Passkeys and the WebAuthn challenges of their ceremonies
// (db/*/mfa-schema.ts): one interface over both databases. A challenge is
// deleted as it is read, so it serves one ceremony; a use of a passkey moves
// its signature counter only from the value that was checked.
import type { Brand, UserId } from '../platform/ids.js';

export type PasskeyId = Brand<string, 'PasskeyId'>;

/** Synced across a user's devices (a software key) or bound to one authenticator (hardware). */
export type CredentialDeviceType = 'singleDevice' | 'multiDevice';

export interface PasskeyRecord {
  readonly id: PasskeyId;
  readonly userId: UserId;
  /** base64url, as the browser reports it. */
  readonly credentialId: string;
  /** COSE public key, base64url. */
  readonly publicKey: string;
  /** The signature counter last seen (0 for authenticators that keep none). */
  readonly counter: number;
  readonly transports: readonly string[];
  readonly deviceType: CredentialDeviceType;
  readonly backedUp: boolean;
  readonly name: string;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
}

export type ChallengePurpose = 'registration' | 'login';

export interface WebAuthnChallengeRecord {
  readonly id: string;
  readonly purpose: ChallengePurpose;
  /** Registration: the user registering. Login: the account of the email given, if any. */
  readonly userId: UserId | null;
  /** base64url, as sent in the options. */
  readonly challenge: string;
  readonly expiresAt: number;
}

/** Which challenge to take: a login's by its id, a registration's by its user (one at a time). */
export type ChallengeKey = { readonly purpose: 'login'; readonly id: string } | { readonly purpose: 'registration'; readonly userId: UserId };

export interface PasskeyRepository {
  /** The users' passkeys, oldest first, for a batch of users in one query. */
  listOf(userIds: readonly UserId[]): Promise<ReadonlyMap<UserId, readonly PasskeyRecord[]>>;
  byCredentialId(credentialId: string): Promise<PasskeyRecord | undefined>;
  /** Stores it unless the user already has `maxPerUser`; false then. */
  insert(passkey: PasskeyRecord, maxPerUser: number): Promise<boolean>;
  /** Moves the counter from `checked` to `counter` and marks it used: false when another use moved it first. */
  recordUse(id: PasskeyId, checked: number, counter: number, now: number): Promise<boolean>;
  /** Deletes the user's passkey; false when the user has none by that id. */
  remove(id: PasskeyId, userId: UserId): Promise<boolean>;
  /** Deletes every passkey of the user (an ADMIN's reset); how many. */
  removeAllOf(userId: UserId): Promise<number>;
  /** Stores a challenge (a registration's replaces the user's earlier one) and deletes expired ones on the way. */
  createChallenge(challenge: WebAuthnChallengeRecord, now: number): Promise<void>;
  /** Deletes and returns the live challenge: for the one call that does. */
  takeChallenge(key: ChallengeKey, now: number): Promise<WebAuthnChallengeRecord | undefined>;
}
