// How one instance tells the others that a session ended, an API key was
// revoked or a user changed, so their cached "this is live" answers go at once. Alone, an
// instance needs nobody to tell (`localOnly`); with REDIS_URL the changes go
// over a Redis channel (redis-session-invalidations.ts).
import type { ApiKeyId, SessionId, UserId } from '../platform/ids.js';

export type SessionChange =
  | { readonly kind: 'session'; readonly id: SessionId }
  | { readonly kind: 'user'; readonly id: UserId }
  | { readonly kind: 'apiKey'; readonly id: ApiKeyId }
  /** Changes may have been missed (the channel dropped or came back): forget everything. */
  | { readonly kind: 'all' };

export interface SessionInvalidations {
  /**
   * Whether every change another instance publishes reaches this one now.
   * While false, liveness must not be served from (or kept in) memory.
   */
  readonly listening: boolean;
  /** Tells every other instance; resolves once sent or given up on (bounded), never rejects. */
  publish(change: SessionChange): Promise<void>;
  /** `apply` receives every change published elsewhere, and `all` when changes may have been missed. */
  subscribe(apply: (change: SessionChange) => void): void;
}

export const localOnly: SessionInvalidations = {
  listening: true,
  publish: async () => {},
  subscribe: () => {},
};
