// Keeps the sessions, refresh_tokens and device_tokens tables from growing
// without bound: ended and expired sessions go after a retention period (long
// enough to read them in an investigation), expired refresh tokens and device
// tokens at once. Revoked device tokens need no purge: revoking deletes them.
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { DeviceTokenRepository } from '../repositories/device-token-repository.js';
import type { SessionRepository } from '../repositories/session-repository.js';

const everyMs = 60 * 60 * 1000;

export interface Purged {
  readonly sessions: number;
  readonly refreshTokens: number;
  readonly deviceTokens: number;
}

export function createPurgeJob(deps: { sessions: SessionRepository; deviceTokens: DeviceTokenRepository; clock: Clock; log: Logger; retentionMs: number }) {
  const { sessions, deviceTokens, clock, log, retentionMs } = deps;
  let timer: NodeJS.Timeout | undefined;
  const runOnce = async (): Promise<Purged> => {
    const now = clock.now();
    const purged = { ...(await sessions.purge(now, now - retentionMs)), deviceTokens: await deviceTokens.purgeExpired(now) };
    if (purged.sessions + purged.refreshTokens + purged.deviceTokens > 0) log.info({ purged }, 'purged expired sessions and tokens');
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
