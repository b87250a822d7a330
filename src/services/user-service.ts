// Reading and administering users. Access is decided by the schema's rules
// before these run; the services enforce only what the data itself implies.
import type { AuditLog } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import { BadUserInputError } from '../platform/errors.js';
import { actorIdOf, type Administrator, type RequestOrigin, type Role, type SignedInViewer, type Viewer } from '../platform/request-context.js';
import type { ApiKeyVerifier } from './api-key-verifier.js';
import type { EmailAddresses } from './email-addresses.js';
import type { UserRepository } from '../repositories/user-repository.js';
import { checkNotLastAdmin, checkPageSize, parseCursor, parseUserId, toCursor } from './input.js';
import { toPage } from './page.js';
import type { SessionVerifier } from './session-verifier.js';
import type { UserModel, UserPage } from './types.js';

export interface UserService {
  /**
   * The viewer's user: at once (no promise) when the request's own session or
   * key check read it, which is every `me` but the first after a cache expiry;
   * graphql-js then completes the answer without its promise path.
   */
  me(viewer: Viewer): UserModel | null | Promise<UserModel | null>;
  byId(id: string): Promise<UserModel | null>;
  /** The user with this address (normalised as at sign-in), for the CLI, which names users by email. */
  byEmail(email: string): Promise<UserModel | null>;
  page(first: number, after: string | null | undefined): Promise<UserPage>;
  setRole(by: Administrator, userId: string, role: Role, origin: RequestOrigin): Promise<UserModel>;
  delete(actor: SignedInViewer, id: string, origin: RequestOrigin): Promise<boolean>;
}

export function createUserService(deps: { users: UserRepository; verifier: SessionVerifier; apiKeyVerifier: ApiKeyVerifier; emails: EmailAddresses; audit: AuditLog; clock: Clock }): UserService {
  const { users, verifier, apiKeyVerifier, emails, audit, clock } = deps;
  return {
    me(viewer) {
      if (viewer.kind === 'anonymous') return null;
      // The session (or key) check read the user moments ago for this very request.
      const cached = viewer.kind === 'user' ? verifier.cachedUser(viewer) : apiKeyVerifier.cachedUser(viewer);
      return cached ?? users.findById(viewer.userId).then((user) => user ?? null);
    },

    async byId(id) {
      return (await users.findById(parseUserId(id))) ?? null;
    },

    async byEmail(email) {
      const found = await users.findByEmail(emails.normalize(email));
      if (!found) return null;
      const { passwordHash: _hash, ...user } = found; // the hash stays below the service
      return user;
    },

    async page(first, after) {
      const limit = checkPageSize(first);
      const afterId = after === null || after === undefined ? undefined : parseCursor(after);
      return toPage(await users.listAfter(afterId, limit + 1), limit, afterId !== undefined, (node) => toCursor(node.id));
    },

    async setRole(by, userId, role, origin) {
      const id = parseUserId(userId, 'userId');
      const target = await users.findById(id);
      if (target && role !== 'ADMIN') checkNotLastAdmin(target, await users.countAdmins(), 'role', 'demote');
      const updated = await users.setRole(id, role, clock.now());
      if (!updated) throw new BadUserInputError('userId', 'No such user');
      // The user's next request carries the new role, here and (REDIS_URL) on every instance: forgetUser resolves once they confirm.
      await verifier.forgetUser(id);
      audit.record({ type: 'role.changed', origin, actorId: actorIdOf(by), subjectId: id, role });
      return updated;
    },

    async delete(actor, id, origin) {
      const userId = parseUserId(id);
      const target = await users.findById(userId);
      if (target) checkNotLastAdmin(target, await users.countAdmins(), 'id', 'delete');
      const deleted = await users.delete(userId);
      if (!deleted) throw new BadUserInputError('id', 'No such user');
      await verifier.forgetUser(userId);
      audit.record({ type: 'user.deleted', origin, actorId: actor.userId, subjectId: userId });
      return true;
    },
  };
}
