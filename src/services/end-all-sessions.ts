// Ending every session of a user, the one way: the rows end, and each ended
// session is forgotten by the session check here and on every other instance,
// so the access tokens issued in them fail on their very next request.
import type { Clock } from '../platform/clock.js';
import type { SessionId, UserId } from '../platform/ids.js';
import type { EndReason, SessionRepository } from '../repositories/session-repository.js';
import type { SessionVerifier } from './session-verifier.js';

export interface EndAllSessionsDeps {
  readonly sessions: SessionRepository;
  readonly verifier: SessionVerifier;
  readonly clock: Clock;
}

/** Ends every live session of the user but `keep`; the ids ended. */
export async function endAllSessions(deps: EndAllSessionsDeps, userId: UserId, reason: EndReason, keep?: SessionId): Promise<readonly SessionId[]> {
  const ended = await deps.sessions.endAllOf(userId, reason, deps.clock.now(), keep);
  await Promise.all(ended.map((id) => deps.verifier.forgetSession(id)));
  return ended;
}
