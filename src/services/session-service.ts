// Ending sessions and changing the password: every path here makes the
// affected access tokens fail on their very next request.
import type { PasswordHasher } from '../credentials/passwords.js';
import type { AuditLog } from '../platform/audit.js';
import type { Clock } from '../platform/clock.js';
import { BadUserInputError } from '../platform/errors.js';
import type { SessionId, UserId } from '../platform/ids.js';
import type { RequestOrigin, SignedInViewer, Viewer } from '../platform/request-context.js';
import type { SessionRepository } from '../repositories/session-repository.js';
import type { UserRepository } from '../repositories/user-repository.js';
import type { AccountMail } from './account-mail.js';
import { checkCurrentPassword } from './current-password.js';
import type { DeviceTrust } from './device-trust.js';
import { endAllSessions } from './end-all-sessions.js';
import { checkPasswordPolicy } from './input.js';
import type { SessionVerifier } from './session-verifier.js';
import type { SessionModel } from './types.js';

export interface SessionService {
  /** Live sessions of `userId`, newest first; `current` marks the viewer's own. */
  list(userId: UserId, viewer: Viewer): Promise<readonly SessionModel[]>;
  logout(viewer: SignedInViewer, origin: RequestOrigin): Promise<boolean>;
  logoutAll(viewer: SignedInViewer, origin: RequestOrigin): Promise<boolean>;
  revoke(viewer: SignedInViewer, id: SessionId, origin: RequestOrigin): Promise<boolean>;
  changePassword(viewer: SignedInViewer, current: string, next: string, origin: RequestOrigin): Promise<boolean>;
}

export function createSessionService(deps: {
  users: UserRepository;
  sessions: SessionRepository;
  passwords: PasswordHasher;
  verifier: SessionVerifier;
  audit: AuditLog;
  clock: Clock;
  devices: DeviceTrust;
  accountMail: Pick<AccountMail, 'passwordChanged'>;
}): SessionService {
  const { users, sessions, passwords, verifier, audit, clock, devices, accountMail } = deps;

  const endAllOf = (userId: UserId, reason: 'logout_all' | 'password_changed', keep?: SessionId) => endAllSessions(deps, userId, reason, keep);

  return {
    async list(userId, viewer) {
      const currentId = viewer.kind === 'user' ? viewer.sessionId : undefined;
      const live = await sessions.listLive(userId, clock.now());
      return live.map((s) => ({ ...s, current: s.id === currentId }));
    },

    async logout(viewer, origin) {
      const ended = await sessions.end(viewer.sessionId, 'logout', clock.now());
      await verifier.forgetSession(viewer.sessionId);
      audit.record({ type: 'logout', origin, actorId: viewer.userId, subjectId: viewer.userId, sessionId: viewer.sessionId });
      return ended;
    },

    async logoutAll(viewer, origin) {
      const ended = await endAllOf(viewer.userId, 'logout_all');
      // "Sign me out everywhere" also forgets every device: none stays trusted.
      const devicesForgotten = await devices.revokeAllForUser(viewer.userId);
      audit.record({ type: 'logout_all', origin, actorId: viewer.userId, subjectId: viewer.userId, sessions: ended.length, devicesForgotten });
      return true;
    },

    async revoke(viewer, id, origin) {
      const session = await sessions.find(id);
      // Someone else's session looks exactly like a missing one, unless you are an admin.
      if (!session || (session.userId !== viewer.userId && viewer.role !== 'ADMIN')) {
        throw new BadUserInputError('id', 'No such session');
      }
      const ended = await sessions.end(id, 'revoked', clock.now());
      await verifier.forgetSession(id);
      audit.record({ type: 'session.revoked', origin, actorId: viewer.userId, subjectId: session.userId, sessionId: id });
      return ended;
    },

    async changePassword(viewer, current, next, origin) {
      checkPasswordPolicy(next, 'newPassword');
      const user = await checkCurrentPassword(deps, viewer.userId, current);
      await users.setPasswordHash(user.id, await passwords.hash(next), clock.now());
      // Whoever else holds a session may be the reason for the change: end them all but this one.
      const ended = await endAllOf(user.id, 'password_changed', viewer.sessionId);
      audit.record({ type: 'password.changed', origin, actorId: user.id, subjectId: user.id, sessionsEnded: ended.length });
      accountMail.passwordChanged(user, 'changed', origin);
      return true;
    },
  };
}
