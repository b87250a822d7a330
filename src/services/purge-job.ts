// Keeps the sessions, refresh_tokens, device_tokens and api_keys tables from
// growing without bound: ended and expired sessions, and revoked and expired
// API keys, go after a retention period (long enough to read them in an
// investigation, and to tell a revoked key from an unknown one), expired
// refresh tokens and device tokens at once. Revoked device tokens need no
// purge: revoking deletes them.
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/logger.js';
import type { ApiKeyRepository } from '../repositories/api-key-repository.js';
import type { DeviceTokenRepository } from '../repositories/device-token-repository.js';
import type { SessionRepository } from '../repositories/session-repository.js';

const everyMs = 60 * 60 * 1000;

export interface Purged {
  readonly sessions: number;
  readonly refreshTokens: number;
  readonly deviceTokens: number;
  readonly apiKeys: number;
}

export function createPurgeJob(deps: { sessions: SessionRepository; deviceTokens: DeviceTokenRepository; apiKeys: ApiKeyRepository; clock: Clock; log: Logger; retentionMs: number }) {
  const { sessions, deviceTokens, apiKeys, clock, log, retentionMs } = deps;
  let timer: NodeJS.Timeout | undefined;
  const runOnce = async (): Promise<Purged> => {
    const now = clock.now();
    const purged = { ...(await sessions.purge(now, now - retentionMs)), deviceTokens: await deviceTokens.purgeExpired(now), apiKeys: await apiKeys.purge(now - retentionMs) };
    if (purged.sessions + purged.refreshTokens + purged.deviceTokens + purged.apiKeys > 0) log.info({ purged }, 'purged expired sessions, tokens and API keys');
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
