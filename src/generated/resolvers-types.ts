import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserModel, SessionModel, AuthResult, UserPage } from '../services/types.js';
import type { PasskeyRecord } from '../repositories/passkey-repository.js';
import type { ApiKeyRecord } from '../repositories/api-key-repository.js';
import type { ApiKeyCreation } from '../services/api-key-service.js';
import type { DeclaredScope } from '../platform/api-scopes.js';
import type { NoteRecord } from '../notes/note-repository.js';
import type { NotePage } from '../notes/note-service.js';
import type { RequestContext } from '../platform/request-context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, as an ISO 8601 string in UTC, for example `2026-11-25T06:00:00.000Z`. */
  DateTime: { input: string; output: Date | string | number; }
  /** Any JSON value: WebAuthn options and responses, passed to and from the browser's navigator.credentials as they are. */
  JSON: { input: unknown; output: unknown; }
};

/** What `@auth` requires of the caller. */
export type AccessLevel =
  /** Admins only. */
  | 'ADMIN'
  /** The user the data belongs to, or an ADMIN. */
  | 'OWNER'
  /** Any signed-in user. */
  | 'USER';

/**
 * A key for scripts, CI jobs and other services, sent as
 * `Authorization: Bearer <key>`. It acts as its user, but only on fields that
 * declare one of its scopes, and it never manages credentials (keys, sessions,
 * passwords, roles). The key itself is shown only once, by `createApiKey`.
 */
export type ApiKey = {
  readonly __typename?: 'ApiKey';
  /** When the key was created. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** When the key stops working; null if it lives until revoked. */
  readonly expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Opaque id, for `revokeApiKey`. */
  readonly id: Scalars['ID']['output'];
  /** When the key was last used, to the minute; null if never. */
  readonly lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The name its user gave it. */
  readonly name: Scalars['String']['output'];
  /** The key's first characters (`gak_` and 8 more), to tell keys apart; never enough to use it. */
  readonly prefix: Scalars['String']['output'];
  /** What the key may do (see `apiScopes`). */
  readonly scopes: ReadonlyArray<Scalars['String']['output']>;
};

/** What `createApiKey` returns: the key, this once, and its description. */
export type ApiKeyCreated = {
  readonly __typename?: 'ApiKeyCreated';
  /** The new key's description, as `apiKeys` lists it. */
  readonly apiKey: ApiKey;
  /** The key (`gak_` and 43 characters). Copy it now: it is stored only as a hash and cannot be shown again. */
  readonly key: Scalars['String']['output'];
};

/** A scope an API key can be given, as the schema declares it. */
export type ApiScope = {
  readonly __typename?: 'ApiScope';
  /** What a key with this scope may do. */
  readonly description: Scalars['String']['output'];
  /** The scope's name, e.g. `notes:read`, as `createApiKey(scopes:)` takes it. */
  readonly name: Scalars['String']['output'];
};

/** What a successful sign-up, sign-in or refresh returns. */
export type AuthPayload = {
  readonly __typename?: 'AuthPayload';
  /** Short-lived JWT for `Authorization: Bearer <accessToken>`. */
  readonly accessToken: Scalars['String']['output'];
  /**
   * Opaque, long-lived token that marks this client as a known device of the
   * account: keep it and send it as `login(deviceToken:)`. A known device is not
   * held to the account-wide limit on untrusted sign-ins and is served first when
   * sign-in is busy. Issued by `signup` and `login` (a known device gets its own
   * back); null from `refreshToken`. `logoutAll` revokes every one of them.
   */
  readonly deviceToken?: Maybe<Scalars['String']['output']>;
  /** Seconds until the access token expires. */
  readonly expiresIn: Scalars['Int']['output'];
  /** Opaque, single-use token for `refreshToken`; it rotates on every use. */
  readonly refreshToken: Scalars['String']['output'];
  /** Always `Bearer`. */
  readonly tokenType: Scalars['String']['output'];
  /** The user the tokens were issued to. */
  readonly user: User;
};

