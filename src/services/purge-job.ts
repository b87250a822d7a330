// Keeps the sessions and refresh_tokens tables from growing without bound:
// ended and expired sessions go after a retention period (long enough to read
// them in an investigation), expired refresh tokens at once.
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { SessionRepository } from '../repositories/session-repository.js';

const everyMs = 60 * 60 * 1000;

export function createPurgeJob(deps: { sessions: SessionRepository; clock: Clock; log: Logger; retentionMs: number }) {
  const { sessions, clock, log, retentionMs } = deps;
  let timer: NodeJS.Timeout | undefined;
  const runOnce = async () => {
    const now = clock.now();
    const purged = await sessions.purge(now, now - retentionMs);
    if (purged.sessions + purged.refreshTokens > 0) log.info({ purged }, 'purged expired sessions and refresh tokens');
    return purged;
  };
  return {
    runOnce,
    start() {
      timer = setInterval(() => runOnce().catch((err: unknown) => log.error({ err }, 'purge failed')), everyMs);
      timer.unref(); // never the reason the process stays up
    },
    stop() {
      clearInterval(timer);
    },
  };
}
