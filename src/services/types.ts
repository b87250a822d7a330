// Domain types the GraphQL layer maps its types to (codegen `mappers`).
import type { SessionRecord, UserRecord } from '../repositories/records.js';
import type { IssuedToCarrier, SignedInViewer } from '../platform/request-context.js';
import type { Page } from './page.js';

export type { UserRecord as User } from '../repositories/records.js';
export type { Role } from '../platform/request-context.js';

/** A user as returned to GraphQL, possibly carrying the viewer it was just issued to. */
export type UserModel = UserRecord & IssuedToCarrier;

export interface SessionModel extends SessionRecord {
  /** Whether this is the session of the token making the request. */
  readonly current: boolean;
}

export interface AuthResult {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Issued by signup and login (kept by the client to be a known device); null from a refresh. */
  readonly deviceToken: string | null;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
  readonly user: UserModel;
  readonly viewer: SignedInViewer;
}

export type UserPage = Page<UserModel>;