/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type Mutation = {
  readonly __typename?: 'Mutation';
  /** Change your password. Every other session ends; this one stays signed in. Limited to 5 tries per 15 minutes per user, so a stolen access token cannot be used to guess the password. Wants a proof of identity at most 5 minutes old (`reauthenticate`). */
  readonly changePassword: Scalars['Boolean']['output'];
  /**
   * Move the account to the address the link was mailed to, which is then
   * verified; the old address gets a notice, and links mailed to it stop
   * working. Works signed in or not: the link is the proof. If another account
   * has taken the address meanwhile, or the token is unknown, used or expired:
   * `BAD_USER_INPUT` on `token`, nothing changed.
   */
  readonly confirmEmailChange: User;
  /**
   * Confirm the enrolment with the app's current code: from now on signing in
   * asks for a code. Returns the recovery codes, shown only this once (any
   * earlier ones stop working).
   */
  readonly confirmTotp: RecoveryCodes;
  /**
   * Make an API key for a script or another service. Its `key` is returned only
   * this once. At most 25 live keys per user. Only a signed-in person can make
   * keys: an API key cannot. A key outlives sessions, so making one wants a
   * proof of identity at most 15 minutes old (`reauthenticate`), as adding a
   * passkey does.
   */
  readonly createApiKey: ApiKeyCreated;
  /** Write a new note; it belongs to you. At most 1,000 notes per user. */
  readonly createNote: Note;
  /** Delete your note (an ADMIN: anyone's). False, and nothing deleted, when there is no such note of yours. */
  readonly deleteNote: Scalars['Boolean']['output'];
  /** Delete a user and every session of theirs. Admins, or the user themself, with a proof of identity at most 5 minutes old (`reauthenticate`). */
  readonly deleteUser: Scalars['Boolean']['output'];
  /** Turn two-step sign-in off, with a current code or a recovery code. Recovery codes go with it; passkeys stay. */
  readonly disableTotp: Scalars['Boolean']['output'];
  /**
   * Start turning on two-step sign-in with an authenticator app (TOTP, RFC 6238:
   * SHA-1, 6 digits, 30 s). Starting again replaces an unconfirmed enrolment; if
   * TOTP is already on, the one in force stays until the new one is confirmed.
   */
  readonly enrollTotp: TotpEnrollment;
  /**
   * Finish signing in with a passkey: starts a session as `login` does (no
   * second factor follows: the passkey is both). Anything wrong, late or
   * replayed is `UNAUTHENTICATED`; a malformed `challengeId` or `response` is
   * `BAD_USER_INPUT` on it.
   */
  readonly finishPasskeyLogin: AuthPayload;
  /** Finish adding a passkey with what the browser returned. A wrong, late or replayed answer is `BAD_USER_INPUT` on `response`. */
  readonly finishPasskeyRegistration: Passkey;
  /** Sign in with email and password, starting a new session (one per device). */
  readonly login: AuthPayload;
  /** End the current session (this device). Its tokens stop working at once. */
  readonly logout: Scalars['Boolean']['output'];
  /** End every session of the signed-in user, this one included. */
  readonly logoutAll: Scalars['Boolean']['output'];
  /**
   * Prove again who you are, for fields marked `@auth(fresh: …)` (they answer
   * `REAUTHENTICATION_REQUIRED` when your last proof is older than they allow).
   * With two-step sign-in on, give a current code or a recovery code (and the
   * password too if you like); without it, the password. Answers new tokens in
   * this same session: the access token's `auth_time` is now and its `amr` says
   * what was proven; the refresh token rotates (keep the new one). A wrong
   * password or code is `BAD_USER_INPUT` on that field.
   */
  readonly reauthenticate: AuthPayload;
  /**
   * Trade a refresh token for a new access token and a new refresh token. The
   * one presented is used up; presenting it again ends its whole session.
   */
  readonly refreshToken: AuthPayload;
  /** New recovery codes, shown only in this answer; the old ones stop working. */
  readonly regenerateRecoveryCodes: RecoveryCodes;
  /** Remove one of your passkeys; it signs in no more. */
  readonly removePasskey: Scalars['Boolean']['output'];
  /**
   * Start moving your account to a new address: a confirmation link goes to
   * the new address (it works once, for `EMAIL_VERIFICATION_TTL`, and asking
   * again replaces it) and a notice to the current one. Nothing changes until
   * the link is opened. Needs your password, and a proof of identity at most 5
   * minutes old (`reauthenticate`: with two-step sign-in on, a code), since the
   * address is how the account is recovered; limited to 5 tries per 15 minutes.
   */
  readonly requestEmailChange: Scalars['Boolean']['output'];
  /**
   * Mail a new verification link to your address (it replaces the older one
   * and works for `EMAIL_VERIFICATION_TTL`, 24 hours). False, and no mail,
   * when the address is verified already.
   */
  readonly requestEmailVerification: Scalars['Boolean']['output'];
  /**
   * Mail a password reset link to this address, if it has an account. Always
   * true for a valid address, whether or not it has an account (the answer and
   * its timing are the same); an unknown address gets no mail. The link works
   * once, for `PASSWORD_RESET_TTL` (30 minutes); asking again replaces it.
   */
  readonly requestPasswordReset: Scalars['Boolean']['output'];
  /**
   * Set a new password with the token from a reset link. Every session of the
   * account ends at once (access tokens included), every device stops being
   * trusted, other pending links stop working, and the address gets a notice.
   * An unknown, used or expired token is `BAD_USER_INPUT` on `token`, with
   * one message for all three.
   */
  readonly resetPassword: Scalars['Boolean']['output'];
  /**
   * For a user who lost their device: removes their TOTP, recovery codes and
   * passkeys, so they sign in with their password alone. Admins only; audited.
   */
  readonly resetUserMfa: Scalars['Boolean']['output'];
  /** Revoke an API key: yours, or anyone's for an ADMIN. Refused at once on every instance. False if it was revoked already. */
  readonly revokeApiKey: Scalars['Boolean']['output'];
  /** End one session by id: one of your own, or anyone's if you are an ADMIN. */
  readonly revokeSession: Scalars['Boolean']['output'];
  /** Change a user's role. Takes effect on that user's very next request. Admins only, with a proof of identity at most 5 minutes old (`reauthenticate`). */
  readonly setUserRole: User;
  /** Create an account and sign in. Email must be new; password 8 to 128 characters. */
  readonly signup: AuthPayload;
  /**
   * Start signing in with a passkey. With an email, that account's passkeys are
   * offered; without one, the browser offers any passkey it holds for this site
   * (discoverable credentials).
   */
  readonly startPasskeyLogin: PasskeyChallenge;
  /**
   * Start adding a passkey: PublicKeyCredentialCreationOptions as JSON, for
   * `navigator.credentials.create()` (or @simplewebauthn/browser's
   * `startRegistration({ optionsJSON })`). Valid for 5 minutes; starting again
   * replaces it. The passkey must verify its user (PIN or biometric).
   */
  readonly startPasskeyRegistration: Scalars['JSON']['output'];
  /** Change your note's title or body (an ADMIN: anyone's). Null, and nothing changed, when there is no such note of yours. */
  readonly updateNote?: Maybe<Note>;
  /**
   * Verify an address with the token from the link mailed to it (at signup,
   * by `requestEmailVerification`, or after a refused sign-in under
   * REQUIRE_VERIFIED_EMAIL). Works signed in or not: the link is the proof.
   * Returns the user, whose `emailVerified` is now true (its private fields
   * only for the user themself). An unknown, used or expired token, or one
   * mailed to an address the account no longer has, is `BAD_USER_INPUT` on
   * `token`.
   */
  readonly verifyEmail: User;
  /**
   * Finish a sign-in that answered `MFA_REQUIRED`: its `extensions.mfaToken`
   * and a code from the authenticator app, or a recovery code (each works once).
   * Starts the session as `login` does. A wrong code is `UNAUTHENTICATED` with
   * `extensions.attemptsLeft`; at 0 (five wrong codes, five minutes gone, or
   * the token already used) sign in again with the password. `deviceToken` is
   * null when the sign-in came from a known device (keep the one you have).
   */
  readonly verifyMfa: AuthPayload;
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationConfirmEmailChangeArgs = {
  token: Scalars['String']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationConfirmTotpArgs = {
  code: Scalars['String']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationCreateApiKeyArgs = {
  expiresIn?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  scopes: ReadonlyArray<Scalars['String']['input']>;
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationCreateNoteArgs = {
  body: Scalars['String']['input'];
  title: Scalars['String']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationDeleteNoteArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationDeleteUserArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationDisableTotpArgs = {
  code: Scalars['String']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationFinishPasskeyLoginArgs = {
  challengeId: Scalars['ID']['input'];
  response: Scalars['JSON']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationFinishPasskeyRegistrationArgs = {
  name?: InputMaybe<Scalars['String']['input']>;
  response: Scalars['JSON']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationLoginArgs = {
  deviceToken?: InputMaybe<Scalars['String']['input']>;
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationReauthenticateArgs = {
  code?: InputMaybe<Scalars['String']['input']>;
  password?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationRefreshTokenArgs = {
  refreshToken: Scalars['String']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationRemovePasskeyArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationRequestEmailChangeArgs = {
  currentPassword: Scalars['String']['input'];
  newEmail: Scalars['String']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationResetPasswordArgs = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationResetUserMfaArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationRevokeSessionArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationSetUserRoleArgs = {
  role: Role;
  userId: Scalars['ID']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationSignupArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationStartPasskeyLoginArgs = {
  email?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationUpdateNoteArgs = {
  body?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  title?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationVerifyEmailArgs = {
  token: Scalars['String']['input'];
};


/**
 * Everything that changes state: signing up and in, refreshing tokens, ending
 * sessions, and managing users.
 */
export type MutationVerifyMfaArgs = {
  code: Scalars['String']['input'];
  mfaToken: Scalars['String']['input'];
};

/**
 * A short text that belongs to one user. Only its owner, or an ADMIN, can see
 * any of it, wherever a Note is returned: a root field, `User.notes`, a list, a
 * mutation's answer. Declared once, here, and enforced on every field.
 */
export type Note = {
  readonly __typename?: 'Note';
  /** Up to 20,000 characters. */
  readonly body: Scalars['String']['output'];
  /** When the note was created. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** Opaque, stable identifier. */
  readonly id: Scalars['ID']['output'];
  /** Who the note belongs to. */
  readonly owner: User;
  /** 1 to 200 characters. */
  readonly title: Scalars['String']['output'];
  /** When the note was last changed (its creation, if never). */
  readonly updatedAt: Scalars['DateTime']['output'];
};

/** A page of notes, newest first, following the Relay cursor connection spec. */
export type NoteConnection = {
  readonly __typename?: 'NoteConnection';
  /** The notes of this page, each with its cursor. */
  readonly edges: ReadonlyArray<NoteEdge>;
  /** Where this page sits in the whole list. */
  readonly pageInfo: PageInfo;
};

/** One note of a page and the cursor to continue after it. */
export type NoteEdge = {
  readonly __typename?: 'NoteEdge';
  /** Opaque cursor; pass it as `after` to get the notes that follow. */
  readonly cursor: Scalars['String']['output'];
  /** The note. */
  readonly node: Note;
};

/** Relay page information. */
export type PageInfo = {
  readonly __typename?: 'PageInfo';
  /** Cursor of the last edge of this page, if any; pass it as `after`. */
  readonly endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more users follow this page. */
  readonly hasNextPage: Scalars['Boolean']['output'];
  /** Whether users precede this page (true whenever `after` was given). */
  readonly hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge of this page, if any. */
  readonly startCursor?: Maybe<Scalars['String']['output']>;
};

/**
 * A passkey: a WebAuthn credential on a device or in a password manager. It
 * signs in by itself and counts as both factors (the device, and the PIN or
 * biometric that unlocks it).
 */
export type Passkey = {
  readonly __typename?: 'Passkey';
  /** When it was registered. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** Opaque id, for `removePasskey`. */
  readonly id: Scalars['ID']['output'];
  /** When it last signed in, if ever. */
  readonly lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** A name to tell it apart: given at registration, or `Synced passkey` / `Security key`. */
  readonly name: Scalars['String']['output'];
};

/** What `navigator.credentials.get()` needs to sign in with a passkey, and the id to send its answer back with. */
export type PasskeyChallenge = {
  readonly __typename?: 'PasskeyChallenge';
  /** Pass it to `finishPasskeyLogin`; it works once, for 5 minutes. */
  readonly challengeId: Scalars['ID']['output'];
  /** PublicKeyCredentialRequestOptions as JSON (for @simplewebauthn/browser's `startAuthentication({ optionsJSON })`). */
  readonly options: Scalars['JSON']['output'];
};

/** Everything that reads: the signed-in user, and users for admins. */
export type Query = {
  readonly __typename?: 'Query';
  /** Your API keys that are not revoked: the live ones newest first, then expired ones until they are purged (50 keys at most in all). */
  readonly apiKeys: ReadonlyArray<ApiKey>;
  /** Every scope an API key can be given, with what it allows. */
  readonly apiScopes: ReadonlyArray<ApiScope>;
  /** The signed-in user (or an API key's user), or null when the request carries no token. */
  readonly me?: Maybe<User>;
  /** A note by id: yours (any, for an ADMIN). Null when there is none, and equally when it is someone else's. */
  readonly note?: Maybe<Note>;
  /** Your notes, newest first, a page at a time. */
  readonly notes: NoteConnection;
  /** A user by id: admins may read anyone, users only themselves. */
  readonly user?: Maybe<User>;
  /** All users, oldest first, a page at a time. Admins only. */
  readonly users: UserConnection;
};


/** Everything that reads: the signed-in user, and users for admins. */
export type QueryNoteArgs = {
  id: Scalars['ID']['input'];
};


/** Everything that reads: the signed-in user, and users for admins. */
export type QueryNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything that reads: the signed-in user, and users for admins. */
export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


/** Everything that reads: the signed-in user, and users for admins. */
export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Whose calls a `@rateLimit` counts together. */
export type RateLimitCaller =
  /**
   * Every caller together: one budget per value of the identity arguments,
   * whoever sends them and from wherever (password reset: a few mails per
   * address, however many addresses ask). Needs `identityArgs`.
   */
  | 'ALL'
  /** The signed-in user (by id), or the client IP when anonymous. */
  | 'CALLER'
  /**
   * The client IP (IPv6 by /64), signed in or not. For sign-in fields: accounts
   * are cheap to make, so a user id must not buy a fresh budget.
   */
  | 'IP';

/**
 * One-time recovery codes: each signs in once in place of an authenticator
 * code. Shown only in this answer; the server keeps only their digests.
 */
export type RecoveryCodes = {
  readonly __typename?: 'RecoveryCodes';
  /** The codes, as `XXXX-XXXX-XXXX-XXXX` (case, spaces and dashes do not matter when typed). */
  readonly codes: ReadonlyArray<Scalars['String']['output']>;
};

/** A user's role. Every new user is a USER; only an ADMIN can change roles. */
export type Role =
  /** An administrator: it may read every user, change roles and delete accounts. */
  | 'ADMIN'
  /** A regular account: it reads and manages only its own data. */
  | 'USER';

/** A signed-in device: one per login. Its refresh tokens rotate inside it. */
export type Session = {
  readonly __typename?: 'Session';
  /** When the session began (the login). */
  readonly createdAt: Scalars['DateTime']['output'];
  /** Whether this is the session making the request. */
  readonly current: Scalars['Boolean']['output'];
  /** Opaque id, for `revokeSession`. */
  readonly id: Scalars['ID']['output'];
  /**
   * The client IP address of the last login or refresh (X-Forwarded-For only
   * when the server is configured to trust a proxy). Readable, like the whole
   * session list, only by the user themself or an ADMIN.
   */
  readonly ip?: Maybe<Scalars['String']['output']>;
  /** When the session was last used to make a request or refresh. */
  readonly lastUsedAt: Scalars['DateTime']['output'];
  /** The User-Agent header of the last login or refresh, if any. */
  readonly userAgent?: Maybe<Scalars['String']['output']>;
};

/**
 * A TOTP enrolment in progress: add it to an authenticator app (scan
 * `qrCodeSvg`, open `uri`, or type `secret`), then confirm it with
 * `confirmTotp` and a code the app shows. Until then nothing changes at sign-in.
 */
export type TotpEnrollment = {
  readonly __typename?: 'TotpEnrollment';
  /** The `uri` as a QR code: an SVG document, to be shown as an image (an `img` with a data URL), never inserted as markup. */
  readonly qrCodeSvg: Scalars['String']['output'];
  /** The shared secret, base32, for typing into an app by hand. Shown only now. */
  readonly secret: Scalars['String']['output'];
  /** The `otpauth://totp/…` URI (issuer, account, SHA1, 6 digits, 30 s) that the QR code holds. */
  readonly uri: Scalars['String']['output'];
};

/**
 * A person with an account. Readable by whoever may reach it; the private
 * fields are limited to the user themself and admins.
 */
export type User = {
  readonly __typename?: 'User';
  /** This user's API keys that are not revoked, newest first. Only the user themself or an ADMIN may read them. */
  readonly apiKeys: ReadonlyArray<ApiKey>;
  /** When the account was created. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** Sign-in email, trimmed and lower-cased. Only the user themself or an ADMIN may read it. */
  readonly email: Scalars['String']['output'];
  /**
   * Whether the user proved they receive mail at `email` by opening a link
   * mailed to it. False for a new account, and for accounts made before
   * verification existed. Only the user themself or an ADMIN may read it.
   */
  readonly emailVerified: Scalars['Boolean']['output'];
  /** Opaque, stable identifier. */
  readonly id: Scalars['ID']['output'];
  /** Whether signing in asks this user for a second factor (TOTP is on). Only the user themself or an ADMIN may read it. */
  readonly mfaEnabled: Scalars['Boolean']['output'];
  /** This user's notes, newest first. Only the user themself or an ADMIN may read them. */
  readonly notes: NoteConnection;
  /** This user's passkeys, oldest first. Only the user themself or an ADMIN may read them. */
  readonly passkeys: ReadonlyArray<Passkey>;
  /** What this user may do. */
  readonly role: Role;
  /** Live sessions of this user, newest first. Only the user themself or an ADMIN may read them. */
  readonly sessions: ReadonlyArray<Session>;
};


/**
 * A person with an account. Readable by whoever may reach it; the private
 * fields are limited to the user themself and admins.
 */
export type UserNotesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of users, following the Relay cursor connection spec. */
export type UserConnection = {
  readonly __typename?: 'UserConnection';
  /** The users of this page, each with its cursor. */
  readonly edges: ReadonlyArray<UserEdge>;
  /** Where this page sits in the whole list. */
  readonly pageInfo: PageInfo;
};

/** One user of a page and the cursor to continue after it. */
export type UserEdge = {
  readonly __typename?: 'UserEdge';
  /** Opaque cursor; pass it as `after` to get the users that follow. */
  readonly cursor: Scalars['String']['output'];
  /** The user. */
  readonly node: User;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AccessLevel: AccessLevel;
  ApiKey: ResolverTypeWrapper<ApiKeyRecord>;
  ApiKeyCreated: ResolverTypeWrapper<ApiKeyCreation>;
  ApiScope: ResolverTypeWrapper<DeclaredScope>;
  AuthPayload: ResolverTypeWrapper<AuthResult>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Note: ResolverTypeWrapper<NoteRecord>;
  NoteConnection: ResolverTypeWrapper<NotePage>;
  NoteEdge: ResolverTypeWrapper<Omit<NoteEdge, 'node'> & { node: ResolversTypes['Note'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Passkey: ResolverTypeWrapper<PasskeyRecord>;
  PasskeyChallenge: ResolverTypeWrapper<PasskeyChallenge>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RateLimitCaller: RateLimitCaller;
  RecoveryCodes: ResolverTypeWrapper<RecoveryCodes>;
  Role: Role;
  Session: ResolverTypeWrapper<SessionModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  TotpEnrollment: ResolverTypeWrapper<TotpEnrollment>;
  User: ResolverTypeWrapper<UserModel>;
  UserConnection: ResolverTypeWrapper<UserPage>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ApiKey: ApiKeyRecord;
  ApiKeyCreated: ApiKeyCreation;
  ApiScope: DeclaredScope;
  AuthPayload: AuthResult;
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  Note: NoteRecord;
  NoteConnection: NotePage;
  NoteEdge: Omit<NoteEdge, 'node'> & { node: ResolversParentTypes['Note'] };
  PageInfo: PageInfo;
  Passkey: PasskeyRecord;
  PasskeyChallenge: PasskeyChallenge;
  Query: Record<PropertyKey, never>;
  RecoveryCodes: RecoveryCodes;
  Session: SessionModel;
  String: Scalars['String']['output'];
  TotpEnrollment: TotpEnrollment;
  User: UserModel;
  UserConnection: UserPage;
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
}>;

export type AuthDirectiveArgs = {
  fresh?: Maybe<Scalars['String']['input']>;
  ownerArg?: Maybe<Scalars['String']['input']>;
  ownerField?: Maybe<Scalars['String']['input']>;
  policy?: Maybe<Scalars['String']['input']>;
  requires?: Maybe<AccessLevel>;
  scopes?: Maybe<ReadonlyArray<Scalars['String']['input']>>;
  verified?: Maybe<Scalars['Boolean']['input']>;
};

export type AuthDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = AuthDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type PublicDirectiveArgs = {
  scopes?: Maybe<ReadonlyArray<Scalars['String']['input']>>;
};

export type PublicDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RateLimitDirectiveArgs = {
  identityArgs?: Maybe<ReadonlyArray<Scalars['String']['input']>>;
  max: Scalars['Int']['input'];
  name?: Maybe<Scalars['String']['input']>;
  per?: Maybe<RateLimitCaller>;
  window: Scalars['String']['input'];
};

export type RateLimitDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = RateLimitDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ScopeDirectiveArgs = {
  description: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type ScopeDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = ScopeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ApiKeyResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scopes?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ApiKeyCreatedResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ApiKeyCreated'] = ResolversParentTypes['ApiKeyCreated']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ApiScopeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ApiScope'] = ResolversParentTypes['ApiScope']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AuthPayloadResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deviceToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expiresIn?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tokenType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  changePassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'currentPassword' | 'newPassword'>>;
  confirmEmailChange?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationConfirmEmailChangeArgs, 'token'>>;
  confirmTotp?: Resolver<ResolversTypes['RecoveryCodes'], ParentType, ContextType, RequireFields<MutationConfirmTotpArgs, 'code'>>;
  createApiKey?: Resolver<ResolversTypes['ApiKeyCreated'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'name' | 'scopes'>>;
  createNote?: Resolver<ResolversTypes['Note'], ParentType, ContextType, RequireFields<MutationCreateNoteArgs, 'body' | 'title'>>;
  deleteNote?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteNoteArgs, 'id'>>;
  deleteUser?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteUserArgs, 'id'>>;
  disableTotp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDisableTotpArgs, 'code'>>;
  enrollTotp?: Resolver<ResolversTypes['TotpEnrollment'], ParentType, ContextType>;
  finishPasskeyLogin?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationFinishPasskeyLoginArgs, 'challengeId' | 'response'>>;
  finishPasskeyRegistration?: Resolver<ResolversTypes['Passkey'], ParentType, ContextType, RequireFields<MutationFinishPasskeyRegistrationArgs, 'response'>>;
  login?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'email' | 'password'>>;
  logout?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  logoutAll?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reauthenticate?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, Partial<MutationReauthenticateArgs>>;
  refreshToken?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRefreshTokenArgs, 'refreshToken'>>;
  regenerateRecoveryCodes?: Resolver<ResolversTypes['RecoveryCodes'], ParentType, ContextType>;
  removePasskey?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemovePasskeyArgs, 'id'>>;
  requestEmailChange?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRequestEmailChangeArgs, 'currentPassword' | 'newEmail'>>;
  requestEmailVerification?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requestPasswordReset?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRequestPasswordResetArgs, 'email'>>;
  resetPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'newPassword' | 'token'>>;
  resetUserMfa?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationResetUserMfaArgs, 'id'>>;
  revokeApiKey?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  revokeSession?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRevokeSessionArgs, 'id'>>;
  setUserRole?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationSetUserRoleArgs, 'role' | 'userId'>>;
  signup?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationSignupArgs, 'email' | 'password'>>;
  startPasskeyLogin?: Resolver<ResolversTypes['PasskeyChallenge'], ParentType, ContextType, Partial<MutationStartPasskeyLoginArgs>>;
  startPasskeyRegistration?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  updateNote?: Resolver<Maybe<ResolversTypes['Note']>, ParentType, ContextType, RequireFields<MutationUpdateNoteArgs, 'id'>>;
  verifyEmail?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationVerifyEmailArgs, 'token'>>;
  verifyMfa?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationVerifyMfaArgs, 'code' | 'mfaToken'>>;
}>;

export type NoteResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Note'] = ResolversParentTypes['Note']> = ResolversObject<{
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type NoteConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['NoteConnection'] = ResolversParentTypes['NoteConnection']> = ResolversObject<{
  edges?: Resolver<ReadonlyArray<ResolversTypes['NoteEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type NoteEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['NoteEdge'] = ResolversParentTypes['NoteEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Note'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PasskeyResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Passkey'] = ResolversParentTypes['Passkey']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PasskeyChallengeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PasskeyChallenge'] = ResolversParentTypes['PasskeyChallenge']> = ResolversObject<{
  challengeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  options?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  apiKeys?: Resolver<ReadonlyArray<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  apiScopes?: Resolver<ReadonlyArray<ResolversTypes['ApiScope']>, ParentType, ContextType>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['Note']>, ParentType, ContextType, RequireFields<QueryNoteArgs, 'id'>>;
  notes?: Resolver<ResolversTypes['NoteConnection'], ParentType, ContextType, RequireFields<QueryNotesArgs, 'first'>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
  users?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<QueryUsersArgs, 'first'>>;
}>;

export type RecoveryCodesResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['RecoveryCodes'] = ResolversParentTypes['RecoveryCodes']> = ResolversObject<{
  codes?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type SessionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastUsedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type TotpEnrollmentResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TotpEnrollment'] = ResolversParentTypes['TotpEnrollment']> = ResolversObject<{
  qrCodeSvg?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  uri?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = ResolversObject<{
  apiKeys?: Resolver<ReadonlyArray<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  emailVerified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mfaEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  notes?: Resolver<ResolversTypes['NoteConnection'], ParentType, ContextType, RequireFields<UserNotesArgs, 'first'>>;
  passkeys?: Resolver<ReadonlyArray<ResolversTypes['Passkey']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  sessions?: Resolver<ReadonlyArray<ResolversTypes['Session']>, ParentType, ContextType>;
}>;

export type UserConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = ResolversObject<{
  edges?: Resolver<ReadonlyArray<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type UserEdgeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = RequestContext> = ResolversObject<{
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApiKeyCreated?: ApiKeyCreatedResolvers<ContextType>;
  ApiScope?: ApiScopeResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Note?: NoteResolvers<ContextType>;
  NoteConnection?: NoteConnectionResolvers<ContextType>;
  NoteEdge?: NoteEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Passkey?: PasskeyResolvers<ContextType>;
  PasskeyChallenge?: PasskeyChallengeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecoveryCodes?: RecoveryCodesResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  TotpEnrollment?: TotpEnrollmentResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = RequestContext> = ResolversObject<{
  auth?: AuthDirectiveResolver<any, any, ContextType>;
  public?: PublicDirectiveResolver<any, any, ContextType>;
  rateLimit?: RateLimitDirectiveResolver<any, any, ContextType>;
  scope?: ScopeDirectiveResolver<any, any, ContextType>;
}>;
