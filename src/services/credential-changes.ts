// One process has two caches of "is this credential live?": sessions
// (session-verifier.ts) and API keys (api-key-verifier.ts). A change either
// publishes must reach both here, at once, and every other instance through
// `remote` (Redis when REDIS_URL is set): a role change or a deleted user ends
// what both have cached. Applying a change is idempotent, so the publisher's
// own cache may hear it twice.
import { localOnly, type SessionInvalidations } from './session-invalidations.js';

export function shareCredentialChanges(remote: SessionInvalidations = localOnly): SessionInvalidations {
  const handlers: Array<Parameters<SessionInvalidations['subscribe']>[0]> = [];
  remote.subscribe((change) => {
    for (const apply of handlers) apply(change);
  });
  return {
    get listening() {
      return remote.listening;
    },
    publish(change) {
      for (const apply of handlers) apply(change);
      return remote.publish(change);
    },
    subscribe(apply) {
      handlers.push(apply);
    },
  };
}
